"""The input document, and the annotation layers that the pipeline's stages add to it.

A `Document` is what a reader yields and what every stage receives. Its public fields are the
spec's input columns; stages write what they find into named layers of `Mention`s, each a
character span with a label and a payload, so that later stages and the evidence of each event
can point back into the text.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from strife.calendar_bounds import check_published

PublishedBasis = Literal["input", "option", "html-metadata", "feed", "dateline"]

MAX_TEXT_CHARS = 2_000_000


def coerce_date(value: Any) -> dt.date | None:
    """Accept a date, a datetime, or an ISO string with or without a time part."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        text = value.strip()
        try:
            return dt.date.fromisoformat(text[:10])
        except ValueError:
            pass
        try:
            return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
        except ValueError:
            pass
        from email.utils import parsedate_to_datetime  # RFC 822 dates, as feeds and HTTP write them

        try:
            return parsedate_to_datetime(text).date()
        except (TypeError, ValueError, IndexError):
            pass
    raise ValueError(f"not a date: {value!r} (expected YYYY-MM-DD)")


def coerce_published(value: Any) -> dt.date | None:
    """`coerce_date` for a publication date, which must also lie between 1900 and tomorrow."""
    day = coerce_date(value)
    return None if day is None else check_published(day)


# Characters that shape how a text is set, not what it says: a typesetter's soft hyphen inside a
# word ("Mon\u00adday", "Pesh\u00adawar": a fifth of 2025 Dawn and wire stories have them), zero-width
# spaces and joiners, a byte-order mark. A document is read without them: a word they split is
# no word to the stages' tables.
INVISIBLE_CHARS = "\u00ad\u200b\u2060\ufeff"
INVISIBLE = re.compile(f"[{INVISIBLE_CHARS}]")


def without_invisible(text: str) -> str:
    return INVISIBLE.sub("", text) if INVISIBLE.search(text) else text


def offsets_without_invisible(text: str) -> list[int]:
    """Where each offset of `text` (0 to its length) falls in `without_invisible(text)`: for spans
    others drew on the text as it came (a coder's evidence, a corpus's toponyms)."""
    offsets, removed = [], 0
    for at, char in enumerate(text):
        offsets.append(at - removed)
        removed += char in INVISIBLE_CHARS
    offsets.append(len(text) - removed)
    return offsets


# HTML character references a scraper left in ("&#8220 Islamic State&#8221", "&amp;").
CHARACTER_REFERENCE = re.compile(r"&(?:#\d{2,7}|#x[0-9a-fA-F]{2,6}|[a-zA-Z]{2,8});?")


# A single line break inside a paragraph: a wrap, not a break between paragraphs.
LINE_WRAP = re.compile(r"(?<![\n\r])\r?\n(?![\r\n])")


def blank_character_references(text: str) -> str:
    """The text with each HTML character reference blanked to spaces, every offset kept, so
    that "&#8221" is read as no number."""
    if "&" not in text:
        return text
    return CHARACTER_REFERENCE.sub(lambda m: " " * len(m.group()), text)


# A line break written out as its escape ("...in Panjgur.\\n\\nHe was gunned down"), as some
# feeds and scrapers leave it: read as the break it stands for.
ESCAPED_BREAK = re.compile(r"(?<!\\)\\[nr]")


def readable_text(text: str) -> str:
    """The text as the stages read it, every offset kept: character references blanked, and
    line breaks written as escapes read as breaks (a space and the break)."""
    text = blank_character_references(text)
    if "\\" not in text:
        return text
    return ESCAPED_BREAK.sub(lambda m: " \n" if m.group() == "\\n" else " \r", text)


def content_id(text: str) -> str:
    """A stable id for a document that came without one: the hash of its text."""
    return "sha1:" + hashlib.sha1(text.encode("utf-8", "replace")).hexdigest()[:16]


@dataclass(slots=True)
class Mention:
    """One thing a stage found: a span of the text, what it is, and what it means."""

    start: int
    end: int
    label: str
    value: Any = None
    sentence: int = -1

    def text(self, doc: Document) -> str:
        return doc.text[self.start : self.end]


@dataclass(slots=True)
class Annotations:
    layers: dict[str, list[Mention]] = field(default_factory=dict)
    # Facts about the whole document (its dateline, its country) rather than spans in it.
    facts: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class _DocState:
    annotations: Annotations | None = None  # made by the first stage that writes
    # Where the document was read from (path, URL, line), for messages.
    origin: str = ""
    # The date relative expressions fall back to when no publication date is known.
    reference_date: dt.date | None = None
    # What a reader had to do to it (bytes replaced, text truncated), for the run summary.
    warnings: list[str] = field(default_factory=list)
    lower_text: str | None = None
    cased_text: str | None = None


