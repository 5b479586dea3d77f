"""The `strife` command."""

from __future__ import annotations

import argparse
import json
import sys
import time
from contextlib import ExitStack
from typing import TextIO

from strife import __version__
from strife.document import Document, coerce_date
from strife.event import Event
from strife.readers import INPUT_FORMATS, UsageError, preflight, read_inputs
from strife.runner import process
from strife.summary import RunSummary
from strife.writers import FORMATS, EventWriter, format_for_path, make_writer

EXIT_OK, EXIT_SKIPPED, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse's own exit code is 2 too; keep the text ours
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"strife: error: {message}\n")


def _date_arg(value: str):
    try:
        return coerce_date(value)
    except ValueError as err:
        raise argparse.ArgumentTypeError(str(err)) from None


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
    extract.add_argument("inputs", nargs="+", metavar="INPUT", help="file, directory, '-', URL or feed")
    extract.add_argument(
        "-o",
        "--output",
        action="append",
        default=[],
        metavar="OUT",
        help="output file (default: stdout); the format follows the extension "
        "(.jsonl, .csv, .acled.csv, .geojson) unless --format is given",
    )
    extract.add_argument(
        "--format",
        action="append",
        default=[],
        choices=FORMATS,
        help="output format, once per -o (default: jsonl)",
    )
    extract.add_argument(
        "--input-format",
        default="auto",
        choices=INPUT_FORMATS,
        help="how to read the inputs (default: by extension and content)",
    )
    extract.add_argument(
        "--published",
        type=_date_arg,
        metavar="DATE",
        help="publication date for inputs that carry none (YYYY-MM-DD)",
    )
    extract.add_argument("--jobs", type=int, default=1, metavar="N", help="processes (default 1)")
    extract.add_argument("--report", metavar="FILE", help="write the run summary as JSON here")
    extract.add_argument("--no-progress", action="store_true", help="no progress bar")

    commands.add_parser("schema", help="print the JSON Schema of the input document and the event")

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
        "`gold_events` format; a directory means every .jsonl under it) and print per-field results.",
    )
    evaluate.add_argument("gold", nargs="+", metavar="GOLD", help="gold .jsonl file or directory")
    evaluate.add_argument("--errors", metavar="FILE", help="write every miss here (JSON Lines)")
    evaluate.add_argument("--json", action="store_true", help="print the results as JSON")
    evaluate.add_argument(
        "--toponyms", action="store_true", help="score place recognition and resolution on toponym corpora"
    )
    evaluate.add_argument("--jobs", type=int, default=1, metavar="N", help="processes (default 1)")
    evaluate.add_argument("--limit", type=int, metavar="N", help="only the first N documents of each file")
    return parser


def _outputs(args: argparse.Namespace) -> list[tuple[str | None, str]]:
    """Pair each output path with its format."""
    outputs: list[str | None] = list(args.output) or [None]
    formats: list[str] = list(args.format)
    if formats and len(formats) != len(outputs):
        raise UsageError(f"{len(formats)} --format for {len(outputs)} output(s): give one per -o")
    pairs = []
    for index, path in enumerate(outputs):
        fmt = formats[index] if formats else (format_for_path(path) if path else None) or "jsonl"
        pairs.append((path, fmt))
    return pairs


def _progress(total_hint: None, disable: bool):
    from tqdm import tqdm

    return tqdm(total=total_hint, unit=" doc", file=sys.stderr, disable=disable, dynamic_ncols=True)


def run_extract(args: argparse.Namespace) -> int:
    if args.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    pairs = _outputs(args)
    preflight(args.inputs, args.input_format)
    summary = RunSummary()
    started = time.perf_counter()
    with ExitStack() as stack:
        writers: list[EventWriter] = []
        for path, fmt in pairs:
            try:
                stream: TextIO = (
                    stack.enter_context(open(path, "w", encoding="utf-8", newline="")) if path else sys.stdout
                )
            except OSError as err:
                raise UsageError(f"cannot write {path}: {err.strerror or err}") from None
            writers.append(make_writer(fmt, stream))
        bar = stack.enter_context(_progress(None, args.no_progress or not sys.stderr.isatty()))
        items = read_inputs(args.inputs, input_format=args.input_format)
        for outcome in process(items, jobs=args.jobs, published=args.published):
            bar.update(1)
            if outcome.skipped:
                summary.add_skip(outcome.origin, outcome.skipped, outcome.doc_id)
                continue
            summary.documents_read += 1
            for message in outcome.warnings:
                summary.add_warning(outcome.origin, outcome.doc_id or "", message)
            if outcome.events:
                summary.with_events += 1
                summary.events += len(outcome.events)
            else:
                summary.without_events += 1
            for event in outcome.events:
                for writer in writers:
                    writer.write(event)
        for writer in writers:
            writer.close()
            if writer.left_out:
                summary.left_out[writer.format] = {"count": writer.left_out, "reason": writer.left_out_reason}
    summary.seconds = time.perf_counter() - started
    print(summary.render(), file=sys.stderr)
    if args.report:
        with open(args.report, "w", encoding="utf-8") as stream:
            summary.write_json(stream)
    return summary.exit_code


def run_schema() -> int:
    schemas = {"document": Document.model_json_schema(), "event": Event.model_json_schema()}
    json.dump(schemas, sys.stdout, indent=2)
    sys.stdout.write("\n")
    return EXIT_OK


def run_evaluate(args: argparse.Namespace) -> int:
    from pathlib import Path

    from strife.evaluation import evaluate_paths, load_gold
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
        results = [
            r.as_dict() for r in evaluate_paths(args.gold, jobs=args.jobs, errors=errors, limit=args.limit)
        ]
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
        if args.command == "extract":
            return run_extract(args)
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
    except UsageError as err:
        print(f"strife: error: {err}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # `strife extract ... | head` is a normal way to look
        return EXIT_OK
    raise AssertionError(args.command)


if __name__ == "__main__":
    sys.exit(main())
