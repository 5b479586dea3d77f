"""Regenerate docs/accuracy.md: strife scored on the real-text gold (dev and test), our written corpus,
and every gold file in ../shared/data.

python benchmarks/report.py [--jobs 2] [--out docs/accuracy.md]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
from pathlib import Path

from strife.evaluation import evaluate_documents, load_gold
from strife.evaluation.render import TOPONYM_ROWS, confusions, table
from strife.evaluation.toponyms import evaluate_toponyms
from strife.readers import read_inputs
from strife.runner import process
from strife.stages.incident_model import held_out, incident_model

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
CORPUS = ROOT / "tests" / "corpus"
REAL = CORPUS / "real"
SECOND_CODING = REAL / "second-coding.json"


def _commit() -> str:
    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True).stdout.strip()

    commit = git("rev-parse", "--short", "HEAD") or "unknown"
    return commit + (
        " (with uncommitted changes)" if git("status", "--porcelain", "--untracked-files=no") else ""
    )


def corpus_results(jobs: int) -> tuple[list[dict], list[str]]:
    docs = list(load_gold(CORPUS))
    parts = [("corpus: all", docs)]
    for kind, label in (("short", "short reports"), ("article", "articles"), ("none", "no-event documents")):
        parts.append((f"corpus: {label}", [d for d in docs if d.kind == kind]))
    results = [evaluate_documents(part, name=name, jobs=jobs).as_dict() for name, part in parts]
    return results, [name for name, _ in parts]


def real_results(jobs: int) -> tuple[list[dict], list[str]]:
    """Real dev and real test, each whole and by kind of document."""
    parts = []
    for split in ("dev", "test"):
        docs = list(load_gold(REAL, split=split))
        parts.append((f"real {split}", docs))
        for kind, label in (("article", "articles"), ("short", "short reports")):
            parts.append((f"real {split}: {label}", [d for d in docs if d.kind == kind]))
    results = [evaluate_documents(part, name=name, jobs=jobs).as_dict() for name, part in parts]
    return results, [name for name, _ in parts]


def composition() -> str:
    """What the real-text gold holds, per shared file."""
    rows = [
        "| shared file | kind | documents (dev / test) | with no event | gold events (optional) |",
        "|---|---|---|---|---|",
    ]
    totals = [0, 0, 0, 0, 0, 0]
    for path in sorted(REAL.glob("*.jsonl")):
        lines = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
        dev = sum(line["split"] == "dev" for line in lines)
        empty = sum(not line["gold_events"] for line in lines)
        events = [e for line in lines for e in line["gold_events"]]
        optional = sum(bool(e.get("optional")) for e in events)
        counts = [len(lines), dev, len(lines) - dev, empty, len(events), optional]
        totals = [a + b for a, b in zip(totals, counts, strict=True)]
        rows.append(f"| `{path.name}` | {lines[0]['kind']} | {counts[0]} ({counts[1]} / {counts[2]}) | {counts[3]} | "
                    f"{counts[4]} ({counts[5]}) |")  # fmt: skip
    rows.append(
        f"| all | | {totals[0]} ({totals[1]} / {totals[2]}) | {totals[3]} | {totals[4]} ({totals[5]}) |"
    )
    return "\n".join(rows)


def agreement_section() -> list[str]:
    """The double-coded sample: the second coding against the gold's first coding."""
    from strife.evaluation.agreement import compare_codings

    if not SECOND_CODING.exists():
        return []
    second = json.loads(SECOND_CODING.read_text(encoding="utf-8"))
    first = {(r["file"], r["id"]): r for path in REAL.glob("*.jsonl") for r in map(json.loads, path.open())}
    pairs = [(first[r["file"], r["id"]], r) for r in second if (r["file"], r["id"]) in first]
    report = compare_codings([a for a, _ in pairs], [b for _, b in pairs])
    has = report["document_has_event"]
    events = report["events"]
    rows = [f"| {name} | {r['value']:.3f} ({r['hits']}/{r['total']}) |"
            for name, r in report["fields_on_paired_events"].items() if r["total"]]  # fmt: skip
    return [
        "",
        "## Agreement of two codings (double-coded sample)",
        "",
        f"{report['documents']} documents (28 articles, 12 short reports) drawn at random by "
        "`tools/real_gold.py sample` were coded a second time, blind, following `docs/coding-guide.md` "
        "(`tests/corpus/real/second-coding.json`); the gold keeps the first coding, corrected by a checker. "
        "Both codings, and the check of every batch, were made by separate instances of the same "
        "language-model coder, each with no sight of the other's work: agreement between them measures "
        "how far the guide fixes the coding, not agreement between two people.",
        "",
        f"- Documents with an event or none: the codings agree on {has['agreement']:.3f} of the documents "
        f"(Cohen's kappa {has['cohen_kappa']:.3f}; both an event {has['both']}, neither {has['neither']}, "
        f"first only {has['first only']}, second only {has['second only']}).",
        f"- Events: first coding {events['first']}, second {events['second']}, paired {events['paired']}: "
        f"F1 {events['f1']:.3f} (precision {events['precision']:.3f}, recall {events['recall']:.3f}); "
        f"{events['optional_unpaired']} more events were marked optional by one coder and left out by the "
        "other, which the scorer does not count either way.",
        "- Fields: an alternative either coder accepted counts as agreement, as it does for strife; the rows "
        "'coded values only' compare the first choices alone. A field one coder left empty is not judged.",
        "",
        "| field, on paired events | agreement |",
        "|---|---|",
        *rows,
    ]


