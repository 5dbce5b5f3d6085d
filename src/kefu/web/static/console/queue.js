// The queue (/desk): views with live counts, the filtered and sorted ticket list, cursor paging,
// saved views, live updates from the desk feed and keyboard shortcuts. The server painted the
// first page; from here on everything goes through the JSON API.
import { api, flash } from "/static/desk/api.js";
import { bindKeys } from "./keys.js";
import { subscribe } from "./live.js";

const state = JSON.parse(document.getElementById("queue-state").textContent);
const T = state.texts;
const L = state.labels;
const $ = (selector, root = document) => root.querySelector(selector);
const $$ = (selector, root = document) => [...root.querySelectorAll(selector)];
const form = $("[data-filters]");
const rowsBody = $("[data-rows]");
const language = document.documentElement.lang;
const LIST_KEYS = ["status", "priority", "team", "assignee", "category", "channel", "locale",
  "tag", "needs_triage", "q", "sort", "order"];

let filters = state.filters;
let viewKey = state.view;
let cursors = [null]; // the cursor of each page shown so far; the last one is the current page
let nextCursor = state.nextCursor;
let selected = -1;
let fresh = new Set(); // ticket numbers a live event mentioned since the last refresh

const format = (template, values) => template.replace(/\{(\w+)\}/g, (_, k) => values[k] ?? "");

// ---- views --------------------------------------------------------------------------------

function allViews() { return [...state.views.builtin, ...state.views.saved]; }
function currentView() { return allViews().find((v) => v.key === viewKey); }

function sameFilters(a, b) {
  const norm = (f) => JSON.stringify(LIST_KEYS.map((k) => {
    const v = f[k];
    return Array.isArray(v) ? [...v].sort() : v ?? null;
  }));
  return norm(a) === norm(b);
}

function viewItem(view) {
  const li = document.createElement("li");
  if (view.key === viewKey) li.className = "current";
  const link = document.createElement("a");
  link.href = `/desk?view=${encodeURIComponent(view.key)}`;
  link.dataset.view = view.key;
  if (view.key === viewKey) link.setAttribute("aria-current", "page");
  if (view.shortcut) link.setAttribute("aria-keyshortcuts", `g ${view.shortcut}`);
  const name = document.createElement("span");
  name.className = "view-name";
  name.textContent = view.name;
  const count = document.createElement("span");
  count.className = "count";
  count.dataset.count = "";
  count.textContent = view.count;
  count.setAttribute("aria-hidden", "true");
  const spoken = document.createElement("span");
  spoken.className = "visually-hidden";
  spoken.textContent = format(T.countLabel, { count: view.count });
  link.append(name, count, spoken);
  li.append(link);
  if (!view.builtin) {
    if (view.team) {
      const shared = document.createElement("span");
      shared.className = "shared muted";
      const team = L.team[String(view.team.id)] ?? view.team.slug;
      shared.textContent = view.editable
        ? format(T.sharedWith, { team }) : format(T.sharedBy, { name: view.owner?.name ?? "" });
      li.append(shared);
    }
    if (view.editable) {
      const actions = document.createElement("span");
      actions.className = "view-actions";
      for (const [attr, label, aria, extra] of [
        ["rename", T.rename, T.renameView, ""], ["delete", T.delete, T.deleteView, " danger"]]) {
        const button = document.createElement("button");
        button.type = "button";
        button.className = "link" + extra;
        button.dataset[attr] = view.id;
        button.textContent = label;
        button.setAttribute("aria-label", format(aria, { name: view.name }));
        actions.append(button);
      }
      li.append(actions);
    }
  }
  return li;
}

function renderViews() {
  $("[data-builtin]").replaceChildren(...state.views.builtin.map(viewItem));
  const saved = state.views.saved.map(viewItem);
  if (!saved.length) {
    const empty = document.createElement("li");
    empty.className = "muted empty-views";
    empty.textContent = T.noSavedViews;
    saved.push(empty);
  }
  $("[data-saved]").replaceChildren(...saved);
  const view = currentView();
  const modified = !view || !sameFilters(filters, view.filters);
  const title = view ? view.name : T.customView;
  $("[data-title]").textContent = title;
  $("[data-modified]").hidden = !modified || !view;
  $("[data-caption]").textContent = format(T.tableCaption, { view: title });
  document.title = `${title} · ${document.title.split(" · ").slice(1).join(" · ")}`;
}

async function refreshViews() {
  state.views = await api("GET", "/api/v1/views");
  renderViews();
}

// ---- the filter form ----------------------------------------------------------------------

