"""The distinctive terms of an article's own words: the ranking's third, weakest field,
for articles whose tags and actors run short. Pure Python (no Pelican).

Two steps, so that the costly one is done once per text and kept between builds:

1. term_counts(text, lang): the text's words, lower case, stemmed in their language
   (Snowball, PyStemmer: English and Russian; Belarusian has no stemmer and is taken as
   written), counted; the CANDIDATES most frequent stems are kept, each with the word the
   text writes most often for it (what a reader is shown).
2. distinctive_terms(counts of every article): a stem's rarity is the number of articles
   whose candidates hold it; each article keeps its per_article stems of highest
   count x ln(N / articles), among those at least two articles hold (a stem of one article
   can match no other) and at most max_held x √N of the N (a word of every other article
   tells nothing: "the", "government"). The square root, not a share: a distinctive word
   marks a topic, and a topic's articles do not grow in number with the archive as the
   archive does (a share lets ever commoner words in: 5,000 articles at 100,000 for 5%),
   and each article such a word holds is one more candidate every list must score.
"""

from __future__ import annotations

import math
import re
import sys
from collections import Counter
from collections.abc import Sequence
from functools import cache
from itertools import chain

import numpy as np
import Stemmer

CANDIDATES = 64  # stems kept per text: enough to hold its topic under the common words
MIN_LENGTH = 3  # shorter words are not terms ("of", "в", "us")
# Runs of MIN_LENGTH letters or more: numbers and dates are no terms, nor short words.
_WORD = re.compile(rf"[^\W\d_]{{{MIN_LENGTH},}}", re.UNICODE)
STEMMERS = {"en": "english", "ru": "russian"}


class TextTerms:
    """A text's CANDIDATES most frequent stems, their counts and shown words, most frequent
    first. Kept as three tuples of shared strings, not an object per term: a build holds
    these for every article (64 terms x 100,000 articles)."""

    __slots__ = ("counts", "stems", "words")

    def __init__(self, stems: Sequence[str], counts: Sequence[int], words: Sequence[str]):
        self.stems = tuple(sys.intern(stem) for stem in stems)
        self.counts = tuple(counts)
        self.words = tuple(sys.intern(word) for word in words)

    def __reduce__(self):
        return TextTerms, (self.stems, self.counts, self.words)

    def __eq__(self, other):
        return isinstance(other, TextTerms) and self.__reduce__() == other.__reduce__()

    def __len__(self):
        return len(self.stems)

    def word_of(self, stem: str) -> str:
        """The text's most frequent word of a stem, as a reader is shown it."""
        return self.words[self.stems.index(stem)]


@cache
def _stemmer(lang: str):
    name = STEMMERS.get((lang or "").split("-")[0].split("_")[0].lower())
    return Stemmer.Stemmer(name, 0) if name else None  # (its own cache: see _stems)


# word -> stem, per language: an article's words are mostly words other articles used
# before (a third of the time of stemming them all). A dict, not PyStemmer's cache, which is
# an LRU of 10,000 words: at an archive's vocabulary it misses and costs twice the time.
# Emptied when it holds STEMS_HELD words (about 60 MB).
STEMS_HELD = 400_000
_STEMS: dict[str, dict[str, str]] = {}


def _stems(words: list[str], lang: str) -> list[str]:
    stemmer = _stemmer(lang)
    if stemmer is None:
        return words
    known = _STEMS.setdefault(lang, {})
    missing = [word for word in words if word not in known]
    if len(known) + len(missing) > STEMS_HELD:
        known.clear()
        missing = words
    if missing:
        known.update(zip(missing, stemmer.stemWords(missing), strict=True))
    return list(map(known.__getitem__, words))


def term_counts(text: str, lang: str) -> TextTerms:
    """The CANDIDATES most frequent stems of the text, most frequent first (ties: in the
    order of the stems), each shown as its most frequent word (ties: the first written)."""
    words = Counter(_WORD.findall(text.casefold().replace("ё", "е")))
    order = list(words)
    counts: dict[str, int] = {}
    shown: dict[str, str] = {}
    for word, stem in zip(order, _stems(order, lang), strict=True):
        count = words[word]
        counts[stem] = counts.get(stem, 0) + count
        if stem not in shown or count > words[shown[stem]]:
            shown[stem] = word
    ranked = [(-count, stem) for stem, count in counts.items()]
    if len(ranked) > CANDIDATES:  # only those that can be among the first sorted
        floor = sorted(counts.values(), reverse=True)[CANDIDATES - 1]
        ranked = [item for item in ranked if -item[0] >= floor]
    ranked.sort()
    del ranked[CANDIDATES:]
    return TextTerms(
        [stem for _, stem in ranked], [-count for count, _ in ranked], [shown[s] for _, s in ranked]
    )


def distinctive_terms(
    counts: Sequence[TextTerms], per_article: int, max_held: float, ranked: int | None = None
) -> list[tuple[str, ...]]:
    """For each article (in order), the stems of its distinctive terms, most distinctive
    first (ties: in the order of the stems; TextTerms.word_of names them). A term's rarity
    is counted among the first `ranked` texts (by default all): the articles that may be
    listed, not the drafts only given a list.

    Run on every build over every article's candidates (64 x 100,000), so with numpy: the
    candidates of all the texts in one flat array, each stem numbered in sorted order."""
    if not counts:
        return []
    population = len(counts) if ranked is None else ranked
    total = max(1, population)
    stems = list(chain.from_iterable(terms.stems for terms in counts))
    vocabulary = {stem: number for number, stem in enumerate(sorted(set(stems)))}
    ids = np.fromiter(map(vocabulary.__getitem__, stems), np.int64, len(stems))
    lengths = np.fromiter(map(len, counts), np.int64, len(counts))
    article = np.repeat(np.arange(len(counts)), lengths)
    in_population = article < population
    held = np.bincount(ids[in_population], minlength=len(vocabulary))[ids]
    least = np.where(in_population, 2, 1)  # another text than its own must hold it
    ceiling = max(2, math.floor(max_held * math.sqrt(total)))
    kept = np.flatnonzero((held >= least) & (held <= ceiling) & (held < total))
    frequency = np.fromiter(chain.from_iterable(t.counts for t in counts), float, len(stems))
    score = frequency[kept] * np.log(total / held[kept])
    order = kept[np.lexsort((ids[kept], -score, article[kept]))]
    first = np.searchsorted(article[order], np.arange(len(counts)))
    chosen = order[np.arange(len(order)) - first[article[order]] < per_article]
    ends = np.cumsum(np.bincount(article[chosen], minlength=len(counts))).tolist()
    chosen_stems = [stems[position] for position in chosen.tolist()]
    return [tuple(chosen_stems[start:end]) for start, end in zip([0, *ends], ends, strict=False)]
