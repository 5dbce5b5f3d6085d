// The chat client: talks to /api/v1/chat/ws, keeps unacknowledged messages in localStorage and
// sends them again after a reconnect (the server drops repeats by client_id), and resumes
// after the last seq it showed, so nothing is lost or shown twice.
import { forgetToken, token } from "/static/help/identity.js";

const root = document.querySelector(".chat");
const texts = JSON.parse(document.getElementById("chat-texts").textContent);
const locale = root.dataset.locale;
const log = root.querySelector(".chat-log");
const statusLine = root.querySelector(".chat-status");
const typingLine = root.querySelector(".chat-typing");
const form = root.querySelector(".chat-form");
const input = form.querySelector("textarea");
const fileInput = form.querySelector("input[type=file]");

const store = window.localStorage;
const key = (name) => `kefu.chat.${name}`;

let socket = null;
let lastSeq = 0;
let conversationId = Number(store.getItem(key("conversation"))) || null;
let retryDelay = 500;
let typingSentAt = 0;
let typingTimer = null;
const outbox = new Map(JSON.parse(store.getItem(key("outbox")) || "[]"));

function saveOutbox() {
  store.setItem(key("outbox"), JSON.stringify([...outbox]));
}

function format(template, values) {
  return template.replace(/\{(\w+)\}/g, (_, name) => values[name] ?? "");
}

function bubble(message) {
  if (message.seq <= lastSeq) return;
  lastSeq = message.seq;
  store.setItem(key(`seq.${conversationId}`), String(lastSeq));
  if (message.client_id) {
    log.querySelector(`[data-client-id="${CSS.escape(message.client_id)}"]`)?.remove();
  }
  const item = document.createElement("li");
  item.className = `msg from-${message.sender}`;
  const who = document.createElement("span");
  who.className = "who";
  who.textContent = message.sender === "user" ? texts.you
    : message.sender === "agent" ? (message.author || texts.agent) : texts.bot;
  const body = document.createElement("p");
  body.textContent = message.body;
  item.append(who, body);
  for (const file of message.attachments) {
    const link = document.createElement("a");
    link.href = "#";
    link.className = "file";
    link.textContent = file.filename;
    link.addEventListener("click", (event) => { event.preventDefault(); download(file); });
    item.append(link);
  }
  if (message.options.length) {
    const choices = document.createElement("div");
    choices.className = "options";
    for (const option of message.options) {
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = option.label;
      button.addEventListener("click", () => send({ option: option.id }, option.label));
      choices.append(button);
    }
    item.append(choices);
  }
  log.append(item);
  item.scrollIntoView({ block: "end" });
}

async function download(file) {
  const response = await fetch(file.url, { headers: { authorization: `Bearer ${await token()}` } });
  const url = URL.createObjectURL(await response.blob());
  window.open(url, "_blank", "noopener");
}

function pending(clientId, label) {
  const item = document.createElement("li");
  item.className = "msg from-user pending";
  item.dataset.clientId = clientId;
  const body = document.createElement("p");
  body.textContent = label;
  const note = document.createElement("span");
  note.className = "who";
  note.textContent = texts.sending;
  item.append(note, body);
  log.append(item);
  item.scrollIntoView({ block: "end" });
}

function send(content, label) {
  const clientId = crypto.randomUUID().replaceAll("-", "");
  const frame = { type: "message", client_id: clientId, ...content };
  outbox.set(clientId, frame);
  saveOutbox();
  pending(clientId, label);
  if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify(frame));
}

function resend(clientId) {
  const frame = outbox.get(clientId);
  if (frame && socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify(frame));
}

function showState(state) {
  statusLine.textContent = state.ticket_number ? format(texts.case, { number: state.ticket_number }) : "";
}

function onFrame(frame) {
  switch (frame.type) {
    case "ready":
      conversationId = frame.conversation_id;
      store.setItem(key("conversation"), String(conversationId));
      if (frame.reset) { log.replaceChildren(); lastSeq = 0; }
      showState(frame);
      retryDelay = 500;
      for (const pendingFrame of outbox.values()) socket.send(JSON.stringify(pendingFrame));
      break;
    case "message": bubble(frame); break;
    case "ack": outbox.delete(frame.client_id); saveOutbox(); break;
    case "state": showState(frame); break;
    case "typing":
      typingLine.hidden = false;
      clearTimeout(typingTimer);
      typingTimer = setTimeout(() => { typingLine.hidden = true; }, 3000);
      break;
    case "error":
      statusLine.textContent = frame.message;
      if (!frame.client_id) break;
      if (frame.retry) { // the server was busy or failed: the message is kept and sent again
        setTimeout(() => resend(frame.client_id), 2000);
      } else { // the message itself was refused: sending it again cannot help
        outbox.delete(frame.client_id);
        saveOutbox();
        log.querySelector(`[data-client-id="${CSS.escape(frame.client_id)}"]`)?.classList.add("failed");
      }
      break;
  }
}

async function connect() {
  statusLine.textContent = lastSeq ? texts.reconnecting : texts.connecting;
  const scheme = location.protocol === "https:" ? "wss" : "ws";
  // the token first: a socket opened before it could fire "open" with no one listening
  const hello = { type: "hello", token: await token(), locale, after: lastSeq };
  if (conversationId) hello.conversation_id = conversationId;
  socket = new WebSocket(`${scheme}://${location.host}/api/v1/chat/ws`);
  socket.addEventListener("open", () => socket.send(JSON.stringify(hello)));
  socket.addEventListener("message", (event) => onFrame(JSON.parse(event.data)));
  socket.addEventListener("close", (event) => {
    if (event.code === 4401) { // the saved session has expired: a new one, a new chat
      forgetToken();
    }
    if (event.code === 4401 || event.code === 4404) { // the chat is gone, or not this session's
      conversationId = null;
      lastSeq = 0;
      store.removeItem(key("conversation"));
      log.replaceChildren();
    }
    statusLine.textContent = texts.reconnecting;
    setTimeout(connect, retryDelay);
    retryDelay = Math.min(retryDelay * 2, 15000);
  });
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  const text = input.value.trim();
  if (!text) return;
  input.value = "";
  send({ text }, text);
});
input.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && !event.shiftKey && !event.isComposing) form.requestSubmit();
});
input.addEventListener("input", () => {
  const now = Date.now();
  if (socket?.readyState === WebSocket.OPEN && now - typingSentAt > 2000) {
    typingSentAt = now;
    socket.send(JSON.stringify({ type: "typing" }));
  }
});
fileInput.addEventListener("change", async () => {
  const file = fileInput.files[0];
  if (!file) return;
  const body = new FormData();
  body.append("file", file);
  const response = await fetch("/api/v1/attachments", {
    method: "POST",
    headers: { authorization: `Bearer ${await token()}` },
    body,
  });
  fileInput.value = "";
  const result = await response.json();
  if (!response.ok) {
    statusLine.textContent = format(texts.uploadFailed, { reason: result.error.message });
    return;
  }
  send({ attachment_ids: [result.id] }, file.name);
});
root.querySelector(".chat-new").addEventListener("click", () => {
  store.removeItem(key("conversation"));
  conversationId = null;
  lastSeq = 0;
  log.replaceChildren();
  socket?.close();
});
setInterval(() => {
  if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ type: "ping" }));
}, 25000);

connect();
