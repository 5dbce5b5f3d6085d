// API tokens: create one (its secret is shown once), revoke one.
import { api, flash } from "../desk/api.js";
import { checked, copyButton, format, onSubmit, value, words } from "./forms.js";

const form = document.querySelector("[data-token-form]");
const box = document.querySelector("[data-token-box]");

onSubmit(form, async () => {
  const scopes = checked(form, "scopes");
  if (!scopes.length) throw new Error(words.pickAScope);
  const made = await api("POST", "/api/v1/admin/api-tokens", { name: value(form, "name").trim(), scopes });
  form.hidden = true;
  box.hidden = false;
  box.querySelector("[data-token]").textContent = made.token;
});

copyButton(box.querySelector("[data-copy]"), box.querySelector("[data-token]"));
box.querySelector("[data-reload]").addEventListener("click", () => location.reload());

document.querySelectorAll("[data-revoke]").forEach((button) => {
  button.addEventListener("click", async () => {
    if (!confirm(format(words.confirmRevoke, { name: button.dataset.name }))) return;
    try {
      await api("DELETE", `/api/v1/admin/api-tokens/${button.dataset.revoke}`);
    } catch (failure) {
      flash(failure.message);
      return;
    }
    flash(words.revoked, "ok");
    setTimeout(() => location.reload(), 500);
  });
});
