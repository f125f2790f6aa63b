"""Which similar-article lists can change when some articles change (no Pelican here).

A list's scores come from the weights of the keywords its article shares with others
(their rarity: how many articles carry each), from dates (recency, and the "More in
<category>" fallback), and from pins. When the set of articles is the same and some of
them change, only these lists can differ:
- the lists of the changed articles, and of articles whose pins changed;
- the lists of articles carrying a keyword that a changed article gained or lost (its
  rarity changed, and so did its match with the changed article);
- when a changed article's date changed: the lists of articles sharing any keyword with
  it, old or new, its category included (recency, fallback by date);
- the lists that pin a changed article (a pinned entry shows its match).
Everything else is taken from the last ranking. Adding or removing an article changes
every rarity: then everything is ranked again.
"""

from __future__ import annotations

from dataclasses import dataclass

from .core import Document, Match


def _keywords(document: Document) -> frozenset:
    return frozenset(
        (field, keyword) for field, values in document.keywords.items() for keyword in values
    )


def _state(document: Document) -> tuple:
    """What a document brings to others' lists: its instant (all the ranking reads of a
    date) and its keywords."""
    return (document.date.timestamp(), _keywords(document))


@dataclass
class Ranking:
    """A ranking and what it was made from: what the next build compares with."""

    settings: str  # repr of the configuration
    documents: dict  # key -> (date, keywords) of each ranked article, in order
    queries: list  # (key, date, keywords, pins) of each article wanting a list
    answers: list

    @classmethod
    def of(cls, settings, documents, queries, answers=None) -> Ranking:
        states = {id(document): _state(document) for document in documents}
        for document, _ in queries:  # drafts are queries only
            if id(document) not in states:
                states[id(document)] = _state(document)
        return cls(
            settings,
            {document.key: states[id(document)] for document in documents},
            [(d.key, *states[id(d)], tuple(pins)) for d, pins in queries],
            answers,
        )

    def __getstate__(self):
        """Matches pickled as plain tuples: a quarter of the time of named tuples."""
        answers = [([tuple(m) for m in matches], unknown) for matches, unknown in self.answers]
        return {**self.__dict__, "answers": answers}

    def __setstate__(self, state):
        answers = [([Match._make(m) for m in ms], unknown) for ms, unknown in state["answers"]]
        self.__dict__.update({**state, "answers": answers})


def lists_to_rank(previous: Ranking | None, current: Ranking) -> set[int] | None:
    """Indexes of current's queries whose answers may differ from previous's; None when all
    must be ranked again (other settings, articles added, removed or reordered)."""
    if previous is None or previous.settings != current.settings:
        return None
    if list(current.documents) != list(previous.documents):
        return None
    if [q[0] for q in current.queries] != [q[0] for q in previous.queries]:
        return None
    if current.documents == previous.documents and current.queries == previous.queries:
        return set()
    changed, touched = set(), set()
    for key, (date, keywords) in current.documents.items():
        old_date, old_keywords = previous.documents[key]
        if (date, keywords) != (old_date, old_keywords):
            changed.add(key)
            touched |= (keywords | old_keywords) if date != old_date else keywords ^ old_keywords
    return {
        number
        for number, (query, before) in enumerate(
            zip(current.queries, previous.queries, strict=True)
        )
        if query != before
        or query[0] in changed
        or query[2] & touched
        or changed.intersection(query[3])
    }
