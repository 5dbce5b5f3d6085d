// The ticket page: loads the ticket's conversation, timeline and panels through the API, runs
// the agent's actions (reply, note, status, assignment, escalation, merge, macros, category
// correction) and keeps everything current from the agents' live feed.
import { api, flash } from "../desk/api.js";
import { subscribe } from "./live.js";
import { el, fill, format } from "./dom.js";
import { renderAssist, renderChat, renderRequester, renderTriage } from "./ticket_panels.js";
import { installShortcuts } from "./ticket_keys.js";
import { renderEvents, renderFacts, renderMessages, teamName } from "./ticket_view.js";

const data = JSON.parse(document.getElementById("ticket-data").textContent);
const t = data.texts;
const number = data.ticket.number;
const base = `/api/v1/tickets/${number}`;
const state = { ticket: data.ticket, teams: [], staff: [], macros: null, typingTimer: null, lastTyping: 0 };

const composer = document.querySelector("[data-composer]");
const editor = composer.querySelector("[data-body]");

// ---- reading -----------------------------------------------------------------------------------

function showTicket(ticket) {
  state.ticket = ticket;
  renderFacts(data, ticket);
  const statusSelect = document.querySelector("[data-status-select]");
  const choices = [ticket.status, ...(data.transitions[ticket.status] ?? [])];
  fill(statusSelect, choices.map((s) => el("option", { value: s, selected: s === ticket.status }, data.statuses[s])));
  const after = document.querySelector("[data-status-after]");
  const keep = after.options[0];
  fill(after, keep, (data.transitions[ticket.status] ?? []).map((s) => el("option", { value: s }, data.statuses[s])));
  const closed = ticket.status === "closed";
  for (const control of document.querySelectorAll(".actions button, .actions select, [data-composer] button, [data-composer] textarea")) {
    if (!control.matches("[data-open-help]")) control.disabled = closed;
  }
  selectCurrent("[data-assignee-select]", ticket.assignee?.id);
  selectCurrent("[data-team-select]", ticket.team?.id);
  fill(document.querySelector("[data-priority-select]"), Object.entries(data.priorities).map(
    ([key, name]) => el("option", { value: key, selected: key === ticket.priority }, name)));
  const tagsInput = document.querySelector("[data-tags-input]");
  if (document.activeElement !== tagsInput) tagsInput.value = ticket.tags.join(" ");
}

function selectCurrent(selector, id) {
  const select = document.querySelector(selector);
  select.value = id ? String(id) : "";
}

async function loadTicket() {
  showTicket(await api("GET", base));
}

async function loadConversation() {
  const [messages, events] = await Promise.all([api("GET", `${base}/messages`), api("GET", `${base}/events`)]);
  renderMessages(data, messages);
  renderEvents(data, events);
}

async function loadRequester() {
  renderRequester(data, state.ticket, null);
  const page = await api("GET", `/api/v1/tickets?requester_id=${state.ticket.requester.id}&limit=20`);
  renderRequester(data, state.ticket, page.items.filter((other) => other.number !== number));
}

async function loadTriage() {
  renderTriage(data, state.ticket, await api("GET", `${base}/triage`), correctCategory);
}

async function loadAssist() {
  renderAssist(data, await api("GET", `${base}/assist`), insert);
}

async function loadChat() {
  if (state.ticket.channel !== "chat") return;
  try {
    renderChat(data, await api("GET", `${base}/chat`));
  } catch (error) {
    if (error.status !== 404) throw error;
  }
}

async function loadChoices() {
  const [teams, staff] = await Promise.all([api("GET", "/api/v1/teams"), api("GET", "/api/v1/staff")]);
  state.teams = teams;
  state.staff = staff;
  const assignee = document.querySelector("[data-assignee-select]");
  assignee.append(...staff.map((person) => el("option", { value: person.id }, person.name)));
  const queue = document.querySelector("[data-team-select]");
  queue.append(...teams.map((team) => el("option", { value: team.id }, teamName(team))));
  fill(document.querySelector("[data-escalate-team]"),
    teams.filter((team) => team.kind === "department").map((team) => el("option", { value: team.id }, teamName(team))));
  selectCurrent("[data-assignee-select]", state.ticket.assignee?.id);
  selectCurrent("[data-team-select]", state.ticket.team?.id);
}

// Runs a loader, showing the API's own message when it fails.
function guarded(task) {
  return task().catch((error) => flash(error.message));
}

// ---- changing ----------------------------------------------------------------------------------

// Every edit sends the version last read; a 409 means someone else changed the ticket first.
async function edit(method, path, body, done) {
  try {
    const result = await api(method, path, { ...body, version: state.ticket.version });
    if (done) done(result);
    await Promise.all([loadTicket(), loadConversation()]);
    return result;
  } catch (error) {
    if (error.status === 409 && error.code === "version_conflict") {
      await guarded(() => Promise.all([loadTicket(), loadConversation()]));
      flash(t.conflict);
    } else {
      flash(error.message);
    }
    return null;
  }
}

