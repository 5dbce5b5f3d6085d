// The macros page: lists /api/v1/macros (switched-off ones too), and creates, edits and
// deletes them; the API's own message (e.g. an unknown placeholder) is shown when it refuses.
import { api, flash } from "../desk/api.js";

const data = JSON.parse(document.getElementById("macros-data").textContent);
const t = data.texts;
const zh = document.documentElement.lang === "zh-CN";
const form = document.querySelector("[data-form]");
const rows = document.querySelector("[data-rows]");
const heading = document.querySelector("[data-form-heading]");
const remove = document.querySelector("[data-delete]");
let macros = [];
let editing = null;

function cell(...children) {
  const td = document.createElement("td");
  td.append(...children);
  return td;
}

function render() {
  rows.replaceChildren();
  if (!macros.length) {
    const empty = cell(t.none);
    empty.colSpan = 4;
    const tr = document.createElement("tr");
    tr.append(empty);
    rows.append(tr);
    return;
  }
  for (const macro of macros) {
    const tr = document.createElement("tr");
    if (editing?.id === macro.id) tr.setAttribute("aria-current", "true");
    const name = zh ? macro.name_zh : macro.name_en;
    const sets = [
      macro.set_status ? data.statuses[macro.set_status] : "",
      macro.set_priority ? data.priorities[macro.set_priority] : "",
      ...macro.add_tags.map((tag) => `#${tag}`),
    ].filter(Boolean).join(", ");
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = t.edit;
    button.setAttribute("aria-label", `${t.edit}: ${name}`);
    button.addEventListener("click", () => edit(macro));
    tr.append(cell(name), cell(sets || "—"), cell(macro.is_active ? t.yes : t.no), cell(button));
    rows.append(tr);
  }
}

function edit(macro) {
  editing = macro;
  heading.textContent = macro ? t.editing : t.new;
  remove.hidden = !macro;
  form.reset();
  if (macro) {
    for (const name of ["name_zh", "name_en", "body_zh", "body_en"]) form.elements[name].value = macro[name];
    form.elements.set_status.value = macro.set_status ?? "";
    form.elements.set_priority.value = macro.set_priority ?? "";
    form.elements.add_tags.value = macro.add_tags.join(" ");
    form.elements.is_active.checked = macro.is_active;
    form.elements.name_zh.focus();
  }
  render();
}

async function load() {
  macros = await api("GET", "/api/v1/macros?include_inactive=true");
  render();
}

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  const body = {
    name_zh: form.elements.name_zh.value,
    name_en: form.elements.name_en.value,
    body_zh: form.elements.body_zh.value,
    body_en: form.elements.body_en.value,
    set_status: form.elements.set_status.value || null,
    set_priority: form.elements.set_priority.value || null,
    add_tags: form.elements.add_tags.value.split(/[\s,，]+/).filter(Boolean),
    is_active: form.elements.is_active.checked,
  };
  try {
    const saved = editing
      ? await api("PATCH", `/api/v1/macros/${editing.id}`, body)
      : await api("POST", "/api/v1/macros", body);
    flash(t.saved, "ok");
    await load();
    edit(macros.find((macro) => macro.id === saved.id) ?? null);
  } catch (error) {
    flash(error.message);
  }
});

document.querySelector("[data-new]").addEventListener("click", () => {
  edit(null);
  form.elements.name_zh.focus();
});
document.querySelector("[data-cancel]").addEventListener("click", () => edit(null));
remove.addEventListener("click", async () => {
  if (!editing) return;
  const name = zh ? editing.name_zh : editing.name_en;
  if (!confirm(t.confirmDelete.replace("{name}", name))) return;
  try {
    await api("DELETE", `/api/v1/macros/${editing.id}`);
    flash(t.deleted, "ok");
    edit(null);
    await load();
  } catch (error) {
    flash(error.message);
  }
});

load().catch((error) => flash(error.message));
