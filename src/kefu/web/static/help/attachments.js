// A picker of several images and videos with previews (templates/help/_attachments.html).
import { api, format, texts } from "/static/help/identity.js";

export function attachmentPicker(root) {
  const input = root.querySelector("input[type=file]");
  const list = root.querySelector(".previews");
  let chosen = [];

  function render() {
    const error = root.closest("form")?.querySelector(".form-error");
    if (error) error.hidden = true; // a complaint about a file is stale once the files change
    for (const item of list.querySelectorAll("[data-url]")) URL.revokeObjectURL(item.dataset.url);
    list.replaceChildren();
    chosen.forEach((file, index) => {
      const item = document.createElement("li");
      item.className = "preview";
      const url = URL.createObjectURL(file);
      item.dataset.url = url;
      let media;
      if (file.type.startsWith("video/")) {
        media = document.createElement("video");
        media.muted = true;
        media.preload = "metadata";
      } else {
        media = document.createElement("img");
        media.alt = file.name;
      }
      media.src = url;
      const name = document.createElement("span");
      name.className = "name";
      name.textContent = `${file.name} · ${Math.ceil(file.size / 1024)} KB`;
      const remove = document.createElement("button");
      remove.type = "button";
      remove.className = "remove";
      remove.textContent = "✕";
      remove.setAttribute("aria-label", format(texts.removeFile, { name: file.name }));
      remove.addEventListener("click", () => {
        chosen.splice(index, 1);
        render();
      });
      item.append(media, name, remove);
      list.append(item);
    });
  }

  input.addEventListener("change", () => {
    chosen = chosen.concat([...input.files]);
    input.value = ""; // the same file can be chosen again after removing it
    render();
  });

  return {
    files: () => [...chosen],
    clear() {
      chosen = [];
      render();
    },
    /** Upload each file to /api/v1/attachments; the ids, or an ApiError naming the file. */
    async upload() {
      const ids = [];
      for (const file of chosen) {
        const body = new FormData();
        body.append("file", file);
        try {
          const { data } = await api("POST", "/api/v1/attachments", body);
          ids.push(data.id);
        } catch (error) {
          error.message = format(texts.uploadFailed, { name: file.name, reason: error.message });
          throw error;
        }
      }
      return ids;
    },
  };
}
