// The agents' live feed (/api/v1/desk/ws), shared by the console's pages. The socket signs in
// with the session cookie (same origin only); events are pokes carrying a ticket number, so a
// page re-reads what it shows through the API. Lost connections come back with a growing delay.

const PING_EVERY = 25_000;
const MAX_DELAY = 30_000;

// subscribe(onEvent, onState) -> { send, stop }. onEvent(frame) for each {type: "event"} frame;
// onState(true | false) when the feed comes up (also after a reconnect) or goes down; send(frame)
// says something to the feed (typing) when it is up, and stop() hangs up for good.
export function subscribe(onEvent, onState = () => {}) {
  let socket = null;
  let stopped = false;
  let attempt = 0;
  let pinger = null;
  let retry = null;

  function connect() {
    const scheme = location.protocol === "https:" ? "wss:" : "ws:";
    socket = new WebSocket(`${scheme}//${location.host}/api/v1/desk/ws`);
    socket.addEventListener("open", () => socket.send(JSON.stringify({ type: "hello" })));
    socket.addEventListener("message", (message) => {
      let frame;
      try { frame = JSON.parse(message.data); } catch { return; }
      if (frame.type === "ready") {
        attempt = 0;
        onState(true);
        pinger = setInterval(() => send({ type: "ping" }), PING_EVERY);
      } else if (frame.type === "event") {
        onEvent(frame);
      }
    });
    socket.addEventListener("close", (event) => {
      clearInterval(pinger);
      onState(false);
      if (stopped || event.code === 4401) return; // signed out: no point in knocking again
      const delay = Math.min(MAX_DELAY, 1000 * 2 ** attempt) * (0.8 + Math.random() * 0.4);
      attempt += 1;
      retry = setTimeout(connect, delay);
    });
  }

  function send(frame) {
    if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(frame));
  }

  connect();
  return {
    send,
    stop() {
      stopped = true;
      clearTimeout(retry);
      clearInterval(pinger);
      socket?.close();
    },
  };
}