def shared_results(jobs: int) -> tuple[list[dict], list[str]]:
    """UCDP Pakistan and MUC-4, on the fifth the incident model never learned from."""
    results, names = [], []
    for name in ("ucdp_ged_pakistan.jsonl", "muc4_grit.jsonl"):
        path = SHARED / name
        if path.exists():
            docs = [d for d in load_gold(path) if held_out(d.document.id)]
            label = f"{name} (held-out fifth)"
            results.append(evaluate_documents(docs, name=label, jobs=jobs).as_dict())
            names.append(label)
    return results, names


def incident_model_section() -> list[str]:
    """The learned incident model's held-out scores, and the agreement of the coded sentences."""
    import sys

    sys.path.insert(0, str(ROOT / "tools"))
    from sentence_labels import agreement

    meta = incident_model().meta
    scores = meta["scores"]
    coded = agreement()
    examples = ", ".join(f"{k} {v:,}" for k, v in meta["examples"].items())
    return [
        "",
        "## The learned incident model (`src/strife/stages/incident_model.json.gz`)",
        "",
        "A detector (does this passage report an incident?), a sub-event typer and a reason model (why "
        "not), trained by `tools/train_incident_model.py`; see `docs/incident-model.md`. Held out: one "
        "document in five of every third-party source. Of the real-text gold the detector learns "
        "the dev split's short reports, sentence by sentence; the test split scored here is never read.",
        "",
        f"- Examples: {examples}.",
        f"- Detector, held out: AUC {scores['detector_auc']:.3f} over all sources; on the coded 2025 news "
        f"(the hard, in-domain part) AUC {scores['detector_auc_coded_news']:.3f}, precision/recall at 0.5 "
        f"{scores['detector_coded_news_p0.5']['precision']:.3f}/{scores['detector_coded_news_p0.5']['recall']:.3f}.",
        f"- Typer, held out: accuracy {scores['typer_accuracy']:.3f}, weighted F1 {scores['typer_weighted_f1']:.3f}"
        f" (coded news alone: {scores['typer_accuracy_coded_news']:.3f}).",
        f"- Reason for no incident, held out on coded news: accuracy {scores['reason_accuracy_coded_news']:.3f}.",
        f"- Coded sentences (`training/incident_sentences.jsonl`): {coded['labels_incident']} incident and "
        f"{coded['labels_not']} not; {coded['double_coded']} coded twice, by two coders: incident or not "
        f"agree {coded['incident_agreement']:.3f} (Cohen's kappa {coded['incident_kappa']:.3f}), sub-event "
        f"type {coded['sub_event_type_agreement']:.3f} where both say incident.",
        *_boundary_lines(),
        *_country_words_lines(),
    ]


