"""The input document, and the annotation layers that the pipeline's stages add to it.

A `Document` is what a reader yields and what every stage receives. Its public fields are the
spec's input columns; stages write what they find into named layers of `Mention`s, each a
character span with a label and a payload, so that later stages and the evidence of each event
can point back into the text.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PrivateAttr

PublishedBasis = Literal["input", "option", "html-metadata", "feed", "dateline", "file-time", "run-date"]

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


LenientDate = Annotated[dt.date | None, BeforeValidator(coerce_date)]


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


class Document(BaseModel):
    """One news report: the spec's input record."""

    model_config = ConfigDict(extra="ignore", str_strip_whitespace=False)

    id: str = Field("", description="the caller's id; a content hash when absent")
    text: str = Field(description="the body of the report")
    title: str | None = None
    published: LenientDate = Field(None, description="publication date, YYYY-MM-DD")
    source: str | None = Field(None, description="outlet name")
    url: str | None = None
    published_basis: PublishedBasis | None = Field(
        None, description="where `published` came from (strife's extension of the spec)"
    )

    _annotations: Annotations = PrivateAttr(default_factory=Annotations)
    # The date that relative expressions fall back to when no publication date is known.
    _reference_date: dt.date | None = PrivateAttr(None)
    # Where the document was read from (path, URL, line), for messages.
    _origin: str = PrivateAttr("")
    # What a reader had to do to it (bytes replaced, text truncated), for the run summary.
    _warnings: list[str] = PrivateAttr(default_factory=list)

    def model_post_init(self, context: Any, /) -> None:
        if not self.id:
            self.id = content_id(self.text)
        if self.published is not None and self.published_basis is None:
            self.published_basis = "input"

    @property
    def origin(self) -> str:
        return self._origin or self.id

    @property
    def annotations(self) -> Annotations:
        return self._annotations

    def layer(self, name: str) -> list[Mention]:
        return self._annotations.layers.get(name, [])

    def set_layer(self, name: str, mentions: list[Mention]) -> None:
        self._annotations.layers[name] = mentions

    @property
    def anchor_date(self) -> dt.date:
        """The date relative expressions are resolved against."""
        return self.published or self._reference_date or dt.date.today()

    @property
    def warnings(self) -> list[str]:
        return self._warnings

    def warn(self, message: str) -> None:
        self._warnings.append(message)

    def with_origin(self, origin: str, reference_date: dt.date | None = None) -> Document:
        self._origin = origin
        self._reference_date = reference_date
        return self