function readForm() {
  const data = new FormData(form);
  const value = (name) => data.get(name) || null;
  const idOr = (v) => (v && /^\d+$/.test(v) ? Number(v) : v);
  return {
    ...filters,
    status: data.getAll("status"),
    priority: data.getAll("priority"),
    category: value("category"),
    channel: value("channel"),
    locale: value("locale"),
    team: idOr(value("team")),
    assignee: idOr(value("assignee")),
    needs_triage: value("needs_triage") === "true" ? true : null,
    q: (data.get("q") || "").trim() || null,
  };
}

function fillForm() {
  for (const box of $$("input[type=checkbox]", form)) {
    box.checked = (filters[box.name] ?? []).includes(box.value);
  }
  for (const select of $$("select", form)) {
    const v = filters[select.name];
    select.value = v === null || v === undefined ? "" : String(v);
    if (select.selectedIndex < 0) select.value = "";
  }
  $("#queue-q").value = filters.q ?? "";
  const active = ["status", "priority"].reduce((n, k) => n + (filters[k].length ? 1 : 0), 0)
    + ["category", "channel", "locale", "team", "assignee", "needs_triage"]
      .reduce((n, k) => n + (filters[k] !== null && filters[k] !== undefined ? 1 : 0), 0);
  $("[data-filter-summary]").textContent = active ? format(T.filtersActive, { count: active }) : T.filters;
}

function renderSort() {
  const sort = filters.sort ?? "updated_at";
  const order = filters.order ?? "desc";
  for (const th of $$("th[data-sort]")) {
    th.setAttribute("aria-sort", th.dataset.sort === sort ? (order === "desc" ? "descending" : "ascending") : "none");
  }
}

// ---- the list -----------------------------------------------------------------------------

function ticketQuery(cursor) {
  const params = new URLSearchParams();
  for (const key of LIST_KEYS) {
    const v = filters[key];
    if (Array.isArray(v)) v.forEach((item) => params.append(key, item));
    else if (v !== null && v !== undefined && v !== "") params.set(key, String(v));
  }
  params.set("limit", state.pageSize);
  if (cursor) params.set("cursor", cursor);
  return params;
}

function cell(className, ...content) {
  const td = document.createElement("td");
  td.className = className;
  td.append(...content);
  return td;
}

function ticketRow(ticket) {
  const tr = document.createElement("tr");
  tr.dataset.number = ticket.number;
  tr.className = `prio-${ticket.priority}`;
  const link = document.createElement("a");
  link.href = `/desk/tickets/${ticket.number}`;
  link.textContent = ticket.subject;
  const subject = cell("col-subject", link);
  if (ticket.status === "new" && !ticket.first_response_at) {
    const dot = document.createElement("span");
    dot.className = "awaiting";
    dot.title = T.awaitingReply;
    dot.textContent = "●";
    const hidden = document.createElement("span");
    hidden.className = "visually-hidden";
    hidden.textContent = T.awaitingReply;
    dot.append(hidden);
    subject.append(" ", dot);
  }
  const badge = (kind, value, label) => {
    const span = document.createElement("span");
    span.className = `${kind} ${kind}-${value}`;
    span.textContent = label;
    return span;
  };
  const requester = cell(
    "col-requester",
    ticket.requester.name || (ticket.requester.is_anonymous ? T.anonymous : `#${ticket.requester.id}`),
  );
  if (ticket.requester.vip_level) {
    const vip = document.createElement("span");
    vip.className = "vip";
    vip.textContent = "VIP";
    requester.append(" ", vip);
  }
  const time = document.createElement("time");
  time.dateTime = ticket.updated_at;
  tr.append(
    cell("col-number", `#${ticket.number}`),
    subject,
    requester,
    cell("col-status", badge("status", ticket.status, L.status[ticket.status] ?? ticket.status)),
    cell("col-priority", badge("prio", ticket.priority, L.priority[ticket.priority] ?? ticket.priority)),
    cell("col-category", ticket.category ? (L.category[ticket.category] ?? ticket.category) : "—"),
    cell("col-team", ticket.team ? (L.team[String(ticket.team.id)] ?? ticket.team.slug) : "—"),
    cell("col-assignee", ticket.assignee ? ticket.assignee.name : T.unassigned),
    cell("col-updated", time),
  );
  return tr;
}

const relative = new Intl.RelativeTimeFormat(language, { numeric: "auto", style: "short" });
function ago(iso) {
  const seconds = (new Date(iso) - Date.now()) / 1000;
  for (const [unit, size] of [["day", 86400], ["hour", 3600], ["minute", 60]]) {
    if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit);
  }
  return relative.format(0, "minute");
}
function renderTimes() {
  for (const time of $$("time", rowsBody)) {
    time.textContent = ago(time.dateTime);
    time.title = new Date(time.dateTime).toLocaleString(language);
  }
}

