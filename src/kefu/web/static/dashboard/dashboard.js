// The supervisor dashboard keeps itself current: it fetches the server-rendered panels (the
// charts are SVG drawn on the server) every 30 s, and a few seconds after the desk feed
// reports a new ticket, message or reply. Changing a filter refreshes at once.

const root = document.querySelector("[data-dashboard]");
const texts = JSON.parse(document.getElementById("dashboard-texts").textContent);
const live = root.querySelector("[data-live]");
const panels = root.querySelector("[data-panels]");
const form = root.querySelector("[data-filters]");
const every = Number(root.dataset.refresh) * 1000;
const QUIET_MS = 5000; // feed events refresh at most this often
let url = root.dataset.panelsUrl;
let timer = 0;
let busy = false;
let again = false;
let last = Date.now();

async function refresh() {
  if (busy) {
    again = true;
    return;
  }
  busy = true;
  // the status line speaks only when something changes (a failure, a recovery), not at every
  // refresh: screen readers would otherwise announce it twice a minute
  root.setAttribute("aria-busy", "true");
  try {
    const response = await fetch(url, {
      credentials: "same-origin",
      headers: { "Accept-Language": document.documentElement.lang },
    });
    if (response.redirected && new URL(response.url).pathname === "/desk/login") {
      location.assign(response.url); // signed out meanwhile
      return;
    }
    if (!response.ok) throw new Error(String(response.status));
    panels.innerHTML = await response.text();
    root.dataset.refreshes = String(Number(root.dataset.refreshes || 0) + 1);
    say(texts.live, false);
  } catch {
    say(texts.failed, true);
  } finally {
    busy = false;
    last = Date.now();
    root.removeAttribute("aria-busy");
    if (again) {
      again = false;
      soon();
    } else {
      schedule(every);
    }
  }
}

function say(message, failed) {
  if (live.textContent !== message) live.textContent = message;
  live.classList.toggle("failed", failed);
}

function schedule(delay) {
  clearTimeout(timer);
  timer = setTimeout(refresh, delay);
}

function soon() {
  schedule(Math.max(0, QUIET_MS - (Date.now() - last)));
}

function applyFilters() {
  const query = new URLSearchParams(new FormData(form));
  if (!query.get("team")) query.delete("team");
  url = "/desk/dashboard/panels?" + query;
  history.replaceState(null, "", "/desk/dashboard?" + query);
  const other = document.querySelector(".desk-bar .switch");
  if (other) {
    const switched = new URLSearchParams(query);
    switched.set("lang", other.getAttribute("lang"));
    other.setAttribute("href", "?" + switched);
  }
  refresh();
}

form.addEventListener("change", applyFilters);
form.addEventListener("submit", (event) => {
  event.preventDefault();
  applyFilters();
});

function connect(attempt) {
  const scheme = location.protocol === "https:" ? "wss" : "ws";
  const socket = new WebSocket(`${scheme}://${location.host}/api/v1/desk/ws`);
  let ping = 0;
  socket.addEventListener("open", () => {
    socket.send(JSON.stringify({ type: "hello" }));
    ping = setInterval(() => socket.send(JSON.stringify({ type: "ping" })), 25000);
  });
  socket.addEventListener("message", (message) => {
    const frame = JSON.parse(message.data);
    if (frame.type === "ready") attempt = 0;
    if (frame.type === "event") soon();
  });
  socket.addEventListener("close", (event) => {
    clearInterval(ping);
    if (event.code === 4401) return; // the session ended: the next refresh goes to sign-in
    setTimeout(() => connect(attempt + 1), Math.min(30000, 1000 * 2 ** attempt));
  });
}

schedule(every);
connect(0);