function setStatus(status) {
  if (status === state.ticket.status) return;
  return edit("PATCH", base, { status }, () => flash(t.saved, "ok"));
}

function assignTo(assigneeId) {
  return edit("POST", `${base}/assign`, { assignee_id: assigneeId }, () => flash(t.saved, "ok"));
}

async function correctCategory(category) {
  const result = await edit("PATCH", base, { category }, () => flash(t.corrected, "ok"));
  if (result) await guarded(loadTriage);
}

function setMode(mode) {
  composer.dataset.mode = mode;
  composer.querySelector(`[data-mode-input][value="${mode}"]`).checked = true;
}

function compose(mode) {
  setMode(mode);
  editor.focus();
}

function insert(snippet) {
  const current = editor.value;
  editor.value = current.trim() ? `${current.replace(/\s+$/, "")}\n\n${snippet}` : snippet;
  editor.focus();
  editor.setSelectionRange(editor.value.length, editor.value.length);
}

async function send() {
  const body = editor.value.trim();
  if (!body) {
    flash(t.emptyBody);
    editor.focus();
    return;
  }
  const internal = composer.dataset.mode === "internal";
  const status = composer.querySelector("[data-status-after]").value || undefined;
  const button = composer.querySelector("[data-send]");
  button.disabled = true;
  try {
    await api("POST", `${base}/messages`, { body, internal, status });
    editor.value = "";
    flash(internal ? t.noteAdded : t.sent, "ok");
    await Promise.all([loadTicket(), loadConversation()]);
    if (state.ticket.channel === "chat") await guarded(loadChat);
  } catch (error) {
    flash(error.message);
  } finally {
    button.disabled = state.ticket.status === "closed";
  }
}

// ---- macros ------------------------------------------------------------------------------------

const macroDialog = document.querySelector("[data-macro-dialog]");
const macroFilter = macroDialog.querySelector("[data-macro-filter]");

function macroName(macro) {
  return document.documentElement.lang === "zh-CN" ? macro.name_zh : macro.name_en;
}

function renderMacroList() {
  const words = macroFilter.value.trim().toLowerCase();
  const shown = (state.macros ?? []).filter((m) =>
    !words || `${m.name_zh} ${m.name_en}`.toLowerCase().includes(words));
  fill(macroDialog.querySelector("[data-macro-list]"), shown.length
    ? shown.map((macro) => {
      const sets = [
        macro.set_status ? data.statuses[macro.set_status] : null,
        macro.set_priority ? data.priorities[macro.set_priority] : null,
        ...macro.add_tags.map((tag) => `#${tag}`),
      ].filter(Boolean);
      return el("li", {}, el("button", { type: "button", class: "macro", "data-macro-id": macro.id, onclick: () => applyMacro(macro) },
        el("strong", {}, macroName(macro)),
        sets.length ? el("span", { class: "muted" }, ` — ${t.macroSets}: ${sets.join(", ")}`) : null));
    })
    : el("li", { class: "muted" }, t.noMacros));
}

async function openMacros() {
  if (state.ticket.status === "closed") return;
  macroDialog.showModal();
  macroFilter.value = "";
  if (state.macros === null) {
    try {
      state.macros = await api("GET", "/api/v1/macros");
    } catch (error) {
      flash(error.message);
      state.macros = [];
    }
  }
  renderMacroList();
  macroFilter.focus();
}

async function applyMacro(macro) {
  macroDialog.close();
  const result = await edit("POST", `${base}/macros/${macro.id}/apply`, {});
  if (!result) return;
  setMode("public");
  insert(result.macro.body);
  flash(format(t.macroApplied, { name: result.macro.name }), "ok");
}

macroFilter.addEventListener("input", renderMacroList);
// Enter in the filter applies the first macro still shown.
macroFilter.addEventListener("keydown", (event) => {
  if (event.key !== "Enter") return;
  event.preventDefault();
  macroDialog.querySelector("[data-macro-id]")?.click();
});

// ---- dialogs: escalate, merge, help -------------------------------------------------------------

for (const dialog of document.querySelectorAll("dialog")) {
  for (const close of dialog.querySelectorAll("[data-close]")) close.addEventListener("click", () => dialog.close());
}

const escalateDialog = document.querySelector("[data-escalate-dialog]");
document.querySelector("[data-open-escalate]").addEventListener("click", () => escalateDialog.showModal());
document.querySelector("[data-escalate-form]").addEventListener("submit", async (event) => {
  event.preventDefault();
  const team_id = Number(escalateDialog.querySelector("[data-escalate-team]").value);
  const note = escalateDialog.querySelector("[data-escalate-note]").value.trim();
  if (!note) return;
  escalateDialog.close();
  await edit("POST", `${base}/escalate`, { team_id, note }, (parent) => {
    const child = parent.children[parent.children.length - 1];
    flash(format(t.escalated, { number: child?.number ?? "" }), "ok");
    escalateDialog.querySelector("[data-escalate-note]").value = "";
  });
});

