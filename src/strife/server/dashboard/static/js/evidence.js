// A report's text with the evidence spans marked: each span labelled with the field it backs,
// overlapping spans split into pieces that carry every field covering them.

import { h } from "./dom.js";
import { fieldColor } from "./colors.js";

// Spans whose offsets do not match the text (an older text, a changed extractor) are looked for
// by their own text; those not found at all are returned apart, to be listed, not guessed at.
export function placeSpans(text, evidence) {
  const placed = [];
  const lost = [];
  const seen = new Set();
  for (const span of evidence ?? []) {
    let { start, end } = span;
    if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end > start && end <= text.length && text.slice(start, end) === span.text)) {
      const at = span.text ? text.indexOf(span.text) : -1;
      if (at < 0) {
        lost.push(span);
        continue;
      }
      [start, end] = [at, at + span.text.length];
    }
    const key = `${span.field}:${start}:${end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    placed.push({ field: span.field, start, end });
  }
  return { placed, lost };
}

export function highlightedText(text, spans) {
  const cuts = [...new Set([0, text.length, ...spans.flatMap((span) => [span.start, span.end])])].sort((a, b) => a - b);
  const nodes = [];
  for (let i = 0; i < cuts.length - 1; i++) {
    const [from, to] = [cuts[i], cuts[i + 1]];
    for (const span of spans.filter((one) => one.start === from)) {
      nodes.push(h("span", { class: "field-tag", style: { "--field-color": fieldColor(span.field) }, "data-field": span.field, "aria-hidden": "true" }, span.field));
    }
    const covering = spans.filter((span) => span.start <= from && span.end >= to).sort((a, b) => a.end - a.start - (b.end - b.start));
    const piece = text.slice(from, to);
    if (!covering.length) {
      nodes.push(piece);
      continue;
    }
    const fields = [...new Set(covering.map((span) => span.field))];
    const mark = h("mark", { class: `evidence${fields.length > 1 ? " multi" : ""}`, "data-fields": fields.join(" "), title: `evidence for ${fields.join(", ")}` }, piece);
    // The innermost span's colour: the most specific field this piece backs.
    mark.style.setProperty("--field-color", fieldColor(covering[0].field));
    nodes.push(mark);
  }
  return nodes;
}

// Show one field's spans (and dim the rest) across the page; null shows them all again.
export function focusField(root, field) {
  for (const mark of root.querySelectorAll("mark.evidence")) {
    const backs = field !== null && mark.dataset.fields.split(" ").includes(field);
    mark.classList.toggle("focus", backs);
    mark.classList.toggle("dim", field !== null && !backs);
  }
  for (const button of root.querySelectorAll("[data-focus-field]")) {
    button.setAttribute("aria-pressed", String(button.dataset.focusField === field));
  }
  for (const row of root.querySelectorAll("table.record tr[data-field]")) {
    row.classList.toggle("selected", row.dataset.field === field);
  }
  if (field !== null) root.querySelector("mark.evidence.focus")?.scrollIntoView({ block: "center", behavior: "smooth" });
}
