// A ban appeal. kefu has no appeal workflow yet, so the appeal is a ticket of type "appeal" in
// the account_banned category (as the bot's appeal flow files it), with labelled sections.
import { api, format, showError, showIdentityNote, texts, withLang } from "/static/help/identity.js";
import { attachmentPicker } from "/static/help/attachments.js";

const form = document.getElementById("appeal-form");
const picker = attachmentPicker(form.querySelector("[data-attachments]"));

showIdentityNote();

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  showError(form, "");
  if (!form.reportValidity()) return;
  const values = Object.fromEntries(["kind", "account", "happened", "why"].map((name) => [name, form.elements[name].value.trim()]));
  const kind = texts.kinds[values.kind];
  const button = form.querySelector("button[type=submit]");
  button.disabled = true;
  try {
    const attachment_ids = await picker.upload();
    const { data } = await api("POST", "/api/v1/me/tickets", {
      subject: format(texts.subject, { kind, account: values.account }).slice(0, 200),
      body: format(texts.body, { ...values, kind }),
      type: "appeal",
      category: "account_banned",
      locale: document.documentElement.lang,
      attachment_ids,
    });
    form.hidden = true;
    const done = document.getElementById("appeal-done");
    done.querySelector("h2").textContent = format(texts.done, { number: data.number });
    const link = done.querySelector("[data-ticket-link]");
    link.href = withLang(`/help/tickets/${data.number}`);
    link.textContent = format(texts.viewTicket, { number: data.number });
    done.hidden = false;
    done.focus();
  } catch (error) {
    showError(form, error.message);
  } finally {
    button.disabled = false;
  }
});
