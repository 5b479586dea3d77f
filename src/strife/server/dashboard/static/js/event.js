// The event page: the record, where it is, every report of it with the evidence marked, its
// history, and the reviewer's controls (accept, edit, reject, split a report off, merge).

import { ApiError, api, describeError, reviewOf } from "./api.js";
import { clear, dateRange, eventLink, h, notify, number, place } from "./dom.js";
import { fieldColor, typeColor } from "./colors.js";
import { focusField, highlightedText, placeSpans } from "./evidence.js";
import { renderHeader } from "./header.js";
import { baseMap } from "./map.js";

renderHeader(null);
const main = document.getElementById("event");
const eventId = new URLSearchParams(location.search).get("id");

const GROUPS = [
  ["When", ["event_date", "date_end", "time_precision", "date_basis"]],
  ["What", ["event_type", "sub_event_type", "background"]],
  ["Who", ["actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction"]],
  ["Where", ["location", "admin3", "admin2", "admin1", "country", "iso3", "latitude", "longitude", "geo_precision", "geonameid"]],
  ["Toll", ["fatalities", "fatalities_low", "fatalities_high", "deaths_actor1", "deaths_actor2", "deaths_civilians", "deaths_unknown", "fatalities_imputed", "injured"]],
  ["Claims and sources", ["claim_status", "claimed_by", "reported_by", "source", "source_url", "confidence", "doc_ids"]],
];
const NOT_SHOWN = new Set(["event_id", "doc_id", "notes", "evidence", "review_state", "locked_fields"]);

// How each editable field is edited; fields not here are the extractor's bookkeeping.
const INTEGER = { kind: "integer" };
const TEXT = { kind: "text" };
const PRECISION = { kind: "choice", options: [["1", "1"], ["2", "2"], ["3", "3"]], integer: true };
function editors(codebook) {
  const categories = [["0", "0 — none"], ...Object.entries(codebook.actor_categories).map(([code, name]) => [code, `${code} — ${name}`])];
  return {
    event_date: { kind: "date" },
    date_end: { kind: "date" },
    time_precision: PRECISION,
    event_type: { kind: "choice", options: Object.keys(codebook.event_types).map((t) => [t, t]) },
    sub_event_type: { kind: "choice", options: Object.values(codebook.event_types).flat().map((t) => [t, t]) },
    background: { kind: "boolean" },
    actor1: TEXT,
    assoc_actor_1: TEXT,
    inter1: { kind: "choice", options: categories, integer: true },
    actor2: TEXT,
    assoc_actor_2: TEXT,
    inter2: { kind: "choice", options: categories, integer: true },
    interaction: INTEGER,
    location: TEXT,
    admin3: TEXT,
    admin2: TEXT,
    admin1: TEXT,
    country: TEXT,
    iso3: TEXT,
    latitude: { kind: "number" },
    longitude: { kind: "number" },
    geo_precision: PRECISION,
    geonameid: INTEGER,
    fatalities: INTEGER,
    fatalities_low: INTEGER,
    fatalities_high: INTEGER,
    deaths_actor1: INTEGER,
    deaths_actor2: INTEGER,
    deaths_civilians: INTEGER,
    deaths_unknown: INTEGER,
    fatalities_imputed: { kind: "boolean" },
    injured: INTEGER,
    claim_status: { kind: "choice", options: codebook.claim_statuses.map((s) => [s, s]) },
    claimed_by: TEXT,
    reported_by: { kind: "list" },
    source: TEXT,
    source_url: TEXT,
    notes: { kind: "long" },
  };
}

// Identifiers and codes are names, not quantities: "1177203", never "1,177,203".
const CODES = new Set(["geonameid", "inter1", "inter2", "interaction", "time_precision", "geo_precision"]);

function shown(value, name) {
  if (value === null || value === undefined || value === "") return h("span", { class: "hint" }, "—");
  if (Array.isArray(value)) return value.length ? value.join("; ") : h("span", { class: "hint" }, "—");
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "number") return Number.isInteger(value) && !CODES.has(name) ? number.format(value) : String(value);
  return String(value);
}

