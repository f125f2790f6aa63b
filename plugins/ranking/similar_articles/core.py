"""Rank similar articles by the keywords they share. Pure Python: no Pelican import.

The core sees documents through a small protocol (a key, a date and keywords per field),
in the manner of Hugo's related/inverted_index.go. Lifecycle: build a SimilarityIndex once
over the candidate documents, then query it once per document.

Scoring (the reference implementation in reference.py computes the same, over all pairs):

    score(q, d) = recency(q, d) x sum over the keywords q and d share of
                  field weight x rarity(keyword)

- rarity is ln(1 + N / df), df the number of documents carrying the keyword (IDF), so a
  keyword on most articles adds little and a rare one much; off, every keyword counts 1;
- a keyword carried by more than common_share of the documents counts nothing at all, once
  the index holds at least common_min_documents;
- recency is (1 - recency_weight) + recency_weight x 2^(-days apart / half_life_days), or 1;
- keyword weights are fixed-point integers, so sums are exact whatever the order of adding.
Candidates must score above min_score. Ranking: score, then closest in date, then newest,
then smallest key: deterministic.

Speed (exact, not all pairs): candidates come from an inverted index. The query's short
postings lists (rare keywords) are summed at once with numpy; a long list (a keyword on
more than 2% of the archive) is never scanned whole: it is read by date outwards from the
query, in growing windows, and the reading stops as soon as even the best score still
possible there (the sum of the long lists' weights times the recency at that distance)
could not enter the top (a MaxScore-style bound). numpy narrows candidates down; the last
ranking is done in Python with the arithmetic of reference.py, so both agree exactly.
"""

from __future__ import annotations

import itertools
import math
import multiprocessing
from bisect import bisect_left, insort
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import NamedTuple

import numpy as np

SCALE = 1_000_000  # keyword weights are integers in millionths
_SECONDS_CAP = 2**30 - 1  # about 34 years: days apart beyond it rank as equally far
_RAW_CAP = 2**32  # raw scores below it leave room for the seconds in an int64
DAY = 86_400.0


@dataclass(frozen=True)
class Document:
    """What the core knows of an article."""

    key: str  # unique among documents, e.g. the article's slug
    date: datetime  # all documents timezone-aware, or all naive
    keywords: Mapping[str, Sequence[str]]  # field name -> normalised keywords


def _default_weights() -> dict[str, float]:
    return {"actors": 1.25, "tags": 1.0, "category": 0.0, "mentions": 0.5, "terms": 0.5}


