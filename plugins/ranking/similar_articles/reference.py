"""The plain all-pairs implementation of the scoring in core.py, to check the fast path.

Every document is compared with every other one; no inverted index, no pruning. It shares
with core.py only the definition of the keyword weights and of recency.
"""

from __future__ import annotations

from collections.abc import Sequence

from .core import SCALE, Document, SimilarityConfig, indexed_keywords, keyword_weights


def reference_rankings(
    documents: Sequence[Document], config: SimilarityConfig
) -> dict[str, list[str]]:
    """For each document key, the keys of its ranked similar documents (no pins)."""
    postings: dict[tuple[str, str], list[int]] = {}
    for position, document in enumerate(documents):
        for keyword in indexed_keywords(document, config.weights):
            postings.setdefault(keyword, []).append(position)
    weights = keyword_weights(postings, len(documents), config)
    keyword_sets = [set(indexed_keywords(d, config.weights)) for d in documents]
    times = [d.date.timestamp() for d in documents]
    rankings = {}
    for query, document in enumerate(documents):
        ranked = []
        for other, candidate in enumerate(documents):
            if other == query:
                continue
            raw = sum(weights[k] for k in keyword_sets[query] & keyword_sets[other])
            if raw == 0:
                continue
            apart = abs(times[other] - times[query])
            score = raw / SCALE * config.recency(apart)
            if score > config.min_score:
                ranked.append(((-score, apart, -times[other], candidate.key), candidate.key))
        ranked.sort()
        rankings[document.key] = [key for _, key in ranked[: config.max_results]]
    return rankings
