"""Quality of similar-articles lists against what authors linked. Pure Python.

rankings maps each article key to its list of similar keys, best first.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Scores:
    recall: float  # share of linked pairs found in the top k, in either direction
    coverage_1: float  # share of articles with at least 1 similar article
    coverage_3: float  # ... with at least 3
    hub_max: int  # how often the most listed article is listed
    gini: float  # inequality of how often articles are listed (0 even, 1 one takes all)


def recall_at_k(
    rankings: Mapping[str, Sequence[str]], pairs: Iterable[frozenset[str]], k: int = 5
) -> float:
    """A pair {a, b} is found when b is in a's top k or a is in b's top k."""
    pairs = list(pairs)
    if not pairs:
        return 0.0
    tops = {key: set(ranked[:k]) for key, ranked in rankings.items()}

    def found(pair):
        a, b = tuple(pair)
        return b in tops.get(a, ()) or a in tops.get(b, ())

    return sum(found(pair) for pair in pairs) / len(pairs)


def coverage(rankings: Mapping[str, Sequence[str]], at_least: int) -> float:
    if not rankings:
        return 0.0
    return sum(len(ranked) >= at_least for ranked in rankings.values()) / len(rankings)


def listing_counts(rankings: Mapping[str, Sequence[str]], k: int = 5) -> list[int]:
    """How often each article appears in the others' top k, zeros included."""
    counts = Counter(key for ranked in rankings.values() for key in ranked[:k])
    return [counts.get(key, 0) for key in rankings]


def gini(values: Sequence[float]) -> float:
    """Gini coefficient of non-negative values: 0 all equal, near 1 all on one."""
    ordered = sorted(values)
    total = sum(ordered)
    if not ordered or total == 0:
        return 0.0
    n = len(ordered)
    weighted = sum((rank + 1) * value for rank, value in enumerate(ordered))
    return (2 * weighted) / (n * total) - (n + 1) / n


def score(
    rankings: Mapping[str, Sequence[str]], pairs: Iterable[frozenset[str]], k: int = 5
) -> Scores:
    counts = listing_counts(rankings, k)
    return Scores(
        recall=recall_at_k(rankings, pairs, k),
        coverage_1=coverage(rankings, 1),
        coverage_3=coverage(rankings, 3),
        hub_max=max(counts, default=0),
        gini=gini(counts),
    )