function renderRows(items, { highlight = new Set() } = {}) {
  const previous = new Set($$("tr", rowsBody).map((tr) => tr.dataset.number));
  const selectedNumber = $$("tr", rowsBody)[selected]?.dataset.number;
  rowsBody.replaceChildren(...items.map(ticketRow));
  for (const tr of $$("tr", rowsBody)) {
    if (highlight.has(tr.dataset.number) || (highlight.size && !previous.has(tr.dataset.number))) {
      tr.classList.add("fresh");
      tr.title = T.newRow;
    }
  }
  renderTimes();
  $("[data-empty]").hidden = items.length > 0;
  $("[data-empty]").textContent = currentView() && sameFilters(filters, currentView().filters) ? T.empty : T.emptyFiltered;
  const rows = $$("tr", rowsBody);
  const keep = rows.findIndex((tr) => tr.dataset.number === selectedNumber);
  select(keep >= 0 ? keep : -1, { focus: false });
}

function renderPager() {
  $("[data-prev]").disabled = cursors.length <= 1;
  $("[data-next]").disabled = !nextCursor;
  $("[data-page]").textContent = format(T.page, { page: cursors.length });
}

let latestLoad = 0;

async function loadPage(cursor, options = {}) {
  // Only the newest request may paint: a slower answer to an older filter must not overwrite it.
  const mine = ++latestLoad;
  const page = await api("GET", `/api/v1/tickets?${ticketQuery(cursor)}`);
  if (mine !== latestLoad) return;
  nextCursor = page.next_cursor;
  if (!cursor) $("[data-new-activity]").hidden = true; // the first page is the latest
  renderRows(page.items, options);
  renderPager();
}

function writeAddress() {
  const params = new URLSearchParams({ view: viewKey });
  const view = currentView();
  if (!view || !sameFilters(filters, view.filters)) {
    for (const [k, v] of ticketQuery(null)) if (k !== "limit") params.append(k, v);
  }
  history.replaceState(null, "", `/desk?${params}`);
}

async function show({ resetPage = true } = {}) {
  if (resetPage) cursors = [null];
  fillForm();
  renderSort();
  renderViews();
  writeAddress();
  try {
    await loadPage(cursors.at(-1));
  } catch (error) {
    flash(error.message);
  }
}

function chooseView(key) {
  const view = allViews().find((v) => v.key === key);
  if (!view) return;
  viewKey = key;
  filters = { ...view.filters };
  selected = -1;
  show();
}

// ---- selection and shortcuts --------------------------------------------------------------

function select(index, { focus = true } = {}) {
  const rows = $$("tr", rowsBody);
  rows.forEach((tr) => tr.classList.remove("selected"));
  if (!rows.length || index < 0) { selected = -1; return; }
  selected = Math.max(0, Math.min(index, rows.length - 1));
  const row = rows[selected];
  row.classList.add("selected"); // its link takes the focus, which screen readers announce
  if (focus) {
    row.querySelector("a")?.focus({ preventScroll: true });
    row.scrollIntoView({ block: "nearest" });
  }
}

function openSelected() {
  const link = $$("tr", rowsBody)[selected]?.querySelector("a");
  if (link) location.assign(link.href);
}

function goPage(step) {
  if (step > 0 && nextCursor) cursors.push(nextCursor);
  else if (step < 0 && cursors.length > 1) cursors.pop();
  else return;
  selected = -1;
  loadPage(cursors.at(-1)).catch((error) => flash(error.message));
}

const keysDialog = $("[data-keys-dialog]");
const viewKeys = Object.fromEntries(state.views.builtin.map((v) => [`g ${v.shortcut}`, () => chooseView(v.key)]));
bindKeys({
  j: () => select(selected + 1),
  k: () => select(selected <= 0 ? 0 : selected - 1),
  o: openSelected,
  // Enter on a button, a link or the filters' summary does what it always does
  Enter: (event) => (event.target.closest?.("a, button, summary") ? false : openSelected()),
  "/": () => { const q = $("#queue-q"); q.focus(); q.select(); },
  n: () => goPage(1),
  p: () => goPage(-1),
  r: () => refresh(),
  "?": () => keysDialog.showModal(),
  ...viewKeys,
});
$("#queue-q").addEventListener("keydown", (event) => {
  if (event.key === "Escape") event.target.blur();
});

// ---- events -------------------------------------------------------------------------------