def _country_words_lines() -> list[str]:
    from strife.stages.country_words import country_words

    model = country_words()
    if model is None:
        return []
    meta = model.meta
    at = meta["held_out_by_threshold"][f"{model.sure:.2f}"]
    return [
        "",
        "## The country a report's words point to (`src/strife/stages/country_words.json.gz`)",
        "",
        "Asked only where no name of a report gives a country (a leader, a party, a movement does: "
        '"chancellor angela merkel", "the awami league"); fitted by `tools/train_country_words.py` on '
        "the country labels of Mass Mobilization, UCDP GED and Wikipedia incident descriptions, every "
        "document of the real-text gold left out. See `docs/country-words.md`.",
        "",
        f"- Examples: {meta['examples']:,} records, {meta['countries']} countries; {meta['features_kept']:,} "
        "names kept.",
        f"- Held out (one record in five, {meta['held_out']:,}): taken at p ≥ {model.sure}, it answers "
        f"{at['answered']:.3f} of them and is right on {at['right']:.3f} of those.",
    ]


def _boundary_lines() -> list[str]:
    from strife.stages.incident_boundaries import boundary_model

    model = boundary_model()
    meta = model.meta
    at = meta["held_out"]["at_threshold"]
    by_fold = meta["held_out"]["detection_on_dev_by_fold"]
    rules, reading = by_fold["rules alone"], by_fold["with the reading"]
    coded = meta.get("coded") or {"examples": 0, "opens_another": 0}

    def figures(kind: str, scores: dict) -> str:
        s = scores[kind]
        return f"{s['f1']:.3f} (P {s['precision']:.3f}, R {s['recall']:.3f})"

    return [
        "",
        "## Where one incident ends (`src/strife/stages/incident_boundaries.json`)",
        "",
        "Asked where no rule of grouping opens another incident, fitted by "
        "`tools/train_incident_boundaries.py` on the **dev** split's evidence and the team's coding of such "
        "decisions in reports outside the gold (`training/incident_boundaries.jsonl`); the test split is never "
        "read. See `docs/incident-model.md`.",
        "",
        f"- Examples: {meta['examples']} sentences of the dev split beside an incident begun, "
        f"{meta['opens_another']} of them another incident; {coded['examples']} coded decisions, "
        f"{coded['opens_another']} of them another incident.",
        f"- Held out (five folds of documents), at threshold {model.threshold}: {at['splits']} sentences opened, "
        f"{at['right']} rightly.",
        f"- Dev detection, each document read by the model of the other folds: short reports "
        f"{figures('short', rules)} with the rules alone, {figures('short', reading)} with the reading; articles "
        f"{figures('article', rules)} and {figures('article', reading)}. The dev figures above are in-sample "
        "for this reading; the test split's are not.",
    ]


# What the table cannot say by itself. The held-out figures come from
# `python tools/train_toponym_ranker.py ../shared/data/geoparsing/*.jsonl` (leave one corpus out);
# re-run it and update them here when the ranker's features change.
TOPONYM_NOTE = (
    "Resolution is a learned ranker over each name's gazetteer homonyms (`src/strife/places/ranker.toml`, "
    "a conditional logit fitted by `tools/train_toponym_ranker.py`) on top of the hand-set first pass. The "
    "shipped weights are fitted on **all four corpora**, so the figures above are partly in-sample. Held "
    "out — trained on the three other corpora, scored end to end on the fourth — accuracy within 161 km is "
    "LGL 0.795, GeoWebNews 0.772, TR-News 0.835, GeoVirus 0.795 (the hand-set scores alone, same pipeline: "
    "0.758, 0.761, 0.819, 0.790). Countries stand at GeoNames' points, the gazetteer LGL, TR-News and "
    "GeoWebNews are annotated with; GeoVirus gives Wikipedia's coordinates (China at 35°N 103°E, 182 km from "
    "GeoNames' point), so some of its countries count as misses. Canada keeps its reference point (60°N "
    "95°W): GeoNames moved it to the Alberta border since LGL was annotated, and TR-News and GeoWebNews "
    "follow the new point, LGL and GeoVirus the old. Streets, buildings and organisations named after places "
    "are not recognised as places, by design; they are most of GeoWebNews' remaining misses."
)


def toponym_results() -> tuple[list[dict], list[str]]:
    paths = sorted((SHARED / "geoparsing").glob("*.jsonl"))
    return [evaluate_toponyms(load_gold(p)).as_dict() for p in paths], [p.name for p in paths]


