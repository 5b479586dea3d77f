"""The `strife` command."""

from __future__ import annotations

import argparse
import errno
import json
import os
import socket
import sys
import time
from contextlib import ExitStack
from dataclasses import replace
from pathlib import Path
from typing import Any, TextIO, cast

from strife import __version__
from strife.distributed.partitions import read_any
from strife.document import Document, coerce_date
from strife.event import Event
from strife.readers import INPUT_FORMATS, UsageError, count_documents, preflight
from strife.runner import process
from strife.summary import RunSummary, progress_bar
from strife.writers import FORMATS, EventWriter, format_for_path, make_writer

EXIT_OK, EXIT_SKIPPED, EXIT_USAGE = 0, 1, 2
STDOUT = "standard output"  # how a message names it


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse's own exit code is 2 too; keep the text ours
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"strife: error: {message}\n")


def _date_arg(value: str):
    try:
        return coerce_date(value)
    except ValueError as err:
        raise argparse.ArgumentTypeError(str(err)) from None


def _add_input_options(parser: argparse.ArgumentParser) -> None:
    """What `extract` and `ingest` share: the inputs and how to read them, and the run report."""
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="file, directory, '-', URL or feed")
    parser.add_argument(
        "--input-format",
        default="auto",
        choices=INPUT_FORMATS,
        help="how to read the inputs (default: by extension and content)",
    )
    parser.add_argument(
        "--published",
        type=_date_arg,
        metavar="DATE",
        help="publication date for inputs that carry none (YYYY-MM-DD)",
    )
    parser.add_argument("--jobs", type=int, default=1, metavar="N", help="processes (default 1)")
    parser.add_argument("--report", metavar="FILE", help="write the run summary as JSON here")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")
    # Distributed runs (strife.distributed; docs/distributed.md): the `dask` extra.
    cluster = parser.add_mutually_exclusive_group()
    cluster.add_argument(
        "--dask", metavar="local:N", help="run on a local Dask cluster of N worker processes (the dask extra)"
    )
    cluster.add_argument(
        "--scheduler", metavar="tcp://HOST:PORT", help="run on the Dask cluster of this scheduler"
    )
    parser.add_argument(
        "--partition-size",
        type=int,
        default=500,
        metavar="N",
        help="documents per partition with --dask, --scheduler or -o DIR/ (default 500)",
    )


def _add_output_options(parser: argparse.ArgumentParser, formats: tuple[str, ...] = FORMATS) -> None:
    """What `extract` and `export` share: where the events go, in which formats."""
    parser.add_argument(
        "-o",
        "--output",
        action="append",
        default=[],
        metavar="OUT",
        help="output file (default: stdout); the format follows the extension "
        "(.jsonl, .csv, .acled.csv, .geojson) unless --format is given",
    )
    parser.add_argument(
        "--format",
        action="append",
        default=[],
        choices=formats,
        help="output format, once per -o (default: jsonl)",
    )


def _add_db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        metavar="URL",
        help="the store: sqlite:///PATH, a file path, or postgresql://USER@HOST/DB "
        "(default: strife.db in the user's data directory, or $STRIFE_DATA_DIR)",
    )