@dataclass(frozen=True)
class SimilarityConfig:
    """How similar articles are ranked. Defaults beside each field."""

    max_results: int = 5  # at most this many entries per article, pins included
    # What one shared keyword adds, per field: a shared actor says more than a shared tag.
    # "category": 0 means being in the same category does not count.
    weights: Mapping[str, float] = field(default_factory=_default_weights)
    rarity: bool = True  # multiply by ln(1 + N/df); off: every keyword weighs its field weight
    common_share: float = 0.5  # a keyword on more than this share of documents counts 0...
    common_min_documents: int = 50  # ...once the index holds at least this many documents
    half_life_days: float | None = None  # recency: None for off
    recency_weight: float = 0.5  # how much of the score recency can take away (0 to 1)
    min_score: float = 0.0  # candidates must score strictly above this
    fallback: bool = False  # top up with the closest articles of the same category
    # No article in the lists of more than max_share of the articles (None: no limit),
    # once there are max_share_min_documents (capacity.py).
    max_share: float | None = 0.03
    max_share_min_documents: int = 500
    # The text's distinctive terms (terms.py), for the "terms" field: how many per article,
    # and how many articles may hold one, times the square root of their number.
    terms_per_article: int = 8
    terms_max_held: float = 1.0
    terms_min_documents: int = 50  # below, a word's rarity means little: no terms

    def __post_init__(self):
        _check(
            isinstance(self.max_results, int) and self.max_results >= 0,
            f"max_results must be a whole number >= 0, got {self.max_results!r}",
        )
        _check(bool(self.weights), "weights must name at least one field, e.g. {'tags': 1}")
        for name, weight in self.weights.items():
            _check(
                _is_number(weight) and weight >= 0,
                f"weight of field {name!r} must be a number >= 0, got {weight!r}",
            )
        _check(
            _is_number(self.common_share) and 0 < self.common_share <= 1,
            f"common_share must be a share above 0 and at most 1, got {self.common_share!r}",
        )
        _check(
            isinstance(self.common_min_documents, int) and self.common_min_documents >= 0,
            f"common_min_documents must be a whole number >= 0, got {self.common_min_documents!r}",
        )
        _check(
            self.half_life_days is None
            or (_is_number(self.half_life_days) and self.half_life_days > 0),
            f"half_life_days must be a number of days > 0 or None, got {self.half_life_days!r}",
        )
        _check(
            _is_number(self.recency_weight) and 0 <= self.recency_weight <= 1,
            f"recency_weight must be from 0 to 1, got {self.recency_weight!r}",
        )
        _check(
            _is_number(self.min_score) and self.min_score >= 0,
            f"min_score must be a number >= 0, got {self.min_score!r}",
        )

        _check(
            self.max_share is None or (_is_number(self.max_share) and 0 < self.max_share <= 1),
            f"max_share must be a share above 0 and at most 1, or None, got {self.max_share!r}",
        )
        for name in ("max_share_min_documents", "terms_per_article", "terms_min_documents"):
            value = getattr(self, name)
            _check(
                isinstance(value, int) and not isinstance(value, bool) and value >= 0,
                f"{name} must be a whole number >= 0, got {value!r}",
            )
        _check(
            _is_number(self.terms_max_held) and self.terms_max_held > 0,
            f"terms_max_held must be a number above 0, got {self.terms_max_held!r}",
        )

    @classmethod
    def from_mapping(cls, values: Mapping[str, object]) -> SimilarityConfig:
        unknown = set(values) - set(cls.__dataclass_fields__)
        _check(
            not unknown,
            f"unknown similar-articles setting(s) {sorted(unknown)}; "
            f"known: {', '.join(sorted(cls.__dataclass_fields__))}",
        )
        return cls(**values)

    def capacity(self, documents: int) -> int | None:
        """How many lists one article may be in, among those of this many documents."""
        if self.max_share is None or documents < self.max_share_min_documents:
            return None
        return max(1, math.floor(self.max_share * documents))

    def recency(self, seconds_apart: float) -> float:
        if self.half_life_days is None:
            return 1.0
        decay = 2.0 ** (-seconds_apart / DAY / self.half_life_days)
        return (1.0 - self.recency_weight) + self.recency_weight * decay


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _check(condition: bool, message: str) -> None:
    if not condition:
        raise ValueError(message)


class Match(NamedTuple):
    """One entry of a similar-articles list (a tuple: quick to make by the hundred thousand)."""

    key: str
    score: float
    shared: tuple[tuple[str, str], ...]  # (field, keyword), most telling first
    pinned: bool = False
    fallback: bool = False  # same category, listed because too few articles qualified


class UnknownPinError(ValueError):
    """A pinned key names no document of the index."""

    def __init__(self, key: str):
        super().__init__(f"no article with slug {key!r} to pin")
        self.key = key


