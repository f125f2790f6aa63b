"""What editors fixing tags and actors want to see of the similar lists: the articles with
none, those with few, those listed most, and the actors texts name but do not list. Pure
Python (no Pelican): `make similar-report` prints it, the preview shows it as a page."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import NamedTuple

SHORT = 3  # a list with fewer similar articles than this is short


# Named tuples of articles, text and numbers: fast_build digests them (a page showing the
# report is written again only when it changes).
class UnlistedActor(NamedTuple):
    """An actor an article's text names `times` times, missing from its actors."""

    article: object
    name: str  # as the article's language writes it
    times: int


class SimilarReport(NamedTuple):
    articles: int
    orphans: tuple  # articles with no similar article (fallbacks do not count)
    short: tuple  # (article, how many), fewer than SHORT
    most_listed: tuple  # (article, in how many lists), most first
    listings: int  # entries in all lists
    unlisted_actors: tuple[UnlistedActor, ...]


def similar_report(
    articles: Sequence, unlisted: Sequence[UnlistedActor] = (), most: int = 10
) -> SimilarReport:
    """The report on these published articles (each with its similar_articles)."""
    ranked = {a: [e for e in a.similar_articles if not e.fallback] for a in articles}
    counts = Counter(entry.article for entries in ranked.values() for entry in entries)
    by_path = sorted(ranked, key=lambda a: a.source_path)
    return SimilarReport(
        articles=len(articles),
        orphans=tuple(a for a in by_path if not ranked[a]),
        short=tuple((a, len(ranked[a])) for a in by_path if 0 < len(ranked[a]) < SHORT),
        most_listed=tuple(counts.most_common(most)),
        listings=sum(counts.values()),
        unlisted_actors=tuple(
            sorted(unlisted, key=lambda u: (-u.times, u.article.source_path, u.name))
        ),
    )
