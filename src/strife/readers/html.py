"""HTML to a document: main text, title and publication date by trafilatura."""

from __future__ import annotations

import trafilatura

from strife.document import Document, coerce_published
from strife.readers.decoding import cap_length
from strife.readers.errors import Skipped

# Only dates the page states about itself: no guessing from URLs or the current date.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


def html_to_document(
    html: str | bytes, origin: str, *, url: str | None = None, doc_id: str | None = None
) -> Document | Skipped:
    result = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params=_DATE_PARAMS,
    )
    if result is None or not (result.text or "").strip():
        return Skipped(origin, "no main text found in the HTML", doc_id)
    text = result.text
    # trafilatura puts the headline first; the title has its own field, and a dateline can
    # only be found at the start of the body.
    if result.title and text.startswith(result.title):
        text = text[len(result.title) :].lstrip()
    text, warning = cap_length(text or result.text)
    try:
        published = coerce_published(result.date) if result.date else None
    except ValueError:
        published = None
    doc = Document(
        id=doc_id or "",
        text=text,
        title=result.title or None,
        published=published,
        source=result.sitename or None,
        url=url or result.url or None,
        published_basis="html-metadata" if published else None,
    )
    doc.with_origin(origin)
    if warning:
        doc.warn(warning)
    return doc


def html_fragment_text(fragment: str) -> str:
    """Plain text of a small HTML fragment (a feed item's content), paragraphs kept apart."""
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # lxml raises several types on broken markup; the text is still usable
        return fragment
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    for block in root.iter("p", "div", "li", "h1", "h2", "h3", "h4"):
        block.tail = "\n\n" + (block.tail or "")
    return "\n".join(line.strip() for line in root.text_content().splitlines()).strip()