class SimilarityIndex:
    # A postings list longer than this share of the index (and than LONG_MIN) is kept as a
    # bitmap and walked by date instead of being scanned whole (see _top).
    LONG_SHARE = 0.02
    LONG_MIN = 256

    def __init__(self, documents: Iterable[Document], config: SimilarityConfig):
        self.config = config
        self._documents: list[Document] = []
        self._position: dict[str, int] = {}
        postings: dict[tuple[str, str], list[int]] = {}
        for document in documents:
            self._add(document, postings)
        total = len(self._documents)
        self._times = np.array([d.date.timestamp() for d in self._documents], dtype=float)
        self._keys = [d.key for d in self._documents]
        self._key_rank = np.argsort(np.argsort([d.key for d in self._documents], kind="stable"))
        self._weights = keyword_weights(postings, total, config)
        self._keywords = [self._weighted(document) for document in self._documents]
        self._keyword_list = list(self._weights)
        self._keyword_ids = {keyword: i for i, keyword in enumerate(self._keyword_list)}
        long_from = max(self.LONG_MIN, self.LONG_SHARE * total)
        counted = {k: v for k, v in postings.items() if self._weights[k] > 0}
        self._short = {
            k: np.array(v, dtype=np.int64) for k, v in counted.items() if len(v) <= long_from
        }
        self._long = {k: self._long_list(v) for k, v in counted.items() if len(v) > long_from}
        self._sums = np.zeros(total, dtype=np.int64)  # scratch space for one query
        self._seen = np.zeros(total, dtype=bool)  # likewise
        self._slot = np.zeros(total, dtype=np.int64)  # likewise
        self._by_category = self._category_timelines()

    def _add(self, document: Document, postings) -> None:
        if document.key in self._position:
            raise ValueError(f"two documents share the key {document.key!r}")
        position = len(self._documents)
        self._position[document.key] = position
        self._documents.append(document)
        for keyword in indexed_keywords(document, self.config.weights):
            postings.setdefault(keyword, []).append(position)

    def _long_list(self, positions: list[int]):
        """A long postings list: a bitmap, and the list sorted by date for walks."""
        bitmap = np.zeros(len(self._documents), dtype=bool)
        bitmap[positions] = True
        ordered = np.array(sorted(positions, key=lambda p: (self._times[p], p)), dtype=np.int64)
        return bitmap, self._times[ordered], ordered

    def _weighted(self, document: Document) -> dict[tuple[str, str], int]:
        """The document's keywords that count, with their integer weights."""
        pairs = indexed_keywords(document, self.config.weights)
        return {k: self._weights[k] for k in pairs if self._weights.get(k, 0) > 0}

    def _category_timelines(self) -> dict[str, list[tuple[float, int]]]:
        timelines: dict[str, list[tuple[float, int]]] = {}
        for position, document in enumerate(self._documents):
            for category in document.keywords.get("category", ()):
                timelines.setdefault(category, []).append((float(self._times[position]), position))
        return {category: sorted(timeline) for category, timeline in timelines.items()}

    def __contains__(self, key: str) -> bool:
        return key in self._position

    def __len__(self) -> int:
        return len(self._documents)

    def keyword_id(self, keyword: tuple[str, str]) -> int:
        return self._keyword_ids[keyword]

    def keyword(self, keyword_id: int) -> tuple[str, str]:
        return self._keyword_list[keyword_id]

    def weight(self, field_name: str, keyword: str) -> float:
        """What sharing this keyword adds to a score, before recency (0 if it counts not)."""
        return self._weights.get((field_name, keyword), 0) / SCALE

    @property
    def capacity(self) -> int | None:
        """How many lists one article may be in (capacity.py), None for no limit."""
        return self.config.capacity(len(self))

    def similar(self, document: Document, pins: Sequence[str] = ()) -> list[Match]:
        """Up to max_results matches: pins first, then the best ranked, then fallbacks
        (this list alone: the capacity of articles is shared among lists, see rank_all)."""
        return self.candidates(document, pins)

    def candidates(
        self, document: Document, pins: Sequence[str] = (), spare: int = 0, fill: bool = False
    ) -> list[Match]:
        """Pins, then the best ranked, `spare` more than the list has room for, then the
        fallbacks for what the ranked ones leave empty (with fill, for the whole list:
        the capacity may leave room that the ranked ones filled)."""
        pinned = self._pinned_matches(document, pins)
        taken = {self._position[m.key] for m in pinned}
        if document.key in self._position:
            taken.add(self._position[document.key])
        room = self.config.max_results - len(pinned)
        ranked = self._ranked_matches(document, taken, room + spare if room > 0 else 0)
        taken.update(self._position[m.key] for m in ranked)
        room -= 0 if fill else len(ranked)
        fallbacks = self._fallback_matches(document, taken, room) if self.config.fallback else []
        return pinned + ranked + fallbacks

    def _pinned_matches(self, document: Document, pins: Sequence[str]) -> list[Match]:
        matches = []
        for key in dict.fromkeys(pins):  # keeps order, drops repeats
            if key not in self._position:
                raise UnknownPinError(key)
            if key == document.key or len(matches) == self.config.max_results:
                continue
            match = self._match(document, self._position[key])
            matches.append(Match(match.key, match.score, match.shared, pinned=True))
        return matches

    def _ranked_matches(self, document: Document, taken: set[int], room: int) -> list[Match]:
        if room <= 0:
            return []
        query = self._query_weights(document)
        when = document.date.timestamp()
        top = self._top_of_short_lists(query, when, taken, room)
        top = self._top_of_long_lists(query, when, taken, room, top)
        return [self._match(document, position, query, -rank[0]) for rank, position in top]

    def _query_weights(self, document: Document) -> list[tuple[tuple[str, str], int]]:
        """The query's keywords that count, rarest (heaviest) first."""
        own = self._position.get(document.key)
        weights = self._keywords[own] if own is not None else self._weighted(document)
        return sorted(weights.items(), key=lambda item: (-item[1], item[0]))

    def _rank(self, raw: int, position: int, when: float) -> tuple:
        """The sort key of a candidate: best score, then closest, then newest, then key.
        (_merge inlines the same arithmetic for speed.)"""
        time = float(self._times[position])
        apart = abs(time - when)
        score = raw / SCALE * self.config.recency(apart)
        return (-score, apart, -time, self._keys[position])

    def _top_of_short_lists(self, query, when: float, taken: set[int], room: int) -> list:
        """The best `room` (rank, position) among documents of the query's short lists.

        Their full scores are summed with numpy (short lists into a scratch array, long
        lists through their bitmaps); the few that can make the top are ranked exactly, in
        Python, with the same arithmetic as the reference implementation.
        """
        short = [(k, w) for k, w in query if k in self._short]
        if not short:
            return []
        lists = [self._short[k] for k, _ in short]
        for (_, weight), positions in zip(short, lists, strict=True):
            self._sums[positions] += weight
        candidates = self._distinct(np.concatenate(lists))
        raw = self._sums[candidates]
        self._sums[candidates] = 0
        for keyword, weight in query:
            if keyword in self._long:
                raw += weight * self._long[keyword][0][candidates]
        return self._merge((candidates, raw), when, room, [], taken)

    def _distinct(self, positions: np.ndarray) -> np.ndarray:
        """Each position once, in linear time: of repeats, the last write to a slot wins."""
        order = np.arange(len(positions))
        self._slot[positions] = order
        return positions[self._slot[positions] == order]

    def _recency_array(self, apart: np.ndarray) -> np.ndarray:
        if self.config.half_life_days is None:
            return np.ones_like(apart)
        decay = np.exp2(-apart / DAY / self.config.half_life_days)
        return (1.0 - self.config.recency_weight) + self.config.recency_weight * decay

    def _top_of_long_lists(self, query, when: float, taken: set[int], room: int, top: list):
        """Add the documents that share only long-list keywords with the query, if any can
        still enter the top.

        Such a document, met first in long list j, scores at most R_j x recency(days apart),
        R_j the sum of the weights of the long lists from j on. Each list is read in windows
        growing from the query's date outwards; once even that ceiling, at the nearest date
        not read yet, could not beat the last of the top nor tie it closer in date, nothing
        farther in that list can enter.
        """
        long = [(k, w) for k, w in query if k in self._long]
        if not long or self._out_of_reach(sum(w for _, w in long), 0.0, room, top):
            return top
        seen = self._seen
        seen[list(taken)] = True
        for keyword, _ in query:
            if keyword in self._short:
                seen[self._short[keyword]] = True
        ceilings = list(itertools.accumulate(w for _, w in reversed(long)))[::-1]
        try:
            for (keyword, _), ceiling in zip(long, ceilings, strict=True):
                top = self._walk(keyword, ceiling, long, when, room, top)
        finally:
            seen[:] = False
        return top

    def _walk(self, keyword, ceiling_raw: int, long, when: float, room: int, top: list) -> list:
        _, times, positions = self._long[keyword]
        middle = int(np.searchsorted(times, when))
        low = high = middle
        size = 32 * room
        while low > 0 or high < len(times):
            nearest = min(
                when - times[low - 1] if low > 0 else math.inf,
                times[high] - when if high < len(times) else math.inf,
            )
            if self._out_of_reach(ceiling_raw, float(nearest), room, top):
                break
            new_low, new_high = max(0, low - size), min(len(times), high + size)
            batch = np.concatenate((positions[new_low:low], positions[high:new_high]))
            low, high, size = new_low, new_high, size * 2
            top = self._merge(self._unseen_scores(batch, long), when, room, top)
        return top

    def _out_of_reach(self, ceiling_raw: int, apart: float, room: int, top: list) -> bool:
        """Whether a document scoring at most ceiling_raw, `apart` seconds or more from the
        query, can neither qualify nor enter the top (nor tie its last closer in date)."""
        ceiling = ceiling_raw / SCALE * self.config.recency(apart)
        if ceiling <= self.config.min_score:
            return True
        return len(top) == room and (-ceiling, apart) > top[-1][0][:2]

    def _unseen_scores(self, batch: np.ndarray, long) -> tuple[np.ndarray, np.ndarray]:
        """(positions, raw scores) of the batch's documents not scored before."""
        batch = batch[~self._seen[batch]]
        self._seen[batch] = True
        raw = np.zeros(len(batch), dtype=np.int64)
        for keyword, weight in long:
            raw += weight * self._long[keyword][0][batch]
        return batch, raw

    def _merge(self, scored, when: float, room: int, top: list, taken=frozenset()) -> list:
        """top with the best of scored (positions, raw) merged in, ranked exactly.

        numpy narrows the candidates down to those that can make the top (ties and the
        taken documents included); Python ranks them with the reference's arithmetic.
        """
        candidates, raw = scored
        wanted = room + len(taken)
        if len(candidates) > wanted:
            if self.config.half_life_days is None and int(raw.max()) < _RAW_CAP:
                # (score, closeness) in one integer, so one partition finds the top, ties
                # and all; what is left tied (same whole second apart) Python sorts out
                apart = np.abs(self._times[candidates] - when)
                closeness = _SECONDS_CAP - np.minimum(apart, _SECONDS_CAP).astype(np.int64)
                order = raw * (_SECONDS_CAP + 1) + closeness
                floor = np.partition(order, len(order) - wanted)[len(order) - wanted]
                near = order >= floor
            else:
                apart = np.abs(self._times[candidates] - when)
                approximate = raw / SCALE * self._recency_array(apart)
                floor = np.partition(approximate, len(raw) - wanted)[len(raw) - wanted]
                near = approximate >= floor * (1 - 1e-9) - 1e-12  # far above float error
            candidates, raw = candidates[near], raw[near]
        times = self._times[candidates].tolist()
        for r, p, time in zip(raw.tolist(), candidates.tolist(), times, strict=True):
            if p in taken:
                continue
            apart = abs(time - when)
            rank = (-(r / SCALE * self.config.recency(apart)), apart, -time, self._keys[p])
            if -rank[0] > self.config.min_score and (len(top) < room or rank < top[-1][0]):
                insort(top, (rank, p))
                del top[room:]
        return top

    def _fallback_matches(self, document: Document, taken: set[int], room: int) -> list[Match]:
        """The closest in date of the same category, for lists that are too short."""
        matches: list[Match] = []
        when = document.date.timestamp()
        for category in document.keywords.get("category", ())[:1]:
            timeline = self._by_category.get(category, [])
            for position in _closest_in_time(timeline, when, taken, room):
                match = self._match(document, position)
                matches.append(Match(match.key, match.score, match.shared, fallback=True))
        return matches

    def _match(self, document: Document, position: int, query=None, score=None) -> Match:
        theirs = self._keywords[position]
        ours = query if query is not None else self._query_weights(document)
        shared = tuple(keyword for keyword, _ in ours if keyword in theirs)
        if score is None:
            raw = sum(theirs[keyword] for keyword in shared)
            score = -self._rank(raw, position, document.date.timestamp())[0]
        return Match(self._documents[position].key, score, shared)


