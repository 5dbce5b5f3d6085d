// Teams: one form adds a team, or renames the one whose "Edit" was pressed (the slug stays).
import { api, flash } from "../desk/api.js";
import { format, onSubmit, value, words } from "./forms.js";

const form = document.querySelector("[data-team-form]");
const title = document.querySelector("[data-form-title]");
const submit = form.querySelector("[data-submit]");
const cancel = form.querySelector("[data-cancel]");
let editing = null; // the id of the team being renamed, or null when adding

function reset() {
  editing = null;
  form.reset();
  form.elements.namedItem("slug").disabled = false;
  title.textContent = words.addTeam;
  submit.textContent = words.create;
  cancel.hidden = true;
}

document.querySelectorAll("[data-edit-team]").forEach((button) => {
  button.addEventListener("click", () => {
    const team = button.dataset;
    editing = team.id;
    form.elements.namedItem("slug").value = team.slug;
    form.elements.namedItem("slug").disabled = true;
    form.elements.namedItem("name_zh").value = team.nameZh;
    form.elements.namedItem("name_en").value = team.nameEn;
    form.elements.namedItem("kind").value = team.kind;
    title.textContent = format(words.editTeam, { slug: team.slug });
    submit.textContent = words.save;
    cancel.hidden = false;
    form.elements.namedItem("name_zh").focus();
  });
});
cancel.addEventListener("click", reset);

onSubmit(form, async () => {
  const names = {
    name_zh: value(form, "name_zh").trim(),
    name_en: value(form, "name_en").trim(),
    kind: value(form, "kind"),
  };
  if (editing) {
    await api("PATCH", `/api/v1/admin/teams/${editing}`, names);
    flash(words.saved, "ok");
  } else {
    await api("POST", "/api/v1/admin/teams", { slug: value(form, "slug").trim(), ...names });
    flash(words.created, "ok");
  }
  setTimeout(() => location.reload(), 500);
});