const mergeDialog = document.querySelector("[data-merge-dialog]");
document.querySelector("[data-open-merge]").addEventListener("click", () => mergeDialog.showModal());
document.querySelector("[data-merge-form]").addEventListener("submit", async (event) => {
  event.preventDefault();
  const target = Number(mergeDialog.querySelector("[data-merge-target]").value.replace("#", ""));
  if (!target) return;
  mergeDialog.close();
  await edit("POST", `${base}/merge`, { target_number: target },
    (survivor) => flash(format(t.merged, { number: survivor.number }), "ok"));
});

const helpDialog = document.querySelector("[data-help-dialog]");
document.querySelector("[data-open-help]").addEventListener("click", () => helpDialog.showModal());

// ---- the action bar ------------------------------------------------------------------------------

document.querySelector("[data-status-form]").addEventListener("submit", (event) => {
  event.preventDefault();
  setStatus(document.querySelector("[data-status-select]").value);
});
document.querySelector("[data-assign-me]").addEventListener("click", () => assignTo(data.me.id));
document.querySelector("[data-assign-form]").addEventListener("submit", (event) => {
  event.preventDefault();
  const value = document.querySelector("[data-assignee-select]").value;
  assignTo(value ? Number(value) : null);
});
document.querySelector("[data-team-form]").addEventListener("submit", (event) => {
  event.preventDefault();
  const value = document.querySelector("[data-team-select]").value;
  edit("PATCH", base, { team_id: value ? Number(value) : null }, () => flash(t.saved, "ok"));
});
document.querySelector("[data-priority-form]").addEventListener("submit", (event) => {
  event.preventDefault();
  const priority = document.querySelector("[data-priority-select]").value;
  if (priority !== state.ticket.priority) edit("PATCH", base, { priority }, () => flash(t.saved, "ok"));
});
document.querySelector("[data-tags-form]").addEventListener("submit", (event) => {
  event.preventDefault();
  const tags = document.querySelector("[data-tags-input]").value.split(/[\s,，]+/).filter(Boolean);
  edit("PATCH", base, { tags }, () => flash(t.saved, "ok"));
});
document.querySelector("[data-open-macros]").addEventListener("click", openMacros);
for (const input of composer.querySelectorAll("[data-mode-input]")) {
  input.addEventListener("change", () => setMode(input.value));
}
composer.addEventListener("submit", (event) => {
  event.preventDefault();
  send();
});

// Tabs: conversation and timeline.
const tabs = [...document.querySelectorAll("[data-tab]")];
function selectTab(tab) {
  for (const other of tabs) {
    const selected = other === tab;
    other.setAttribute("aria-selected", String(selected));
    other.tabIndex = selected ? 0 : -1;
    document.getElementById(other.getAttribute("aria-controls")).hidden = !selected;
  }
}
for (const tab of tabs) {
  tab.addEventListener("click", () => selectTab(tab));
  tab.addEventListener("keydown", (event) => {
    if (event.key !== "ArrowLeft" && event.key !== "ArrowRight") return;
    const next = tabs[(tabs.indexOf(tab) + (event.key === "ArrowRight" ? 1 : tabs.length - 1)) % tabs.length];
    selectTab(next);
    next.focus();
  });
}

installShortcuts({
  editor,
  send,
  actions: {
    r: () => compose("public"),
    n: () => compose("internal"),
    a: () => assignTo(data.me.id),
    s: () => setStatus("solved"),
    p: () => setStatus("pending"),
    m: openMacros,
    "?": () => helpDialog.showModal(),
  },
});

// ---- live updates --------------------------------------------------------------------------------

const feedState = document.querySelector("[data-feed-state]");
const typingNote = document.querySelector("[data-typing]");

const feed = subscribe(
  (frame) => {
    if (frame.ticket_number !== number) return;
    if (frame.event === "typing") {
      typingNote.textContent = t.typing;
      clearTimeout(state.typingTimer);
      state.typingTimer = setTimeout(() => { typingNote.textContent = ""; }, 6000);
      return;
    }
    typingNote.textContent = "";
    guarded(async () => {
      await Promise.all([loadTicket(), loadConversation()]);
      if (frame.event === "ticket.message") {
        if (state.ticket.channel === "chat") await loadChat();
        setTimeout(() => guarded(loadTriage), 1500);  // a reply's triage runs as a job
      }
    });
  },
  (live) => {
    feedState.textContent = live ? `● ${t.feedLive}` : t.feedOffline;
    feedState.dataset.live = String(live);
  },
);

// A chat's user sees "agent is typing" while a public reply is written (at most every 3 s).
editor.addEventListener("input", () => {
  if (composer.dataset.mode !== "public" || Date.now() - state.lastTyping < 3000) return;
  state.lastTyping = Date.now();
  if (state.ticket.channel === "chat") feed.send({ type: "typing", ticket_number: number });
});

// ---- start -----------------------------------------------------------------------------------------

showTicket(state.ticket);
// An escalation's child ticket takes internal notes only (nobody would read a public reply).
if (state.ticket.parent_number) setMode("internal");
guarded(loadConversation);
guarded(loadChoices);
guarded(loadRequester);
guarded(loadTriage);
guarded(loadAssist);
guarded(loadChat);
