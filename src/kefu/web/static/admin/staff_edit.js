// One staff member: profile and teams (PATCH), skills (PUT .../skills), deactivate/reactivate.
import { api, flash } from "../desk/api.js";
import { checked, format, onSubmit, value, words } from "./forms.js";

const profile = document.querySelector("[data-profile]");
const skills = document.querySelector("[data-skills]");
const access = document.querySelector("[data-access]");
const list = skills.querySelector("[data-skill-list]");
const url = `/api/v1/admin/staff/${profile.dataset.id}`;

onSubmit(profile, async () => {
  await api("PATCH", url, {
    name: value(profile, "name").trim(),
    role: value(profile, "role"),
    locale: value(profile, "locale"),
    teams: checked(profile, "teams"),
  });
  flash(words.saved, "ok");
});

function showEmpty() {
  skills.querySelector("[data-no-skills]").hidden = list.children.length > 0;
}

skills.addEventListener("click", (event) => {
  const add = event.target.closest("[data-add-skill]");
  if (add) {
    const template = document.querySelector(`[data-skill-template="${add.dataset.addSkill}"]`);
    const row = template.content.firstElementChild.cloneNode(true);
    list.append(row);
    row.querySelector("select").focus();
    showEmpty();
  }
  const remove = event.target.closest("[data-remove-skill]");
  if (remove) {
    remove.closest(".skill-row").remove();
    showEmpty();
  }
});

onSubmit(skills, async () => {
  const rows = [...list.querySelectorAll(".skill-row")].map((row) => ({
    kind: row.dataset.kind,
    value: row.querySelector('[name="skill-value"]').value,
    level: row.querySelector('[name="skill-level"]').value,
  }));
  await api("PUT", `${url}/skills`, { skills: rows });
  flash(words.skillsSaved, "ok");
});

onSubmit(access, async () => {
  const active = access.dataset.active === "true";
  if (active && !confirm(format(words.confirmDeactivate, { name: access.dataset.name }))) return;
  await api("PATCH", url, { is_active: !active });
  flash(active ? words.deactivated : words.reactivated, "ok");
  setTimeout(() => location.reload(), 600);
});
