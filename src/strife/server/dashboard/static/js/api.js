// Talking to the API: relative URLs (the pages live under /ui/, the API one level up, so a
// server behind a path prefix works too), the reviewer's token, errors as messages.

import { askToken, token } from "./token.js";

export const API_ROOT = new URL("../", document.baseURI);
export const PAGE_LIMIT = 500; // the API's largest page

export class ApiError extends Error {
  constructor(status, detail, payload = null) {
    super(typeof detail === "string" ? detail : JSON.stringify(detail));
    this.status = status;
    this.detail = detail;
    this.payload = payload; // the whole answer: a merged event's 404 says where it went
  }
}

export function apiUrl(path, params) {
  const url = new URL(path.replace(/^\//, ""), API_ROOT);
  if (params) url.search = params.toString();
  return url;
}

// One request. A 401 asks for a token once and tries again with it; `write` says the request
// needs one in any case (so the user is asked before, not after, a refusal).
export async function api(path, { method = "GET", body, params, signal, write = false } = {}) {
  if (write && !token()) await askToken("This needs a reviewer's token.");
  for (let attempt = 0; ; attempt++) {
    const headers = { Accept: "application/json" };
    const saved = token();
    if (saved) headers.Authorization = `Bearer ${saved}`;
    if (body !== undefined) headers["Content-Type"] = "application/json";
    const response = await fetch(apiUrl(path, params), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
    if (response.status === 401 && attempt === 0) {
      await askToken(saved ? "The saved token was refused (revoked?). Give another." : "This needs a token.");
      continue;
    }
    const payload = response.headers.get("content-type")?.includes("json") ? await response.json() : null;
    if (!response.ok) throw new ApiError(response.status, payload?.detail ?? response.statusText, payload);
    return payload;
  }
}

// Every page of /events for these filters, newest first, up to `cap` events.
export async function allEvents(params, { cap = 10000, signal } = {}) {
  const events = [];
  let cursor = null;
  do {
    const query = new URLSearchParams(params);
    query.set("limit", String(PAGE_LIMIT));
    query.set("sort", "-event_date");
    if (cursor) query.set("cursor", cursor);
    const page = await api("events", { params: query, signal });
    events.push(...page.events);
    cursor = page.next;
  } while (cursor && events.length < cap);
  return { events: events.slice(0, cap), complete: !cursor };
}

// The review fields: on the record itself (GET /events), or beside it (GET /events/{id}).
export function reviewOf(event, detail) {
  return {
    state: event.review_state ?? detail?.review?.state ?? "unreviewed",
    locked: event.locked_fields ?? detail?.review?.locked_fields ?? [],
  };
}

export function describeError(error) {
  if (error instanceof ApiError) {
    const { detail } = error;
    if (Array.isArray(detail)) {
      // FastAPI's validation errors: where, and what is wrong there.
      return detail.map((item) => `${(item.loc ?? []).slice(1).join(".")}: ${item.msg}`).join("; ");
    }
    return `${error.status}: ${typeof detail === "string" ? detail : JSON.stringify(detail)}`;
  }
  return String(error?.message ?? error);
}
