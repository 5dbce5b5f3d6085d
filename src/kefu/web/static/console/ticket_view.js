// Rendering the ticket's header facts, its conversation and its timeline from API data.
import { el, fill, format, time } from "./dom.js";

export function renderFacts(data, ticket) {
  const t = data.texts;
  const none = "—";
  const rows = [
    [data.facts.status, el("span", { class: `badge status-${ticket.status}`, "data-fact": "status" }, data.statuses[ticket.status] ?? ticket.status)],
    [data.facts.priority, el("span", { class: `badge priority-${ticket.priority}`, "data-fact": "priority" }, data.priorities[ticket.priority] ?? ticket.priority)],
    [data.facts.category, el("span", { "data-fact": "category" }, ticket.category ? (data.categories[ticket.category] ?? ticket.category) : none)],
    [data.facts.team, el("span", { "data-fact": "team" }, ticket.team ? teamName(ticket.team) : data.facts.noTeam)],
    [data.facts.assignee, el("span", { "data-fact": "assignee" }, ticket.assignee ? ticket.assignee.name : data.facts.unassigned)],
    [data.facts.channel, el("span", {}, data.channels[ticket.channel] ?? ticket.channel)],
    [data.facts.language, el("span", {}, ticket.locale)],
    [data.facts.tags, el("span", { "data-fact": "tags" }, ticket.tags.length ? ticket.tags.map((tag) => el("span", { class: "tag" }, tag)) : none)],
    [data.facts.created, time(ticket.created_at)],
    [data.facts.updated, time(ticket.updated_at)],
  ];
  fill(document.querySelector("[data-facts]"), rows.map(([label, value]) => el("div", {}, el("dt", {}, label), el("dd", {}, value))));
  document.querySelector("[data-subject]").textContent = ticket.subject;
  const links = [];
  if (ticket.parent_number) links.push(ticketLink(ticket.parent_number, format(t.parent, { number: ticket.parent_number })));
  if (ticket.merged_into_number) links.push(ticketLink(ticket.merged_into_number, format(t.mergedInto, { number: ticket.merged_into_number })));
  if (ticket.children.length) {
    links.push(el("span", {}, t.children + ": "));
    for (const child of ticket.children) {
      links.push(ticketLink(child.number, `#${child.number} ${data.statuses[child.status] ?? child.status}`), " ");
    }
  }
  fill(document.querySelector("[data-links]"), links);
}

export function teamName(team) {
  return document.documentElement.lang === "zh-CN" ? team.name_zh : team.name_en;
}

export function ticketLink(number, label) {
  return el("a", { href: `/desk/tickets/${number}` }, label);
}

function roleOf(data, message) {
  const t = data.texts;
  return { contact: t.requesterRole, staff: t.staffRole, api: t.platformRole, system: t.system }[message.author_type];
}

function attachment(file) {
  if (file.content_type.startsWith("image/")) {
    return el("a", { href: file.url, class: "thumb", target: "_blank", rel: "noopener" },
      el("img", { src: file.url, alt: file.filename, loading: "lazy" }));
  }
  return el("a", { href: file.url, class: "file", target: "_blank", rel: "noopener" }, file.filename);
}

export function renderMessages(data, messages) {
  const list = document.querySelector("[data-messages]");
  list.removeAttribute("aria-busy");
  if (!messages.length) return fill(list, el("li", { class: "muted" }, data.texts.noMessages));
  fill(list, messages.map((message) => {
    const label = message.kind === "internal" ? data.texts.internal : message.kind === "system" ? data.texts.system : null;
    return el("li", { class: `msg kind-${message.kind} from-${message.author_type}`, "data-message-id": message.id },
      el("header", {},
        el("strong", {}, message.author_name || roleOf(data, message)),
        el("span", { class: "muted" }, ` · ${roleOf(data, message)} · `),
        time(message.created_at),
        label ? el("span", { class: "badge kind" }, label) : null),
      el("div", { class: "body" }, message.body),
      message.attachments.length
        ? el("div", { class: "files", "aria-label": data.texts.attachments }, message.attachments.map(attachment))
        : null);
  }));
  return list;
}

function eventValue(data, event, value) {
  if (value === null || value === undefined || value === "") return "—";
  if (event.field === "status" || event.kind === "status_changed") return data.statuses[value] ?? value;
  if (event.field === "priority") return data.priorities[value] ?? value;
  if (event.field === "category") return data.categories[value] ?? value;
  return value;
}

export function renderEvents(data, events) {
  const list = document.querySelector("[data-events]");
  if (!events.length) return fill(list, el("li", { class: "muted" }, data.texts.noEvents));
  fill(list, events.map((event) => {
    const template = data.events[event.kind] ?? event.kind;
    const what = format(template, { field: data.fields[event.field] ?? event.field ?? "", value: event.new_value ?? "" });
    const change = event.kind === "field_changed" || event.kind === "status_changed"
      ? ` ${eventValue(data, event, event.old_value)} → ${eventValue(data, event, event.new_value)}` : "";
    return el("li", { class: `event event-${event.kind}` },
      time(event.created_at), " ",
      el("strong", {}, event.actor_name || data.texts.system), " ", what, change);
  }));
  return list;
}
