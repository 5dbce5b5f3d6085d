// My tickets: newest activity first, with their status as the requester sees it.
import { api, format, showIdentityNote, texts, token, withLang } from "/static/help/identity.js";

const list = document.querySelector(".ticket-list");
const statusLine = document.querySelector(".status-line");
const empty = document.querySelector(".empty");
const more = document.querySelector(".more");
const dateFormat = new Intl.DateTimeFormat(document.documentElement.lang, { dateStyle: "medium", timeStyle: "short" });
let cursor = null;

showIdentityNote();

function item(ticket) {
  const li = document.createElement("li");
  li.className = "ticket-item";
  const link = document.createElement("a");
  link.href = withLang(`/help/tickets/${ticket.number}`);
  const subject = document.createElement("span");
  subject.className = "subject";
  subject.textContent = `#${ticket.number} ${ticket.subject}`;
  const badge = document.createElement("span");
  badge.className = `badge status-${ticket.status}`;
  badge.textContent = texts.status[ticket.status] ?? ticket.status;
  const when = document.createElement("span");
  when.className = "when";
  when.textContent = format(texts.updated, { date: dateFormat.format(new Date(ticket.updated_at)) });
  link.append(subject, badge, when);
  li.append(link);
  return li;
}

async function load() {
  const query = new URLSearchParams({ limit: "20" });
  if (cursor) query.set("cursor", cursor);
  try {
    const { data } = await api("GET", `/api/v1/me/tickets?${query}`, undefined, { create: false });
    list.append(...data.items.map(item));
    cursor = data.next_cursor;
    more.hidden = !cursor;
    empty.hidden = list.children.length > 0;
    statusLine.textContent = "";
  } catch (error) {
    statusLine.textContent = error.message;
  }
}

more.addEventListener("click", load);
if (await token({ create: false })) {
  load();
} else {
  statusLine.textContent = "";
  empty.hidden = false; // a first-time visitor: no session, so nothing to list yet
}