function recordTable(event, detail, fieldsWithEvidence) {
  const { locked } = reviewOf(event, detail);
  const sources = detail.sources ?? {};
  const listed = new Set(GROUPS.flatMap(([, fields]) => fields));
  const others = Object.keys(event).filter((name) => !listed.has(name) && !NOT_SHOWN.has(name));
  const rows = [];
  for (const [group, fields] of [...GROUPS, ["Other", others]]) {
    const present = fields.filter((name) => name in event);
    if (!present.length) continue;
    rows.push(h("tr", { class: "group" }, h("th", { colspan: 2 }, group)));
    for (const name of present) {
      const evidence = fieldsWithEvidence.has(name);
      rows.push(
        h(
          "tr",
          {
            "data-field": name,
            class: evidence ? "has-evidence" : null,
            title: evidence ? "show the text behind this field" : null,
            onclick: evidence ? () => focusField(main, main.querySelector(`tr.selected[data-field="${name}"]`) ? null : name) : null,
          },
          h("th", { scope: "row" }, evidence ? h("span", { class: "swatch", style: { background: fieldColor(name) } }) : null, name),
          h(
            "td",
            { "data-value": name },
            shown(event[name], name),
            locked.includes(name) ? h("span", { class: "lock", title: "set by a reviewer: no report overwrites it" }, "locked") : null,
            sources[name] && (detail.reports?.length ?? 0) > 1 ? h("span", { class: "from" }, `from ${sources[name]}`) : null,
          ),
        ),
      );
    }
  }
  return h("table", { class: "record" }, h("tbody", {}, rows));
}

function editForm(event, detail, codebook, onDone) {
  const { locked } = reviewOf(event, detail);
  const kinds = editors(codebook);
  const inputs = new Map();
  const labels = [];
  const asText = (value) => (value === null || value === undefined ? "" : Array.isArray(value) ? value.join("; ") : String(value));
  for (const [name, editor] of Object.entries(kinds)) {
    if (!(name in event)) continue;
    let input;
    if (editor.kind === "choice") {
      const options = editor.options.some(([value]) => value === asText(event[name])) || event[name] === null ? editor.options : [[asText(event[name]), asText(event[name])], ...editor.options];
      input = h("select", { name }, event[name] === null ? h("option", { value: "" }, "—") : null, options.map(([value, text]) => h("option", { value, selected: value === asText(event[name]) }, text)));
    } else if (editor.kind === "boolean") {
      input = h("input", { type: "checkbox", name, checked: Boolean(event[name]) });
    } else if (editor.kind === "long") {
      input = h("textarea", { name, rows: 3 }, asText(event[name]));
    } else {
      const type = { date: "date", integer: "number", number: "number" }[editor.kind] ?? "text";
      input = h("input", { type, name, value: asText(event[name]), step: editor.kind === "number" ? "any" : editor.kind === "integer" ? 1 : null });
    }
    inputs.set(name, [input, editor]);
    const label = h("label", { class: [editor.kind === "long" ? "wide" : "", locked.includes(name) ? "locked" : ""].join(" ").trim() || null }, h("span", {}, name), input);
    labels.push(label);
  }

  const valueOf = (name) => {
    const [input, editor] = inputs.get(name);
    if (editor.kind === "boolean") return input.checked;
    const raw = input.value.trim();
    if (raw === "") return editor.kind === "list" ? [] : null;
    if (editor.kind === "integer" || editor.integer) return Number.parseInt(raw, 10);
    if (editor.kind === "number") return Number.parseFloat(raw);
    if (editor.kind === "list") return raw.split(/\s*;\s*/).filter(Boolean);
    return raw;
  };
  const changes = () => {
    const fields = {};
    for (const name of inputs.keys()) {
      const value = valueOf(name);
      const before = event[name] ?? (inputs.get(name)[1].kind === "list" ? [] : null);
      if (JSON.stringify(value) !== JSON.stringify(before)) fields[name] = value;
    }
    return fields;
  };

  const note = h("input", { type: "text", name: "note", placeholder: "why (kept in the event's history)" });
  const save = h("button", { type: "submit", class: "primary", name: "save" }, "Save changes");
  const form = h(
    "form",
    { class: "edit", "aria-label": "Edit the event's fields" },
    labels,
    h("label", { class: "wide" }, h("span", {}, "note"), note),
    h("div", { class: "buttons" }, save, h("button", { type: "button", onclick: () => onDone(false) }, "Cancel")),
  );
  form.addEventListener("input", () => {
    const changed = changes();
    for (const [name, [input]] of inputs) input.closest("label").classList.toggle("changed", name in changed);
  });
  // The sub-event types offered follow the event type chosen.
  const typeSelect = inputs.get("event_type")?.[0];
  const subSelect = inputs.get("sub_event_type")?.[0];
  typeSelect?.addEventListener("change", () => {
    const subs = codebook.event_types[typeSelect.value] ?? [];
    const keep = subs.includes(subSelect.value) ? subSelect.value : subs[0];
    clear(subSelect, subs.map((sub) => h("option", { value: sub, selected: sub === keep }, sub)));
  });
  form.addEventListener("submit", async (submitted) => {
    submitted.preventDefault();
    const fields = changes();
    if (!Object.keys(fields).length) {
      notify("Nothing changed.");
      return;
    }
    save.disabled = true;
    try {
      await api(`events/${encodeURIComponent(eventId)}`, { method: "PATCH", body: { fields, note: note.value.trim() || undefined }, write: true });
      notify(`Saved: ${Object.keys(fields).join(", ")} (now locked).`);
      onDone(true);
    } catch (error) {
      notify(`Not saved — ${describeError(error)}`, "error");
    } finally {
      save.disabled = false;
    }
  });
  return form;
}