def _closest_in_time(timeline, when: float, taken: set[int], room: int) -> list[int]:
    """Up to room positions of a date-sorted timeline, closest to `when` first, newest on ties."""
    found: list[int] = []
    after = bisect_left(timeline, (when, -1))
    before = after - 1
    while len(found) < room and (before >= 0 or after < len(timeline)):
        take_after = before < 0 or (
            after < len(timeline) and timeline[after][0] - when <= when - timeline[before][0]
        )
        if take_after:
            position = timeline[after][1]
            after += 1
        else:
            position = timeline[before][1]
            before -= 1
        if position not in taken:
            found.append(position)
    return found


def indexed_keywords(document: Document, weights: Mapping[str, float]) -> list[tuple[str, str]]:
    """The document's (field, keyword) pairs in fields that count, each once."""
    pairs = (
        (field_name, keyword)
        for field_name, keywords in document.keywords.items()
        if weights.get(field_name, 0) > 0
        for keyword in keywords
    )
    return list(dict.fromkeys(pairs))


def keyword_weights(
    postings: Mapping[tuple[str, str], Sequence[int]], total: int, config: SimilarityConfig
) -> dict[tuple[str, str], int]:
    """Integer weight of each keyword: field weight x rarity, 0 for a too common keyword."""
    cut = total >= config.common_min_documents
    weights = {}
    for (field_name, keyword), carriers in postings.items():
        count = len(carriers)
        if cut and count > config.common_share * total:
            weights[(field_name, keyword)] = 0
            continue
        rarity = math.log(1 + total / count) if config.rarity else 1.0
        weights[(field_name, keyword)] = round(config.weights[field_name] * rarity * SCALE)
    return weights


