"""The run summary: every input document accounted for."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any, TextIO

from strife.readers.errors import UsageError

if TYPE_CHECKING:
    from strife.runner import Outcome


@dataclass
class RunSummary:
    documents_read: int = 0
    with_events: int = 0
    without_events: int = 0
    events: int = 0
    skipped: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[dict[str, Any]] = field(default_factory=list)
    left_out: dict[str, dict[str, Any]] = field(default_factory=dict)
    seconds: float = 0.0

    def add_skip(self, origin: str, reason: str, doc_id: str | None = None) -> None:
        self.skipped.append({"id": doc_id, "origin": origin, "reason": reason})

    def add_warning(self, origin: str, doc_id: str, message: str) -> None:
        self.warnings.append({"id": doc_id, "origin": origin, "message": message})

    def add_outcome(self, outcome: Outcome) -> None:
        """Count what became of one input: skipped (and why), or read with its events or none."""
        if outcome.skipped:
            self.add_skip(outcome.origin, outcome.skipped, outcome.doc_id)
            return
        self.documents_read += 1
        for message in outcome.warnings:
            self.add_warning(outcome.origin, outcome.doc_id or "", message)
        if outcome.events:
            self.with_events += 1
            self.events += len(outcome.events)
        else:
            self.without_events += 1

    @property
    def exit_code(self) -> int:
        return 1 if self.skipped else 0

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["skipped_count"] = len(self.skipped)
        data["documents_per_second"] = round(self.documents_read / self.seconds, 1) if self.seconds else None
        data["exit_code"] = self.exit_code
        return data

    def write_json(self, stream: TextIO) -> None:
        json.dump(self.as_dict(), stream, indent=2, ensure_ascii=False)
        stream.write("\n")

    def write_report(self, path: str | None) -> None:
        """The summary as JSON at `path` (`--report`); nothing without one. A disk that is full
        or gone is a `UsageError` naming the file, not a traceback after the whole run."""
        if path:
            try:
                with open(path, "w", encoding="utf-8") as stream:
                    self.write_json(stream)
            except OSError as err:
                raise UsageError(f"cannot write the report {path}: {err.strerror or err}") from None

    def render(self, limit: int = 20) -> str:
        lines = [
            f"strife: {self.documents_read} document(s) read: {self.with_events} with events, "
            f"{self.without_events} with none, {len(self.skipped)} skipped; "
            f"{self.events} event(s) in {self.seconds:.1f}s"
        ]
        for fmt, info in self.left_out.items():
            lines.append(f"  {fmt}: {info['count']} event(s) left out ({info['reason']})")
        for kind, items, key in (("warning", self.warnings, "message"), ("skipped", self.skipped, "reason")):
            lines.extend(f"  {kind}: {item['origin']}: {item[key]}" for item in items[:limit])
            if len(items) > limit:
                lines.append(f"  … and {len(items) - limit} more {kind} (all of them in --report)")
        return "\n".join(lines)


def progress_bar(total: int | None, disable: bool) -> Any:
    """The bar a long run shows on stderr, counting documents (`disable` when stderr is not a
    terminal, or with --no-progress)."""
    from tqdm import tqdm

    return tqdm(total=total, unit=" doc", file=sys.stderr, disable=disable, dynamic_ncols=True)
