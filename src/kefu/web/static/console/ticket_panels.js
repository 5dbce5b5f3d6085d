// The side panels: who is asking, what triage made of it (with the category correction), the
// articles that may answer it, and the live chat the ticket came from.
import { el, fill, format, time } from "./dom.js";
import { ticketLink } from "./ticket_view.js";

export function renderRequester(data, ticket, others) {
  const t = data.texts;
  const person = ticket.requester;
  const rows = [
    [t.vipLevel, person.vip_level > 0 ? el("span", { class: "badge vip" }, format(t.vip, { level: person.vip_level })) : t.notVip],
    [t.platformId, person.is_anonymous ? t.anonymous : (person.platform_user_id ?? "—")],
    [t.locale, person.locale],
  ];
  const list = others === null
    ? el("p", { class: "muted" }, "…")
    : others.length
      ? el("ul", { class: "plain" }, others.map((other) => el("li", {},
          ticketLink(other.number, `#${other.number}`), " ", other.subject, " ",
          el("span", { class: "badge" }, data.statuses[other.status] ?? other.status))))
      : el("p", { class: "muted" }, t.noOtherTickets);
  fill(document.querySelector("[data-requester]"),
    el("p", { class: "person" }, el("strong", { "data-requester-name": true }, person.name || t.anonymous)),
    el("dl", { class: "mini" }, rows.map(([label, value]) => el("div", {}, el("dt", {}, label), el("dd", {}, value)))),
    el("h3", {}, t.otherTickets),
    list);
}

function percent(value) {
  return Math.round(value * 100);
}

function reason(data, code) {
  const [key, value] = code.split(":");
  const template = data.reasons[key];
  if (!template) return code;
  const shown = key === "category" ? (data.categories[value] ?? value) : key === "safety" ? (data.signals[value] ?? value) : value;
  return format(template, { value: shown });
}

export function renderTriage(data, ticket, records, onCorrect) {
  const t = data.texts;
  const box = document.querySelector("[data-triage]");
  const picker = el("select", { id: "category-correction", "data-category-correction": true },
    Object.entries(data.categories).map(([key, name]) => el("option", { value: key, selected: key === ticket.category }, name)));
  const correction = el("form", { class: "correction", "data-correct-form": true,
    onsubmit: (event) => { event.preventDefault(); onCorrect(picker.value); } },
    el("label", { for: "category-correction" }, t.correctCategory), " ", picker, " ",
    el("button", { type: "submit" }, t.correct));
  if (!records.length) return fill(box, el("p", { class: "muted" }, t.noTriage), correction);
  const r = records[0].result;
  if (!ticket.category) picker.value = r.category;
  const row = (label, ...value) => el("div", {}, el("dt", {}, label), el("dd", {}, ...value));
  return fill(box,
    el("dl", { class: "mini" },
      row(data.facts.category, el("strong", { "data-triage-category": r.category }, data.categories[r.category] ?? r.category),
        " ", el("span", { class: "muted" }, format(t.confidence, { percent: percent(r.category_confidence) }))),
      r.runner_up ? row(t.runnerUp, data.categories[r.runner_up] ?? r.runner_up, " ",
        el("span", { class: "muted" }, format(t.confidence, { percent: percent(r.runner_up_confidence) }))) : null,
      row(data.facts.priority, data.priorities[r.priority] ?? r.priority),
      row(t.priorityReasons, r.priority_reasons.map((code) => reason(data, code)).join("; ")),
      row(t.language, `${r.language} (${percent(r.language_confidence)}%)`),
      row(t.sentiment, (t[r.sentiment] ?? r.sentiment), r.angry ? el("span", { class: "badge angry" }, t.angry) : null),
      row(t.scamRisk, el("span", { class: r.scam_flagged ? "badge risk" : "" }, `${percent(r.scam_risk)}%`),
        r.scam_signals.length ? ` — ${r.scam_signals.map((s) => data.signals[s] ?? s).join(", ")}` : ""),
      r.safety_signals.length ? row(t.safetySignals, el("span", { class: "badge risk" }, r.safety_signals.map((s) => data.signals[s] ?? s).join(", "))) : null,
      row(t.model, r.model_version.split(/\s+/).map((version) => el("code", { class: "version" }, version)))),
    correction);
}

export function renderAssist(data, assist, insert) {
  const t = data.texts;
  const box = document.querySelector("[data-assist]");
  const absolute = (url) => new URL(url, location.origin).href;
  const items = assist.articles.map((article) => el("li", { class: "article" },
    el("a", { href: article.url, target: "_blank", rel: "noopener" }, article.title),
    article.visibility !== "public" ? el("span", { class: "badge" }, t.agentOnly) : null,
    article.heading ? el("div", { class: "muted" }, article.heading) : null,
    el("p", { class: "snippet" }, article.snippet),
    // an agent-only guide is for reading: its text and link must not reach a customer
    article.visibility !== "public" ? null : el("div", { class: "buttons" },
      el("button", { type: "button", onclick: () => insert(`${article.title}: ${absolute(article.url)}`) }, t.insertLink),
      el("button", { type: "button", onclick: () => insert(`${article.snippet}\n${absolute(article.url)}`) }, t.insertSnippet))));
  fill(box,
    items.length ? el("ul", { class: "plain" }, items) : el("p", { class: "muted" }, t.noArticles),
    assist.draft ? el("button", { type: "button", "data-use-draft": true, onclick: () => insert(assist.draft) }, t.useDraft) : null);
}

export function renderChat(data, chat) {
  const t = data.texts;
  const panel = document.querySelector("[data-chat]");
  panel.hidden = false;
  const who = { user: t.chatUser, bot: t.chatBot, agent: t.chatAgent, system: t.system };
  fill(document.querySelector("[data-chat-log]"),
    chat.messages.length ? chat.messages.map((m) => el("li", { class: `chat-${m.sender}` },
      el("strong", {}, m.author || who[m.sender]), " ", time(m.created_at), el("div", { class: "body" }, m.body)))
      : el("li", { class: "muted" }, t.chatEmpty),
    el("li", { class: "muted" }, t.chatMirrored));
}
