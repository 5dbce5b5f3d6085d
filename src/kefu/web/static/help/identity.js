// Who the visitor is, for every help-centre page and the chat.
//
// Signed in by the platform: the app opens a page with its signed token in the URL fragment
// (#token=…). The fragment never reaches a server or a Referer header; the token is moved to
// sessionStorage (it lives as long as the app's web view, and expires with its own "exp") and
// removed from the address bar, so it is not shared with a copied link or a screenshot.
// Anonymous: a session from POST /api/v1/auth/anonymous kept in localStorage, so the same
// browser sees its tickets and chats again next week. The signed-in token wins when present.
const PLATFORM_KEY = "kefu.platformToken";
const SESSION_KEY = "kefu.session";
const LEGACY_CHAT_KEY = "kefu.chat.token"; // where the chat kept the anonymous session before

export const lang = document.documentElement.lang === "zh-CN" ? "zh-CN" : "en";
const pageTexts = document.getElementById("help-texts");
export const texts = pageTexts ? JSON.parse(pageTexts.textContent) : {};

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

function takeTokenFromFragment() {
  const params = new URLSearchParams(location.hash.slice(1));
  const token = params.get("token");
  if (!token) return;
  sessionStorage.setItem(PLATFORM_KEY, token);
  params.delete("token");
  const rest = params.toString();
  history.replaceState(history.state, "", `${location.pathname}${location.search}${rest ? `#${rest}` : ""}`);
}
takeTokenFromFragment();
// the app may pass a fresh token to a page that is already open: start again as that user
window.addEventListener("hashchange", () => {
  if (!new URLSearchParams(location.hash.slice(1)).has("token")) return;
  takeTokenFromFragment();
  location.reload();
});

export function signedIn() {
  return Boolean(sessionStorage.getItem(PLATFORM_KEY));
}

function savedSession() {
  const saved = localStorage.getItem(SESSION_KEY) || localStorage.getItem(LEGACY_CHAT_KEY);
  if (saved) {
    localStorage.setItem(SESSION_KEY, saved);
    localStorage.removeItem(LEGACY_CHAT_KEY);
  }
  return saved;
}

let starting = null;
async function startAnonymous() {
  const response = await fetch("/api/v1/auth/anonymous", {
    method: "POST",
    headers: { "content-type": "application/json", "accept-language": lang },
    body: JSON.stringify({ locale: lang }),
  });
  const body = await response.json();
  if (!response.ok) throw new ApiError(response.status, body.error.code, body.error.message);
  localStorage.setItem(SESSION_KEY, body.token);
  return body.token;
}

/** The bearer token; with create=false, null for a visitor who has none yet. */
export async function token({ create = true } = {}) {
  const platform = sessionStorage.getItem(PLATFORM_KEY);
  if (platform) return platform;
  const saved = savedSession();
  if (saved || !create) return saved;
  starting ??= startAnonymous().finally(() => { starting = null; });
  return starting;
}

/** The server refused the token. An anonymous session is dropped (the next call starts a new
 * one). A platform token is kept: going on anonymously would hide the person's tickets, so
 * pages keep saying "open it from the app again" until the app passes a fresh token. */
export function forgetToken() {
  if (!signedIn()) localStorage.removeItem(SESSION_KEY);
}

/** Show the "you are anonymous" note in elements marked data-anonymous-note. */
export function showIdentityNote() {
  for (const note of document.querySelectorAll("[data-anonymous-note]")) note.hidden = signedIn();
}

/** Call the JSON API as the visitor; errors become ApiError with the server's message. */
export async function api(method, path, body, { create = true, retry = true, headers = {} } = {}) {
  const bearer = await token({ create });
  const wasSignedIn = signedIn();
  const init = { method, headers: { "accept-language": lang, ...headers } };
  if (bearer) init.headers.authorization = `Bearer ${bearer}`;
  if (body instanceof FormData) init.body = body;
  else if (body !== undefined) {
    init.headers["content-type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new ApiError(0, "network", texts.network || "Network error");
  }
  if (response.status === 401 && bearer) {
    forgetToken();
    if (wasSignedIn) throw new ApiError(401, "session_expired", texts.sessionExpired);
    if (retry) return api(method, path, body, { create, retry: false, headers });
  }
  const data = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) {
    const error = data?.error ?? { code: "http_" + response.status, message: response.statusText };
    throw new ApiError(response.status, error.code, error.message);
  }
  return { data, response };
}

/** An object URL for a file the API serves only to its owner (downloads need the token). */
export async function fileUrl(url) {
  const response = await fetch(url, { headers: { authorization: `Bearer ${await token()}` } });
  if (!response.ok) throw new ApiError(response.status, "download_failed", response.statusText);
  return URL.createObjectURL(await response.blob());
}

export function format(template, values) {
  return template.replace(/\{(\w+)\}/g, (_, name) => values[name] ?? "");
}

/** Helpers the forms share: show or clear a form's error line. */
export function showError(form, message) {
  const line = form.querySelector(".form-error");
  line.textContent = message;
  line.hidden = !message;
}

export function withLang(path) {
  return `${path}${path.includes("?") ? "&" : "?"}lang=${lang}`;
}
