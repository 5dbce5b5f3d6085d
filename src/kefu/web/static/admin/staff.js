// The staff list: adding a person; a generated first password is shown once.
import { api, flash } from "../desk/api.js";
import { checked, copyButton, format, onSubmit, value, words } from "./forms.js";

const form = document.querySelector("[data-create-staff]");
const created = document.querySelector("[data-created]");

onSubmit(form, async () => {
  const body = {
    name: value(form, "name").trim(),
    email: value(form, "email").trim(),
    role: value(form, "role"),
    locale: value(form, "locale"),
    teams: checked(form, "teams"),
  };
  if (value(form, "password")) body.password = value(form, "password");
  const person = await api("POST", "/api/v1/admin/staff", body);
  const message = format(words.created, { name: person.name });
  form.hidden = true;
  created.hidden = false;
  created.querySelector("[data-created-message]").textContent = message;
  if (person.generated_password) {
    created.querySelector("[data-password]").textContent = person.generated_password;
    created.querySelector("[data-password-box]").hidden = false;
  }
  created.querySelector("[data-edit-link]").href = `/desk/admin/staff/${person.id}`;
  flash(message, "ok");
});

copyButton(created.querySelector("[data-copy]"), created.querySelector("[data-password]"));
created.querySelector("[data-reload]").addEventListener("click", () => location.reload());
