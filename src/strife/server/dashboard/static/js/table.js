// The table of events: sortable by any column, a page at a time, each row a link to its event.

import { actors, clear, dateRange, eventLink, h, number, place } from "./dom.js";
import { reviewOf } from "./api.js";
import { typeColor } from "./colors.js";

const PAGE = 25;

const COLUMNS = [
  { key: "date", label: "Date", value: (e) => e.event_date ?? "", cell: (e) => h("a", { href: eventLink(e.event_id) }, dateRange(e)) },
  { key: "place", label: "Place", value: (e) => place(e).toLowerCase(), cell: (e) => place(e) },
  {
    key: "type",
    label: "Type",
    value: (e) => `${e.event_type} ${e.sub_event_type}`.toLowerCase(),
    cell: (e) => [h("span", { class: "swatch", style: { background: typeColor(e.event_type) } }), e.event_type, h("div", { class: "sub" }, e.sub_event_type)],
  },
  { key: "actors", label: "Actors", value: (e) => actors(e).toLowerCase(), cell: (e) => actors(e) },
  { key: "fatalities", label: "Fatalities", value: (e) => e.fatalities ?? 0, cell: (e) => number.format(e.fatalities ?? 0), numeric: true },
  { key: "review", label: "Review", value: (e) => reviewOf(e).state, cell: (e) => h("span", { class: `badge ${reviewOf(e).state}` }, reviewOf(e).state) },
];

// `sort` is a column key, "-" first for descending (as the API writes its sorts).
export function eventTable(container, { sort = "-date", onSort } = {}) {
  let events = [];
  let pageIndex = 0;
  const count = h("span", { class: "count", id: "table-count" });
  const table = h("table", { class: "events" });
  const pager = h("div", { class: "pager" });
  clear(container, h("div", { class: "table-head" }, count), table, pager);

  function sorted() {
    const descending = sort.startsWith("-");
    const column = COLUMNS.find((c) => c.key === sort.replace(/^-/, "")) ?? COLUMNS[0];
    const rows = events.slice();
    rows.sort((a, b) => {
      const x = column.value(a);
      const y = column.value(b);
      const order = x < y ? -1 : x > y ? 1 : a.event_id < b.event_id ? -1 : 1; // ties: a stable order
      return descending ? -order : order;
    });
    return rows;
  }

  function draw() {
    const rows = sorted();
    const pages = Math.max(1, Math.ceil(rows.length / PAGE));
    pageIndex = Math.min(pageIndex, pages - 1);
    const shown = rows.slice(pageIndex * PAGE, (pageIndex + 1) * PAGE);
    count.dataset.count = String(rows.length);
    count.textContent = `${number.format(rows.length)} event${rows.length === 1 ? "" : "s"}`;
    const key = sort.replace(/^-/, "");
    const head = h(
      "tr",
      {},
      COLUMNS.map((column) => {
        const active = column.key === key;
        const direction = active ? (sort.startsWith("-") ? "descending" : "ascending") : null;
        return h(
          "th",
          { scope: "col", "aria-sort": direction, class: column.numeric ? "num" : null },
          h(
            "button",
            {
              type: "button",
              "data-sort": column.key,
              onclick: () => {
                // A new column starts with its biggest (or newest) first; the same one flips.
                sort = active ? (sort.startsWith("-") ? key : `-${key}`) : column.key === "date" || column.numeric ? `-${column.key}` : column.key;
                pageIndex = 0;
                onSort?.(sort);
                draw();
              },
            },
            column.label,
            h("span", { class: "arrow", "aria-hidden": "true" }, active ? (sort.startsWith("-") ? "▼" : "▲") : ""),
          ),
        );
      }),
    );
    const body = shown.map((event) => h("tr", { "data-event-id": event.event_id }, COLUMNS.map((column) => h("td", { class: column.numeric ? "num" : null }, column.cell(event)))));
    clear(table, h("thead", {}, head), h("tbody", {}, body.length ? body : h("tr", {}, h("td", { colspan: COLUMNS.length, class: "empty" }, "No events match these filters."))));
    const first = rows.length ? pageIndex * PAGE + 1 : 0;
    clear(
      pager,
      h("button", { type: "button", name: "previous", disabled: pageIndex === 0, onclick: () => { pageIndex -= 1; draw(); } }, "‹ Previous"),
      h("span", { class: "range" }, `${number.format(first)}–${number.format(first + shown.length - (rows.length ? 1 : 0))} of ${number.format(rows.length)}`),
      h("button", { type: "button", name: "next", disabled: pageIndex >= pages - 1, onclick: () => { pageIndex += 1; draw(); } }, "Next ›"),
    );
  }

  return {
    setEvents(next) {
      events = next;
      pageIndex = 0;
      draw();
    },
  };
}
