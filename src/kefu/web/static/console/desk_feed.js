// The agents' live feed (/api/v1/desk/ws): signs in with the session cookie, pings to keep the
// line open, and reconnects with a growing, jittered delay when the line drops.

const PING_EVERY = 25000;
const MAX_DELAY = 30000;

export function connectDeskFeed({ onEvent, onState }) {
  let socket = null;
  let attempt = 0;
  let pinger = null;
  let stopped = false;

  function open() {
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
    socket.addEventListener("close", () => {
      clearInterval(pinger);
      onState(false);
      if (stopped) return;
      const delay = Math.min(MAX_DELAY, 1000 * 2 ** attempt) * (0.8 + Math.random() * 0.4);
      attempt += 1;
      setTimeout(open, delay);
    });
  }

  function send(frame) {
    if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(frame));
  }

  open();
  return { send, stop() { stopped = true; socket?.close(); } };
}
