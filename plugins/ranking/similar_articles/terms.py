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
from operator import itemgetter

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
    # No cache of stemmed words: at an archive's vocabulary it misses and costs twice the time.
    return Stemmer.Stemmer(name, 0) if name else None


def term_counts(text: str, lang: str) -> TextTerms:
    """The CANDIDATES most frequent stems of the text, most frequent first."""
    words = Counter(_WORD.findall(text.casefold().replace("ё", "е")))
    by_count = [word for word, _ in words.most_common()]  # a stem's first word: its most used
    stemmer = _stemmer(lang)
    stems = stemmer.stemWords(by_count) if stemmer else by_count
    counts: dict[str, int] = {}
    shown: dict[str, str] = {}
    for word, stem in zip(by_count, stems, strict=True):
        counts[stem] = counts.get(stem, 0) + words[word]
        shown.setdefault(stem, word)
    # most frequent first, then in the order of the stems (both sorts are stable)
    ranked = sorted(sorted(counts.items()), key=itemgetter(1), reverse=True)[:CANDIDATES]
    return TextTerms(
        [stem for stem, _ in ranked], [count for _, count in ranked], [shown[s] for s, _ in ranked]
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
