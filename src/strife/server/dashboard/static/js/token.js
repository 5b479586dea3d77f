// The reviewer's token: asked for once, kept in this browser's localStorage until forgotten.

import { h } from "./dom.js";

const KEY = "strife.token";
const listeners = new Set();

export function token() {
  return localStorage.getItem(KEY);
}

export function onTokenChange(listener) {
  listeners.add(listener);
}

function changed() {
  for (const listener of listeners) listener(token());
}

export function forgetToken() {
  localStorage.removeItem(KEY);
  changed();
}

// Resolves once a token is saved; rejects if the user cancels.
export function askToken(reason = "") {
  return new Promise((resolve, reject) => {
    const input = h("input", {
      type: "password",
      name: "token",
      autocomplete: "off",
      required: true,
      placeholder: "the token `strife token create` printed",
      "aria-label": "API token",
    });
    const dialog = h(
      "dialog",
      { class: "token-dialog" },
      h(
        "form",
        { method: "dialog" },
        h("h2", {}, "Reviewer's token"),
        reason ? h("p", {}, reason) : null,
        h("p", { class: "hint" }, "Made with ", h("code", {}, "strife token create --role reviewer"), ". It is kept in this browser (localStorage) until you choose ", h("em", {}, "Forget token"), "."),
        input,
        h("div", { class: "buttons" }, h("button", { type: "submit", value: "save", class: "primary" }, "Save token"), h("button", { type: "submit", value: "cancel", formnovalidate: true }, "Cancel")),
      ),
    );
    dialog.addEventListener("close", () => {
      dialog.remove();
      if (dialog.returnValue === "save" && input.value.trim()) {
        localStorage.setItem(KEY, input.value.trim());
        changed();
        resolve(token());
      } else {
        reject(new Error("no token given"));
      }
    });
    document.body.append(dialog);
    dialog.showModal();
    input.focus();
  });
}
