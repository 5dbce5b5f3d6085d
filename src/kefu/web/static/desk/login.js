// The sign-in form: the API sets the session cookie; then on to the page that asked for it.
import { api } from "./api.js";

const form = document.querySelector("[data-sign-in]");
const error = form.querySelector("[data-error]");
const button = form.querySelector("button[type=submit]");

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  error.hidden = true;
  const label = button.textContent;
  button.disabled = true;
  button.textContent = button.dataset.busy;
  try {
    await api("POST", "/api/v1/auth/login", {
      email: form.email.value.trim(),
      password: form.password.value,
    });
    location.assign(form.dataset.next);
  } catch (failure) {
    error.textContent = failure.message;
    error.hidden = false;
    button.disabled = false;
    button.textContent = label;
    form.password.select();
  }
});
