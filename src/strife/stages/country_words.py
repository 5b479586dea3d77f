"""The country a report's words point to when it names no place strife can find.

"the thousands who rally every monday under the banner of the pegida movement to vent their
rage against … chancellor angela merkel" names no town, yet any coder places it in Germany;
"president yoweri museveni", "the awami league", "the ladies in white", "kl sentral" do the
same for Uganda, Bangladesh, Cuba and Malaysia. A gazetteer cannot hold leaders, parties,
movements and landmarks; the labelled files can teach them.

One multinomial logistic model over a text's names and the word pairs that hold them
(`features`), fitted by `tools/train_country_words.py` on the country labels of Mass Mobilization
notes, UCDP GED headlines and Wikipedia incident descriptions (every document of the real-text
gold, and the held-out fifth that `benchmarks/unseen_samples.py` reads, left out). Small weights
are pruned; the file `country_words.json.gz` holds the rest with the data used and the held-out
scores. Scoring is plain Python: a dictionary lookup per word.

The places stage asks it only where the text names no country, and takes its answer only when
it is sure (the model's `sure`, set by the trainer): the answer is a vote, as a dateline's is,
a weaker kind of evidence than a place named.
"""

from __future__ import annotations

import gzip
import itertools
import json
import math
import re
from functools import cache
from pathlib import Path
from typing import Any

from strife.stages.calendar import MONTHS, WEEKDAYS
from strife.stages.spanish import reads_spanish
from strife.stages.truecase import english_words, is_caseless

MODEL_PATH = Path(__file__).with_name("country_words.json.gz")

TOKEN = re.compile(r"[^\W\d_](?:[^\W\d_]|['’\-])+")
POSSESSIVE = re.compile(r"['’]s$")
CALENDAR_WORDS = frozenset(MONTHS) | frozenset(WEEKDAYS)


def features(text: str) -> set[str]:
    """The text's names, lower-cased: its words that the news never writes small (`merkel`,
    `awami`), and the pairs of adjacent words that hold one ("awami league"). Where the text has
    its capitals, a name is also written with one ("a gas canister" names nothing). The words of
    every report ("police", "tear gas", "rallied") are left out: the labelled files tie them to
    the countries they cover most, which says nothing of where a new report is."""
    plain = _plain_words()
    # A text in capitals or in small letters alone, or in Spanish (its words are no English
    # ones, and as telling: "asesinan a balazos"), gives no capitals to go by.
    cased = not is_caseless(text) and not reads_spanish(text)
    written = [POSSESSIVE.sub("", w) for w in TOKEN.findall(text)]  # "Haftar's" is Haftar
    words = [w.lower() for w in written]
    named = [
        w not in plain and (not cased or any(part[:1].isupper() for part in re.split(r"[-'’]", c)))
        for w, c in zip(words, written, strict=True)
    ]
    found = {w for w, n in zip(words, named, strict=True) if n}
    found.update(
        f"{a} {b}" for (a, na), (b, nb) in itertools.pairwise(zip(words, named, strict=True)) if na or nb
    )
    return found


@cache
def _plain_words() -> frozenset[str]:
    """Words that are no cue here: the news's lower-case words, months and weekdays, and the
    countries' own names and demonyms, which the places stage weighs by its own rules ("Afghan"
    in "near the Afghan border" says where a strike was not)."""
    from strife.stages.places import country_names  # the places stage imports this module

    countries = {word for name in country_names() for word in name.lower().split()}
    return english_words() | CALENDAR_WORDS | frozenset(countries)


class CountryWords:
    def __init__(self, data: dict[str, Any]) -> None:
        self.classes: list[str] = data["classes"]
        self.bias: list[float] = data["bias"]
        # word -> [[class index, weight], ...]
        self.weights: dict[str, list[list[float]]] = data["weights"]
        self.meta: dict[str, Any] = data.get("meta", {})
        self.sure: float = data["sure"]

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> CountryWords:
        with gzip.open(path, "rt", encoding="utf-8") as f:
            return cls(json.load(f))

    def probabilities(self, text: str) -> dict[str, float]:
        """Each country's probability given the text's words."""
        scores = list(self.bias)
        for feature in features(text):
            for index, weight in self.weights.get(feature, ()):
                scores[int(index)] += weight
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return {iso3: e / total for iso3, e in zip(self.classes, exps, strict=True)}

    def guess(self, text: str) -> tuple[str, float] | None:
        """The country the words point to, with its probability, where it reaches `sure`."""
        probabilities = self.probabilities(text)
        iso3 = max(probabilities, key=probabilities.__getitem__)
        p = probabilities[iso3]
        return (iso3, p) if p >= self.sure else None


@cache
def country_words() -> CountryWords | None:
    """The shipped model, read once per process; None where the file is absent."""
    try:
        return CountryWords.load()
    except OSError:
        return None
