// Keyboard shortcuts for the console: single keys ("j") and two-key sequences ("g m"). They never
// fire while someone types in a field, or with Ctrl / Alt / Meta held (the browser's own keys).

const SEQUENCE_WINDOW = 1200; // ms to press the second key of "g m"

function typing(target) {
  if (!(target instanceof Element)) return false;
  return target.closest("input, textarea, select, [contenteditable=''], [contenteditable='true']") !== null;
}

// bindKeys({"j": fn, "g m": fn, "?": fn}) -> unbind. A handler that returns false leaves the
// key to the browser (e.g. Enter on a focused button).
export function bindKeys(bindings) {
  let prefix = null;
  let prefixTimer = null;
  const prefixes = new Set(Object.keys(bindings).filter((k) => k.includes(" ")).map((k) => k.split(" ")[0]));

  function onKey(event) {
    if (event.ctrlKey || event.altKey || event.metaKey || event.isComposing) return;
    if (typing(event.target) || document.querySelector("dialog[open]")) return;
    const key = event.key;
    if (prefix) {
      const handler = bindings[`${prefix} ${key}`];
      prefix = null;
      clearTimeout(prefixTimer);
      if (handler && handler(event) !== false) event.preventDefault();
      return;
    }
    if (prefixes.has(key)) {
      prefix = key;
      prefixTimer = setTimeout(() => { prefix = null; }, SEQUENCE_WINDOW);
      return;
    }
    const handler = bindings[key];
    if (handler && handler(event) !== false) event.preventDefault();
  }

  document.addEventListener("keydown", onKey);
  return () => document.removeEventListener("keydown", onKey);
}
