// One ticket: its progress, the conversation (with files), a reply box, the history of its
// statuses and, once solved, a good/bad rating (PUT rating: good is 5, bad is 1).
import { api, fileUrl, format, showError, texts, withLang } from "/static/help/identity.js";
import { attachmentPicker } from "/static/help/attachments.js";

const root = document.querySelector(".ticket");
const number = root.dataset.number;
const statusLine = root.querySelector(".status-line");
const steps = [...root.querySelectorAll(".steps li")];
const conversation = root.querySelector(".conversation");
const history = root.querySelector(".history");
const replyForm = document.getElementById("reply-form");
const ratingForm = document.getElementById("rating-form");
const picker = attachmentPicker(replyForm.querySelector("[data-attachments]"));
const dateFormat = new Intl.DateTimeFormat(document.documentElement.lang, { dateStyle: "medium", timeStyle: "short" });
const STEP_OF = { new: "new", open: "open", pending: "pending", solved: "solved", closed: "solved" };
const objectUrls = new Map(); // attachment url → object URL, kept across re-renders

function time(value) {
  const element = document.createElement("time");
  element.dateTime = value;
  element.textContent = dateFormat.format(new Date(value));
  return element;
}

function showProgress(status) {
  const current = STEP_OF[status];
  const order = steps.map((li) => li.dataset.step);
  const reached = order.indexOf(current);
  steps.forEach((li, index) => {
    li.classList.toggle("done", index < reached || (current === "solved" && index === reached));
    li.classList.toggle("current", index === reached);
    if (index === reached) li.setAttribute("aria-current", "step");
    else li.removeAttribute("aria-current");
  });
}

async function attachment(file) {
  const wrap = document.createElement("div");
  wrap.className = "file";
  if (file.content_type.startsWith("image/")) {
    const image = document.createElement("img");
    image.alt = file.filename;
    wrap.append(image);
    try {
      if (!objectUrls.has(file.url)) objectUrls.set(file.url, await fileUrl(file.url));
      image.src = objectUrls.get(file.url);
    } catch {
      image.replaceWith(file.filename);
    }
    return wrap;
  }
  const button = document.createElement("button");
  button.type = "button";
  button.className = "link-button";
  button.textContent = format(texts.openFile, { name: file.filename });
  button.addEventListener("click", async () => window.open(await fileUrl(file.url), "_blank", "noopener"));
  wrap.append(button);
  return wrap;
}

async function message(item) {
  const li = document.createElement("li");
  const from = item.author_type === "contact" ? "you" : item.author_type === "system" || item.kind === "system" ? "system" : "agent";
  li.className = `msg from-${from}`;
  const who = document.createElement("span");
  who.className = "who";
  who.textContent = from === "you" ? texts.fromYou
    : from === "system" ? texts.fromSystem : (item.author_name || texts.fromAgent);
  who.append(" · ", time(item.created_at));
  const body = document.createElement("p");
  body.textContent = item.body;
  li.append(who, body);
  for (const file of item.attachments) li.append(await attachment(file));
  return li;
}

function historyItem(event) {
  let label = null;
  if (event.kind === "created") label = texts.historyCreated;
  else if (event.kind === "status_changed") label = format(texts.historyStatus, { status: texts.status[event.new_value] ?? event.new_value });
  else if (event.kind === "rated") label = texts.historyRated;
  else if (event.kind === "follow_up_created") label = texts.historyFollowUp;
  if (!label) return null;
  const li = document.createElement("li");
  li.append(time(event.created_at), " ", label);
  return li;
}

function link(path, text) {
  const a = document.createElement("a");
  a.href = withLang(path);
  a.textContent = text;
  return a;
}

