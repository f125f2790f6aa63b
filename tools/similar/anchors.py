"""The rankings publishers use today, re-implemented to compare ours against. Pure Python.

Each takes a list of items with .key, .date, .tags and .actors (newest first is not
assumed) and returns {key: [similar keys, best first]}.
"""

from __future__ import annotations

from collections import Counter, defaultdict


def related_posts(items, limit: int = 5) -> dict[str, list[str]]:
    """pelican-plugins related-posts: score = shared tags; Counter.most_common order.

    As in the plugin, ties keep the order in which candidates were first counted: the
    article's tags in order, each tag's articles as the generator lists them (newest first).
    """
    newest_first = sorted(items, key=lambda item: item.date, reverse=True)
    by_tag = defaultdict(list)
    for item in newest_first:
        for tag in item.tags:
            by_tag[tag].append(item.key)
    rankings = {}
    for item in items:
        scores = Counter()
        for tag in item.tags:
            scores.update(by_tag[tag])
        scores.pop(item.key, None)
        rankings[item.key] = [key for key, _ in scores.most_common(limit)]
    return rankings


def hugo(
    items,
    weights: dict[str, int] | None = None,
    threshold: int = 80,
    limit: int = 5,
    cardinality_threshold: int = 0,
) -> dict[str, list[str]]:
    """Hugo's related content (0.168), as its docs and related/inverted_index.go describe.

    For each candidate: W = sum of the weights of the matching values, M = number of
    matches; kept when round(100 * (W // M - minW) / (maxW - minW)) >= threshold // M;
    sorted by W, then newest. cardinality_threshold (percent, 0 off) drops a value carried
    by more than that share of the items.
    """
    weights = weights or {"actors": 100, "tags": 80}
    low, high = min(weights.values()), max(weights.values())
    postings = defaultdict(list)
    for item in items:
        for field in weights:
            for value in getattr(item, field):
                postings[(field, value.lower())].append(item)
    limit_count = len(items) * cardinality_threshold / 100
    dates = {item.key: item.date for item in items}
    rankings = {}
    for item in items:
        weight, matches = Counter(), Counter()
        for field, field_weight in weights.items():
            for value in dict.fromkeys(v.lower() for v in getattr(item, field)):
                carriers = postings[(field, value)]
                if cardinality_threshold and len(carriers) > limit_count:
                    continue
                for other in carriers:
                    if other.key != item.key:
                        weight[other.key] += field_weight
                        matches[other.key] += 1
        kept = [
            key
            for key in weight
            if _normalised(weight[key] // matches[key], low, high) >= threshold // matches[key]
        ]
        kept.sort(key=lambda key: (-weight[key], -dates[key].timestamp()))
        rankings[item.key] = kept[:limit]
    return rankings


def _normalised(value: int, low: int, high: int) -> int:
    if high == low:
        return 100
    return int((100 * (value - low) / (high - low)) + 0.5)


def newest_first(items, limit: int = 5) -> dict[str, list[str]]:
    """Baseline: the newest other articles, whatever they share."""
    ordered = sorted(items, key=lambda item: item.date, reverse=True)
    rankings = {}
    for item in items:
        rankings[item.key] = [other.key for other in ordered if other.key != item.key][:limit]
    return rankings
