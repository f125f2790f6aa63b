"""Turns Pelican articles into core Documents and core Matches back into articles."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from content_checks import Problem, display_path, record_problem

from .core import Document, SimilarityConfig, SimilarityIndex, UnknownPinError

FIELDS = ("actors", "tags")
DEFAULT_SETTINGS = {"max_results": 5, "weights": {"actors": 3.0, "tags": 2.0}}


@dataclass(frozen=True)
class SimilarArticle:
    article: object  # pelican.contents.Article
    score: float
    shared: tuple  # Actor and Tag objects, most telling first
    pinned: bool = False


def attach_similar_articles(generator):
    config = SimilarityConfig.from_mapping(
        {**DEFAULT_SETTINGS, **generator.settings.get("SIMILAR_ARTICLES", {})}
    )
    by_slug = _published_by_slug(generator)
    indexes = _indexes_by_language(by_slug.values(), config)
    for article in _all_articles(generator):
        index = indexes.get(article.lang) or SimilarityIndex([], config)
        try:
            matches = index.similar(_document(article), _pins(article))
        except UnknownPinError as error:
            _report_unknown_pin(generator.context, article, error.key)
            matches = index.similar(_document(article))
        article.similar_articles = [
            _similar_article(article, by_slug[(article.lang, m.key)], m) for m in matches
        ]


def _all_articles(generator):
    return [
        *generator.articles,
        *generator.translations,
        *generator.drafts,
        *generator.drafts_translations,
        *generator.hidden_articles,
        *generator.hidden_translations,
    ]


def _published_by_slug(generator) -> dict:
    """Published articles by (language, slug); a second article with the same pair is a
    content problem (both would be written to one file)."""
    by_slug = {}
    for article in [*generator.articles, *generator.translations]:
        first = by_slug.setdefault((article.lang, article.slug), article)
        if first is not article:
            _report_duplicate_slug(generator.context, article, first)
    return by_slug


def _indexes_by_language(articles, config):
    by_language = defaultdict(list)
    for article in articles:
        by_language[article.lang].append(_document(article))
    return {lang: SimilarityIndex(docs, config) for lang, docs in by_language.items()}


def _document(article) -> Document:
    keywords = {name: [item.slug for item in getattr(article, name, [])] for name in FIELDS}
    return Document(key=article.slug, date=article.date, keywords=keywords)


def _pins(article) -> list[str]:
    pins = article.metadata.get("related", [])
    if isinstance(pins, str):  # Pelican's native header: "Related: slug-a, slug-b"
        pins = pins.split(",")
    return [str(slug).strip() for slug in pins if str(slug).strip()]


def _similar_article(article, other, match) -> SimilarArticle:
    mine = {(name, item.slug): item for name in FIELDS for item in getattr(article, name, [])}
    shared = tuple(mine[keyword] for keyword in match.shared)
    return SimilarArticle(other, match.score, shared, match.pinned)


def _report_unknown_pin(context, article, slug):
    record_problem(
        context,
        Problem(
            display_path(article.source_path),
            "related",
            f"no published article has the slug {slug!r}.",
            "check the spelling against the article's file name or slug, "
            "or remove it from the list.",
        ),
    )


def _report_duplicate_slug(context, article, first):
    record_problem(
        context,
        Problem(
            display_path(article.source_path),
            "slug",
            f"the slug {article.slug!r} is already taken by "
            f"{display_path(first.source_path)} (same language, {article.lang}).",
            "give one of them another title or a 'slug:' line of its own.",
        ),
    )
