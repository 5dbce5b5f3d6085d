// Report content: reasons from the API, evidence uploaded first, then the report's own page.
import { api, format, showError, showIdentityNote, texts, token, withLang } from "/static/help/identity.js";
import { attachmentPicker } from "/static/help/attachments.js";

const form = document.getElementById("report-form");
const reason = form.querySelector("#report-reason");
const picker = attachmentPicker(form.querySelector("[data-attachments]"));
const reports = document.querySelector(".report-list");
const TARGET_ID = /^[A-Za-z0-9_\-.:@]{1,128}$/;

showIdentityNote();

/** The id inside a share link (its last path segment that looks like one), or the id typed. */
export function targetId(value) {
  const text = value.trim();
  if (!/^https?:\/\//i.test(text)) return TARGET_ID.test(text) ? text : null;
  let url;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  const segments = url.pathname.split("/").filter(Boolean).reverse();
  return segments.find((segment) => TARGET_ID.test(segment) && /\d/.test(segment)) ?? null;
}

async function loadReasons() {
  try {
    const { data } = await api("GET", "/api/v1/reports/reasons", undefined, { create: false });
    reason.replaceChildren(new Option(texts.choose, ""), ...data.map((r) => new Option(r.label, r.key)));
  } catch (error) {
    showError(form, error.message);
  }
}

async function loadMine() {
  if (!(await token({ create: false }))) {
    reports.replaceChildren(Object.assign(document.createElement("li"), { textContent: texts.none }));
    return;
  }
  try {
    const { data } = await api("GET", "/api/v1/me/reports?limit=20", undefined, { create: false });
    if (!data.items.length) {
      reports.replaceChildren(Object.assign(document.createElement("li"), { textContent: texts.none }));
      return;
    }
    reports.replaceChildren(...data.items.map((report) => {
      const li = document.createElement("li");
      const link = document.createElement("a");
      link.href = withLang(`/help/reports/${report.id}`);
      link.textContent = `${format(texts.number, { id: report.id })} · ${texts.targets[report.target.type]} ${report.target.id}`;
      const badge = document.createElement("span");
      badge.className = `badge report-${report.status}`;
      badge.textContent = report.outcome_name ?? texts.status[report.status];
      li.append(link, " ", badge);
      return li;
    }));
  } catch (error) {
    reports.replaceChildren(Object.assign(document.createElement("li"), { textContent: error.message }));
  }
}

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  showError(form, "");
  const id = targetId(form.elements.target.value);
  if (!id) {
    form.elements.target.setAttribute("aria-invalid", "true");
    return showError(form, texts.targetBad);
  }
  form.elements.target.removeAttribute("aria-invalid");
  if (!form.reportValidity()) return;
  const button = form.querySelector("button[type=submit]");
  button.disabled = true;
  try {
    const attachment_ids = await picker.upload();
    const { data, response } = await api("POST", "/api/v1/me/reports", {
      target: { type: form.elements.type.value, id },
      reason: form.elements.reason.value,
      note: form.elements.note.value.trim(),
      attachment_ids,
      locale: document.documentElement.lang,
    });
    const how = response.status === 201 ? "filed" : "already";
    location.assign(withLang(`/help/reports/${data.id}`) + `&from=${how}`);
  } catch (error) {
    showError(form, error.message);
    button.disabled = false;
  }
});

loadReasons();
loadMine();