def _add_user_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--user", metavar="NAME", help="who is reviewing (default: the login name)")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="strife", description="News reports in, conflict events out.")
    parser.add_argument("--version", action="version", version=f"strife {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    extract = commands.add_parser(
        "extract",
        help="extract events from reports",
        description="Read reports (files, directories, '-', URLs, feeds, JSONL, CSV) and write "
        "their events. Give -o several times to write several formats in one run.",
    )
    _add_input_options(extract)
    # -o DIR/ writes one shard per partition (JSONL or Parquet) and a manifest.
    _add_output_options(extract, formats=(*FORMATS, "parquet"))

    ingest = commands.add_parser(
        "ingest",
        help="extract events from reports and store them",
        description="Read reports as `extract` does, and store the documents and their events in a "
        "database. A document already stored (the same text or the same URL) is passed over; an "
        "event that another stored report already told is merged into that event. Each document "
        "is stored in one transaction: a run that is killed can simply be run again.",
    )
    _add_input_options(ingest)
    _add_db_option(ingest)

    watch = commands.add_parser(
        "watch",
        help="poll RSS/Atom feeds and store what is new",
        description="Poll each feed in FEEDS (one address a line, # for comments) every --every, "
        "with conditional requests, and ingest its new items into the store. A feed that fails is "
        "retried sooner, backing off, and logged; the others go on. What has been read is kept in "
        "a state file, so a restarted watcher neither re-reads nor re-counts. SIGTERM or Ctrl-C "
        "stops it cleanly after the poll in hand.",
    )
    watch.add_argument("feeds", metavar="FEEDS", help="a file of feed addresses")
    _add_db_option(watch)
    watch.add_argument("--every", default="15m", metavar="DURATION", help="how often to poll (15m, 1h, 30s)")
    watch.add_argument("--once", action="store_true", help="poll every feed once and stop")
    watch.add_argument(
        "--state", metavar="PATH", help="the watcher's state file (default: beside the database)"
    )

    export = commands.add_parser(
        "export",
        help="write stored events",
        description="Write the stored events that pass the filters, in the order they were first "
        "stored. Each filter may be given several times (any of its values matches).",
    )
    _add_db_option(export)
    _add_output_options(export)
    export.add_argument("--since", type=_date_arg, metavar="DATE", help="events on or after DATE")
    export.add_argument("--until", type=_date_arg, metavar="DATE", help="events on or before DATE")
    export.add_argument(
        "--country", action="append", default=[], metavar="COUNTRY", help="country name or ISO3 code"
    )
    export.add_argument(
        "--admin1", action="append", default=[], metavar="NAME", help="province, state, region"
    )
    export.add_argument(
        "--type", action="append", default=[], metavar="TYPE", help="event type or sub-event type"
    )
    export.add_argument(
        "--review-state",
        action="append",
        default=[],
        choices=("unreviewed", "accepted", "edited", "rejected"),
        help="events a reviewer left in this state (default: all but rejected ones)",
    )
    export.add_argument(
        "--background",
        choices=("exclude", "include", "only"),
        default="exclude",
        help="past incidents recalled for context: exclude (the default: current events only), include, only",
    )

    events = commands.add_parser("events", help="look at and correct stored events")
    events_commands = events.add_subparsers(dest="events_command", required=True, parser_class=_Parser)
    split = events_commands.add_parser(
        "split",
        help="undo a merge: take a report out of an event",
        description="Take one report out of a stored event and make it an event of its own. The "
        "event keeps its id and is recomputed from its other reports; the report's event gets a "
        "new id. Without --doc, the last report to join is taken out, which undoes the last merge.",
    )
    split.add_argument("event_id", metavar="EVENT_ID")
    split.add_argument("--doc", metavar="DOC_ID", help="the report to take out (default: the last to join)")
    _add_db_option(split)
    _add_user_option(split)
    recluster = events_commands.add_parser(
        "recluster",
        help="re-run matching over stored events (after a rule or model change)",
        description="Compare each stored event dated on or after --since, in the order they were "
        "stored, with the events stored before it, as a new report is compared, and join it into the "
        "most likely one the matching now takes for the same incident. Each join is a revision of "
        "this run (undo one with 'strife events split'); fields a person set hold, and events a "
        "person split apart stay apart. Prints each join as a JSON line.",
    )
    recluster.add_argument(
        "--since", type=_date_arg, required=True, metavar="DATE", help="events on or after DATE"
    )
    _add_db_option(recluster)
    _add_user_option(recluster)
    show = events_commands.add_parser(
        "show",
        help="an event with its reports, field sources, review and revisions, as JSON",
    )
    show.add_argument("event_id", metavar="EVENT_ID")
    _add_db_option(show)
    accept = events_commands.add_parser(
        "accept", help="review: the event is right as it stands", description="Mark the event accepted."
    )
    accept.add_argument("event_id", metavar="EVENT_ID")
    accept.add_argument("--note", help="why, for the revision")
    edit = events_commands.add_parser(
        "edit",
        help="review: set fields of an event (no later report overwrites them)",
        description="Set fields of the event record, e.g. --set fatalities=12 --set admin2=Kalat. Values "
        'are read as JSON where they parse (12, null, true, "text"), else as text. The fields set are '
        "locked: a report that joins the event later leaves them as the person set them.",
    )
    edit.add_argument("event_id", metavar="EVENT_ID")
    edit.add_argument(
        "--set", dest="fields", action="append", required=True, metavar="FIELD=VALUE", help="a field to set"
    )
    edit.add_argument("--note", help="why, for the revision")
    reject = events_commands.add_parser(
        "reject",
        help="review: not an event (left out of exports and the API's lists)",
        description="Mark the event rejected. It stays in the store, so a later report of the same "
        "incident joins it rather than bringing it back; `export --review-state rejected` lists them.",
    )
    reject.add_argument("event_id", metavar="EVENT_ID")
    reject.add_argument("--reason", help="why it is not an event")
    merge = events_commands.add_parser(
        "merge",
        help="review: two events are one incident",
        description="Merge OTHER_ID into EVENT_ID: its reports join EVENT_ID, folded in by the merge "
        "rules, and OTHER_ID goes (`events show OTHER_ID` then says where). `events split` undoes it.",
    )
    merge.add_argument("event_id", metavar="EVENT_ID", help="the event to keep")
    merge.add_argument("other", metavar="OTHER_ID", help="the event that joins it")
    merge.add_argument("--note", help="why, for the revision")
    for review in (accept, edit, reject, merge):
        _add_db_option(review)
        _add_user_option(review)

    commands.add_parser("schema", help="print the JSON Schema of the input document and the event")

    serve = commands.add_parser(
        "serve",
        help="serve the store over HTTP (JSON API)",
        description="Serve the store's events, documents and statistics over HTTP (needs the `serve` "
        "extra: pip install 'strife[serve]'). Reads are public unless --private; writes need a token "
        "from `strife token create`. Documentation at /docs, the schema at /openapi.json.",
    )
    _add_db_option(serve)
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    serve.add_argument("--private", action="store_true", help="reads need a token too")
    serve.add_argument(
        "--allow-private-urls",
        action="store_true",
        help="let POST /documents fetch loopback and private-network addresses "
        "(also STRIFE_ALLOW_PRIVATE_URLS=1)",
    )
    serve.add_argument(
        "--cors-origin",
        action="append",
        default=[],
        metavar="ORIGIN",
        help="allow browser requests from this origin (repeatable; default: no CORS)",
    )
    serve.add_argument(
        "--max-body", type=int, default=2_000_000, metavar="BYTES", help="largest request body (default 2 MB)"
    )

    token = commands.add_parser("token", help="API tokens for `strife serve`")
    token_commands = token.add_subparsers(dest="token_command", required=True, parser_class=_Parser)
    create = token_commands.add_parser("create", help="make a token and print it (once)")
    create.add_argument("--role", required=True, choices=("reviewer", "admin"))
    create.add_argument("--name", help="whose token it is")
    _add_db_option(create)
    revoke = token_commands.add_parser("revoke", help="revoke a token by its id")
    revoke.add_argument("token_id", type=int, metavar="ID")
    _add_db_option(revoke)
    listing = token_commands.add_parser("list", help="list tokens (never the tokens themselves)")
    _add_db_option(listing)

    gazetteer = commands.add_parser("gazetteer", help="the place index strife resolves names with")
    gazetteer_commands = gazetteer.add_subparsers(
        dest="gazetteer_command", required=True, parser_class=_Parser
    )
    gazetteer_commands.add_parser("info", help="say what is loaded and from where")
    gazetteer_import = gazetteer_commands.add_parser(
        "import",
        help="add a GeoNames dump (villages, alternate names) to the index",
        description="Add a GeoNames dump to the place index: a country file such as "
        "https://download.geonames.org/export/dump/PK.zip, allCountries.zip, or a local .zip or .txt "
        "of the same format. Populated places and first- and second-level units are kept, with their "
        "alternate names; a new import replaces the previous one.",
    )
    gazetteer_import.add_argument("source", metavar="PATH_OR_URL", help="GeoNames dump: URL, .zip or .txt")
    gazetteer_import.add_argument(
        "--countries",
        metavar="CC,CC",
        help="keep only these countries (two- or three-letter codes), e.g. PK,AF for allCountries.zip",
    )
    gazetteer_import.add_argument(
        "--classes",
        default="AP",
        metavar="CLASSES",
        help="GeoNames feature classes to keep (default AP: admin units and populated places; "
        "L areas and T valleys/mountains may be added, e.g. APT)",
    )
    gazetteer_import.add_argument("--no-progress", action="store_true", help="no progress bar")
    gazetteer_commands.add_parser("reset-import", help="remove the imported GeoNames dump")

    evaluate = commands.add_parser(
        "evaluate",
        help="score extraction against gold",
        description="Run extraction over gold files (the shared data's format, or our corpus's "
        "`gold_events` format, or the real-text gold of tests/corpus/real/, joined to ../shared/data; "
        "a directory means every .jsonl under it) and print per-field results.",
    )
    evaluate.add_argument("gold", nargs="+", metavar="GOLD", help="gold .jsonl file or directory")
    evaluate.add_argument("--errors", metavar="FILE", help="write every miss here (JSON Lines)")
    evaluate.add_argument("--json", action="store_true", help="print the results as JSON")
    evaluate.add_argument(
        "--toponyms", action="store_true", help="score place recognition and resolution on toponym corpora"
    )
    evaluate.add_argument("--jobs", type=int, default=1, metavar="N", help="processes (default 1)")
    evaluate.add_argument("--limit", type=int, metavar="N", help="only the first N documents of each file")
    evaluate.add_argument(
        "--split",
        choices=("dev", "test"),
        help="real-text gold (tests/corpus/real/): only this split; build on dev, score test at the end",
    )
    evaluate.add_argument(
        "--draw",
        type=int,
        metavar="N",
        help="real-text gold: only the documents of draw N of the sample (manifest.json; 1 is the first)",
    )
    return parser