function showRating(ticket) {
  const box = root.querySelector(".rating-box");
  const rateable = (ticket.status === "solved" || ticket.status === "closed") && !ticket.merged_into_number;
  box.hidden = !(rateable || ticket.rating);
  ratingForm.hidden = !rateable;
  const current = root.querySelector(".rating-current");
  if (ticket.rating) {
    const good = ticket.rating.score >= 4;
    current.textContent = format(texts.ratingCurrent, { rating: good ? texts.good : texts.bad })
      + (ticket.rating.comment ? ` · ${ticket.rating.comment}` : "");
    ratingForm.elements.score.value = good ? "5" : "1";
    ratingForm.elements.comment.value = ticket.rating.comment;
  } else {
    current.textContent = "";
  }
}

let shownVersion = null; // the ticket's updated_at as last shown

async function load() {
  let ticket;
  try {
    ({ data: ticket } = await api("GET", `/api/v1/me/tickets/${number}`, undefined, { create: false }));
  } catch (error) {
    statusLine.textContent = error.status === 404 || error.status === 401 ? texts.notFound : error.message;
    return;
  }
  shownVersion = ticket.updated_at;
  root.querySelector(".subject").textContent = ticket.subject;
  statusLine.textContent = texts.status[ticket.status] ?? ticket.status;
  statusLine.className = `status-line badge status-${ticket.status}`;
  const links = root.querySelector(".ticket-links");
  links.replaceChildren();
  if (ticket.merged_into_number) {
    links.append(format(texts.mergedInto, { number: ticket.merged_into_number }), " ",
      link(`/help/tickets/${ticket.merged_into_number}`, `#${ticket.merged_into_number}`));
  } else if (ticket.follow_up_of_number) {
    links.append(link(`/help/tickets/${ticket.follow_up_of_number}`, format(texts.followUpOf, { number: ticket.follow_up_of_number })));
  }
  showProgress(ticket.status);
  conversation.replaceChildren(...(await Promise.all(ticket.messages.map(message))));
  history.replaceChildren(...ticket.events.map(historyItem).filter(Boolean).reverse());
  for (const box of root.querySelectorAll(".progress-box, .conversation-box, .history-box")) box.hidden = false;
  root.querySelector(".reply-box").hidden = Boolean(ticket.merged_into_number);
  showRating(ticket);
}

replyForm.addEventListener("submit", async (event) => {
  event.preventDefault();
  const text = replyForm.elements.body.value.trim();
  if (!text) return replyForm.reportValidity();
  showError(replyForm, "");
  const button = replyForm.querySelector("button[type=submit]");
  button.disabled = true;
  try {
    const attachment_ids = await picker.upload();
    const { data } = await api("POST", `/api/v1/me/tickets/${number}/replies`, { body: text, attachment_ids });
    replyForm.reset();
    picker.clear();
    if (data.follow_up) {
      location.assign(withLang(`/help/tickets/${data.ticket.number}`));
      return;
    }
    await load();
  } catch (error) {
    showError(replyForm, error.message);
  } finally {
    button.disabled = false;
  }
});

ratingForm.addEventListener("submit", async (event) => {
  event.preventDefault();
  const score = Number(ratingForm.elements.score.value);
  if (!score) return showError(ratingForm, texts.ratingChoose);
  showError(ratingForm, "");
  try {
    await api("PUT", `/api/v1/me/tickets/${number}/rating`, { score, comment: ratingForm.elements.comment.value.trim() });
    await load();
    root.querySelector(".rating-current").textContent += ` — ${texts.ratingThanks}`;
  } catch (error) {
    showError(ratingForm, error.message);
  }
});

// back from the app or another tab: show what the agent wrote meanwhile
document.addEventListener("visibilitychange", () => {
  if (document.visibilityState === "visible") load();
});

// While the page is open, look every few seconds whether the ticket moved (an agent's answer,
// a status change) and show it then; a quiet ticket costs one small read per look.
const LOOK_EVERY = 10_000;
setInterval(async () => {
  if (document.visibilityState !== "visible" || shownVersion === null) return;
  try {
    const { data } = await api("GET", `/api/v1/me/tickets/${number}`, undefined, { create: false });
    if (data.updated_at !== shownVersion) await load();
  } catch {
    // offline for a moment: the next look tries again
  }
}, LOOK_EVERY);
load();
