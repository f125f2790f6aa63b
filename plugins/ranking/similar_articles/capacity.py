"""No article listed everywhere: a capacity on how many lists one article may be in. Pure
Python (no Pelican).

An article that shares a little with very many (a roundup carrying every popular tag, a
post with the archive's rarest tags) tops list after list, and readers meet the same
"similar" article wherever they go. Each article may be listed in at most `capacity` lists
(SimilarityConfig.max_share of the archive). Places are handed out in rounds, as a draft:
first every list's first choice, then every list's second, and so on; within a round the
higher score comes first. An article that is full is passed over and the list takes its
next candidate. So a much listed article keeps the lists where it ranks highest, and
strongest. Lists are ranked to their size first; only those the capacity leaves short are
ranked further (capped_lists; none at 10,000 and 100,000 synthetic articles, 105 of 800
with a 2% capacity), which gives the same lists as ranking every list deep (tested).

Pinned entries are the editors' choice: always kept, and counted. Drafts' lists (not
counted) never take a place: they are made last, from the places the published lists
left, so that a preview shows a list as it would be once published.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from .core import Match

MAX_SPARE = 8  # times the list's size: a list ranked this far is left to its fallbacks


def capped_lists(
    candidates: Sequence[Sequence[Match]],
    size: int,
    capacity: int | None,
    counted: Sequence[bool] | None = None,
    more: Callable[[list[int], int], list[list[Match]]] | None = None,
) -> tuple[list[list[Match]], dict[int, list[Match]]]:
    """cap_listings, asking more(numbers, spare) for the candidates of the lists the
    capacity left short: ranked `spare` further, with fallbacks for the whole list
    (SimilarityIndex.candidates with fill), until each is full or has no more to give.
    Candidates ranked further before (kept from the last build) count as asked. Returns
    the lists and the longer candidates asked for, by list number."""
    candidates = list(candidates)
    longer: dict[int, list[Match]] = {}  # asked for in this call
    while True:
        lists = cap_listings(candidates, size, capacity, counted)
        if capacity is None or more is None:
            return lists, longer
        spares = {
            number: _spare(candidates[number], size)
            for number, made in enumerate(lists)
            if len(made) < size
        }
        short = [
            number
            for number, spare in spares.items()
            if (spare == 0 and number not in longer) or _cut(candidates[number], size, spare)
        ]
        spare = max(size, 2 * max((spares[n] for n in short), default=0))
        if not short or spare > MAX_SPARE * size:
            return lists, longer
        for number, matches in zip(short, more(short, spare), strict=True):
            candidates[number] = longer[number] = matches


def _spare(matches: Sequence[Match], size: int) -> int:
    """How far past its size a list was ranked (0: to its size, without fill)."""
    return max(0, sum(not m.fallback for m in matches) - size)


def _cut(matches: Sequence[Match], size: int, spare: int) -> bool:
    """Whether a list ranked `spare` past its size stopped there: there may be more."""
    return sum(not m.fallback for m in matches) >= size + spare


def cap_listings(
    candidates: Sequence[Sequence[Match]],
    size: int,
    capacity: int | None,
    counted: Sequence[bool] | None = None,
) -> list[list[Match]]:
    """Each candidate list cut to `size` entries: its pins, its ranked entries in rank
    order as capacity allows, then its fallbacks to fill what is left."""
    counted = [True] * len(candidates) if counted is None else counted
    pinned = [[m for m in matches if m.pinned] for matches in candidates]
    ranked = [[m for m in matches if not m.pinned and not m.fallback] for matches in candidates]
    listed = Counter(m.key for pins, c in zip(pinned, counted, strict=True) if c for m in pins)
    if capacity is None or _fits(pinned, ranked, counted, listed, size, capacity):
        chosen = [entries[: size - len(pins)] for pins, entries in zip(pinned, ranked, strict=True)]
    else:
        chosen = _hand_out(pinned, ranked, counted, listed, size, capacity)
    lists = []
    for number, matches in enumerate(candidates):
        taken = pinned[number] + chosen[number]
        keys = {m.key for m in taken}
        room = size - len(taken)
        fallbacks = [m for m in matches if m.fallback and m.key not in keys][: max(0, room)]
        lists.append(taken + fallbacks)
    return lists


def _fits(pinned, ranked, counted, listed, size, capacity) -> bool:
    """Whether the lists as ranked, cut to size, list no article over capacity."""
    counts = Counter(listed)
    for pins, entries, count in zip(pinned, ranked, counted, strict=True):
        if count:
            counts.update(m.key for m in entries[: size - len(pins)])
    if max(counts.values(), default=0) > capacity:
        return False
    return all(  # a draft lists no article the published lists have filled
        counts[m.key] < capacity
        for pins, entries, count in zip(pinned, ranked, counted, strict=True)
        if not count
        for m in entries[: size - len(pins)]
    )


def _hand_out(pinned, ranked, counted, listed, size, capacity) -> list[list[Match]]:
    """The ranked entries each list keeps, handed out in rounds of rank, the higher score
    first within a round."""
    chosen: list[list[Match]] = [[] for _ in ranked]
    order = sorted(  # the lists that count first: a draft's takes what they left
        (not counted[number], position, -match.score, number)
        for number, entries in enumerate(ranked)
        for position, match in enumerate(entries)
    )
    for _, position, _, number in order:
        if len(pinned[number]) + len(chosen[number]) >= size:
            continue
        match = ranked[number][position]
        if listed[match.key] >= capacity:
            continue
        chosen[number].append(match)
        if counted[number]:
            listed[match.key] += 1
    return chosen