class Document(BaseModel):
    """One news report: the spec's input record."""

    model_config = ConfigDict(extra="ignore", str_strip_whitespace=False)

    id: str = Field("", description="the caller's id; a content hash when absent")
    text: str = Field(description="the body of the report")
    title: str | None = None
    # A plain date in the model (validated natively, fast); readers and the API pass other
    # spellings ("2025-02-01T08:00:00Z", RFC 822) through `coerce_date` first.
    published: dt.date | None = Field(None, description="publication date, YYYY-MM-DD")
    source: str | None = Field(None, description="outlet name")
    url: str | None = None
    published_basis: PublishedBasis | None = Field(
        None, description="where `published` came from (strife's extension of the spec)"
    )

    @field_validator("published")
    @classmethod
    def _publishable(cls, day: dt.date | None) -> dt.date | None:
        return None if day is None else check_published(day)

    # Everything that is not the input itself (origin, warnings, annotation layers) lives in one
    # plain slot, made on first use, rather than in pydantic private attributes: those cost more
    # per construction than validating the record, and readers make millions of documents.
    __slots__ = ("_strife_state",)

    def model_post_init(self, context: Any, /) -> None:
        object.__setattr__(self, "_strife_state", None)
        # Set through __dict__, as below: validation is done, and the text is the same text.
        self.__dict__["text"] = without_invisible(self.text)
        if self.title:
            self.__dict__["title"] = without_invisible(self.title)
        if not self.id:
            self.id = content_id(self.text)
        if self.published is not None and self.published_basis is None:
            # Set through __dict__: pydantic's __setattr__ costs a microsecond we pay per document.
            self.__dict__["published_basis"] = "input"

    @property
    def state(self) -> _DocState:
        try:
            state = self._strife_state
        except AttributeError:  # a model_copy or deepcopy: pydantic copies fields, not slots
            state = None
        if state is None:
            state = _DocState()
            object.__setattr__(self, "_strife_state", state)
        return state

    # The slot travels with the document to worker processes (`--jobs`).
    def __getstate__(self) -> dict[str, Any]:
        data = super().__getstate__()
        data["_strife_state"] = getattr(self, "_strife_state", None)
        return data

    def __setstate__(self, data: dict[str, Any]) -> None:
        state = data.pop("_strife_state", None)
        super().__setstate__(data)
        object.__setattr__(self, "_strife_state", state)

    @property
    def origin(self) -> str:
        return self.state.origin or self.id

    @property
    def annotations(self) -> Annotations:
        state = self.state
        if state.annotations is None:
            state.annotations = Annotations()
        return state.annotations

    @property
    def reference_date(self) -> dt.date | None:
        """The date a reader knows the text by (a feed's or a page's metadata), when it has no
        publication date."""
        return self.state.reference_date

    @property
    def warnings(self) -> list[str]:
        return self.state.warnings

    def warn(self, message: str) -> None:
        self.state.warnings.append(message)

    def layer(self, name: str) -> list[Mention]:
        return self.annotations.layers.get(name, [])

    def set_layer(self, name: str, mentions: list[Mention]) -> None:
        self.annotations.layers[name] = mentions

    @property
    def lower_text(self) -> str:
        """The text lower-cased with every offset kept, for the stages' case-blind tables."""
        state = self.state
        if state.lower_text is None:
            # A line wrapped inside a paragraph ("THE\nELECTRICAL POWER GRID") reads as one line.
            text = LINE_WRAP.sub(lambda m: " " * len(m.group()), readable_text(self.text))
            lower = text.lower()
            if len(lower) != len(text):  # a few characters ("İ") lower-case to two
                lower = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
            state.lower_text = lower
        return state.lower_text

    @property
    def cased_text(self) -> str:
        """The text with its capitals, offsets kept: a caseless report's (all small letters, or
        all capitals) restored for the stages that read names; any other text as it is."""
        state = self.state
        if state.cased_text is None:
            from strife.stages.truecase import truecase

            state.cased_text = truecase(readable_text(self.text))
        return state.cased_text

    @property
    def anchor_date(self) -> dt.date | None:
        """The date relative expressions are resolved against: the publication date, or one a
        reader knows the text by; None when there is neither. Never the day strife runs: a
        report's "on Tuesday" is not this week's Tuesday."""
        return self.published or self.reference_date

    def with_origin(self, origin: str, reference_date: dt.date | None = None) -> Document:
        state = self.state
        state.origin = origin
        if reference_date is not None:
            state.reference_date = reference_date
        return self
