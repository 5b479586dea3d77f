"""Bad input: every case names the document and the reason, the rest of the batch goes on, and the
exit code says what happened (0 all read, 1 something skipped, 2 the command itself was wrong)."""

from __future__ import annotations

import csv
import functools
import gzip
import io
import json
import socket
import sys
import zlib

import pytest

import strife.cli
from conftest import QUIET_TEXT, SECOND_TEXT
from strife.api import to_document
from strife.document import MAX_TEXT_CHARS, Document
from strife.pipeline import empty_pipeline
from strife.readers import Skipped, read_inputs
from strife.runner import process


def events_of(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def summary_line(err: str) -> str:
    [line] = [line for line in err.splitlines() if line.startswith("strife: ") and "document(s) read" in line]
    return line


@pytest.fixture
def good(tmp_path, seed_text):
    """A good report beside the bad input: it must still be processed."""
    path = tmp_path / "good.txt"
    path.write_text(seed_text, encoding="utf-8")
    return path


def assert_good_one_processed(out: str, err: str) -> None:
    events = events_of(out)
    assert len(events) == 1, err
    assert events[0]["fatalities"] == 30


def test_missing_path(tmp_path, good, run_cli):
    missing = tmp_path / "no-such-report.txt"
    code, out, err = run_cli("extract", missing, good, "--published", "2025-02-01")
    assert code == 1
    assert f"skipped: {missing}: no such file or directory" in err
    assert_good_one_processed(out, err)
    assert "1 document(s) read: 1 with events, 0 with none, 1 skipped" in summary_line(err)


def test_directory_with_nothing_readable(tmp_path, good, run_cli):
    empty = tmp_path / "scans"
    empty.mkdir()
    (empty / "page-1.pdf").write_bytes(b"%PDF-1.4")
    (empty / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    code, out, err = run_cli("extract", empty, good, "--published", "2025-02-01")
    assert code == 1
    assert f"skipped: {empty}: directory holds no readable documents" in err
    assert ".txt" in err and ".jsonl" in err  # it says what it looked for
    assert_good_one_processed(out, err)


@pytest.mark.parametrize("content", [b"", b"   \n\n\t \n"], ids=["zero-bytes", "whitespace"])
def test_empty_document(tmp_path, good, run_cli, content):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(content)
    code, out, err = run_cli("extract", empty, good, "--published", "2025-02-01")
    assert code == 1
    assert f"skipped: {empty}: empty document" in err
    assert_good_one_processed(out, err)


@pytest.mark.parametrize(
    "bad",
    [b"\xff\xfe", "caf\xe9".encode("latin-1")],
    ids=["ff-fe-midway", "latin-1"],
)
def test_non_utf8_bytes_are_replaced_with_a_warning(tmp_path, seed_text, run_cli, bad):
    path = tmp_path / "mixed.txt"
    head, tail = seed_text.split("\n", 1)
    path.write_bytes(head.encode() + b" Seen at the " + bad + b" on the highway.\n" + tail.encode())
    code, out, err = run_cli("extract", path, "--published", "2025-02-01")
    assert code == 0, err
    warnings = [line for line in err.splitlines() if line.startswith("  warning:")]
    assert len(warnings) == 1
    assert str(path) in warnings[0]
    assert "UTF-8" in warnings[0]
    assert "replacement character" in warnings[0]
    [event] = events_of(out)
    assert event["fatalities"] == 30


def test_non_utf8_bytes_in_a_jsonl_record(tmp_path, run_cli):
    path = tmp_path / "mixed.jsonl"
    line = json.dumps({"id": "m1", "text": SECOND_TEXT + " Cafe X", "published": "2025-02-06"}).encode()
    path.write_bytes(line.replace(b"Cafe X", b"caf\xe9 owners closed early.") + b"\n")
    code, out, err = run_cli("extract", path)
    assert code == 0, err
    assert "UTF-8" in err and f"{path}:1" in err
    assert events_of(out)[0]["doc_id"] == "m1"


def test_binary_file_is_skipped(tmp_path, good, run_cli):
    blob = tmp_path / "scan.txt"
    blob.write_bytes(b"GIF89a\x00\x01\x00\x01\x00\x80\x00\x00" + b"\x00" * 64)
    code, out, err = run_cli("extract", blob, good, "--published", "2025-02-01")
    assert code == 1
    assert f"skipped: {blob}: binary content (NUL bytes)" in err
    assert_good_one_processed(out, err)


def test_malformed_jsonl_line(tmp_path, run_cli):
    path = tmp_path / "batch.jsonl"
    path.write_text(
        json.dumps({"id": "ok-1", "text": SECOND_TEXT, "published": "2025-02-06"})
        + "\n"
        + '{"id": "broken", "text": "unterminated\n'
        + json.dumps({"id": "ok-3", "text": QUIET_TEXT})
        + "\n",
        encoding="utf-8",
    )
    code, out, err = run_cli("extract", path)
    assert code == 1
    assert f"skipped: {path}:2: malformed JSON on line 2" in err
    assert "2 document(s) read: 1 with events, 1 with none, 1 skipped" in summary_line(err)
    assert [e["doc_id"] for e in events_of(out)] == ["ok-1"]


def test_jsonl_record_without_text(tmp_path, run_cli):
    path = tmp_path / "batch.jsonl"
    path.write_text(
        json.dumps({"id": "no-text", "title": "Headline only"})
        + "\n"
        + json.dumps({"id": "num-text", "text": 42})
        + "\n"
        + json.dumps({"id": "ok", "text": SECOND_TEXT, "published": "2025-02-06"})
        + "\n",
        encoding="utf-8",
    )
    code, out, err = run_cli("extract", path)
    assert code == 1
    assert f"skipped: {path}:1: no `text` field" in err
    assert f"skipped: {path}:2: `text` is a int, not a string" in err
    assert [e["doc_id"] for e in events_of(out)] == ["ok"]


def test_csv_without_a_text_column_is_a_usage_error(tmp_path, good, run_cli):
    path = tmp_path / "export.csv"
    path.write_text("id,headline,body\n1,Clash in Kalat,Eighteen soldiers killed\n", encoding="utf-8")
    out_file = tmp_path / "events.jsonl"
    code, out, err = run_cli("extract", good, path, "-o", out_file)
    assert code == 2
    assert str(path) in err
    assert "no `text` column" in err
    assert "columns: id, headline, body" in err
    assert out == ""
    assert not out_file.exists()  # checked before any output was opened


def test_csv_without_a_text_column_inside_a_directory(tmp_path, seed_text, run_cli):
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "a-report.txt").write_text(seed_text, encoding="utf-8")
    (folder / "z-export.csv").write_text("id,body\n1,Eighteen soldiers killed\n", encoding="utf-8")
    out_file = tmp_path / "events.jsonl"
    code, _, err = run_cli("extract", folder, "-o", out_file, "--published", "2025-02-01")
    # Inside a directory the bad CSV is one skipped input, not a usage error: the rest goes on.
    assert code == 1
    assert "z-export.csv" in err and "no `text` column" in err
    assert out_file.read_text().count("\n") >= 1  # the report beside it was extracted


def test_document_over_the_limit_is_truncated(tmp_path, seed_text, run_cli, monkeypatch):
    filler = "The committee met again to discuss the budget for the coming year and adjourned. "
    text = seed_text + filler * (2_100_000 // len(filler) + 1)
    assert len(text) > MAX_TEXT_CHARS
    path = tmp_path / "huge.txt"
    path.write_text(text, encoding="utf-8")

    [doc] = read_inputs([str(path)])
    assert len(doc.text) <= MAX_TEXT_CHARS
    assert len(doc.text) > MAX_TEXT_CHARS - 1000
    assert text.startswith(doc.text)
    assert text[len(doc.text)] == " "  # cut at a word boundary
    [warning] = doc.warnings
    assert f"{len(text):,} characters truncated" in warning

    # The CLI's handling, without six seconds of stages over two million characters.
    monkeypatch.setattr(strife.cli, "process", functools.partial(process, pipeline_factory=empty_pipeline))
    code, _, err = run_cli("extract", path)
    assert code == 0
    assert f"warning: {path}: document of {len(text):,} characters truncated" in err
    assert "1 document(s) read" in summary_line(err)


def test_url_returning_404(tmp_path, good, http_server, run_cli):
    url = http_server.url("/gone/away")
    code, out, err = run_cli("extract", url, good, "--published", "2025-02-01")
    assert code == 1
    assert f"skipped: {url}: fetch failed: HTTP 404" in err
    assert_good_one_processed(out, err)


def test_url_on_a_closed_port(tmp_path, good, run_cli):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}/report"
    code, out, err = run_cli("extract", url, good, "--published", "2025-02-01")
    assert code == 1
    [line] = [line for line in err.splitlines() if line.startswith(f"  skipped: {url}: fetch failed")]
    assert "Connection refused" in line
    assert_good_one_processed(out, err)


def test_file_given_as_feed_that_is_not_a_feed(tmp_path, run_cli):
    notes = tmp_path / "notes.txt"
    notes.write_text("Meeting notes: nothing about any attack.\n", encoding="utf-8")
    feed = tmp_path / "ok.rss"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
        '<item><title>Bannu</title><guid isPermaLink="false">w-1</guid>'
        f"<description>{SECOND_TEXT}</description></item>"
        "</channel></rss>",
        encoding="utf-8",
    )
    code, out, err = run_cli("extract", "--input-format", "feed", notes, feed, "--published", "2025-02-06")
    assert code == 1
    assert f"skipped: {notes}: not an RSS or Atom feed" in err
    assert [e["doc_id"] for e in events_of(out)] == ["w-1"]


