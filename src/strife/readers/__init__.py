"""Readers: every kind of input becomes a stream of `Document`s (or `Skipped`, with a reason).

`read_inputs` takes what the user named on the command line — files, directories, `-`, URLs,
feeds — and yields documents in input order, lazily, so a million-line JSONL streams.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Literal

from strife.document import Document
from strife.readers.decoding import cap_length, decode_bytes, looks_binary
from strife.readers.errors import FetchError, Skipped, UsageError
from strife.readers.feeds import Fetcher, is_feed, read_feed
from strife.readers.html import html_to_document
from strife.readers.records import (
    DECOMPRESSION_ERRORS,
    check_csv_header,
    decompression_failure,
    open_text,
    read_csv,
    read_jsonl,
)
from strife.readers.web import fetch, is_url

InputFormat = Literal["auto", "text", "html", "jsonl", "csv", "feed"]
INPUT_FORMATS: tuple[str, ...] = ("auto", "text", "html", "jsonl", "csv", "feed")

# File name endings and the reader each one gets when the format is `auto`.
EXTENSIONS: dict[str, str] = {
    ".txt": "text", ".text": "text", ".md": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".jsonl.gz": "jsonl", ".ndjson.gz": "jsonl",
    ".csv": "csv", ".csv.gz": "csv",
    ".rss": "feed", ".atom": "feed", ".xml": "feed",
}  # fmt: skip

ReadItem = Document | Skipped

__all__ = [
    "INPUT_FORMATS",
    "FetchError",
    "ReadItem",
    "Skipped",
    "UsageError",
    "count_documents",
    "preflight",
    "read_inputs",
]


def _format_of(path: Path) -> str | None:
    name = path.name.lower()
    for ending, kind in EXTENSIONS.items():
        if name.endswith(ending) and ending.count(".") > 1:
            return kind
    return EXTENSIONS.get(path.suffix.lower())


def _sniff(data: bytes) -> str:
    head = data[:2048].lstrip().lower()
    if is_feed(data):
        return "feed"
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head:
        return "html"
    if head.startswith(b"{"):
        return "jsonl"
    return "text"


def _text_document(data: bytes, origin: str, reference: dt.date | None) -> ReadItem:
    if looks_binary(data):
        return Skipped(origin, "binary content (NUL bytes): not a text document")
    text, warning = decode_bytes(data)
    if not text.strip():
        return Skipped(origin, "empty document")
    text, cap_warning = cap_length(text)
    doc = Document(text=text).with_origin(origin, reference)
    for message in (warning, cap_warning):
        if message:
            doc.warn(message)
    return doc


def _read_bytes(
    data: bytes, kind: str, origin: str, reference: dt.date | None, fetcher: Fetcher
) -> Iterator[ReadItem]:
    if kind == "auto":
        kind = _sniff(data)
    if kind == "feed":
        yield from read_feed(data, origin, fetcher, base_url=origin if is_url(origin) else None)
    elif kind == "html":
        if looks_binary(data):
            yield Skipped(origin, "binary content (NUL bytes): not an HTML page")
            return
        item = html_to_document(data, origin)
        if isinstance(item, Document):
            item.with_origin(item.origin, reference)
        yield item
    elif kind in ("jsonl", "csv"):
        import io

        # A CSV from stdin or a URL reads as the same bytes in a file do (newline=""): a lone
        # carriage return ends a row instead of raising "new-line character seen in unquoted field".
        stream = io.StringIO(decode_bytes(data)[0], newline="" if kind == "csv" else "\n")
        yield from _records(stream, kind, origin)
    else:
        yield _text_document(data, origin, reference)


class _LineCount:
    """Lines handed to a reader so far: where a broken file broke, and whether it had any."""

    __slots__ = ("lines",)

    def __init__(self) -> None:
        self.lines = 0

    def counted(self, stream: Iterable[str]) -> Iterator[str]:
        for line in stream:
            self.lines += 1
            yield line


def _records(stream: IO[str], kind: str, origin: str) -> Iterator[ReadItem]:
    count = _LineCount()
    read_any = False
    try:
        for item in (read_jsonl if kind == "jsonl" else read_csv)(count.counted(stream), origin):
            read_any = True
            yield item
    except UsageError as err:
        # Only CSVs that preflight could not see (in a directory, on stdin, at a URL) get here:
        # one bad file is skipped rather than ending a batch half-written.
        yield Skipped(origin, str(err).removeprefix(f"{origin}: "))
        return
    except DECOMPRESSION_ERRORS as err:
        # What was read before the break has gone on; the rest of the file is one skipped input.
        yield Skipped(origin, decompression_failure(err, count.lines))
        return
    if not read_any:
        # Nothing read and nothing wrong is still to be accounted for in the run summary.
        if not count.lines:
            yield Skipped(origin, "empty file")
        else:
            yield Skipped(
                origin, "header only, no rows" if kind == "csv" else "empty file (blank lines only)"
            )


def _read_file(path: Path, kind: str, fetcher: Fetcher) -> Iterator[ReadItem]:
    origin = str(path)
    if kind == "auto":
        kind = _format_of(path) or "auto"
    try:
        if kind in ("jsonl", "csv"):
            with open_text(path) as stream:
                yield from _records(stream, kind, origin)
            return
        with path.open("rb") as handle:
            data = handle.read(50_000_000)
    except OSError as err:
        yield Skipped(origin, f"cannot read: {err.strerror or err}")
        return
    # No file time as the reference: when a file was written or copied says nothing of when
    # the report was published.
    yield from _read_bytes(data, kind, origin, None, fetcher)


def walk(directory: Path, holds_documents: Callable[[Path], object] = _format_of) -> list[Path]:
    """The files of a directory, recursively and in name order, that `holds_documents` (by
    default: a format `read_inputs` reads); hidden files and folders left out."""
    found = []
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = Path(root) / name
            if not name.startswith(".") and holds_documents(path):
                found.append(path)
    return found


def _read_url(url: str, kind: str, fetcher: Fetcher) -> Iterator[ReadItem]:
    try:
        page = fetcher(url)
    except FetchError as err:
        yield Skipped(url, f"fetch failed: {err.reason}")
        return
    if kind == "auto":
        content_type = page.content_type.lower()
        if any(t in content_type for t in ("rss", "atom")) or is_feed(page.data):
            kind = "feed"
        elif "json" in content_type:
            kind = "jsonl"
        elif "csv" in content_type:
            kind = "csv"
        elif "text/plain" in content_type:
            kind = "text"
        else:
            kind = "html"
    if kind == "html":
        if looks_binary(page.data):
            yield Skipped(url, "binary content: not an HTML page")
            return
        yield html_to_document(page.data, url, url=page.url)
    else:
        yield from _read_bytes(page.data, kind, url, None, fetcher)


def read_inputs(
    inputs: Iterable[str], *, input_format: str = "auto", fetcher: Fetcher = fetch
) -> Iterator[ReadItem]:
    """Yield every document of every input, in order; never raise for one bad input."""
    for spec in inputs:
        if spec == "-":
            data = sys.stdin.buffer.read()
            yield from _read_bytes(data, input_format, "<stdin>", None, fetcher)
        elif is_url(spec):
            yield from _read_url(spec, input_format, fetcher)
        else:
            path = Path(spec)
            if path.is_dir():
                files = walk(path)
                if not files:
                    yield Skipped(
                        spec,
                        f"directory holds no readable documents (looked for {', '.join(sorted(EXTENSIONS))})",
                    )
                for file in files:
                    yield from _read_file(file, input_format, fetcher)
            elif path.exists():
                yield from _read_file(path, input_format, fetcher)
            else:
                yield Skipped(spec, "no such file or directory")


def count_documents(inputs: Iterable[str], input_format: str = "auto") -> int | None:
    """How many documents the inputs hold, where that is cheap to know (a line count of JSON
    Lines and CSV files, one document per text or HTML file), for a progress bar's total; None
    when any input cannot tell without reading it (stdin, a URL, a feed, a compressed file)."""
    total = 0
    for spec in inputs:
        if spec == "-" or is_url(spec):
            return None
        path = Path(spec)
        files = walk(path) if path.is_dir() else [path] if path.is_file() else []
        for file in files:
            kind = input_format if input_format != "auto" else _format_of(file) or "text"
            if kind in ("text", "html"):
                total += 1
            elif kind in ("jsonl", "csv") and not file.name.lower().endswith(".gz"):
                lines = _count_lines(file)
                # An empty or header-only file is still one item: the skip that accounts for it.
                total += max(1, lines - 1 if kind == "csv" else lines)
            else:
                return None
    return total


def _count_lines(path: Path) -> int:
    """Non-empty lines (C-speed line reading: tens of megabytes a second)."""
    with path.open("rb") as stream:
        return sum(1 for line in stream if line.strip())


def preflight(inputs: Iterable[str], input_format: str = "auto") -> None:
    """Catch usage errors (a CSV without a text column) before any output is written."""
    if input_format not in INPUT_FORMATS:
        raise UsageError(f"unknown input format {input_format!r}")
    for spec in inputs:
        if spec == "-" or is_url(spec):
            continue
        path = Path(spec)
        if path.is_file() and (
            input_format == "csv" or (input_format == "auto" and _format_of(path) == "csv")
        ):
            check_csv_header(path)
