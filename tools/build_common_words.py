"""Write src/strife/stages/common_words.txt: the words English news writes in small letters.

    python tools/build_common_words.py      # reads ../shared/data's 2025 news

A word is common when, away from the start of a sentence, the 2025 news (Dawn/APP and wire,
unlabelled) writes it in small letters at least as often as capitalised. `truecase` gives a
caseless text (notes archived in lower case, wires in capitals) its capitals back from this list:
every other word is a name. `small_words.txt` holds the other words it ever writes small: English
words, not names, though news capitalises them more often. The lists are words, not text.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from strife.evaluation.gold import find_shared_data  # noqa: E402
from strife.stages.truecase import COMMON_WORDS_PATH, SMALL_WORDS_PATH  # noqa: E402

WORD = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Za-z][a-z]+\b")
MIN_COUNT = 3


# British stems whose American spelling drops the u or turns -re round ("colour", "centre").
BRITISH_STEMS = {
    "colour": "color", "labour": "labor", "honour": "honor", "favour": "favor", "neighbour": "neighbor",
    "behaviour": "behavior", "harbour": "harbor", "rumour": "rumor", "vigour": "vigor", "humour": "humor",
    "armour": "armor", "valour": "valor", "endeavour": "endeavor", "odour": "odor", "tumour": "tumor",
    "saviour": "savior", "flavour": "flavor", "centre": "center", "metre": "meter", "litre": "liter",
    "theatre": "theater", "fibre": "fiber", "calibre": "caliber", "defence": "defense", "offence": "offense",
    "licence": "license", "pretence": "pretense", "programme": "program", "catalogue": "catalog",
}  # fmt: skip


def american_spellings(word: str, common: set[str]) -> list[str]:
    """American spellings of a British word ("centred" → "centered", "organising" →
    "organizing"); -ise verbs only where the news also writes their -isation noun."""
    found = []
    for british, american in BRITISH_STEMS.items():
        rest = word[len(british) :]
        # "coloured", "labourers" take any ending; "centre" and "defence" only the plural's.
        if word.startswith(british) and (british.endswith("our") or rest in ("", "s")):
            found.append(american + rest)
    match = re.fullmatch(r"(.+)is(e|ed|es|ing|ation|ations)", word)
    if match and match.group(1) + "isation" in common:
        found.append(match.group(1) + "iz" + match.group(2))
    return found


def main() -> None:
    shared = find_shared_data(ROOT)
    lower: Counter[str] = Counter()
    upper: Counter[str] = Counter()
    for name in ("news_pk_2025.jsonl", "news_world_2025.jsonl"):
        with (shared / name).open(encoding="utf-8") as f:
            for line in f:
                text = json.loads(line).get("text") or ""
                if text.islower() or text.isupper():
                    continue
                for match in WORD.finditer(text):
                    word = match.group()
                    (lower if word[0].islower() else upper)[word.lower()] += 1
    common = {w for w, n in lower.items() if n + upper[w] >= MIN_COUNT and n >= upper[w]}
    # The news is mostly written in British spelling; a caseless American note writes the same
    # words its way ("the center of riga", "labor law"), which are no names either.
    common |= {american for word in common for american in american_spellings(word, common)}
    COMMON_WORDS_PATH.write_text("\n".join(sorted(common)) + "\n", encoding="utf-8")
    print(f"wrote {len(common)} words to {COMMON_WORDS_PATH}", file=sys.stderr)
    # Words the news writes small at all, however rarely ("pastor", "schoolgirl"): English words,
    # though more often capitalised; a name no news writes small ("Meneses") is in neither list.
    small = sorted(w for w in lower if w not in common)
    SMALL_WORDS_PATH.write_text("\n".join(small) + "\n", encoding="utf-8")
    print(f"wrote {len(small)} words to {SMALL_WORDS_PATH}", file=sys.stderr)


if __name__ == "__main__":
    main()
