"""The inputs split into partitions, and one partition read, on whichever machine runs it.

A partition is a description, not data: a worker opens the file itself and reads its part.
Each part is read by the readers a single-process run uses, and every document and skipped
record is named as that run names it (`corpus.jsonl:1234`), so a distributed run's events and
its run summary are the single-process run's, whatever the partitioning.

- Files of a directory (and files, URLs named on the command line) are grouped, in input order,
  until a partition holds about `size` documents.
- A JSON Lines or CSV file of more than `size` records is cut into ranges of `size` records, at
  line ends (CSV: at record ends; a quoted field may span lines). Gzipped files cannot be
  entered in the middle: each is one partition.
- A Parquet file (`id, text, title, published, source, url`; only `text` is required) is cut
  at row-group boundaries, groups joined until a partition holds about `size` rows.
- Standard input is read here, on the client, and travels with its partitions.
"""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

# The readers' own table of which file endings are documents: a directory must be walked
# exactly as `read_inputs` walks it, or the two runs would not read the same files.
from strife.readers import ReadItem, Skipped, UsageError, _format_of, read_inputs
from strife.readers import walk as walk_inputs
from strife.readers.records import csv_text_column, read_csv, read_jsonl, record_to_document
from strife.readers.web import is_url

DEFAULT_PARTITION_SIZE = 500
PARQUET_ENDINGS = (".parquet", ".pq")
PARQUET_BATCH_ROWS = 1024


def is_parquet(path: Path, input_format: str = "auto") -> bool:
    return input_format == "auto" and path.name.lower().endswith(PARQUET_ENDINGS)


def _pyarrow_parquet() -> Any:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise UsageError("reading Parquet needs pyarrow: pip install 'strife[dask]'") from None
    return pq


def walk(directory: Path) -> list[Path]:
    """The files of a directory that hold documents, in the order `read_inputs` reads them,
    with Parquet files among them."""
    return walk_inputs(directory, lambda path: _format_of(path) or is_parquet(path))


# What a partition is made of -----------------------------------------------------------------


def _relabel(item: ReadItem, opened: str, origin: str) -> ReadItem:
    """An item read from `opened` (an absolute path) named as a single-process run names it."""
    if opened == origin or not item.origin.startswith(opened):
        return item
    new = origin + item.origin[len(opened) :]
    if isinstance(item, Skipped):
        return replace(item, origin=new)
    return item.with_origin(new)


@dataclass(frozen=True, slots=True)
class WholeInput:
    """One input the readers read whole: a file, a URL, or a directory that holds none."""

    target: str  # what to open: an absolute path, or a URL
    origin: str  # its name in a single-process run (the path as the user gave it)
    input_format: str
    documents: int = 1
    parquet: bool = False

    def read(self) -> Iterator[ReadItem]:
        if self.parquet:
            yield from RowGroups(self.target, self.origin, None, 1, self.documents).read()
            return
        for item in read_inputs([self.target], input_format=self.input_format):
            yield _relabel(item, self.target, self.origin)

    def describe(self) -> str:
        return self.origin


@dataclass(frozen=True, slots=True)
class LineRange:
    """Records of a JSON Lines or CSV file: bytes `start` to `end`, which begin on line
    `first_line`. A CSV range after the first is read with the file's header before it."""

    path: str
    origin: str
    kind: str  # "jsonl" or "csv"
    start: int
    end: int
    first_line: int
    last_line: int
    documents: int
    header_end: int = 0  # CSV: the header's length in bytes
    header_lines: int = 0

    def _text(self, start: int, end: int) -> str:
        with open(self.path, "rb") as handle:
            handle.seek(start)
            data = handle.read(end - start)
        # As `open_text` decodes the whole file; ranges begin at line ends, never inside a
        # character, so decoding a range gives what decoding the file gives there.
        return data.decode("utf-8-sig" if start == 0 else "utf-8", errors="replace")

    def read(self) -> Iterator[ReadItem]:
        try:
            text = self._text(self.start, self.end)
            header = self._text(0, self.header_end) if self.kind == "csv" and self.start > 0 else ""
        except OSError as err:
            yield Skipped(self.describe(), f"cannot read: {err.strerror or err}")
            return
        lines = io.StringIO(text, newline="")  # newline="": line ends as the readers see them
        if self.kind == "jsonl":
            # The reader numbers lines from 1 and passes blank lines over: blank lines before the
            # range make its numbers (and its messages, "malformed JSON on line N") the file's.
            yield from read_jsonl(
                itertools.chain(itertools.repeat("\n", self.first_line - 1), lines), self.origin
            )
            return
        # csv.DictReader numbers a record by the line a run of blank lines before it began on,
        # so blank lines cannot stand in for the lines before the range: the numbers are shifted.
        shift = self.first_line - 1 - self.header_lines if header else 0
        for item in read_csv(itertools.chain(io.StringIO(header, newline=""), lines), self.origin):
            yield _shift_line(item, self.origin, shift) if shift else item

    def describe(self) -> str:
        return f"{self.origin}:{self.first_line}-{self.last_line}"


