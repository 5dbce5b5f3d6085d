// Every staff page: the sign-out button.
import { api, flash } from "./api.js";

document.querySelector("[data-sign-out]")?.addEventListener("click", async () => {
  try {
    await api("POST", "/api/v1/auth/logout");
  } catch (error) {
    flash(error.message);
    return;
  }
  location.assign("/desk/login");
});