def test_reader_never_raises_for_one_bad_input(tmp_path):
    items = list(read_inputs([str(tmp_path / "missing.txt"), str(tmp_path)]))
    assert [type(item) for item in items] == [Skipped, Skipped]
    assert [item.reason.split(" (")[0] for item in items] == [
        "no such file or directory",
        "directory holds no readable documents",
    ]


# --- the run summary and the command line ------------------------------------------------------


def test_report_file_accounts_for_every_document(tmp_path, good, run_cli):
    batch = tmp_path / "batch.jsonl"
    batch.write_text(
        json.dumps({"id": "quiet", "text": QUIET_TEXT})
        + "\n"
        + json.dumps({"id": "blank", "text": "  "})
        + "\n"
        + "not json\n",
        encoding="utf-8",
    )
    missing = tmp_path / "missing.txt"
    report = tmp_path / "report.json"
    code, out, _ = run_cli("extract", good, batch, missing, "--published", "2025-02-01", "--report", report)
    assert code == 1
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["documents_read"] == 2
    assert data["with_events"] == 1
    assert data["without_events"] == 1
    assert data["events"] == len(events_of(out)) == 1
    assert data["exit_code"] == 1
    assert data["skipped_count"] == 3
    assert data["skipped"] == [
        {"id": "blank", "origin": f"{batch}:2", "reason": "empty document"},
        {"id": None, "origin": f"{batch}:3", "reason": data["skipped"][1]["reason"]},
        {"id": None, "origin": str(missing), "reason": "no such file or directory"},
    ]
    assert data["skipped"][1]["reason"].startswith("malformed JSON on line 3")


