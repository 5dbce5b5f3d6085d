// One article: a live preview rendered by the server (the help centre's own renderer), saving
// with the version the editor started from, publishing, and loading an older revision.
import { api, flash } from "../desk/api.js";
import { format, onSubmit, value, words } from "./forms.js";

const form = document.querySelector("[data-article-form]");
const preview = document.querySelector("[data-preview]");
const body = form.elements.namedItem("body");
const id = form.dataset.id;
const STATUS_OF = { publish: "published", unpublish: "draft", archive: "archived" };
const OUTCOME_OF = { save: "saved", publish: "published", unpublish: "unpublished", archive: "archived" };

// --- preview: one request at a time, the latest text wins ---
let timer = null;
let asked = 0;

async function renderPreview() {
  const text = body.value;
  const mine = ++asked;
  if (!text.trim()) {
    preview.innerHTML = "";
    const empty = document.createElement("p");
    empty.className = "muted";
    empty.textContent = words.previewEmpty;
    preview.append(empty);
    return;
  }
  try {
    const { html } = await api("POST", "/api/v1/kb/preview", { body: text, locale: value(form, "locale") });
    if (mine === asked) preview.innerHTML = html; // safe: the server escapes raw HTML
  } catch (failure) {
    if (mine === asked) flash(failure.message);
  }
}

function schedulePreview() {
  clearTimeout(timer);
  timer = setTimeout(renderPreview, 350);
}

body.addEventListener("input", schedulePreview);
form.elements.namedItem("locale").addEventListener("change", schedulePreview);
renderPreview();

// --- saving ---
function lines(text, separator) {
  return text.split(separator).map((item) => item.trim()).filter(Boolean);
}

function content() {
  return {
    title: value(form, "title").trim(),
    body: body.value,
    category: value(form, "category") || null,
    visibility: value(form, "visibility"),
    tags: lines(value(form, "tags"), /[,，]/),
    questions: lines(value(form, "questions"), "\n"),
  };
}

onSubmit(form, async (submitter) => {
  const action = submitter?.dataset.action ?? "save";
  const changes = content();
  if (STATUS_OF[action]) changes.status = STATUS_OF[action];
  let saved;
  if (id) {
    saved = await api("PATCH", `/api/v1/kb/articles/${id}`, { version: Number(form.dataset.version), ...changes });
  } else {
    saved = await api("POST", "/api/v1/kb/articles", {
      slug: value(form, "slug").trim(),
      locale: value(form, "locale"),
      status: changes.status ?? "draft",
      ...changes,
    });
  }
  const outcome = id ? OUTCOME_OF[action] : "created";
  location.assign(`/desk/admin/kb/${saved.id}?done=${outcome}`);
});

// --- revisions: put an older version's title and text back in the editor ---
document.querySelectorAll("[data-load-revision]").forEach((button) => {
  button.addEventListener("click", () => {
    const details = button.closest("details");
    form.elements.namedItem("title").value = details.querySelector("[data-revision-title]").textContent;
    body.value = details.querySelector("[data-revision-body]").textContent;
    renderPreview();
    flash(format(words.revisionLoaded, { version: button.dataset.loadRevision }), "ok");
    body.focus();
  });
});
