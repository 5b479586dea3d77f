// The bar at the top of every page: where you are, where else to go, and the token.

import { clear, h } from "./dom.js";
import { askToken, forgetToken, onTokenChange, token } from "./token.js";

const PAGES = [
  ["index.html", "Map & table"],
  ["review.html", "Review queue"],
];

export function renderHeader(active) {
  const bar = document.getElementById("top");
  const status = h("span", { class: "token-status" });
  const draw = () => {
    clear(
      status,
      token()
        ? [h("span", { class: "badge ok", title: "saved in this browser" }, "token saved"), " ", h("button", { type: "button", class: "link", onclick: forgetToken }, "Forget token")]
        : h("button", { type: "button", class: "link", onclick: () => askToken().catch(() => {}) }, "Set reviewer token"),
    );
  };
  onTokenChange(draw);
  draw();
  clear(
    bar,
    h("a", { class: "brand", href: "index.html" }, "strife"),
    h(
      "nav",
      {},
      PAGES.map(([href, label]) => h("a", { href, "aria-current": href === active ? "page" : null }, label)),
      h("a", { href: "../docs" }, "API"),
    ),
    status,
  );
}
