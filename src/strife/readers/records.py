"""JSON Lines and CSV inputs: one document per line or row, with the spec's input columns."""

from __future__ import annotations

import csv
import gzip
import io
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

import orjson
from pydantic import ValidationError

from strife.document import Document, coerce_published
from strife.readers.decoding import cap_length
from strife.readers.errors import Skipped, UsageError

INPUT_COLUMNS = ("id", "text", "title", "published", "source", "url")

csv.field_size_limit(sys.maxsize)


# What a gzip stream raises when it is cut short (EOFError), damaged (zlib.error) or not gzip at
# all, or fails its checksum (gzip.BadGzipFile): the file's fault, never the batch's.
DECOMPRESSION_ERRORS: tuple[type[Exception], ...] = (EOFError, zlib.error, gzip.BadGzipFile)


def open_text(path: Path) -> IO[str]:
    """Open a (possibly gzipped) text file, replacing undecodable bytes rather than failing."""
    if path.suffix == ".gz":
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8-sig", errors="replace")
    # utf-8-sig: spreadsheets write a byte-order mark that would otherwise join the first column's name
    return path.open(encoding="utf-8-sig", errors="replace", newline="")


def decompression_failure(err: Exception, lines: int) -> str:
    """Why the rest of a gzipped file is unread, and the last line that was read whole."""
    broken = "truncated" if isinstance(err, EOFError) else "corrupt"
    where = f"after line {lines:,}" if lines else "before its first line"
    return f"compressed file is {broken} {where} ({err}): the rest of the file is unread"


REPLACED_BYTES = "text holds replacement characters: the input had bytes that are not UTF-8"


def checked_text(text: str) -> tuple[str, tuple[str, ...]]:
    """The text capped at the size limit, and what a reader must say about it."""
    text, cap_warning = cap_length(text)
    if cap_warning is None and "\ufffd" not in text:
        return text, ()
    return text, tuple(w for w in (cap_warning, REPLACED_BYTES if "\ufffd" in text else None) if w)


def record_to_document(record: dict[str, Any], origin: str) -> Document | Skipped:
    """Build a document from one input record; a bad optional field is a warning, not a skip."""
    doc_id = record.get("id")
    doc_id = str(doc_id) if doc_id not in (None, "") else None
    text = record.get("text")
    if not isinstance(text, str):
        reason = "no `text` field" if text is None else f"`text` is a {type(text).__name__}, not a string"
        return Skipped(origin, reason, doc_id)
    if not text.strip():
        return Skipped(origin, "empty document", doc_id)
    text, text_warnings = checked_text(text)
    warnings = list(text_warnings)
    published = record.get("published")
    try:
        published = coerce_published(published)
    except ValueError as err:
        warnings.append(f"ignored `published`: {err}")
        published = None
    fields = {k: record.get(k) for k in ("title", "source", "url")}
    fields = {k: (str(v) if v not in (None, "") else None) for k, v in fields.items()}
    try:
        doc = Document(id=doc_id or "", text=text, published=published, **fields)
    except ValidationError as err:
        return Skipped(origin, f"invalid record: {err.errors()[0]['msg']}", doc_id)
    doc.with_origin(origin)
    for message in warnings:
        doc.warn(message)
    return doc


def _finish(doc: Document, origin: str) -> Document | Skipped:
    """The checks the fast path skips: emptiness, length, replacement characters."""
    fields = doc.__dict__
    text = fields["text"]
    if not text or text.isspace():
        return Skipped(origin, "empty document", doc.id)
    # As the careful path does: "" is no value, and where the date came from is ours to say.
    if fields["title"] == "" or fields["source"] == "" or fields["url"] == "":
        for key in ("title", "source", "url"):
            fields[key] = fields[key] or None
    if fields["published_basis"] not in (None, "input"):
        fields["published_basis"] = "input" if fields["published"] is not None else None
    doc.with_origin(origin)
    checked, warnings = checked_text(text)
    if warnings:
        fields["text"] = checked
        for message in warnings:
            doc.warn(message)
    return doc


def read_jsonl(stream: Iterable[str], origin: str) -> Iterator[Document | Skipped]:
    for lineno, line in enumerate(stream, start=1):
        if line.isspace() or not line:
            continue
        where = f"{origin}:{lineno}"
        try:
            # Fast path: a well-formed record parses and validates in one call into pydantic's core.
            # Strict, so that nothing is coerced silently (a number is no date, an id no string):
            # anything unusual takes the careful path, which says what it did.
            yield _finish(Document.model_validate_json(line, strict=True), where)
            continue
        except ValidationError:
            pass  # the careful path below says what is wrong, field by field
        try:
            record = orjson.loads(line)
        except orjson.JSONDecodeError as err:
            yield Skipped(where, f"malformed JSON on line {lineno}: {err}")
            continue
        if not isinstance(record, dict):
            yield Skipped(where, f"line {lineno} is a JSON {type(record).__name__}, not an object")
            continue
        yield record_to_document(record, where)


def csv_text_column(fieldnames: list[str] | None, origin: str) -> dict[str, str]:
    """Map the spec's column names to the file's (case-insensitive); no `text` is a usage error."""
    names = {name.strip().lower(): name for name in fieldnames or []}
    if "text" not in names:
        found = ", ".join(fieldnames or []) or "none"
        raise UsageError(f"{origin}: CSV has no `text` column (columns: {found})")
    return {col: names[col] for col in INPUT_COLUMNS if col in names}


def check_csv_header(path: Path) -> None:
    try:
        with open_text(path) as stream:
            fieldnames = csv.DictReader(stream).fieldnames
    except (*DECOMPRESSION_ERRORS, csv.Error):
        return  # the file is broken, not the command: the reader skips it, saying why
    if fieldnames is not None:  # an empty file is no usage error either: it is skipped as empty
        csv_text_column(fieldnames, str(path))


def read_csv(stream: Iterable[str], origin: str) -> Iterator[Document | Skipped]:
    """One document per row. An empty file (no header) yields nothing: the caller knows whether
    a file or a range of one was read, so it says so. A row the csv module cannot parse ends
    the file, skipped with the reason: after a broken quoted field the lines that follow are
    no rows to trust."""
    reader = csv.DictReader(stream)
    try:
        fieldnames = reader.fieldnames
    except csv.Error as err:
        yield Skipped(origin, f"unreadable CSV header: {err}")
        return
    if fieldnames is None:
        return
    columns = csv_text_column(fieldnames, origin)
    rows = iter(reader)
    while True:
        try:
            row = next(rows)
        except StopIteration:
            return
        except csv.Error as err:
            line = reader.reader.line_num  # DictReader's own count is updated only on success
            yield Skipped(
                f"{origin}:{line}", f"unreadable CSV at line {line} ({err}): the rest of the file is unread"
            )
            return
        where = f"{origin}:{reader.line_num}"
        yield record_to_document({col: row.get(name) for col, name in columns.items()}, where)
