// The embeddable chat widget. A page adds
//   <script src="https://HELP-HOST/static/chat/widget.js" data-lang="en" data-token="…" async></script>
// (data-token: the platform's signed token for a signed-in user; leave it out for anonymous
// chat) and gets a chat button that opens /chat in a frame from the help host.
(() => {
  const script = document.currentScript;
  const origin = new URL(script.src).origin;
  const lang = script.dataset.lang === "en" ? "en" : "zh-CN";
  const label = lang === "en" ? "Chat with us" : "联系客服";
  const closeLabel = lang === "en" ? "Close the chat" : "关闭对话";
  const button = document.createElement("button");
  button.type = "button";
  button.textContent = "💬";
  button.setAttribute("aria-label", label);
  button.setAttribute("aria-expanded", "false");
  Object.assign(button.style, {
    position: "fixed", right: "16px", bottom: "16px", width: "56px", height: "56px",
    borderRadius: "50%", border: "0", background: "#d6336c", color: "#fff", fontSize: "24px",
    boxShadow: "0 2px 8px rgba(0,0,0,.25)", zIndex: "2147483000", cursor: "pointer",
  });
  let frame = null;
  button.addEventListener("click", () => {
    if (!frame) {
      frame = document.createElement("iframe");
      const hash = script.dataset.token ? `#token=${encodeURIComponent(script.dataset.token)}` : "";
      frame.src = `${origin}/chat?embed=1&lang=${lang}${hash}`;
      frame.title = label;
      Object.assign(frame.style, {
        position: "fixed", right: "16px", bottom: "84px", width: "min(380px, calc(100vw - 32px))",
        height: "min(600px, calc(100vh - 120px))", border: "1px solid #e5e7eb",
        borderRadius: "12px", background: "#fff", zIndex: "2147483000",
      });
      document.body.append(frame);
    } else {
      frame.hidden = !frame.hidden;
    }
    const open = !frame.hidden;
    button.setAttribute("aria-expanded", String(open));
    button.setAttribute("aria-label", open ? closeLabel : label);
    button.textContent = open ? "✕" : "💬";
  });
  document.body.append(button);
})();
