// Calls to kefu's API from a staff page: the session cookie goes along by itself; unsafe methods
// also carry the CSRF token the page embeds. Errors come back as ApiError with the API's
// machine-readable code and its human message (already in the page's language).

const csrf = document.querySelector('meta[name="csrf-token"]')?.content ?? "";
const language = document.documentElement.lang;

export class ApiError extends Error {
  constructor(status, code, message, details) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export async function api(method, path, body) {
  const headers = { "Accept-Language": language };
  const init = { method, headers, credentials: "same-origin" };
  if (method !== "GET" && method !== "HEAD") headers["X-CSRF-Token"] = csrf;
  if (body instanceof FormData) {
    init.body = body;
  } else if (body !== undefined) {
    headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  const response = await fetch(path, init);
  if (response.status === 204) return null;
  const payload = await response.json().catch(() => null);
  if (!response.ok) {
    const error = payload?.error ?? {};
    throw new ApiError(response.status, error.code ?? "http_" + response.status,
      error.message ?? response.statusText, error.details);
  }
  return payload;
}

// A message at the top of the page (role=alert, so screen readers hear it).
export function flash(message, kind = "error") {
  const box = document.querySelector("[data-flash]");
  if (!box) return;
  box.textContent = message;
  box.dataset.kind = kind;
  box.hidden = false;
  clearTimeout(flash.timer);
  flash.timer = setTimeout(() => { box.hidden = true; }, kind === "error" ? 8000 : 3000);
}