def test_summary_goes_to_stderr_and_stdout_holds_only_events(run_cli_subprocess, tmp_path, good):
    code, out, err = run_cli_subprocess("extract", good, "--published", "2025-02-01")
    assert code == 0, err
    assert all(json.loads(line)["event_id"] for line in out.splitlines())
    assert "document(s) read" not in out
    assert "strife: 1 document(s) read: 1 with events, 0 with none, 0 skipped; 1 event(s)" in err


def test_no_progress_bar_when_stderr_is_not_a_terminal(run_cli_subprocess, tmp_path, seed_text):
    for n in range(5):
        (tmp_path / f"r{n}.txt").write_text(seed_text + f"Filed {n}.\n", encoding="utf-8")
    code, _, err = run_cli_subprocess(
        "extract", *sorted(tmp_path.glob("r*.txt")), "--published", "2025-02-01"
    )
    assert code == 0
    assert "\r" not in err
    assert "doc/s" not in err and "it/s" not in err and "%|" not in err
    assert err.strip().splitlines() == [summary_line(err)]


def test_unknown_output_format_is_a_usage_error(tmp_path, good, run_cli):
    out_file = tmp_path / "x.out"
    code, out, err = run_cli("extract", good, "-o", out_file, "--format", "parquet")
    assert code == 2
    assert "--format" in err and "parquet" in err
    assert out == "" and not out_file.exists()