def unlabelled(jobs: int) -> str:
    path = SHARED / "news_pk_2025.jsonl"
    if not path.exists():
        return ""
    docs = events = with_events = 0
    for outcome in process(read_inputs([str(path)]), jobs=jobs):
        docs += 1
        events += len(outcome.events)
        with_events += bool(outcome.events)
    return (f"`news_pk_2025.jsonl` has no gold (about 2,400 of its 2,999 articles are on violence, "
            f"security or protest): strife finds events in {with_events} of {docs} articles, "
            f"{events} events in all ({events / docs:.2f} per article).")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--out", default=str(ROOT / "docs" / "accuracy.md"))
    parser.add_argument("--json", help="also write every result here")
    args = parser.parse_args()
    corpus, corpus_names = corpus_results(args.jobs)
    real, real_names = real_results(args.jobs) if SHARED.exists() else ([], [])
    shared, shared_names = shared_results(args.jobs) if SHARED.exists() else ([], [])
    toponyms, toponym_names = toponym_results() if SHARED.exists() else ([], [])
    lines = [
        "# Accuracy",
        "",
        f"Generated on {dt.date.today().isoformat()} at commit {_commit()} by `python benchmarks/report.py`"
        f" (`--jobs {args.jobs}`). Every number below comes from `strife evaluate`; rerun the command to "
        "refresh them. Metric definitions: `src/strife/evaluation/`.",
    ]
    if real:
        lines += [
            "",
            "## Real text (`tests/corpus/real/`)",
            "",
            "Real reports and articles written by others, coded by us into the event record "
            "(`docs/coding-guide.md`; the texts stay in `../shared/data`). **Dev** is for building and "
            "reading errors; **test** is scored at the end of a change and its errors are never read to "
            "write rules. `strife evaluate tests/corpus/real/ --split dev|test`. Doubtful codings carry "
            "the alternatives a careful coder accepts, and a prediction that takes one counts as right; "
            "a missed event its coder marked optional is not counted as a miss. Beside them, our written "
            "corpus, which strife's rules were built on.",
            "",
            composition(),
            "",
            table(
                [*real[:1], real[3], corpus[0]], ["real dev", "real test", "written corpus"], markdown=True
            ),
            "",
            "By kind of document:",
            "",
            table(
                [r for n, r in zip(real_names, real, strict=True) if ":" in n],
                [n for n in real_names if ":" in n],
                markdown=True,
            ),
            "",
            "```",
            "real dev " + confusions(real[0], limit=20),
            "```",
        ]
        lines += agreement_section()
        lines += incident_model_section()
    lines += [
        "",
        "## Our written corpus (`tests/corpus/`)",
        "",
        table(corpus, corpus_names, markdown=True),
        "",
        "```",
        confusions(corpus[0], limit=20),
        "```",
    ]
    if shared:
        lines += [
            "",
            "## Shared third-party data (`../shared/data`)",
            "",
            "Only the fifth of each file the incident model never learned from (`held_out` in "
            "`src/strife/stages/incident_model.py`): the model is trained on the other four fifths. "
            "UCDP GED: one gold event per headline; digest headlines (`meta.generic_headline`) "
            "are excluded. UCDP codes no ACLED types, so type rows are empty. MUC-4: gold says only "
            "whether a document reports an incident (and its perpetrator), so only detection is scored.",
            "",
            table(shared, shared_names, markdown=True),
        ]
    if toponyms:
        lines += [
            "",
            "## Toponyms (`strife evaluate --toponyms`)",
            "",
            "Recall of gold toponym spans, and accuracy within 161 km, over every gold toponym that its corpus "
            "calls a place and gives coordinates (GeoWebNews also annotates common nouns and non-toponyms, "
            "which are left out).",
            "",
            table(toponyms, toponym_names, TOPONYM_ROWS, markdown=True),
            "",
            TOPONYM_NOTE,
        ]
    note = unlabelled(args.jobs) if SHARED.exists() else ""
    if note:
        lines += ["", "## Unlabelled real news", "", note]
    Path(args.out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    if args.json:
        Path(args.json).write_text(
            json.dumps({"real": real, "corpus": corpus, "shared": shared, "toponyms": toponyms}, indent=2)
        )
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