def _outputs(args: argparse.Namespace) -> list[tuple[str | None, str]]:
    """Pair each output path with its format."""
    outputs: list[str | None] = list(args.output) or [None]
    formats: list[str] = list(args.format)
    if formats and len(formats) != len(outputs):
        raise UsageError(f"{len(formats)} --format for {len(outputs)} output(s): give one per -o")
    pairs = []
    for index, path in enumerate(outputs):
        fmt = formats[index] if formats else (format_for_path(path) if path else None)
        if fmt is None and path and Path(path).suffix and path != "-":
            # An extension strife does not write ("out.xlsx") would get JSON Lines under its name.
            raise UsageError(
                f"cannot tell an output format from {Path(path).name!r}: name it .jsonl, .csv, .acled.csv "
                f"or .geojson, or give --format ({', '.join(FORMATS)})"
            )
        pairs.append((path, fmt or "jsonl"))
    return pairs


class _Output:
    """Where events go (a file, or standard output), whose failures name it: a full disk is one
    line, "cannot write out.csv: No space left on device", not a traceback."""

    def __init__(self, stream: TextIO, name: str) -> None:
        self.stream, self.name = stream, name
        self.failed = False

    def write(self, text: str) -> int:
        try:
            return self.stream.write(text)
        except OSError as err:
            raise self._failure(err) from None

    def flush(self) -> None:
        try:
            self.stream.flush()
        except OSError as err:
            raise self._failure(err) from None

    def close(self) -> None:
        """Close the file (flushing what is left). After a failure it closes quietly: the one
        line has been said, and what was buffered cannot be written either."""
        try:
            self.stream.close()
        except OSError as err:
            if not self.failed:
                raise self._failure(err) from None

    def _failure(self, err: OSError) -> Exception:
        self.failed = True
        if self.stream is sys.stdout:
            _discard_stdout()
        if isinstance(err, BrokenPipeError):  # the reader went (`| head`): no error, see main
            return err
        return UsageError(f"cannot write {self.name}: {err.strerror or err}")


