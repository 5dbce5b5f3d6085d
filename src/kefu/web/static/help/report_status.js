// One report: what was reported, why, and what came of it (GET /api/v1/me/reports/{id}).
import { api, texts } from "/static/help/identity.js";

const root = document.querySelector(".report");
const statusLine = root.querySelector(".status-line");
const field = (name) => root.querySelector(`[data-field="${name}"]`);

try {
  const { data } = await api("GET", `/api/v1/me/reports/${root.dataset.reportId}`, undefined, { create: false });
  const from = new URLSearchParams(location.search).get("from");
  statusLine.textContent = from ? texts[from] ?? "" : "";
  field("target").textContent = `${texts.targets[data.target.type]} ${data.target.id}`;
  field("reason").textContent = data.reason.label;
  field("note").textContent = data.note || "—";
  const status = field("status");
  status.textContent = data.outcome_name ?? texts.status[data.status];
  status.className = `badge report-${data.status}`;
  field("outcome").textContent = data.outcome_text;
  root.querySelector(".report-facts").hidden = false;
} catch (error) {
  statusLine.textContent = error.status === 404 || error.status === 401 ? texts.notFound : error.message;
}