def _shift_line(item: ReadItem, origin: str, shift: int) -> ReadItem:
    number = item.origin[len(origin) + 1 :]
    if not item.origin.startswith(origin + ":") or not number.isdigit():
        return item
    new = f"{origin}:{int(number) + shift}"
    return replace(item, origin=new) if isinstance(item, Skipped) else item.with_origin(new)


@dataclass(frozen=True, slots=True)
class RowGroups:
    """Rows of a Parquet file: the row groups `groups` (None: all), the first of them row
    `first_row` of the file (counting from 1), which names each record (`file.parquet:17`)."""

    path: str
    origin: str
    groups: tuple[int, ...] | None
    first_row: int
    documents: int

    def read(self) -> Iterator[ReadItem]:
        pq = _pyarrow_parquet()
        try:
            parquet = pq.ParquetFile(self.path)
            columns = parquet_columns(parquet.schema_arrow.names, self.origin)
            batches = parquet.iter_batches(
                batch_size=PARQUET_BATCH_ROWS,
                row_groups=list(self.groups) if self.groups is not None else None,
                columns=list(columns.values()),
            )
            row = self.first_row
            for batch in batches:
                for values in batch.to_pylist():
                    record = {col: values.get(name) for col, name in columns.items()}
                    yield record_to_document(record, f"{self.origin}:{row}")
                    row += 1
        except UsageError as err:
            yield Skipped(self.origin, str(err).removeprefix(f"{self.origin}: "))
        except (OSError, ValueError) as err:  # pyarrow's errors for a file that is not Parquet
            yield Skipped(self.describe(), f"cannot read Parquet: {err}")

    def describe(self) -> str:
        if self.groups is None:
            return self.origin
        return f"{self.origin} rows {self.first_row}-{self.first_row + self.documents - 1}"


@dataclass(frozen=True, slots=True)
class ReadAhead:
    """Items read on the client (standard input; inputs that do not exist), which travel with
    the partition."""

    items: tuple[ReadItem, ...]
    origin: str

    @property
    def documents(self) -> int:
        return len(self.items)

    def read(self) -> Iterator[ReadItem]:
        yield from self.items

    def describe(self) -> str:
        return self.origin


Piece = WholeInput | LineRange | RowGroups | ReadAhead


@dataclass(frozen=True, slots=True)
class Partition:
    """What one task reads: a run of whole inputs, or one range of one file."""

    index: int
    pieces: tuple[Piece, ...]

    @property
    def documents(self) -> int:
        """Records expected (lines, rows, files): a partition's size, not its count of documents."""
        return sum(piece.documents for piece in self.pieces)

    @property
    def source(self) -> str:
        """What it covers, for messages and the manifest."""
        names = [piece.describe() for piece in self.pieces]
        if len(names) <= 3:
            return ", ".join(names)
        return f"{names[0]} … {names[-1]} ({len(names)} inputs)"

    def read(self) -> Iterator[ReadItem]:
        for piece in self.pieces:
            yield from piece.read()


# Planning -------------------------------------------------------------------------------------


def parquet_columns(names: list[str], origin: str) -> dict[str, str]:
    """The spec's columns in a Parquet file, as the CSV reader maps them (case-insensitive);
    no `text` column is a usage error."""
    return csv_text_column(names, origin)


def _line_breaks(raw: bytes) -> int:
    """Line ends in a chunk of bytes as text mode counts them: \\n, \\r\\n and a lone \\r."""
    breaks = raw.count(b"\n")
    if b"\r" in raw:
        breaks += raw.count(b"\r") - raw.count(b"\r\n")
    return breaks