def test_format_count_must_match_output_count(tmp_path, good, run_cli):
    a, b = tmp_path / "a.jsonl", tmp_path / "b.csv"
    code, out, err = run_cli("extract", good, "-o", a, "-o", b, "--format", "jsonl")
    assert code == 2
    assert "1 --format for 2 output(s)" in err
    assert out == "" and not a.exists() and not b.exists()


def test_jobs_must_be_positive(good, run_cli):
    code, _, err = run_cli("extract", good, "--jobs", "0")
    assert code == 2
    assert "--jobs must be at least 1" in err


def test_bad_published_option_is_a_usage_error(good, run_cli):
    code, out, err = run_cli("extract", good, "--published", "yesterday")
    assert code == 2
    assert "not a date: 'yesterday'" in err
    assert out == ""


def test_unwritable_output_is_a_usage_error(tmp_path, good, run_cli_subprocess):
    target = tmp_path / "no-such-folder" / "events.jsonl"
    code, _, err = run_cli_subprocess("extract", good, "-o", target)
    assert code == 2
    assert "Traceback" not in err
    assert str(target) in err


def test_a_country_abbreviated_without_its_last_dot_stops_nothing() -> None:
    # "U.S military" at the end of a text once raised KeyError in the actors stage.
    docs = [
        to_document({"text": text, "published": "2020-01-01"}, f"d{n}")
        for n, text in enumerate(
            ["Two soldiers were killed when U.S military", "U.S forces struck a base in Syria on Friday."]
        )
    ]
    outcomes = list(process(iter(docs), jobs=1))
    assert [o.skipped for o in outcomes] == [None, None]
    assert outcomes[0].events[0].actor1 == "Military Forces of the United States"


# --- broken compressed files, odd line ends, empty files, feeds the parser chokes on -------------


def _records_gz(kind: str, count: int) -> bytes:
    """`count` invented quiet reports as JSON Lines or CSV (with its header), gzipped."""
    if kind == "jsonl":
        lines = [json.dumps({"id": f"q{n}", "text": f"The town council met on day {n} to plan a new bus route."})
                 for n in range(count)]  # fmt: skip
    else:
        lines = [
            "id,text",
            *(f"q{n},The town council met on day {n} to plan a new bus route." for n in range(count)),
        ]
    return gzip.compress("".join(line + "\n" for line in lines).encode(), mtime=0)


def _whole_lines(gz: bytes) -> int:
    """How many whole lines a gzip stream holds before it breaks off: what a reader can give back."""
    return zlib.decompressobj(wbits=31).decompress(gz).count(b"\n")


