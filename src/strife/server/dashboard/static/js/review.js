// The review queue: unreviewed events, the biggest tolls first, to accept or reject at once
// (or open, to edit, split or merge). The page's query string narrows it as the main page's does.

import { api, describeError } from "./api.js";
import { clear, dateRange, eventLink, h, notify, number, place } from "./dom.js";
import { typeColor } from "./colors.js";
import { readFilters, toParams } from "./filters.js";
import { renderHeader } from "./header.js";

renderHeader("review.html");
const list = document.getElementById("queue");
const status = document.getElementById("status");
const more = document.getElementById("more");
const PAGE = 50;
let cursor = null;

async function decide(event, item, action, body, label) {
  for (const button of item.querySelectorAll("button")) button.disabled = true;
  try {
    await api(`events/${encodeURIComponent(event.event_id)}/${action}`, { method: "POST", body, write: true });
    item.classList.add("done");
    item.dataset.decided = action;
    clear(item.querySelector(".actions"), h("span", { class: `badge ${action === "accept" ? "accepted" : "rejected"}` }, label));
    notify(`${label}: ${event.event_id}`);
  } catch (error) {
    for (const button of item.querySelectorAll("button")) button.disabled = false;
    if (error?.message !== "no token given") notify(`${describeError(error)}`, "error");
  }
}

function entry(event) {
  const item = h("li", { "data-event-id": event.event_id });
  item.append(
    h("div", { class: "toll" }, number.format(event.fatalities ?? 0), h("small", {}, "fatalities")),
    h(
      "div",
      {},
      h("div", { class: "what" }, h("span", { class: "swatch", style: { background: typeColor(event.event_type) } }), `${event.event_type} — ${event.sub_event_type}`),
      h("div", { class: "meta" }, `${dateRange(event)} · ${place(event) || "place unknown"}`, event.actor1 ? ` · ${[event.actor1, event.actor2].filter(Boolean).join(" — ")}` : ""),
      event.notes ? h("p", { class: "notes" }, event.notes) : null,
    ),
    h(
      "div",
      { class: "actions" },
      h("button", { type: "button", class: "primary", name: "accept", onclick: () => decide(event, item, "accept", {}, "accepted") }, "Accept"),
      h("button", { type: "button", class: "danger", name: "reject", onclick: () => decide(event, item, "reject", {}, "rejected") }, "Reject"),
      h("a", { href: eventLink(event.event_id) }, "Open"),
    ),
  );
  return item;
}

async function next() {
  document.body.dataset.state = "loading";
  more.disabled = true;
  try {
    const params = toParams(readFilters());
    params.set("review_state", "unreviewed");
    params.set("sort", "-fatalities");
    params.set("limit", String(PAGE));
    if (cursor) params.set("cursor", cursor);
    const page = await api("events", { params });
    list.append(...page.events.map(entry));
    cursor = page.next;
    more.hidden = !cursor;
    const shown = list.children.length;
    status.textContent = shown ? `${number.format(shown)} unreviewed event${shown === 1 ? "" : "s"} shown${cursor ? " (more below)" : ""}.` : "Nothing to review: every event has been reviewed.";
    document.body.dataset.state = "ready";
  } catch (error) {
    status.replaceChildren(h("span", { class: "error" }, `Could not load the queue: ${describeError(error)}`));
    document.body.dataset.state = "error";
  } finally {
    more.disabled = false;
  }
}

more.addEventListener("click", next);
next();
