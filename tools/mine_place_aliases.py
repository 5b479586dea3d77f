"""Spellings of towns that news writes and the gazetteer lacks, learned from UCDP GED.

    python tools/mine_place_aliases.py            # reads ../shared/data; prints TOML

UCDP GED codes each headline with the place of its event and that place's coordinates. Where a
headline names a place strife does not resolve there ("Der-Ezzor", "Menbej", "Reef Dimashq") and
the name is spelt like UCDP's place (the same first letter and, with "al-" and vowels aside, at least MIN_LETTERS letters and a
SequenceMatcher ratio of at least MIN_RATIO), the spelling is a candidate alias of the
gazetteer's entry for that place within NEAR_KM of UCDP's point. A spelling becomes an alias
where at least MIN_RECORDS headlines give it for one entry and none for another. Every document
of the real-text gold (`tests/corpus/real/manifest.json`) is left out. The output is the
`[[place]]` rows of `src/strife/places/supplement.toml`'s block of mined aliases: a spelling that
already resolves is no candidate, so remove that block before mining again.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter, defaultdict
from difflib import SequenceMatcher
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from strife.document import Document  # noqa: E402
from strife.evaluation.gold import find_shared_data  # noqa: E402
from strife.pipeline import default_pipeline  # noqa: E402
from strife.places.gazetteer import distance_km, get_gazetteer, normalise_name, strip_diacritics  # noqa: E402

SOURCES = ("ucdp_ged_world.jsonl", "ucdp_ged_pakistan.jsonl")
MIN_RATIO = 0.8
# Consonants a spelling keeps at least: "TJ" or "Tuna" say too little to stand for Tijuana.
MIN_LETTERS = 3
MIN_RECORDS = 3
NEAR_KM = 25.0
# UCDP's words for the kind of place, after its name ("Manbij town", "Homs governorate").
UCDP_KIND = re.compile(
    r"\s+(?:town|city|village|district|governorate|province|state|municipality|township|area|region|"
    r"camp|countryside|neighbou?rhood|subdistrict|sub-district|county|department|division)\b.*$",
    re.I,
)
# A name as headlines write it: capitalised words, joined by spaces, hyphens or Arabic articles.
NAME = re.compile(
    r"[A-Z][\w'’]*(?:(?:[ -](?:al|el|ad|ar|as|ash|at|az|an|ez|es|ibn|bin)-?|[ -])[A-Z][\w'’]*){0,3}"
)
ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az|an|ez|es)[- ]")


def skeleton(name: str) -> str:
    """A spelling's letters, article and vowels aside: "Der-Ezzor" and "Deir ez-Zor" agree."""
    text = ARTICLE.sub("", strip_diacritics(name).lower())
    text = re.sub(r"[^a-z]", "", text)
    return text[0] + re.sub(r"[aeiouy]", "", text[1:]) if text else ""


def gold_ids() -> set[str]:
    manifest = json.loads((ROOT / "tests" / "corpus" / "real" / "manifest.json").read_text(encoding="utf-8"))
    return {doc["id"] for doc in manifest["documents"]}


def main() -> None:
    shared = find_shared_data(ROOT)
    gazetteer = get_gazetteer()
    pipeline = default_pipeline()
    leave_out = gold_ids()
    votes: dict[str, Counter[int]] = defaultdict(Counter)
    entries = {}
    for source in SOURCES:
        with (shared / source).open(encoding="utf-8") as f:
            for line in f:
                record = json.loads(line)
                gold = record.get("gold") or {}
                if record["id"] in leave_out or gold.get("latitude") is None or not gold.get("location"):
                    continue
                target_name = UCDP_KIND.sub("", gold["location"]).strip()
                near = [
                    e
                    for e in gazetteer.lookup(target_name)
                    if e.latitude is not None
                    and distance_km(e.latitude, e.longitude, gold["latitude"], gold["longitude"]) <= NEAR_KM
                ]
                if not near:
                    continue
                target = near[0]
                doc = pipeline.annotate(Document(id=record["id"], text=record["text"]))
                resolved = [(m.start, m.end) for m in doc.layer("places") if m.value.entry is not None]
                want = skeleton(target_name)
                for match in NAME.finditer(doc.cased_text):
                    surface = match.group()
                    if any(s < match.end() and match.start() < e for s, e in resolved):
                        continue
                    if normalise_name(surface) == normalise_name(target.name) or gazetteer.lookup(surface):
                        continue
                    got = skeleton(surface)
                    if (
                        len(got) >= MIN_LETTERS
                        and got[:1] == want[:1]
                        and SequenceMatcher(None, got, want).ratio() >= MIN_RATIO
                    ):
                        votes[surface][target.geonameid] += 1
                        entries[target.geonameid] = target
    rows: dict[int, list[str]] = defaultdict(list)
    for surface, counts in sorted(votes.items()):
        (geonameid, count), *others = counts.most_common()
        if count >= MIN_RECORDS and not others:
            rows[geonameid].append(surface)
    for geonameid, aliases in sorted(rows.items(), key=lambda item: entries[item[0]].name):
        e = entries[geonameid]
        print("[[place]]")
        print(f'name = "{e.name}"')
        print(f"aliases = {json.dumps(sorted(set(aliases)), ensure_ascii=False)}")
        print(f'kind = "{e.kind}"')
        print(f'iso3 = "{e.iso3}"')
        if e.admin1:
            print(f'admin1 = "{e.admin1}"')
        print(f"latitude = {round(e.latitude, 2)}")
        print(f"longitude = {round(e.longitude, 2)}")
        print()


if __name__ == "__main__":
    main()