def _last_line(line: int, raw: bytes) -> int:
    """The number of the line a chunk of bytes ends on, `line` being the next line's number."""
    return line - 1 if raw.endswith((b"\n", b"\r")) else line


def _jsonl_ranges(path: Path, origin: str, size: int) -> list[LineRange]:
    absolute = str(path.absolute())
    ranges: list[LineRange] = []
    start = offset = records = 0
    first = line = last = 1
    with path.open("rb") as handle:
        for raw in handle:
            offset += len(raw)
            line += _line_breaks(raw)
            last = _last_line(line, raw)
            records += 1
            if records == size:
                ranges.append(LineRange(absolute, origin, "jsonl", start, offset, first, last, records))
                start, first, records = offset, line, 0
    if records or not ranges:
        ranges.append(LineRange(absolute, origin, "jsonl", start, offset, first, max(first, last), records))
    return ranges


def _csv_ranges(path: Path, origin: str, size: int) -> list[LineRange] | None:
    """CSV ranges cut at record ends (a quoted field may span lines); None where the file
    cannot be cut (no `text` column, lone carriage returns as line ends): it is read whole."""
    at = {"offset": 0, "line": 1, "last": 1}

    def lines(handle: io.BufferedReader) -> Iterator[str]:
        for raw in handle:
            first_raw = at["offset"] == 0
            at["offset"] += len(raw)
            at["line"] += _line_breaks(raw)
            at["last"] = _last_line(at["line"], raw)
            yield raw.decode("utf-8-sig" if first_raw else "utf-8", errors="replace")

    absolute = str(path.absolute())
    ranges: list[LineRange] = []
    with path.open("rb") as handle:
        reader = csv.reader(lines(handle))
        try:
            csv_text_column(next(reader, None), origin)
            header_end, header_lines = at["offset"], at["line"] - 1
            # The first range starts at the top and holds the header; the others are read
            # with it put back before them.
            start, first, records = 0, 1, 0
            for row in reader:
                if not row:  # a blank line is no record (csv.DictReader passes it over)
                    continue
                records += 1
                if records == size:
                    ranges.append(
                        LineRange(absolute, origin, "csv", start, at["offset"], first, at["last"], records,
                                  header_end, header_lines)
                    )  # fmt: skip
                    start, first, records = at["offset"], at["line"], 0
        except (csv.Error, UsageError):
            return None
    if records or not ranges:
        ranges.append(
            LineRange(absolute, origin, "csv", start, at["offset"], first, max(first, at["last"]), records,
                      header_end, header_lines)
        )  # fmt: skip
    return ranges


def _parquet_pieces(path: Path, origin: str, size: int, named: bool) -> list[Piece]:
    pq = _pyarrow_parquet()
    absolute = str(path.absolute())
    try:
        parquet = pq.ParquetFile(absolute)
        parquet_columns(parquet.schema_arrow.names, origin)
    except UsageError as err:
        if named:  # named on the command line: refused before anything is written, as a CSV is
            raise
        return [ReadAhead((Skipped(origin, str(err).removeprefix(f"{origin}: ")),), origin)]
    except (OSError, ValueError) as err:
        return [ReadAhead((Skipped(origin, f"cannot read Parquet: {err}"),), origin)]
    metadata = parquet.metadata
    if metadata.num_rows <= size:
        return [WholeInput(absolute, origin, "auto", metadata.num_rows, parquet=True)]
    pieces: list[Piece] = []
    groups: list[int] = []
    rows, first = 0, 1
    for group in range(metadata.num_row_groups):
        groups.append(group)
        rows += metadata.row_group(group).num_rows
        if rows >= size:
            pieces.append(RowGroups(absolute, origin, tuple(groups), first, rows))
            first, groups, rows = first + rows, [], 0
    if groups:
        pieces.append(RowGroups(absolute, origin, tuple(groups), first, rows))
    return pieces


def _file_pieces(path: Path, origin: str, input_format: str, size: int, named: bool) -> list[Piece]:
    absolute = str(path.absolute())
    if is_parquet(path, input_format):
        return _parquet_pieces(path, origin, size, named)
    kind = input_format if input_format != "auto" else _format_of(path) or "auto"
    if kind in ("jsonl", "csv") and path.suffix.lower() == ".gz":
        # A gzipped file cannot be entered in the middle: it is a partition of its own.
        return [WholeInput(absolute, origin, input_format, size)]
    if kind in ("jsonl", "csv"):
        try:
            ranges = _jsonl_ranges(path, origin, size) if kind == "jsonl" else _csv_ranges(path, origin, size)
        except OSError as err:
            return [ReadAhead((Skipped(origin, f"cannot read: {err.strerror or err}"),), origin)]
        if ranges is None:
            return [WholeInput(absolute, origin, input_format, size)]
        if len(ranges) == 1:  # small enough to join other inputs in a partition
            return [WholeInput(absolute, origin, input_format, ranges[0].documents)]
        return list(ranges)
    return [WholeInput(absolute, origin, input_format, 1)]


