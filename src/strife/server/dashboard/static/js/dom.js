// Building the page from data without innerHTML: every value goes in as text.

export function h(tag, attrs = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith("on") && typeof value === "function") {
      element.addEventListener(name.slice(2), value);
    } else if (name === "dataset") {
      Object.assign(element.dataset, value);
    } else if (name === "style" && typeof value === "object") {
      for (const [property, setting] of Object.entries(value)) {
        if (property.startsWith("--")) element.style.setProperty(property, setting);
        else element.style[property] = setting;
      }
    } else {
      element.setAttribute(name, value === true ? "" : String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(element, child);
    else element.append(child instanceof Node ? child : String(child));
  }
}

export function clear(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

export const number = new Intl.NumberFormat("en");

export function dateRange(event) {
  if (!event.event_date) return "date unknown";
  if (!event.date_end || event.date_end === event.event_date) return event.event_date;
  return `${event.event_date} – ${event.date_end}`;
}

export function place(event) {
  const parts = [event.location, event.admin2, event.admin1, event.country].filter(Boolean);
  // "Kalat, Kalat, Balochistan" says the district's name twice: once is enough.
  return parts.filter((part, i) => parts.indexOf(part) === i).join(", ");
}

export function actors(event) {
  return [event.actor1, event.actor2].filter(Boolean).join(" — ");
}

export function eventLink(id) {
  return `event.html?id=${encodeURIComponent(id)}`;
}

// A message at the top of the page, gone after a while (errors stay until closed).
export function notify(text, kind = "info") {
  let box = document.getElementById("messages");
  if (!box) {
    box = h("div", { id: "messages", role: "status", "aria-live": "polite" });
    document.body.append(box);
  }
  const message = h("div", { class: `message ${kind}` }, text, " ", h("button", { class: "link", type: "button", "aria-label": "close", onclick: () => message.remove() }, "×"));
  box.append(message);
  if (kind !== "error") setTimeout(() => message.remove(), 6000);
}