$("[data-builtin]").parentElement.addEventListener("click", async (event) => {
  const link = event.target.closest("a[data-view]");
  if (link && !event.ctrlKey && !event.metaKey && !event.shiftKey) {
    event.preventDefault();
    chooseView(link.dataset.view);
    return;
  }
  const rename = event.target.closest("[data-rename]");
  if (rename) openViewDialog(allViews().find((v) => v.id === Number(rename.dataset.rename)));
  const remove = event.target.closest("[data-delete]");
  if (remove) {
    const view = allViews().find((v) => v.id === Number(remove.dataset.delete));
    if (!view || !confirm(format(T.confirmDelete, { name: view.name }))) return;
    try {
      await api("DELETE", `/api/v1/views/saved/${view.id}`);
      flash(format(T.viewDeleted, { name: view.name }), "ok");
      if (viewKey === view.key) viewKey = "all_open";
      await refreshViews();
      writeAddress();
    } catch (error) {
      flash(error.message);
    }
  }
});

form.addEventListener("submit", (event) => {
  event.preventDefault();
  filters = readForm();
  show();
});
form.addEventListener("change", (event) => {
  if (event.target.name === "q") return; // the search waits for Enter or the button
  filters = readForm();
  show();
});
$("[data-clear]").addEventListener("click", () => {
  filters = { ...filters, status: [], priority: [], category: null, channel: null, locale: null,
    team: null, assignee: null, needs_triage: null, tag: null };
  show();
});
for (const th of $$("th[data-sort]")) {
  th.querySelector("button").addEventListener("click", () => {
    const sort = th.dataset.sort;
    const current = filters.sort ?? "updated_at";
    const order = current === sort && (filters.order ?? "desc") === "desc" ? "asc" : "desc";
    filters = { ...filters, sort, order };
    show();
  });
}
$("[data-next]").addEventListener("click", () => goPage(1));
$("[data-prev]").addEventListener("click", () => goPage(-1));

// ---- saving a view ------------------------------------------------------------------------

const viewDialog = $("[data-view-dialog]");
const viewForm = $("[data-view-form]");
let editing = null;

function openViewDialog(view = null) {
  editing = view;
  $("[data-view-dialog-title]").textContent = view ? T.renameViewTitle : T.saveViewTitle;
  viewForm.elements.name.value = view ? view.name : "";
  viewForm.elements.team_id.value = view?.team ? String(view.team.id) : "";
  $("[data-view-error]").hidden = true;
  viewDialog.showModal();
  viewForm.elements.name.focus();
}
$("[data-save-view]").addEventListener("click", () => openViewDialog());
$("[data-view-cancel]").addEventListener("click", () => viewDialog.close());
viewForm.addEventListener("submit", async (event) => {
  event.preventDefault();
  const team = viewForm.elements.team_id.value;
  const body = { name: viewForm.elements.name.value, team_id: team ? Number(team) : null };
  try {
    let saved;
    if (editing) {
      saved = await api("PATCH", `/api/v1/views/saved/${editing.id}`, body);
    } else {
      const stored = Object.fromEntries(Object.entries(filters).filter(([, v]) =>
        v !== null && v !== undefined && !(Array.isArray(v) && !v.length)));
      saved = await api("POST", "/api/v1/views/saved", { ...body, filters: stored });
      viewKey = saved.key;
      filters = { ...saved.filters };
    }
    viewDialog.close();
    flash(format(T.viewSaved, { name: saved.name }), "ok");
    await refreshViews();
    writeAddress();
  } catch (error) {
    const box = $("[data-view-error]");
    box.textContent = error.message;
    box.hidden = false;
  }
});

// ---- live ---------------------------------------------------------------------------------

let pending = null;
async function refresh() {
  const numbers = fresh;
  fresh = new Set();
  try {
    await refreshViews();
    if (cursors.length === 1) {
      await loadPage(null, { highlight: numbers });
    } else if (numbers.size) {
      $("[data-new-activity]").hidden = false;
    }
  } catch (error) {
    flash(error.message);
  }
}
$("[data-new-activity]").addEventListener("click", () => {
  $("[data-new-activity]").hidden = true;
  cursors = [null];
  refresh();
});

const live = $("[data-live]");
subscribe(
  (frame) => {
    fresh.add(String(frame.ticket_number));
    clearTimeout(pending);
    pending = setTimeout(refresh, 300); // a burst of events costs one refresh
  },
  (up) => {
    live.textContent = up ? `● ${T.liveOn}` : T.liveOff;
    live.dataset.state = up ? "on" : "off";
  },
);
// A tab in the background may have missed pokes while the browser throttled it: re-read on return.
document.addEventListener("visibilitychange", () => { if (!document.hidden) refresh(); });

renderTimes();
renderSort();
fillForm();