@pytest.mark.parametrize("kind", ["jsonl", "csv"])
def test_truncated_gzip_keeps_what_was_read_and_the_rest_of_the_batch(tmp_path, good, kind):
    whole = _records_gz(kind, 400)
    cut = whole[: len(whole) // 2]
    path = tmp_path / f"export.{kind}.gz"
    path.write_bytes(cut)
    lines = _whole_lines(cut)
    rows = lines - 1 if kind == "csv" else lines  # the CSV's header is no document
    assert 0 < rows < 400

    items = list(read_inputs([str(path), str(good)]))
    assert [item.id for item in items[:rows]] == [f"q{n}" for n in range(rows)]
    assert all(isinstance(item, Document) for item in items[:rows])
    skipped, last = items[rows:]
    assert skipped == Skipped(str(path), skipped.reason)
    assert skipped.reason.startswith(f"compressed file is truncated after line {lines:,} (")
    assert skipped.reason.endswith("the rest of the file is unread")
    assert isinstance(last, Document) and last.origin == str(good)


def test_truncated_gzip_on_the_command_line(tmp_path, good, run_cli, monkeypatch):
    path = tmp_path / "export.jsonl.gz"
    whole = _records_gz("jsonl", 400)
    path.write_bytes(whole[: len(whole) // 2])
    lines = _whole_lines(path.read_bytes())
    code, out, err = run_cli("extract", path, good, "--published", "2025-02-01")
    assert code == 1
    assert f"skipped: {path}: compressed file is truncated after line {lines:,}" in err
    assert_good_one_processed(out, err)
    assert f"{lines + 1} document(s) read: 1 with events, {lines} with none, 1 skipped" in summary_line(err)


def test_gzip_failing_its_checksum_is_corrupt_after_its_last_line(tmp_path, good):
    whole = bytearray(_records_gz("jsonl", 5))
    whole[-8:-4] = bytes(b ^ 0xFF for b in whole[-8:-4])  # the CRC-32 in the gzip trailer
    path = tmp_path / "export.jsonl.gz"
    path.write_bytes(bytes(whole))
    items = list(read_inputs([str(path), str(good)]))
    assert [item.id for item in items[:5]] == ["q0", "q1", "q2", "q3", "q4"]
    assert items[5].origin == str(path)
    assert items[5].reason.startswith("compressed file is corrupt after line 5 (CRC check failed")
    assert items[6].origin == str(good)


@pytest.mark.parametrize("name", ["export.jsonl.gz", "export.csv.gz"])
def test_gzip_with_a_damaged_stream_is_skipped(tmp_path, good, run_cli, name):
    # A valid gzip header, then deflate data that cannot be inflated: zlib.error, not an OSError.
    path = tmp_path / name
    path.write_bytes(b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff" + b"\xff" * 64)
    code, out, err = run_cli("extract", path, good, "--published", "2025-02-01")
    assert code == 1
    assert (
        f"skipped: {path}: compressed file is corrupt before its first line (Error -3 while decompressing"
        in err
    )
    assert_good_one_processed(out, err)


# A CSV whose rows end in CR LF, but one in a lone CR (as an old spreadsheet wrote it).
LONE_CR_CSV = (
    b"id,published,text\r\n"
    b"cr-1,2025-02-06,Two shopkeepers argued over a stall in the old market on Tuesday\r"
    b"cr-2,2025-02-06,The district council voted to repaint the bus shelters\r\n"
)


def _id_text(items) -> list[tuple[str, str]]:
    return [
        (item.id, item.text) if isinstance(item, Document) else (item.origin, item.reason) for item in items
    ]


def test_csv_with_a_lone_carriage_return_from_stdin(tmp_path, seed_text, run_cli, monkeypatch):
    file = tmp_path / "export.csv"
    file.write_bytes(LONE_CR_CSV)
    from_file = _id_text(read_inputs([str(file)]))
    assert [id_ for id_, _ in from_file] == ["cr-1", "cr-2"]  # the lone CR ends a row, as in a file

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(LONE_CR_CSV)))
    assert _id_text(read_inputs(["-"], input_format="csv")) == from_file

    other = tmp_path / "other.csv"  # the rest of the batch, read after stdin
    with other.open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream).writerows([["id", "published", "text"], ["seed", "2025-02-01", seed_text]])
    code, out, err = run_cli("extract", "-", other, "--input-format", "csv", stdin=LONE_CR_CSV)
    assert code == 0, err
    assert [e["doc_id"] for e in events_of(out)] == ["seed"]
    assert "3 document(s) read: 1 with events, 2 with none, 0 skipped" in summary_line(err)


def test_csv_with_a_lone_carriage_return_at_a_url(tmp_path, good, http_server, run_cli):
    http_server.routes["/export.csv"] = (200, "text/csv", LONE_CR_CSV)
    url = http_server.url("/export.csv")
    file = tmp_path / "export.csv"
    file.write_bytes(LONE_CR_CSV)
    items = list(read_inputs([url, str(good)]))
    assert _id_text(items[:2]) == _id_text(read_inputs([str(file)]))
    assert [item.origin for item in items] == [f"{url}:2", f"{url}:3", str(good)]
    code, out, err = run_cli("extract", url, good, "--published", "2025-02-01")
    assert code == 0, err
    assert_good_one_processed(out, err)
    assert "3 document(s) read: 1 with events, 2 with none, 0 skipped" in summary_line(err)


def test_csv_row_the_csv_module_refuses_is_skipped_with_its_reason(tmp_path, good):
    path = tmp_path / "export.csv"
    path.write_text(
        "id,text\n"
        "ok-1,The library extended its opening hours on Saturday.\n"
        f"huge,{'The same long paragraph again. ' * 20}\n"
        "ok-3,The ferry timetable changed for the winter.\n",
        encoding="utf-8",
    )
    old_limit = csv.field_size_limit(200)  # a row over the limit: what the csv module refuses
    try:
        items = list(read_inputs([str(path), str(good)]))
    finally:
        csv.field_size_limit(old_limit)
    assert [item.id for item in items[:1]] == ["ok-1"]
    assert items[1] == Skipped(
        f"{path}:3",
        "unreadable CSV at line 3 (field larger than field limit (200)): the rest of the file is unread",
    )
    assert items[2].origin == str(good) and isinstance(items[2], Document)


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.jsonl", b"", "empty file"),
        ("blank.jsonl", b"\n  \n\n", "empty file (blank lines only)"),
        ("empty.csv", b"", "empty file"),
        ("header.csv", b"id,text,published\r\n", "header only, no rows"),
        ("header-blank.csv", b"id,text\n\n\n", "header only, no rows"),
        ("empty.jsonl.gz", gzip.compress(b"", mtime=0), "empty file"),
        ("header.csv.gz", gzip.compress(b"id,text\n", mtime=0), "header only, no rows"),
    ],
)
def test_empty_and_header_only_files_are_accounted_for(tmp_path, good, run_cli, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    report = tmp_path / "report.json"
    code, out, err = run_cli("extract", path, good, "--published", "2025-02-01", "--report", report)
    assert code == 1
    assert f"skipped: {path}: {reason}\n" in err
    assert_good_one_processed(out, err)
    assert "1 document(s) read: 1 with events, 0 with none, 1 skipped" in summary_line(err)
    skipped = json.loads(report.read_text(encoding="utf-8"))["skipped"]
    assert skipped == [{"id": None, "origin": str(path), "reason": reason}]


def test_empty_csv_in_a_directory_is_said_to_be_empty(tmp_path, seed_text):
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "a-report.txt").write_text(seed_text, encoding="utf-8")
    (folder / "b-empty.csv").write_bytes(b"")
    items = list(read_inputs([str(folder)]))
    assert isinstance(items[0], Document)
    assert items[1] == Skipped(str(folder / "b-empty.csv"), "empty file")


