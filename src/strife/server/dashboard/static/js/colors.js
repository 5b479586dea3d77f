// Colours: one per event type (Okabe and Ito's palette, told apart with colour blindness too),
// and one per field of the record for its evidence spans.

export const TYPE_COLORS = {
  Battles: "#d55e00",
  "Explosions/Remote violence": "#e69f00",
  "Violence against civilians": "#cc79a7",
  Protests: "#0072b2",
  Riots: "#56b4e9",
  "Strategic developments": "#009e73",
};
export const OTHER_COLOR = "#777777";

export function typeColor(eventType) {
  return TYPE_COLORS[eventType] ?? OTHER_COLOR;
}

const FIELD_PALETTE = ["#ffd166", "#a0e7a0", "#9ad0f5", "#f7a6c4", "#c9b6f2", "#ffb38a", "#8fe3d6", "#e6e68a", "#f2b8b8", "#b8d8a8", "#b3c7f2", "#f0c987"];
const fieldColors = new Map();

// A field keeps its colour on every page: it follows from the name, not from the order seen.
export function fieldColor(field) {
  if (!fieldColors.has(field)) {
    let hash = 0;
    for (const char of field) hash = (hash * 31 + char.codePointAt(0)) >>> 0;
    fieldColors.set(field, FIELD_PALETTE[hash % FIELD_PALETTE.length]);
  }
  return fieldColors.get(field);
}

// Marker diameter in pixels: the area grows with the toll, so 100 dead is not 100 times as wide.
export function markerSize(fatalities) {
  return Math.round(Math.min(44, 9 + 3.2 * Math.sqrt(Math.max(0, fatalities ?? 0))));
}
