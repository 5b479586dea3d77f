// The filters: named as the API's parameters, kept in the page's query string (so a view can
// be shared or reloaded), and shown as a form.

import { clear, h, number } from "./dom.js";

export const FILTERS = ["since", "until", "country", "admin1", "event_type", "sub_event_type", "actor", "min_fatalities", "q", "review_state", "background"];
const LISTS = new Set(["country", "admin1", "event_type", "sub_event_type", "review_state"]);

export function readFilters(search = location.search) {
  const query = new URLSearchParams(search);
  const filters = {};
  for (const name of FILTERS) {
    const values = query.getAll(name).filter((value) => value !== "");
    if (values.length) filters[name] = LISTS.has(name) ? values : values[0];
  }
  return filters;
}

export function toParams(filters) {
  const params = new URLSearchParams();
  for (const name of FILTERS) {
    const value = filters[name];
    if (value === undefined || value === "" || (Array.isArray(value) && !value.length)) continue;
    for (const one of [].concat(value)) params.append(name, one);
  }
  return params;
}

// The page's own keys (the table's order, the event in focus) stay beside the filters.
export function writeFilters(filters, extra = {}) {
  const params = toParams(filters);
  for (const [name, value] of Object.entries(extra)) if (value) params.set(name, value);
  const search = params.toString();
  history.replaceState(null, "", search ? `?${search}` : location.pathname);
}

// The form. `places` is /stats?by=admin1 over every event: the countries and their admin1 that
// exist; `codebook` the event types and their sub-event types.
export function renderFilterForm(container, { filters, places, codebook, onChange }) {
  const countries = new Map();
  for (const group of places) {
    if (!group.country) continue;
    const entry = countries.get(group.country) ?? { events: 0, admin1: [] };
    entry.events += group.events;
    if (group.admin1) entry.admin1.push(group);
    countries.set(group.country, entry);
  }
  const first = (name) => [].concat(filters[name] ?? [])[0] ?? "";

  const select = (name, label, options, any) =>
    h("label", {}, label, h("select", { name }, h("option", { value: "" }, any), options.map(([value, text]) => h("option", { value, selected: value === first(name) }, text))));

  const countryOptions = [...countries.entries()].sort((a, b) => a[0].localeCompare(b[0])).map(([name, entry]) => [name, `${name} (${number.format(entry.events)})`]);
  const admin1Options = (country) => (countries.get(country)?.admin1 ?? []).sort((a, b) => a.admin1.localeCompare(b.admin1)).map((group) => [group.admin1, `${group.admin1} (${number.format(group.events)})`]);
  const subOptions = (type) => (type ? codebook.event_types[type] ?? [] : Object.values(codebook.event_types).flat()).map((sub) => [sub, sub]);

  const form = h(
    "form",
    { class: "filters", autocomplete: "off" },
    h("fieldset", { class: "dates" }, h("legend", {}, "Dates"), h("label", {}, "From", h("input", { type: "date", name: "since", value: first("since") })), h("label", {}, "To", h("input", { type: "date", name: "until", value: first("until") }))),
    select("country", "Country", countryOptions, "All countries"),
    select("admin1", "Admin 1", admin1Options(first("country")), "All"),
    select("event_type", "Event type", Object.keys(codebook.event_types).map((type) => [type, type]), "All types"),
    select("sub_event_type", "Sub-event type", subOptions(first("event_type")), "All"),
    h("label", {}, "Actor", h("input", { type: "search", name: "actor", value: first("actor"), placeholder: "part of a name" })),
    h("label", {}, "Fatalities at least", h("input", { type: "number", name: "min_fatalities", min: 0, step: 1, value: first("min_fatalities") })),
    h("label", {}, "Text", h("input", { type: "search", name: "q", value: first("q"), placeholder: "notes, place, actors" })),
    select("review_state", "Review", codebook.review_states.map((state) => [state, state]), "All but rejected"),
    // Past incidents a report recalls for context are not current violence: the API leaves them
    // out of lists, tallies and the map unless asked.
    select("background", "Past incidents recalled", [["include", "Include them"], ["only", "Only them"]], "Current events only"),
    h("div", { class: "buttons" }, h("button", { type: "button", name: "clear", onclick: () => clearAll() }, "Clear filters")),
  );

  const field = (name) => form.elements.namedItem(name);
  const replaceOptions = (name, options, any) => {
    const current = field(name).value;
    clear(field(name), h("option", { value: "" }, any), options.map(([value, text]) => h("option", { value, selected: value === current }, text)));
  };

  const current = () => {
    const next = {};
    for (const name of FILTERS) {
      const value = field(name).value.trim();
      if (value !== "") next[name] = LISTS.has(name) ? [value] : value;
    }
    return next;
  };

  let timer = null;
  form.addEventListener("input", (event) => {
    const name = event.target.name;
    if (name === "country") replaceOptions("admin1", admin1Options(field("country").value), "All");
    if (name === "event_type") replaceOptions("sub_event_type", subOptions(field("event_type").value), "All");
    clearTimeout(timer);
    // Typing waits for a pause; a menu or a date applies at once.
    const typing = event.target.type === "search" || event.target.type === "number";
    timer = setTimeout(() => onChange(current()), typing ? 350 : 0);
  });
  form.addEventListener("submit", (event) => event.preventDefault());
  // Not a reset button: that would bring back the values the page opened with.
  function clearAll() {
    for (const name of FILTERS) field(name).value = "";
    replaceOptions("admin1", admin1Options(""), "All");
    replaceOptions("sub_event_type", subOptions(""), "All");
    onChange(current());
  }
  clear(container, form);
  return {
    // A filter set from elsewhere (a click on the timeline), as if chosen in the form.
    set(changes) {
      for (const [name, value] of Object.entries(changes)) field(name).value = value ?? "";
      onChange(current());
    },
  };
}
