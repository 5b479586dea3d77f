"""Does extraction time grow linearly with a document's length?

    python benchmarks/scaling.py [--sizes 50,400] [--json results.json]

Times the default pipeline, in-process and warm, on documents of each size (kilobytes) in
several shapes: the shipped example report repeated (the case the hardening issue names: 400 KB
within 8x the time of 50 KB) and shapes that once made a stage quadratic or worse: one long
capitalised token, a chain of hyphenated words, "X and Y" names, one incident told over and
over in quotes, a sentence without a full stop, and others. Reports, per shape, the seconds at
each size and the ratio of the largest to the smallest, against the ratio of the sizes.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = (ROOT / "examples" / "kalat_clash.txt").read_text(encoding="utf-8")


def _repeat(unit: str) -> Callable[[int], str]:
    return lambda n: (unit * (n // len(unit) + 1))[:n]


SHAPES: dict[str, Callable[[int], str]] = {
    "example report repeated": _repeat(EXAMPLE + "\n\n"),
    "one lower-case token": _repeat("a"),
    "one capitalised token": _repeat("A"),
    "hyphenated chain": _repeat("Al-Qaeda-linked-"),
    "digits": _repeat("7"),
    "place names": _repeat("Kalat Quetta Peshawar Mosul Bannu "),
    "'X and Y' names": _repeat("Jammu and Kashmir and "),
    "tolls": _repeat("12 killed, 3 injured, "),
    "no full stop": _repeat("gunmen killed two policemen in Kalat on Monday "),
    "quoted incident": _repeat('"Gunmen killed two," he said. '),
    "title-case words": _repeat("Gunmen Killed Two Policemen In Kalat On Monday Officials Said "),
    "dates": _repeat("on March 3, 2025 and on Monday "),
    "commas": _repeat("Kalat, "),
    "line breaks": _repeat("Kalat\n"),
    "brackets": lambda n: "(" * (n // 2) + ")" * (n - n // 2),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="50,400", help="kilobytes, comma-separated (default 50,400)")
    parser.add_argument("--shapes", help="only these shapes (comma-separated names)")
    parser.add_argument("--json", type=Path, help="write the results here")
    args = parser.parse_args(argv)
    sizes = sorted(int(s) for s in args.sizes.split(","))

    from strife.document import Document
    from strife.pipeline import default_pipeline

    pipeline = default_pipeline()
    pipeline.budget_s = None  # measured, not stopped
    pipeline(Document(text=EXAMPLE, published="2025-02-01"))  # warm: tables, gazetteer, model
    chosen = {k: v for k, v in SHAPES.items() if not args.shapes or k in args.shapes.split(",")}
    expected = sizes[-1] / sizes[0]
    results = []
    worst = 0.0
    for name, make in chosen.items():
        seconds = []
        for kb in sizes:
            doc = Document(text=make(kb * 1000), published="2025-02-01")
            started = time.perf_counter()
            pipeline(doc)
            seconds.append(time.perf_counter() - started)
        ratio = seconds[-1] / max(seconds[0], 1e-3)
        worst = max(worst, ratio)
        results.append(
            {"shape": name, "seconds": dict(zip(map(str, sizes), seconds, strict=True)), "ratio": ratio}
        )
        cells = "  ".join(f"{kb} KB {s:6.2f} s" for kb, s in zip(sizes, seconds, strict=True))
        print(f"{name:26s} {cells}  ratio {ratio:5.1f}  (sizes {expected:g}x)", flush=True)
    print(f"worst ratio {worst:.1f} for sizes {expected:g}x apart", file=sys.stderr)
    if args.json:
        args.json.write_text(json.dumps({"sizes_kb": sizes, "results": results}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