# Below this many queries, forking workers costs more than it saves.
PARALLEL_MIN = 4000
_forked_work = None  # (index, queries) while a pool runs: what forked workers read


def rank_all(
    index: SimilarityIndex,
    queries: Sequence[tuple[Document, Sequence[str]]],
    workers: int = 1,
    spare: int = 0,
    fill: bool = False,
) -> list[tuple[list[Match], str | None]]:
    """candidates() for every (document, pins): (matches, unknown pinned key or None) each;
    capacity.capped_lists makes them lists where the index caps listings.

    With workers > 1 the queries are shared out among forked processes, which read the
    index their parent built (copy-on-write) instead of receiving it pickled.
    """
    asked = (spare, fill)
    if workers <= 1 or len(queries) < PARALLEL_MIN:
        return [_answer(index, document, pins, *asked) for document, pins in queries]
    global _forked_work
    _forked_work = (index, queries, asked)
    bounds = [len(queries) * part // workers for part in range(workers + 1)]
    context = multiprocessing.get_context("fork")
    try:
        with context.Pool(workers - 1) as pool:  # the parent ranks the first share itself
            pending = pool.map_async(_answer_chunk, list(itertools.pairwise(bounds[1:])))
            first = [_answer(index, *query, *asked) for query in queries[: bounds[1]]]
            rest = pending.get()
    finally:
        _forked_work = None
    return first + [answer for part in rest for answer in _decode(index, *part)]


def _answer_chunk(bounds: tuple[int, int]) -> tuple[list, list]:
    """Answers for queries[start:stop], flattened into ints, floats and strings: a list of
    Match objects takes longer for the parent to unpickle than the workers take to rank."""
    index, queries, asked = _forked_work
    flat, unknown = [], []
    for number in range(*bounds):
        matches, unknown_key = _answer(index, *queries[number], *asked)
        flat.append(len(matches))
        for match in matches:
            flat += (match.key, match.score, match.pinned, match.fallback, len(match.shared))
            flat += [index.keyword_id(keyword) for keyword in match.shared]
        unknown.append(unknown_key)
    return flat, unknown


def _decode(index: SimilarityIndex, flat: list, unknown: list):
    answers, cursor = [], 0
    for unknown_key in unknown:
        matches = []
        for _ in range(flat[cursor]):
            key, score, pinned, fallback, count = flat[cursor + 1 : cursor + 6]
            shared = tuple(index.keyword(i) for i in flat[cursor + 6 : cursor + 6 + count])
            matches.append(Match(key, score, shared, pinned, fallback))
            cursor += 5 + count
        cursor += 1
        answers.append((matches, unknown_key))
    return answers


def _answer(index, document, pins, spare=0, fill=False) -> tuple[list[Match], str | None]:
    try:
        return index.candidates(document, pins, spare, fill), None
    except UnknownPinError as error:
        return index.candidates(document, (), spare, fill), error.key