def _pieces(inputs: Iterable[str], input_format: str, size: int) -> Iterator[Piece]:
    for spec in inputs:
        if spec == "-":
            items = tuple(read_inputs(["-"], input_format=input_format))
            for start in range(0, len(items), size):
                yield ReadAhead(
                    items[start : start + size], f"<stdin> items {start + 1}-{min(len(items), start + size)}"
                )
        elif is_url(spec):
            yield WholeInput(spec, spec, input_format)
        else:
            path = Path(spec)
            if path.is_dir():
                files = walk(path)
                if not files:  # the readers say why, in their words, naming it as it was given
                    yield WholeInput(str(path.absolute()), spec, input_format)
                for file in files:
                    yield from _file_pieces(file, str(file), input_format, size, named=False)
            elif path.exists():
                yield from _file_pieces(path, str(path), input_format, size, named=True)
            else:
                yield ReadAhead((Skipped(spec, "no such file or directory"),), spec)


def plan(
    inputs: Iterable[str], *, input_format: str = "auto", size: int = DEFAULT_PARTITION_SIZE
) -> list[Partition]:
    """The inputs as partitions of about `size` documents each, in input order.

    Whole inputs are grouped while the group stays within `size`; a range of a file, a row
    group run or read-ahead items make a partition of their own.
    """
    if size < 1:
        raise UsageError("--partition-size must be at least 1")
    partitions: list[Partition] = []
    group: list[Piece] = []
    grouped = 0

    def close_group() -> None:
        nonlocal grouped
        if group:
            partitions.append(Partition(len(partitions), tuple(group)))
            group.clear()
            grouped = 0

    for piece in _pieces(inputs, input_format, size):
        if isinstance(piece, WholeInput):
            if group and grouped + piece.documents > size:
                close_group()
            group.append(piece)
            grouped += piece.documents
            continue
        close_group()
        partitions.append(Partition(len(partitions), (piece,)))
    close_group()
    return partitions


# One process, no partitions: what `strife extract` reads when Dask is not asked for -----------------


def _names_parquet(spec: str, input_format: str) -> bool:
    if spec == "-" or is_url(spec) or input_format != "auto":
        return False
    path = Path(spec)
    if path.is_dir():
        return any(is_parquet(file) for file in walk(path))
    return is_parquet(path)


def read_any(inputs: Iterable[str], *, input_format: str = "auto") -> Iterator[ReadItem]:
    """`read_inputs`, and Parquet files too (named, or in a directory). A Parquet file named on
    the command line without a `text` column is refused here, before anything is read."""
    inputs = list(inputs)
    if not any(_names_parquet(spec, input_format) for spec in inputs):
        return read_inputs(inputs, input_format=input_format)
    for spec in inputs:
        path = Path(spec)
        if _names_parquet(spec, input_format) and path.is_file():
            _parquet_pieces(path, str(path), 1, named=True)  # raises if it cannot be read at all
    return _read_with_parquet(inputs, input_format)


def _read_with_parquet(inputs: list[str], input_format: str) -> Iterator[ReadItem]:
    for spec in inputs:
        path = Path(spec)
        files = walk(path) if path.is_dir() and not is_url(spec) and spec != "-" else None
        if not files:
            files = [path] if is_parquet(path, input_format) and path.is_file() else None
        if files is None:
            yield from read_inputs([spec], input_format=input_format)
            continue
        for file in files:
            if is_parquet(file, input_format):
                yield from RowGroups(str(file), str(file), None, 1, 0).read()
            else:
                yield from read_inputs([str(file)], input_format=input_format)


__all__ = [
    "DEFAULT_PARTITION_SIZE",
    "LineRange",
    "Partition",
    "ReadAhead",
    "RowGroups",
    "WholeInput",
    "is_parquet",
    "plan",
    "read_any",
    "walk",
]
