// Help & Feedback: categories from the API, several photos and videos sent in one multipart
// request; a retry after a network failure reuses the Idempotency-Key, so it files one ticket.
import { api, format, showError, showIdentityNote, texts, withLang } from "/static/help/identity.js";
import { attachmentPicker } from "/static/help/attachments.js";

const form = document.getElementById("feedback-form");
const category = form.querySelector("#feedback-category");
const picker = attachmentPicker(form.querySelector("[data-attachments]"));
const submit = form.querySelector("button[type=submit]");
let key = crypto.randomUUID();

showIdentityNote();

async function loadCategories() {
  try {
    const { data } = await api("GET", "/api/v1/feedback/categories", undefined, { create: false });
    const wanted = category.dataset.selected;
    const first = new Option(texts.choose, "");
    category.replaceChildren(first, ...data.map((c) => new Option(c.label, c.key, false, c.key === wanted)));
  } catch (error) {
    showError(form, error.message);
  }
}

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  if (!form.reportValidity()) return;
  showError(form, "");
  const body = new FormData();
  for (const name of ["category", "text", "contact_email", "contact_phone"]) {
    const value = form.elements[name].value.trim();
    if (value) body.append(name, value);
  }
  body.append("locale", document.documentElement.lang);
  for (const file of picker.files()) body.append("files", file, file.name);
  submit.disabled = true;
  submit.textContent = texts.sending;
  try {
    const { data } = await api("POST", "/api/v1/me/feedback", body, { headers: { "Idempotency-Key": key } });
    key = crypto.randomUUID();
    picker.clear();
    form.reset();
    form.hidden = true;
    const done = document.getElementById("feedback-done");
    done.querySelector("h2").textContent = format(texts.done, { number: data.ticket_number });
    const link = done.querySelector("[data-ticket-link]");
    link.href = withLang(`/help/tickets/${data.ticket_number}`);
    link.textContent = format(texts.viewTicket, { number: data.ticket_number });
    done.hidden = false;
    done.focus();
  } catch (error) {
    if (error.status >= 400 && error.status < 500) key = crypto.randomUUID(); // refused: a new try is new
    showError(form, error.message);
  } finally {
    submit.disabled = false;
    submit.textContent = submit.dataset.label;
  }
});
submit.dataset.label = submit.textContent;
loadCategories();
