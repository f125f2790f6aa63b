"""Rank similar articles by the keywords they share. Pure Python: no Pelican import.

The core sees documents through a small protocol (a key, a date and keywords per field),
in the manner of Hugo's related/inverted_index.go. Lifecycle: build a SimilarityIndex once
over the candidate documents, then query it once per document.

Score of a candidate = sum, over each keyword it shares with the query document, of
    field weight x rarity(keyword)
where rarity is an IDF term, ln(1 + N / df), so that a keyword carried by most articles
adds little and a rare one adds much. Ties go to the candidate closest in date, then the
newest, then the smallest key, so results are deterministic.

Candidates are found through an inverted index (keyword -> documents that carry it), so
the work per query is the size of the postings it touches, not the size of the corpus.
"""

from __future__ import annotations

import heapq
import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

# Scores are sums of floats; rounding before comparing keeps ties exact whatever the
# order in which shared keywords were added.
_SCORE_DIGITS = 9


@dataclass(frozen=True)
class Document:
    """What the core knows of an article."""

    key: str  # unique among documents, e.g. the article's slug
    date: datetime  # all documents timezone-aware, or all naive
    keywords: Mapping[str, Sequence[str]]  # field name -> normalised keywords


def _default_weights() -> dict[str, float]:
    return {"actors": 3.0, "tags": 2.0}


@dataclass(frozen=True)
class SimilarityConfig:
    """How similar articles are ranked. Defaults beside each field."""

    max_results: int = 5  # at most this many entries per article, pins included
    # Weight of one shared keyword, per field: a shared actor says more than a shared tag.
    weights: Mapping[str, float] = field(default_factory=_default_weights)
    rarity: bool = True  # weight each keyword by ln(1 + N/df) (IDF); off: every keyword 1
    min_score: float = 0.0  # candidates must score strictly above this

    def __post_init__(self):
        if not isinstance(self.max_results, int) or self.max_results < 0:
            raise ValueError(f"max_results must be a whole number >= 0, got {self.max_results!r}")
        if not self.weights:
            raise ValueError("weights must name at least one field, e.g. {'tags': 1}")
        for name, weight in self.weights.items():
            if not isinstance(weight, (int, float)) or weight < 0:
                raise ValueError(f"weight of field {name!r} must be a number >= 0, got {weight!r}")
        if not isinstance(self.min_score, (int, float)) or self.min_score < 0:
            raise ValueError(f"min_score must be a number >= 0, got {self.min_score!r}")

    @classmethod
    def from_mapping(cls, values: Mapping[str, object]) -> SimilarityConfig:
        unknown = set(values) - set(cls.__dataclass_fields__)
        if unknown:
            known = ", ".join(sorted(cls.__dataclass_fields__))
            raise ValueError(
                f"unknown similar-articles setting(s) {sorted(unknown)}; known: {known}"
            )
        return cls(**values)


@dataclass(frozen=True)
class Match:
    """One entry of a similar-articles list."""

    key: str
    score: float
    shared: tuple[tuple[str, str], ...]  # (field, keyword), most telling first
    pinned: bool = False


class UnknownPinError(ValueError):
    """A pinned key names no document of the index."""

    def __init__(self, key: str):
        super().__init__(f"no article with slug {key!r} to pin")
        self.key = key


class SimilarityIndex:
    def __init__(self, documents: Iterable[Document], config: SimilarityConfig):
        self.config = config
        self._documents: dict[str, Document] = {}
        self._postings: dict[tuple[str, str], list[str]] = defaultdict(list)
        for document in documents:
            self._add(document)
        self._weights = self._keyword_weights()

    def _add(self, document: Document) -> None:
        if document.key in self._documents:
            raise ValueError(f"two documents share the key {document.key!r}")
        self._documents[document.key] = document
        for field_name, keyword in _indexed_keywords(document, self.config.weights):
            self._postings[(field_name, keyword)].append(document.key)

    def _keyword_weights(self) -> dict[tuple[str, str], float]:
        total = len(self._documents)
        weights = {}
        for (field_name, keyword), keys in self._postings.items():
            rarity = math.log(1 + total / len(keys)) if self.config.rarity else 1.0
            weights[(field_name, keyword)] = self.config.weights[field_name] * rarity
        return weights

    def __contains__(self, key: str) -> bool:
        return key in self._documents

    def weight(self, field_name: str, keyword: str) -> float:
        """What sharing this keyword adds to a score (0 if no document carries it)."""
        return self._weights.get((field_name, keyword), 0.0)

    def similar(self, document: Document, pins: Sequence[str] = ()) -> list[Match]:
        """Up to max_results matches for document: pins first, then the best ranked."""
        pinned = self._pinned_matches(document, pins)
        taken = {match.key for match in pinned} | {document.key}
        room = self.config.max_results - len(pinned)
        return pinned + self._ranked_matches(document, taken, room)

    def _pinned_matches(self, document: Document, pins: Sequence[str]) -> list[Match]:
        matches = []
        for key in dict.fromkeys(pins):  # keeps order, drops repeats
            if key not in self._documents:
                raise UnknownPinError(key)
            if key == document.key or len(matches) == self.config.max_results:
                continue
            shared = self._shared(document, self._documents[key])
            matches.append(Match(key, self._score(shared), shared, pinned=True))
        return matches

    def _ranked_matches(self, document: Document, taken: set[str], room: int) -> list[Match]:
        if room <= 0:
            return []
        scores: dict[str, float] = defaultdict(float)
        for keyword in _indexed_keywords(document, self.config.weights):
            weight = self._weights.get(keyword, 0.0)
            if weight == 0.0:
                continue
            for key in self._postings[keyword]:
                scores[key] += weight
        when = document.date.timestamp()

        def rank(key: str) -> tuple:
            date = self._documents[key].date.timestamp()
            return (-round(scores[key], _SCORE_DIGITS), abs(date - when), -date, key)

        candidates = (
            key
            for key, score in scores.items()
            if key not in taken and round(score, _SCORE_DIGITS) > self.config.min_score
        )
        best = heapq.nsmallest(room, candidates, key=rank)
        return [self._match(document, self._documents[key]) for key in best]

    def _match(self, document: Document, other: Document) -> Match:
        shared = self._shared(document, other)
        return Match(other.key, self._score(shared), shared)

    def _score(self, shared: Sequence[tuple[str, str]]) -> float:
        return round(sum(self._weights[keyword] for keyword in shared), _SCORE_DIGITS)

    def _shared(self, document: Document, other: Document) -> tuple[tuple[str, str], ...]:
        theirs = set(_indexed_keywords(other, self.config.weights))
        ours = [k for k in _indexed_keywords(document, self.config.weights) if k in theirs]
        return tuple(sorted(ours, key=lambda k: (-self._weights[k], k)))


def _indexed_keywords(document: Document, weights: Mapping[str, float]) -> list[tuple[str, str]]:
    """The document's (field, keyword) pairs that count, each once."""
    pairs = (
        (field_name, keyword)
        for field_name, keywords in document.keywords.items()
        if weights.get(field_name, 0) > 0
        for keyword in keywords
    )
    return list(dict.fromkeys(pairs))