def test_feed_whose_declared_encoding_the_parser_chokes_on(tmp_path, good, run_cli):
    # feedparser lets the "undefined" codec's UnicodeError out instead of flagging the feed.
    feed = tmp_path / "wire.rss"
    feed.write_bytes(
        b'<?xml version="1.0" encoding="undefined"?><rss version="2.0"><channel><title>Wire</title>'
        b"<item><guid>w-1</guid><description>The harbour reopened after the storm.</description></item>"
        b"</channel></rss>"
    )
    items = list(read_inputs([str(feed), str(good)]))
    assert items[0].origin == str(feed)
    assert items[0].reason.startswith("feed could not be parsed (UnicodeError:")
    assert items[1].origin == str(good)
    code, out, err = run_cli("extract", feed, good, "--published", "2025-02-01")
    assert code == 1
    assert f"skipped: {feed}: feed could not be parsed (UnicodeError:" in err
    assert_good_one_processed(out, err)


def test_a_lone_surrogate_given_to_ingest_skips_that_document_only(tmp_path):
    from strife.store import ingest, open_store

    store = open_store(f"sqlite:///{tmp_path / 'store.db'}")
    broken = Document(id="broken", text=QUIET_TEXT + " \ud800", published="2025-02-01")
    good = Document(id="good", text=SECOND_TEXT, published="2025-02-01")
    summary = ingest(store, [broken, good])
    assert summary.stored == 1
    [skip] = summary.skipped
    assert (
        skip["id"] == "broken"
        and skip["reason"].startswith("cannot be stored:")
        and "surrogates" in skip["reason"]
    )
    store.close()
