"""`lexicon.scan`: a pattern tried only at the words a match can open, with the matches of
`finditer`, in its order."""

from __future__ import annotations

import importlib
import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from strife.stages.lexicon import scan, word_prefixes

CORPUS = Path(__file__).parent / "corpus"
SCANNING_MODULES = (
    "strife.stages.casualties",
    "strife.stages.triggers",
    "strife.stages.claims",
    "strife.stages.dates",
    "strife.stages.actors",
    "strife.stages.places",
    "strife.stages.implied_places",
    "strife.stages.context",
)


def _stage_patterns() -> list[tuple[str, re.Pattern[str]]]:
    from strife.stages.triggers import _COMPILED

    found = [(f"trigger {n}", pattern) for n, (pattern, _) in enumerate(_COMPILED)]
    for name in SCANNING_MODULES:
        module = importlib.import_module(name)
        found += [(f"{name}.{k}", v) for k, v in vars(module).items() if isinstance(v, re.Pattern)]
    return found


def _corpus_texts(limit: int = 400) -> list[str]:
    texts = []
    for path in sorted(p for p in CORPUS.rglob("*.jsonl") if "real" not in p.parts):
        for line in path.open(encoding="utf-8"):
            record = json.loads(line)
            texts.append(f"{record.get('title') or ''}\n\n{record['text']}")
    return texts[:limit]


def _spans(matches) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in matches]


def test_every_table_of_the_stages_scans_as_finditer_over_our_corpus() -> None:
    texts = _corpus_texts()
    assert len(texts) > 200
    for name, pattern in _stage_patterns():
        for text in texts:
            for variant in (text, text.lower()):
                assert _spans(scan(pattern, variant)) == _spans(pattern.finditer(variant)), name


def test_the_act_tables_are_all_scanned_at_word_starts() -> None:
    """The speed of the trigger stage rests on this: a table the analysis gives up on falls back
    to a full scan, silently."""
    from strife.stages.triggers import _COMPILED

    assert all(word_prefixes(pattern) is not None for pattern, _ in _COMPILED)


@pytest.mark.parametrize(
    ("pattern", "prefixes"),
    [
        (r"\bkill(?:s|ed)?\b", ("kil",)),
        (r"\b(?:shot dead|gunned down|ied)\b", ("gun", "ied", "sho")),
        (r"(?<![\w'-])(?:an?|one)\s+killed", ("a", "one")),
        # Numbers: any digit is written 0; an optional qualifier opens some matches, not all.
        (r"\b(?:(?:at least)\s+)?\d+\s+killed", ("0", "at ")),
        (r"\b(?:at\s+least\s+)?(?:\d+|two)\b", ("0", "at", "two")),
    ],
)
def test_prefixes_every_match_opens_with(pattern: str, prefixes: tuple[str, ...]) -> None:
    assert word_prefixes(re.compile(pattern)) == prefixes


@pytest.mark.parametrize(
    "pattern",
    [
        r"killed",  # may open inside a word ("unkilled")
        r"\b\w+ killed",  # opens on any word: nothing to gain
        r"\b(?:-|killed)",  # may open on a hyphen
        r"(?x) \b killed",  # verbose patterns are left alone
        r"\b(?:a|b)*killed",  # any number of rounds before the word
    ],
)
def test_patterns_beyond_the_analysis_are_scanned_whole(pattern: str) -> None:
    compiled = re.compile(pattern)
    text = "unkilled a-killed abkilled, killed b killed"
    assert word_prefixes(compiled) is None or pattern == r"\b(?:a|b)*killed"
    assert _spans(scan(compiled, text)) == _spans(compiled.finditer(text))


def test_digits_of_any_script_and_case_blind_groups_match_as_re_does() -> None:
    counted = re.compile(r"\b(?P<num>\d+)\s+(?P<verb>killed|dead)")
    text = "٣ killed in Kabul, 12 dead in Herat; ١٢٣ killed"
    assert _spans(scan(counted, text)) == _spans(counted.finditer(text))
    assert [m.group("num") for m in scan(counted, text)] == ["٣", "12", "١٢٣"]
    named = re.compile(r"(?i:\b(?:no fewer than|some)\s+)(?P<noun>[A-Z]\w+)\s+killed")
    text = "No Fewer Than Kashmiris killed; SOME Afghans killed; some afghans killed"
    assert [m.group("noun") for m in scan(named, text)] == ["Kashmiris", "Afghans"]
    assert _spans(scan(named, text)) == _spans(named.finditer(text))


WORDS = st.sampled_from(
    "killed kill kills dead two 12 ١٢ at least no fewer than Shot shot dead gunned down protest "
    "protesters rally İstanbul ſhot a an one the - , . ; ' \n bomb blast clash clashes".split(" ")
)


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS, max_size=40), st.sampled_from(["", " ", "x", "-"]))
def test_scan_is_finditer_on_generated_text(words: list[str], joiner: str) -> None:
    text = (joiner or " ").join(words)
    for name, pattern in _stage_patterns()[:60]:
        assert _spans(scan(pattern, text)) == _spans(pattern.finditer(text)), name