async function act(label, path, body) {
  notice = null;
  try {
    const result = await api(`events/${encodeURIComponent(eventId)}/${path}`, { method: "POST", body, write: true });
    notify(label);
    return result;
  } catch (error) {
    if (error?.message !== "no token given") notify(`${label.split(":")[0]} failed — ${describeError(error)}`, "error");
    return null;
  }
}

function reviewPanel(event, detail, startEditing) {
  const review = reviewOf(event, detail);
  const reason = h("input", { type: "text", name: "reason", placeholder: "why it is not an event" });
  const other = h("input", { type: "text", name: "other", placeholder: "ev:… of the same incident" });
  return h(
    "section",
    { class: "panel review-panel" },
    h("h2", {}, "Review"),
    h("p", {}, h("span", { class: `badge ${review.state}`, id: "review-state" }, review.state), detail.review?.reviewed_by ? ` by ${detail.review.reviewed_by}` : "", detail.review?.reviewed_at ? `, ${detail.review.reviewed_at.slice(0, 16).replace("T", " ")}` : ""),
    review.locked.length ? h("p", { class: "hint" }, "Locked by a reviewer: ", review.locked.join(", ")) : null,
    h(
      "div",
      { class: "review-actions" },
      h(
        "div",
        { class: "row" },
        h("button", { type: "button", class: "primary", name: "accept", onclick: async () => (await act("Accepted.", "accept", {})) && load() }, "Accept"),
        h("button", { type: "button", name: "edit", onclick: startEditing }, "Edit fields"),
      ),
      h("div", { class: "row" }, reason, h("button", { type: "button", class: "danger", name: "reject", onclick: async () => (await act("Rejected: left out of lists and exports from now on.", "reject", { reason: reason.value.trim() || undefined })) && load() }, "Reject")),
      h(
        "div",
        { class: "row" },
        other,
        h(
          "button",
          {
            type: "button",
            name: "merge",
            onclick: async () => {
              const otherId = other.value.trim();
              if (!otherId) return notify("Give the id of the event to merge into this one.", "error");
              if ((await act(`Merged ${otherId} into this event.`, "merge", { other: otherId })) !== null) load();
            },
          },
          "Merge into this",
        ),
      ),
    ),
  );
}

function reportView(report, doc, index, total, focusable) {
  const text = doc?.text ?? "";
  const { placed, lost } = placeSpans(text, report.evidence);
  const fields = [...new Set(placed.map((span) => span.field))].sort();
  return h(
    "article",
    { class: "report", "data-doc-id": report.doc_id },
    h(
      "header",
      {},
      h("span", { class: "title" }, doc?.title || `Report ${index + 1} of ${total}`),
      h("span", {}, [report.source, report.published].filter(Boolean).join(", ") || h("span", { class: "hint" }, "no source or date")),
      h("code", {}, report.doc_id),
      report.url ? h("a", { href: report.url, rel: "noreferrer noopener", target: "_blank" }, "original ↗") : null,
      h("span", {}, `${number.format(report.fatalities ?? 0)} fatalities in this report`),
      total > 1
        ? h(
            "span",
            { class: "actions" },
            h(
              "button",
              {
                type: "button",
                name: "split",
                title: "make this report an event of its own",
                onclick: async () => {
                  const result = await act(`Split ${report.doc_id} off into an event of its own.`, "split", { doc_id: report.doc_id });
                  if (!result) return;
                  const made = result.split_off?.event_id;
                  notice = made ? h("p", { class: "notice", id: "split-notice" }, `${report.doc_id} is now event `, h("a", { href: eventLink(made), "data-event-id": made }, made), ". To undo, merge it back into this one below.") : null;
                  await load();
                  window.scrollTo({ top: 0 });
                },
              },
              "Split off",
            ),
          )
        : null,
    ),
    fields.length
      ? h(
          "div",
          { class: "evidence-legend" },
          h("span", { class: "hint" }, "Evidence:"),
          fields.map((field) => h("button", { type: "button", "data-focus-field": field, "aria-pressed": "false", style: { "--field-color": fieldColor(field) }, onclick: () => focusable(field) }, field)),
        )
      : null,
    doc ? h("div", { class: "report-text" }, highlightedText(text, placed)) : h("p", { class: "report-text hint" }, "The report's text could not be read."),
    lost.length ? h("p", { class: "hint", style: { padding: "0 1rem" } }, `Not found in this text: ${lost.map((span) => `${span.field} “${span.text}”`).join("; ")}`) : null,
  );
}

