"""Results as a table, one column per gold file: plain text for the terminal, Markdown for docs."""

from __future__ import annotations

from typing import Any


def _ratio(data: dict[str, Any]) -> str:
    if data["value"] is None:
        return "–"
    return f"{data['value']:.3f} ({data['hits']}/{data['total']})"


def _value(value: Any, digits: int = 3) -> str:
    if value is None:
        return "–"
    return f"{value:.{digits}f}" if isinstance(value, float) else str(value)


def _kind_f1(kind: str) -> Any:
    def cell(result: dict[str, Any]) -> str:
        counts = result.get("detection_by_kind", {}).get(kind)
        if not counts or not counts.get("tp", 0) + counts.get("fp", 0) + counts.get("fn", 0):
            return "–"
        return f"{_value(counts['f1'])} (P {_value(counts['precision'])}, R {_value(counts['recall'])})"

    return cell


ROWS: tuple[tuple[str, Any], ...] = (
    ("documents (excluded)", lambda r: f"{r['documents']} ({r['excluded_documents']})"),
    ("documents whose extraction failed", lambda r: str(r.get("failed_documents", 0))),
    ("events: gold / predicted / matched",
     lambda r: f"{r['detection']['tp'] + r['detection']['fn']} / {r['detection']['tp'] + r['detection']['fp']} / {r['detection']['tp']}"),
    ("detection precision", lambda r: _value(r["detection"]["precision"])),
    ("detection recall", lambda r: _value(r["detection"]["recall"])),
    ("detection F1", lambda r: _value(r["detection"]["f1"])),
    ("detection F1: short reports", _kind_f1("short")),
    ("detection F1: articles", _kind_f1("article")),
    ("documents with an event: one found", lambda r: _ratio(r["incident_found"])),
    ("documents with no event: none predicted", lambda r: _ratio(r["no_event_documents_quiet"])),
    ("event type accuracy", lambda r: _ratio(r["event_type_accuracy"])),
    ("sub-event type accuracy", lambda r: _ratio(r["sub_event_type_accuracy"])),
    ("sub-event type weighted F1", lambda r: _value(r["sub_event_type_weighted_f1"])),
    ("fatalities exact", lambda r: _ratio(r["fatalities"]["exact"])),
    ("fatalities within gold range", lambda r: _ratio(r["fatalities"]["within_range"])),
    ("fatalities mean absolute error", lambda r: _value(r["fatalities"]["mean_absolute_error"], 2)),
    ("date inside predicted span", lambda r: _ratio(r["date_inside_predicted_span"])),
    ("country", lambda r: _ratio(r["country"])),
    ("admin1", lambda r: _ratio(r["admin1"])),
    ("admin2", lambda r: _ratio(r["admin2"])),
    ("coordinates: median km", lambda r: _value(r["coordinates"]["median_km"], 1)),
    ("coordinates: within 25 km", lambda r: _value(r["coordinates"]["within_25km"])),
    ("coordinates: within 100 km", lambda r: _value(r["coordinates"]["within_100km"])),
    ("text names the place: admin1", lambda r: _ratio(r["named_place"]["admin1"])),
    ("text names the place: within 50 km", lambda r: _ratio(r["named_place"]["within_50km"])),
    ("actor categories {inter1, inter2}", lambda r: _ratio(r["actor_categories"])),
    ("claim status", lambda r: _ratio(r["claim_status"])),
    ("documents/s", lambda r: _value(r["documents_per_second"], 1)),
)  # fmt: skip

TOPONYM_ROWS: tuple[tuple[str, Any], ...] = (
    ("documents", lambda r: str(r["documents"])),
    ("gold toponyms", lambda r: str(r["gold_toponyms"])),
    ("span recall", lambda r: _value(r["span_recall"])),
    ("accuracy within 161 km", lambda r: _value(r["accuracy_161km"])),
    ("resolved toponyms", lambda r: str(r["resolved"])),
    ("mean error km", lambda r: _value(r["mean_error_km"], 1)),
    ("median error km", lambda r: _value(r["median_error_km"], 1)),
    ("documents/s", lambda r: _value(r["documents_per_second"], 1)),
)


def table(results: list[dict[str, Any]], names: list[str], rows: tuple = ROWS, markdown: bool = False) -> str:
    cells = [[label, *(fn(r) for r in results)] for label, fn in rows]
    header = ["metric", *names]
    if markdown:
        lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        lines += ["| " + " | ".join(row) + " |" for row in cells]
        return "\n".join(lines)
    widths = [max(len(row[i]) for row in [header, *cells]) for i in range(len(header))]
    render = lambda row: "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip()  # noqa: E731
    return "\n".join([render(header), render(["-" * w for w in widths]), *map(render, cells)])


def confusions(result: dict[str, Any], limit: int = 12) -> str:
    """The most frequent sub-event type confusions (gold → predicted)."""
    pairs = [
        (count, gold, pred)
        for gold, row in result["confusion"].items()
        for pred, count in row.items()
        if gold != pred
    ]
    if not pairs:
        return "no sub-event type confusions"
    pairs.sort(reverse=True)
    lines = [f"  {count:4d}  {gold} → {pred}" for count, gold, pred in pairs[:limit]]
    return "sub-event type confusions (gold → predicted):\n" + "\n".join(lines)