def _discard_stdout() -> None:
    """Point standard output at the null device: Python flushes it again at exit, and what it
    still holds would fail a second time, as a traceback, after the one-line error."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(null, sys.stdout.fileno())
        finally:
            os.close(null)
    except (OSError, ValueError):  # not a real file (a test's capture): nothing to discard
        pass


def _open_writers(stack: ExitStack, pairs: list[tuple[str | None, str]]) -> list[EventWriter]:
    writers: list[EventWriter] = []
    for path, fmt in pairs:
        if path:
            try:
                stream = open(path, "w", encoding="utf-8", newline="")  # noqa: SIM115
            except OSError as err:
                raise UsageError(f"cannot write {path}: {err.strerror or err}") from None
            output = _Output(stream, path)
            stack.callback(output.close)  # by the caller's ExitStack, once the writers are done
        else:
            output = _Output(sys.stdout, STDOUT)
        writers.append(make_writer(fmt, cast(TextIO, output)))
    return writers


def _check_report(path: str | None) -> None:
    """Refuse, before the run, a --report that could not be written after it: a long run's
    summary was lost to a mistyped folder, once the work was done."""
    if not path:
        return
    report = Path(path)
    folder = report.parent
    if report.is_dir():
        raise UsageError(f"cannot write the report {path}: it is a folder")
    if not folder.is_dir():
        raise UsageError(f"cannot write the report {path}: no folder {folder}")
    if report.exists() and not os.access(report, os.W_OK):
        raise UsageError(f"cannot write the report {path}: permission denied")
    if not report.exists() and not os.access(folder, os.W_OK | os.X_OK):
        raise UsageError(f"cannot write the report {path}: permission denied to make files in {folder}")


def _close_writers(writers: list[EventWriter], summary: RunSummary) -> None:
    for writer in writers:
        writer.close()
        if writer.left_out:
            summary.left_out[writer.format] = {"count": writer.left_out, "reason": writer.left_out_reason}


def run_extract(args: argparse.Namespace) -> int:
    if args.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    from strife.distributed import command as distributed

    pairs = _outputs(args)
    _check_report(args.report)
    preflight(args.inputs, args.input_format)
    if (shards := distributed.directory_output(pairs)) is not None:
        return distributed.run_extract_to_directory(args, *shards)
    summary = RunSummary()
    started = time.perf_counter()
    with ExitStack() as stack:
        if distributed.wants_cluster(args):
            outcomes = stack.enter_context(distributed.distributed_outcomes(args))
        else:
            items = read_any(args.inputs, input_format=args.input_format)
            outcomes = process(items, jobs=args.jobs, published=args.published)
        writers = _open_writers(stack, pairs)
        bar = stack.enter_context(_progress(args, counted=not distributed.wants_cluster(args)))
        for outcome in outcomes:
            bar.update(1)
            summary.add_outcome(outcome)
            for event in outcome.events:
                for writer in writers:
                    writer.write(event)
        _close_writers(writers, summary)
    summary.seconds = time.perf_counter() - started
    print(summary.render(), file=sys.stderr)
    summary.write_report(args.report)
    return summary.exit_code


def _progress(args: argparse.Namespace, counted: bool = True) -> Any:
    """The run's progress bar: on a terminal only, with a total where the local inputs tell it
    cheaply (`counted` False where they are read elsewhere, on a cluster)."""
    quiet = args.no_progress or not sys.stderr.isatty()
    total = count_documents(args.inputs, args.input_format) if counted and not quiet else None
    return progress_bar(total, quiet)


def _open_store(url: str | None, create: bool = True):
    from strife.store import StoreError, open_store

    _check_lasting_store(url)
    try:
        return open_store(url, create=create)
    except StoreError as err:
        raise UsageError(str(err)) from None


def _check_lasting_store(url: str | None) -> None:
    """Refuse an in-memory store (`sqlite://`): each strife command is a process of its own, so
    it would start empty and be lost at exit, and an ingest would store everything for nothing."""
    from strife.store import StoreError
    from strife.store.database import in_memory, normalise_url

    try:
        parsed = normalise_url(url)
    except StoreError as err:
        raise UsageError(str(err)) from None
    if in_memory(parsed):
        raise UsageError(
            f"--db {url} is an in-memory SQLite database, lost with all it holds when strife exits; "
            "give a file (sqlite:///PATH, or a path) or postgresql://USER@HOST/DB"
        )


def run_ingest(args: argparse.Namespace) -> int:
    from strife.store import IngestSummary, ingest

    if args.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    _check_lasting_store(args.db)
    _check_report(args.report)
    preflight(args.inputs, args.input_format)
    from strife.distributed import command as distributed

    if distributed.wants_cluster(args):
        return distributed.run_ingest_distributed(args)
    store = _open_store(args.db)
    summary = IngestSummary()
    started = time.perf_counter()
    arguments = {
        "inputs": list(args.inputs),
        "input_format": args.input_format,
        "published": args.published.isoformat() if args.published else None,
        "jobs": args.jobs,
    }
    try:
        with _progress(args) as bar:
            ingest(
                store,
                read_any(args.inputs, input_format=args.input_format),
                jobs=args.jobs,
                published=args.published,
                arguments=arguments,
                on_document=lambda: bar.update(1),
                summary=summary,
            )
    finally:
        store.close()
    summary.seconds = time.perf_counter() - started
    print(summary.render(), file=sys.stderr)
    summary.write_report(args.report)
    return summary.exit_code


def run_watch(args: argparse.Namespace) -> int:
    import signal
    import threading

    from strife.store import ingest
    from strife.store.database import data_dir, normalise_url, sqlite_path
    from strife.watch import parse_duration, read_feed_list, watch

    try:
        every = parse_duration(args.every)
        feeds = read_feed_list(Path(args.feeds))
    except (ValueError, OSError) as err:
        raise UsageError(str(err)) from None
    if not feeds:
        raise UsageError(f"{args.feeds} lists no feed")
    store = _open_store(args.db)
    database = sqlite_path(normalise_url(args.db))
    state_path = Path(args.state) if args.state else (
        database.with_name(database.name + ".watch.json") if database else data_dir() / "watch-state.json"
    )  # fmt: skip
    stop = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stop.set())
    counts = {"polls": 0, "new items": 0, "failures": 0}

    def report(poll) -> None:
        counts["polls"] += 1
        counts["new items"] += poll.items
        counts["failures"] += poll.outcome == "failed"
        detail = f"{poll.items} new item(s)" if poll.outcome == "new" else poll.error or poll.outcome
        print(f"strife watch: {poll.url}: {detail}", file=sys.stderr)

    def store_items(items) -> None:
        summary = ingest(store, items, arguments={"watch": args.feeds})
        print(summary.render(), file=sys.stderr)

    try:
        watch(feeds, store_items, every, state_path, stop, once=args.once, on_poll=report)
    finally:
        store.close()
    print(
        f"strife watch: stopped after {counts['polls']} poll(s), {counts['new items']} new item(s), "
        f"{counts['failures']} failure(s); state in {state_path}",
        file=sys.stderr,
    )
    return EXIT_OK


def run_export(args: argparse.Namespace) -> int:
    from strife.store import EventFilter, export_events
    from strife.store.export import UnknownFilterValue, check_filter_values, count_events, stored_countries

    pairs = _outputs(args)
    store = _open_store(args.db, create=False)
    filters = EventFilter(
        since=args.since,
        until=args.until,
        countries=args.country,
        admin1=args.admin1,
        types=args.type,
        review_states=args.review_state,
        background=args.background,
    )
    summary = RunSummary()
    started = time.perf_counter()
    try:
        try:
            check_filter_values(filters, stored_countries(store) if filters.countries else ())
        except UnknownFilterValue as err:
            raise UsageError(str(err)) from None
        left_out_background = (
            count_events(store, replace(filters, background="only")) if args.background == "exclude" else 0
        )
        with ExitStack() as stack:
            writers = _open_writers(stack, pairs)
            summary.events = export_events(store, writers, filters)
            _close_writers(writers, summary)
    finally:
        store.close()
    summary.seconds = time.perf_counter() - started
    lines = [f"strife: {summary.events} event(s) exported from {store.display_url} in {summary.seconds:.1f}s"]
    if args.background == "exclude" and left_out_background:
        lines.append(
            f"  {left_out_background} background event(s) left out: past incidents recalled for context "
            "(--background include to export them too)"
        )
    lines += [
        f"  {fmt}: {info['count']} event(s) left out ({info['reason']})"
        for fmt, info in summary.left_out.items()
    ]
    print("\n".join(lines), file=sys.stderr)
    return EXIT_OK


def _field_values(pairs: list[str]) -> dict[str, object]:
    """`--set FIELD=VALUE`s: a value is JSON where it parses (12, null, "12"), else text."""
    from strife.store.database import unstorable

    fields: dict[str, object] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise UsageError(f"--set takes FIELD=VALUE, not {pair!r}")
        try:
            fields[name.strip()] = json.loads(value)
        except ValueError:  # not JSON (JSONDecodeError), or an integer of 5,000 digits
            fields[name.strip()] = value
        # NaN, 1e999, an integer past the store's columns: refused here, not a database traceback.
        if problem := unstorable(fields[name.strip()], f"--set {name.strip()}"):
            raise UsageError(problem)
    return fields


def _run_review(args: argparse.Namespace, store) -> int:  # store: strife.store.Store
    from strife.store import review
    from strife.store.ingest import current_user

    user = args.user or current_user()
    if args.events_command == "accept":
        event = review.accept(store, args.event_id, user, args.note)
        done = "accepted"
    elif args.events_command == "edit":
        event = review.edit(store, args.event_id, _field_values(args.fields), user, args.note)
        done = f"edited (locked: {', '.join(event['locked_fields'])})"
    elif args.events_command == "reject":
        event = review.reject(store, args.event_id, user, args.reason)
        done = "rejected"
    else:
        event = review.merge_events(store, args.event_id, args.other, user, args.note)
        done = f"now has the reports of {args.other}, which is gone"
    sys.stdout.write(json.dumps(event, ensure_ascii=False) + "\n")
    print(f"strife: event {event['event_id']} {done}, by {user}", file=sys.stderr)
    return EXIT_OK


def _run_recluster(args: argparse.Namespace, store) -> int:  # store: strife.store.Store
    from strife.store import recluster

    result = recluster(store, args.since, args.user)
    for joined in result.joined:
        sys.stdout.write(json.dumps({"kept": joined.kept, "joined": joined.gone, "note": joined.note}) + "\n")
    print(
        f"strife: {result.examined} stored event(s) from {args.since.isoformat()} re-matched: "
        f"{len(result.joined)} joined into an earlier event of the same incident (run {result.run_id})",
        file=sys.stderr,
    )
    return EXIT_OK


def run_events(args: argparse.Namespace) -> int:
    from strife.store import StoreError, describe_event, split_event

    store = _open_store(args.db, create=False)
    try:
        if args.events_command == "show":
            json.dump(describe_event(store, args.event_id), sys.stdout, indent=2, ensure_ascii=False)
            sys.stdout.write("\n")
            return EXIT_OK
        if args.events_command in ("accept", "edit", "reject", "merge"):
            return _run_review(args, store)
        if args.events_command == "recluster":
            return _run_recluster(args, store)
        result = split_event(store, args.event_id, args.doc, user=args.user)
    except StoreError as err:
        raise UsageError(str(err)) from None
    finally:
        store.close()
    # Both events as they now are, as JSON Lines: what the split changed, for a script to read.
    for event in (result.remaining, result.split_off):
        sys.stdout.write(event.model_dump_json() + "\n")
    print(
        f"strife: report {result.split_off.doc_id} taken out of {result.remaining.event_id}; "
        f"it is now event {result.split_off.event_id} (run {result.run_id})",
        file=sys.stderr,
    )
    return EXIT_OK


def run_serve(args: argparse.Namespace) -> int:
    import os

    try:
        import uvicorn

        from strife.server.app import ServerSettings, create_app
    except ImportError as err:
        raise UsageError(f"strife serve needs the serve extra (pip install 'strife[serve]'): {err}") from None
    store = _open_store(args.db, create=False)
    settings = ServerSettings(
        private=args.private,
        allow_private_urls=args.allow_private_urls or os.environ.get("STRIFE_ALLOW_PRIVATE_URLS") == "1",
        cors_origins=list(args.cors_origin),
        max_body_bytes=args.max_body,
    )
    try:
        # Bound here, before saying "serving": a busy port is one clear line, not a traceback
        # after a promise. uvicorn serves on this very socket, so nothing can take it between.
        listening = _listening_socket(args.host, args.port)
    except OSError as err:
        store.close()
        reason = (
            "the port is in use (another server?)" if err.errno == errno.EADDRINUSE else err.strerror or err
        )
        raise UsageError(
            f"cannot serve on {args.host}:{args.port}: {reason}; choose another with --port"
        ) from None
    app = create_app(store, settings)
    print(f"strife: serving {store.display_url} on http://{args.host}:{args.port}", file=sys.stderr)
    try:
        uvicorn.Server(uvicorn.Config(app, log_level="warning")).run(sockets=[listening])
    finally:
        listening.close()
        store.close()
    return EXIT_OK


def _listening_socket(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    listening = socket.socket(family, socket.SOCK_STREAM)
    try:
        listening.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listening.bind((host, port))
        listening.listen(2048)
    except OSError:
        listening.close()
        raise
    listening.set_inheritable(True)
    return listening


def run_token(args: argparse.Namespace) -> int:
    from strife.server.auth import create_token, list_tokens, revoke_token

    store = _open_store(args.db, create=args.token_command == "create")
    try:
        if args.token_command == "create":
            token_id, token = create_token(store, args.role, args.name)
            print(token)
            print(f"strife: token {token_id} ({args.role}) made; it is not shown again", file=sys.stderr)
        elif args.token_command == "revoke":
            if not revoke_token(store, args.token_id):
                raise UsageError(f"no active token {args.token_id}")
            print(f"strife: token {args.token_id} revoked", file=sys.stderr)
        else:
            for row in list_tokens(store):
                state = f"revoked {row['revoked_at']}" if row["revoked_at"] else "active"
                print(f"{row['id']}\t{row['role']}\t{row['name'] or ''}\t{row['created_at']}\t{state}")
    finally:
        store.close()
    return EXIT_OK


def run_schema() -> int:
    schemas = {"document": Document.model_json_schema(), "event": Event.model_json_schema()}
    json.dump(schemas, sys.stdout, indent=2)
    sys.stdout.write("\n")
    return EXIT_OK


def run_evaluate(args: argparse.Namespace) -> int:
    from pathlib import Path

    from strife.evaluation import evaluate_paths, load_gold
    from strife.evaluation.gold import SharedDataMissing
    from strife.evaluation.render import TOPONYM_ROWS, confusions, table
    from strife.evaluation.toponyms import evaluate_toponyms

    missing = [path for path in args.gold if not Path(path).exists()]
    if missing:
        raise UsageError(f"no such gold file: {', '.join(missing)}")
    names = [Path(path).name or path for path in args.gold]
    if args.toponyms:
        results = []
        for path in args.gold:
            docs = load_gold(path)
            if args.limit:
                docs = (doc for n, doc in enumerate(docs) if n < args.limit)
            results.append({"gold": path, **evaluate_toponyms(docs).as_dict()})
        print(json.dumps(results, indent=2) if args.json else table(results, names, TOPONYM_ROWS))
        return EXIT_OK
    with ExitStack() as stack:
        errors = stack.enter_context(open(args.errors, "w", encoding="utf-8")) if args.errors else None
        try:
            results = [
                r.as_dict()
                for r in evaluate_paths(
                    args.gold,
                    jobs=args.jobs,
                    errors=errors,
                    limit=args.limit,
                    split=args.split,
                    draw=args.draw,
                )
            ]
        except SharedDataMissing as err:
            raise UsageError(f"the real-text gold joins its documents to the shared data, and {err}") from err
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        print(table(results, names))
        for name, result in zip(names, results, strict=True):
            print(f"\n{name}: {confusions(result)}")
    return EXIT_OK


def run_gazetteer_info() -> int:
    from strife.places.gazetteer import cache_dir, get_gazetteer
    from strife.places.geonames_import import describe_import

    gazetteer = get_gazetteer()
    kinds: dict[str, int] = {}
    for row in gazetteer.rows:
        kinds[row[2]] = kinds.get(row[2], 0) + 1
    print(f"source: {gazetteer.source}")
    print(f"cache: {cache_dir()}")
    print(f"names: {len(gazetteer):,}; entries: " + ", ".join(f"{n:,} {k}" for k, n in sorted(kinds.items())))
    print(f"other spellings of towns: {len(gazetteer.alternates):,} (read where a text places a name)")
    print(f"countries: {len(gazetteer.countries)}")
    for line in describe_import(gazetteer.imported):
        print(line)
    return EXIT_OK


def run_gazetteer_import(args: argparse.Namespace) -> int:
    from strife.places.geonames_import import GeonamesImportError, import_geonames

    countries = args.countries.split(",") if args.countries else None
    started = time.perf_counter()
    try:
        summary = import_geonames(
            args.source,
            countries=countries,
            classes=args.classes,
            progress=not args.no_progress and sys.stderr.isatty(),
        )
    except GeonamesImportError as err:
        raise UsageError(f"gazetteer import failed: {err}") from None
    print(
        f"imported {summary.places:,} places and {summary.units:,} admin units"
        + (f" and {summary.others:,} other features" if summary.others else "")
        + f" under {summary.names:,} names from {summary.source} "
        f"in {time.perf_counter() - started:.1f} s ({summary.merged:,} merged with embedded entries)",
        file=sys.stderr,
    )
    if summary.malformed:
        print(f"strife: warning: {summary.malformed:,} malformed lines skipped", file=sys.stderr)
    return EXIT_OK


def run_gazetteer_reset() -> int:
    from strife.places.geonames_import import clear_import, imported_path

    if clear_import():
        print(f"removed {imported_path()}", file=sys.stderr)
    else:
        print("no imported GeoNames dump to remove", file=sys.stderr)
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        code = _run(args)
        # What standard output still holds: a full disk fails here, as one line, not at exit.
        _Output(sys.stdout, STDOUT).flush()
        return code
    except UsageError as err:
        print(f"strife: error: {err}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # `strife extract ... | head` is a normal way to look
        return EXIT_OK


def _run(args: argparse.Namespace) -> int:
    if args.command == "extract":
        return run_extract(args)
    if args.command == "ingest":
        return run_ingest(args)
    if args.command == "export":
        return run_export(args)
    if args.command == "watch":
        return run_watch(args)
    if args.command == "events":
        return run_events(args)
    if args.command == "serve":
        return run_serve(args)
    if args.command == "token":
        return run_token(args)
    if args.command == "schema":
        return run_schema()
    if args.command == "evaluate":
        return run_evaluate(args)
    if args.command == "gazetteer":
        if args.gazetteer_command == "import":
            return run_gazetteer_import(args)
        if args.gazetteer_command == "reset-import":
            return run_gazetteer_reset()
        return run_gazetteer_info()
    raise AssertionError(args.command)


if __name__ == "__main__":
    sys.exit(main())