function history(revisions) {
  return h(
    "section",
    { class: "panel" },
    h("h2", {}, "History"),
    revisions?.length
      ? h(
          "ol",
          { class: "revisions" },
          revisions.map((revision) =>
            h(
              "li",
              {},
              h("strong", {}, revision.action),
              ` ${revision.at.slice(0, 16).replace("T", " ")}`,
              revision.user ? ` by ${revision.user}` : "",
              revision.doc_id ? ` (${revision.doc_id})` : "",
              revision.other_event_id ? ` with ${revision.other_event_id}` : "",
              revision.changed?.length ? h("div", { class: "hint" }, `changed: ${revision.changed.join(", ")}`) : null,
              revision.note ? h("div", {}, `“${revision.note}”`) : null,
            ),
          ),
        )
      : h("p", { class: "hint" }, "No revisions."),
  );
}

let codebookLoad = null;
let miniMap = null;
let notice = null; // what the last action made, shown above the record until the next one

async function load() {
  document.body.dataset.state = "loading";
  if (!eventId) {
    clear(main, h("p", { class: "error" }, "No event given: open this page as event.html?id=EVENT_ID."));
    document.body.dataset.state = "error";
    return;
  }
  let detail;
  try {
    codebookLoad ??= api("ui/codebook.json");
    detail = await api(`events/${encodeURIComponent(eventId)}`);
  } catch (error) {
    const into = error instanceof ApiError ? error.payload?.merged_into : null;
    clear(main, h("p", { class: into ? null : "error" }, into ? ["This event was merged into ", h("a", { href: eventLink(into) }, into), "."] : `Could not load ${eventId}: ${describeError(error)}`));
    document.body.dataset.state = "error";
    return;
  }
  const codebook = await codebookLoad;
  const event = detail.event;
  const reports = detail.reports ?? [];
  const documents = await Promise.all(reports.map((report) => api(`documents/${encodeURIComponent(report.doc_id)}`).then((found) => found.document, () => null)));
  const fieldsWithEvidence = new Set(reports.flatMap((report) => (report.evidence ?? []).map((span) => span.field)));
  document.title = `${event.event_type}, ${event.event_date ?? "date unknown"} — strife`;

  const recordBox = h("div", {});
  const showRecord = () => clear(recordBox, recordTable(event, detail, fieldsWithEvidence));
  const startEditing = () => {
    clear(recordBox, editForm(event, detail, codebook, (saved) => (saved ? load() : showRecord())));
    recordBox.scrollIntoView({ block: "start", behavior: "smooth" });
  };
  showRecord();
  const mapBox = h("div", { class: "mini-map", id: "mini-map" });
  const review = reviewOf(event, detail);
  clear(
    main,
    h(
      "div",
      { class: "event-head" },
      h("h1", {}, h("span", { class: "swatch", style: { background: typeColor(event.event_type) } }), `${event.event_type} — ${event.sub_event_type}`),
      h("span", { class: `badge ${review.state}` }, review.state),
      h("span", { class: "id" }, event.event_id),
    ),
    h("p", {}, h("strong", {}, dateRange(event)), " · ", place(event) || "place unknown", " · ", h("strong", {}, `${number.format(event.fatalities ?? 0)} fatalities`)),
    notice,
    event.notes ? h("p", { class: "notes" }, event.notes) : null,
    h(
      "div",
      { class: "event-grid" },
      h(
        "div",
        {},
        h("section", { class: "panel" }, h("h2", {}, "The record ", h("small", {}, "(click a field with a dot to see its evidence in the reports)")), recordBox),
        h("h2", { style: { marginTop: "1.2rem" } }, `Reports (${reports.length})`),
        reports.map((report, i) => reportView(report, documents[i], i, reports.length, (field) => focusField(main, main.querySelector(`[data-focus-field="${field}"][aria-pressed="true"]`) ? null : field))),
      ),
      h(
        "div",
        { class: "side" },
        mapBox,
        h("a", { href: `index.html?focus=${encodeURIComponent(event.event_id)}` }, "Show on the main map →"),
        reviewPanel(event, detail, startEditing),
        history(detail.revisions),
      ),
    ),
  );
  miniMap?.remove();
  miniMap = null;
  if (event.latitude !== null && event.latitude !== undefined) {
    miniMap = baseMap(mapBox, { zoomControl: true, attributionControl: true });
    miniMap.setView([event.latitude, event.longitude], 6);
    L.circleMarker([event.latitude, event.longitude], { radius: 8, color: "#fff", weight: 2, fillColor: typeColor(event.event_type), fillOpacity: 0.95 }).addTo(miniMap).bindTooltip(h("span", {}, place(event))); // an element: Leaflet would read a string as HTML
  } else {
    mapBox.replaceWith(h("p", { class: "hint" }, "No coordinates: not on the map."));
  }
  document.body.dataset.state = "ready";
}

load();
