// What the admin pages' forms share: the page's words, sending a form to the API with the
// button busy, and the API's error message (already in the page's language) shown in the form.
import { flash } from "../desk/api.js";

export const words = JSON.parse(document.getElementById("admin-texts")?.textContent || "{}");

export function format(template, params) {
  return (template ?? "").replace(/\{(\w+)\}/g, (whole, key) => (key in params ? params[key] : whole));
}

// The value of a form's control by name (form.name would be the form's own name attribute).
export function value(form, name) {
  return form.elements.namedItem(name)?.value ?? "";
}

export function checked(form, name) {
  return [...form.querySelectorAll(`input[name="${name}"]:checked`)].map((box) => box.value);
}

export function showError(form, failure) {
  const box = form.querySelector("[data-form-error]");
  const message = failure?.message || String(failure);
  if (box) {
    box.textContent = message;
    box.hidden = false;
  } else {
    flash(message);
  }
  // Validation details name the field: {"loc": ["body", "email"], ...}
  for (const detail of Array.isArray(failure?.details) ? failure.details : []) {
    const name = Array.isArray(detail?.loc) ? detail.loc[1] : null;
    const control = typeof name === "string" ? form.elements.namedItem(name) : null;
    if (control?.setAttribute) control.setAttribute("aria-invalid", "true");
  }
}

// Run `action(submitter)` on submit; the button says it is busy meanwhile.
export function onSubmit(form, action) {
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const box = form.querySelector("[data-form-error]");
    if (box) box.hidden = true;
    form.querySelectorAll("[aria-invalid]").forEach((control) => control.removeAttribute("aria-invalid"));
    const button = event.submitter ?? form.querySelector("button[type=submit]");
    const label = button?.textContent;
    if (button) {
      button.disabled = true;
      if (words.saving) button.textContent = words.saving;
    }
    try {
      await action(event.submitter);
    } catch (failure) {
      showError(form, failure);
    } finally {
      if (button) {
        button.disabled = false;
        button.textContent = label;
      }
    }
  });
}

// A "Copy" button next to a secret shown once; where the clipboard is refused, the text is
// selected so the person can copy it themselves.
export function copyButton(button, source) {
  button?.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(source.textContent);
      if (words.copied) flash(words.copied, "ok");
    } catch {
      const range = document.createRange();
      range.selectNodeContents(source);
      const selection = getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
    }
  });
}
