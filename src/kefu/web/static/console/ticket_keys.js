// Keyboard shortcuts of the ticket page. Letters act only when no field has the focus, so they
// never swallow what an agent types; Ctrl/Cmd+Enter and Esc work inside the editor.

function typing(target) {
  return target instanceof HTMLElement &&
    (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
}

export function installShortcuts({ editor, send, actions }) {
  editor.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      send();
    } else if (event.key === "Escape") {
      editor.blur();
    }
  });
  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    if (typing(event.target) || document.querySelector("dialog[open]")) return;
    const action = actions[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  });
}
