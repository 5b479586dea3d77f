// The dashboard's main page: filters drive the map, the timeline and the table together.

import { allEvents, api, describeError } from "./api.js";
import { h, number } from "./dom.js";
import { readFilters, renderFilterForm, toParams, writeFilters } from "./filters.js";
import { renderHeader } from "./header.js";
import { eventMap } from "./map.js";
import { eventTable } from "./table.js";
import { drawTimeline } from "./timeline.js";

// The map and the table hold at most this many events (the newest); the timeline counts all.
const MAX_EVENTS = 10000;

renderHeader("index.html");
const page = new URLSearchParams(location.search);
let filters = readFilters();
let tableSort = page.get("tsort") ?? "-date";
let focus = page.get("focus");

const status = document.getElementById("status");
const timelineBox = document.getElementById("timeline");
const map = eventMap(document.getElementById("map"));
const table = eventTable(document.getElementById("table"), {
  sort: tableSort,
  onSort: (sort) => {
    tableSort = sort;
    remember();
  },
});
let lastStats = null;
let form = null;

function remember() {
  writeFilters(filters, { tsort: tableSort === "-date" ? null : tableSort, focus });
}

let loading = null;
async function load() {
  loading?.abort();
  const controller = new AbortController();
  loading = controller;
  document.body.dataset.state = "loading";
  status.textContent = "Loading…";
  const params = toParams(filters);
  try {
    const [found, months] = await Promise.all([
      allEvents(params, { cap: MAX_EVENTS, signal: controller.signal }),
      api("stats", { params: new URLSearchParams([...params, ["by", "month"]]), signal: controller.signal }),
    ]);
    // Under half a year of months is better read by week.
    const stats = months.groups.length && months.groups.length <= 6 ? await api("stats", { params: new URLSearchParams([...params, ["by", "week"]]), signal: controller.signal }) : months;
    if (controller.signal.aborted) return;
    lastStats = stats;
    map.setEvents(found.events);
    table.setEvents(found.events);
    drawTimeline(timelineBox, { groups: stats.groups, by: stats.by, onPick: pickPeriod });
    const total = stats.total;
    status.replaceChildren(
      h("strong", {}, number.format(total.events)),
      ` events, `,
      h("strong", {}, number.format(total.fatalities)),
      ` fatalities`,
      found.complete ? "" : h("span", { class: "warning" }, ` — the map and the table show the newest ${number.format(found.events.length)}; narrow the filters to see the rest`),
    );
    document.body.dataset.state = "ready";
    if (focus) await map.focus(focus);
  } catch (error) {
    if (error.name === "AbortError") return;
    status.replaceChildren(h("span", { class: "error" }, `Could not load events: ${describeError(error)}`));
    document.body.dataset.state = "error";
  }
}

function pickPeriod([since, until]) {
  form.set({ since, until });
}

function changed(next) {
  filters = next;
  focus = null;
  remember();
  load();
}

window.addEventListener("resize", () => {
  if (lastStats) drawTimeline(timelineBox, { groups: lastStats.groups, by: lastStats.by, onPick: pickPeriod });
});

async function start() {
  const [codebook, places] = await Promise.all([api("ui/codebook.json"), api("stats", { params: new URLSearchParams({ by: "admin1" }) })]);
  form = renderFilterForm(document.getElementById("filters"), { filters, places: places.groups, codebook, onChange: changed });
  await load();
}

// For the browser tests and the curious: the map and the loaded state.
window.strife = { map };
start().catch((error) => {
  status.replaceChildren(h("span", { class: "error" }, `Could not start: ${describeError(error)}`));
  document.body.dataset.state = "error";
});
