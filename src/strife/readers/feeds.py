"""RSS and Atom feeds: one document per item; items with only a summary get their page fetched."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Container, Iterator
from urllib.parse import urljoin

import feedparser

from strife.calendar_bounds import publishable
from strife.document import Document
from strife.readers.decoding import cap_length
from strife.readers.errors import FeedError, FetchError, Skipped
from strife.readers.html import html_fragment_text, html_to_document
from strife.readers.web import Fetched, fetch, is_url

# An item whose content is shorter than this is a teaser: the article is on its page.
SUMMARY_ONLY_CHARS = 600

Fetcher = Callable[[str], Fetched]


def is_feed(data: bytes) -> bool:
    head = data[:2048].lstrip().lower()
    return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head


def _entry_date(entry: feedparser.FeedParserDict) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            try:
                day = dt.date(value.tm_year, value.tm_mon, value.tm_mday)
            except ValueError:
                continue
            # A feed's placeholder date (year 1, 9999) is no publication date: the next key may be.
            if publishable(day):
                return day
    return None


def _entry_content(entry: feedparser.FeedParserDict) -> str:
    parts = [c.get("value", "") for c in entry.get("content", []) if c.get("value")]
    return html_fragment_text("\n".join(parts)) if parts else ""


def item_key(entry: feedparser.FeedParserDict) -> str | None:
    """What identifies a feed item across polls: its id, else its link."""
    return entry.get("id") or entry.get("link") or None


def parse_feed(data: bytes, origin: str) -> feedparser.FeedParserDict:
    """The feed in `data`; `FeedError` naming `origin` and the reason when there is none."""
    try:
        parsed = feedparser.parse(data)
    except Exception as err:
        # feedparser turns most bad input into a "bozo" flag, but not all: a declared encoding
        # whose codec raises (encoding="undefined") escapes as UnicodeError. It is this feed's
        # fault, never a reason to stop the others.
        raise FeedError(origin, f"feed could not be parsed ({err.__class__.__name__}: {err})") from err
    if not parsed.get("version") and not parsed.entries:
        reason = "not an RSS or Atom feed"
        if parsed.get("bozo_exception"):
            reason += f" ({parsed.bozo_exception})"
        raise FeedError(origin, reason)
    return parsed


def read_feed(
    data: bytes,
    origin: str,
    fetcher: Fetcher = fetch,
    base_url: str | None = None,
    seen: Container[str] = (),
) -> Iterator[Document | Skipped]:
    """One document per item, or one `Skipped` when `data` is no feed."""
    try:
        parsed = parse_feed(data, origin)
    except FeedError as err:
        yield Skipped(origin, err.reason)
        return
    if not parsed.entries:  # said, as an empty file is: the run summary accounts for every input
        yield Skipped(origin, "feed has no items")
        return
    yield from feed_items(parsed, origin, fetcher, base_url, seen)


def feed_items(
    parsed: feedparser.FeedParserDict,
    origin: str,
    fetcher: Fetcher = fetch,
    base_url: str | None = None,
    seen: Container[str] = (),
) -> Iterator[Document | Skipped]:
    """One document per item of a parsed feed. `base_url` (the feed's own address) resolves
    relative links; items whose key is in `seen` (read on an earlier poll) are passed over,
    pages unfetched."""
    source = parsed.feed.get("title") or None
    for index, entry in enumerate(parsed.entries, start=1):
        if item_key(entry) in seen:
            continue
        item_origin = f"{origin}#item{index}"
        link = entry.get("link") or None
        if link and base_url:
            link = urljoin(base_url, link)
        # feedparser makes a bare <guid> the link: only a real address is worth fetching
        fetchable = bool(link) and is_url(link or "")
        title = entry.get("title") or None
        published = _entry_date(entry)
        text = _entry_content(entry)
        warnings: list[str] = []
        if len(text) < SUMMARY_ONLY_CHARS and fetchable:
            try:
                page = fetcher(link)
                fetched = html_to_document(page.data, f"{item_origin} ({link})", url=link)
                if isinstance(fetched, Document):
                    text = fetched.text
                    published = published or fetched.published
                    title = title or fetched.title
                    warnings.extend(fetched.warnings)
            except FetchError as err:
                warnings.append(f"could not fetch the item's page ({err.reason}); used its summary")
        if not text:
            text = html_fragment_text(entry.get("summary", "") or "")
        if not text.strip():
            yield Skipped(item_origin, "feed item has no text and no fetchable page", entry.get("id"))
            continue
        text, warning = cap_length(text)
        doc = Document(
            id=entry.get("id") or link or "",
            text=text,
            title=title,
            published=published,
            source=source,
            url=link,
            published_basis="feed" if published else None,
        )
        doc.with_origin(item_origin)
        for message in [*warnings, warning]:
            if message:
                doc.warn(message)
        yield doc
