// The timeline: events (bars) and fatalities (line) per month or week, from /stats, drawn as
// plain SVG. A click on a period narrows the dates to it.

import { clear, number } from "./dom.js";

const SVG = "http://www.w3.org/2000/svg";

function s(tag, attrs = {}, ...children) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) if (value !== null && value !== undefined) element.setAttribute(name, String(value));
  for (const child of children) if (child) element.append(child);
  return element;
}

// Every period from the first to the last, empty ones included: a gap in time shows as a gap.
export function periods(groups, by) {
  // Undated events (their report gave no publication date) have no period to stand in.
  groups = groups.filter((group) => group[by] !== null && group[by] !== undefined);
  if (!groups.length) return [];
  const key = (group) => group[by];
  const found = new Map(groups.map((group) => [key(group), group]));
  const all = [];
  if (by === "month") {
    let [year, month] = key(groups[0]).split("-").map(Number);
    const last = key(groups[groups.length - 1]);
    for (;;) {
      const name = `${year}-${String(month).padStart(2, "0")}`;
      all.push(found.get(name) ?? { [by]: name, events: 0, fatalities: 0 });
      if (name >= last) break;
      month += 1;
      if (month > 12) [year, month] = [year + 1, 1];
    }
  } else {
    const day = new Date(`${key(groups[0])}T00:00:00Z`);
    const last = key(groups[groups.length - 1]);
    for (;;) {
      const name = day.toISOString().slice(0, 10);
      all.push(found.get(name) ?? { [by]: name, events: 0, fatalities: 0 });
      if (name >= last) break;
      day.setUTCDate(day.getUTCDate() + 7);
    }
  }
  return all;
}

// The first and last day of a period, for the date filters.
export function periodRange(name, by) {
  if (by === "month") {
    const [year, month] = name.split("-").map(Number);
    const end = new Date(Date.UTC(year, month, 0));
    return [`${name}-01`, end.toISOString().slice(0, 10)];
  }
  const end = new Date(`${name}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() + 6);
  return [name, end.toISOString().slice(0, 10)];
}

export function drawTimeline(container, { groups, by, onPick }) {
  const rows = periods(groups, by);
  const width = Math.max(320, container.clientWidth || 800);
  const height = 150;
  const pad = { left: 40, right: 44, top: 10, bottom: 22 };
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const maxEvents = Math.max(1, ...rows.map((row) => row.events));
  const maxDeaths = Math.max(1, ...rows.map((row) => row.fatalities));
  const step = plotW / Math.max(1, rows.length);
  const svg = s("svg", { viewBox: `0 0 ${width} ${height}`, width, height, role: "img", "aria-label": `Events and fatalities per ${by}`, class: "timeline-chart" });
  if (!rows.length) {
    svg.append(s("text", { x: width / 2, y: height / 2, "text-anchor": "middle", class: "empty" }, "No events"));
    clear(container, svg);
    return;
  }
  const y = (value, max) => pad.top + plotH - (value / max) * plotH;
  // Axes: events on the left, fatalities on the right, a few period names below.
  svg.append(
    s("line", { x1: pad.left, x2: pad.left + plotW, y1: pad.top + plotH, y2: pad.top + plotH, class: "axis" }),
    s("text", { x: pad.left - 6, y: pad.top + 8, "text-anchor": "end", class: "tick events" }, number.format(maxEvents)),
    s("text", { x: pad.left - 6, y: pad.top + plotH, "text-anchor": "end", class: "tick" }, "0"),
    s("text", { x: pad.left + plotW + 6, y: pad.top + 8, class: "tick deaths" }, number.format(maxDeaths)),
    s("text", { x: pad.left + plotW + 6, y: pad.top + plotH, class: "tick" }, "0"),
  );
  const labels = Math.max(1, Math.floor(plotW / 70));
  const every = Math.max(1, Math.ceil(rows.length / labels));
  rows.forEach((row, i) => {
    const x = pad.left + i * step;
    const barH = (row.events / maxEvents) * plotH;
    const bar = s(
      "rect",
      { x: x + step * 0.1, y: pad.top + plotH - barH, width: Math.max(1, step * 0.8), height: barH, class: "bar", "data-period": row[by], "data-events": row.events },
      s("title", {}, document.createTextNode(`${row[by]}: ${number.format(row.events)} events, ${number.format(row.fatalities)} fatalities`)),
    );
    // A full-height hit area, so an empty or short period can be picked too.
    const hit = s("rect", { x, y: pad.top, width: step, height: plotH, class: "hit" }, s("title", {}, document.createTextNode(`${row[by]}: ${number.format(row.events)} events, ${number.format(row.fatalities)} fatalities`)));
    hit.addEventListener("click", () => onPick?.(periodRange(row[by], by)));
    svg.append(bar, hit);
    if (i % every === 0) svg.append(s("text", { x: x + step / 2, y: height - 6, "text-anchor": "middle", class: "tick" }, document.createTextNode(row[by])));
  });
  const line = rows.map((row, i) => `${i ? "L" : "M"}${(pad.left + (i + 0.5) * step).toFixed(1)},${y(row.fatalities, maxDeaths).toFixed(1)}`).join("");
  svg.append(s("path", { d: line, class: "deaths-line" }));
  clear(container, svg);
}
