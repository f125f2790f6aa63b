"""Turns Pelican articles into core Documents and core Matches back into articles."""

from __future__ import annotations

import hashlib
import os
import pickle
from collections import defaultdict
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from article_lists import PUBLISHED, every_article
from content_checks import Problem, display_path, record_problem

from .core import Document, SimilarityConfig, SimilarityIndex, rank_all

FIELDS = ("actors", "tags")  # shown as reasons; "category" counts only if weighted
DEFAULT_SETTINGS = {"workers": min(2, os.cpu_count() or 1)}
OPTED_OUT = {False, "false", "no", "off", "0"}


@dataclass(frozen=True)
class SimilarArticle:
    article: object  # pelican.contents.Article
    score: float
    shared: tuple  # Actor and Tag objects, most telling first
    pinned: bool = False
    fallback: bool = False  # "More in <category>": listed because too few qualified


def settings_of(pelican_settings) -> tuple[SimilarityConfig, int]:
    values = {**DEFAULT_SETTINGS, **pelican_settings.get("SIMILAR_ARTICLES", {})}
    workers = values.pop("workers")
    return SimilarityConfig.from_mapping(values), workers


def attach_similar_articles(generator):
    config, workers = settings_of(generator.settings)
    by_slug = _published_by_slug(generator)
    documents = {id(article): _document(article) for article in every_article(generator)}
    by_language = defaultdict(list)
    for article in by_slug.values():
        by_language[article.lang].append(documents[id(article)])
    indexes = {lang: SimilarityIndex(docs, config) for lang, docs in by_language.items()}
    for lang, articles in _wanting_a_list(generator).items():
        index = indexes.get(lang) or SimilarityIndex([], config)
        queries = [(documents[id(article)], _pins(article)) for article in articles]
        answers = _ranked(
            generator.settings,
            config,
            by_language[lang],
            queries,
            partial(rank_all, index, queries, workers),
        )
        for article, (matches, unknown_pin) in zip(articles, answers, strict=True):
            if unknown_pin is not None:
                _report_unknown_pin(generator.context, article, unknown_pin)
            keywords = _keywords(article)
            article.similar_articles = [
                SimilarArticle(
                    by_slug[(lang, m.key)],
                    m.score,
                    tuple(keywords[k] for k in m.shared if k in keywords),
                    m.pinned,
                    m.fallback,
                )
                for m in matches
            ]


def _ranked(settings, config, documents, queries, rank):
    """rank(), or its answers of the last build if the documents, the queries and the
    settings are the same (SIMILAR_ARTICLES_CACHE: kept in CACHE_PATH)."""
    if not settings.get("SIMILAR_ARTICLES_CACHE", True) or not settings.get("CACHE_PATH"):
        return rank()
    hasher = hashlib.sha256(repr(config).encode())
    for document in documents:
        hasher.update(repr(document).encode())
    hasher.update(b"\0queries")
    for query in queries:
        hasher.update(repr(query).encode())
    key = hasher.hexdigest()
    folder = Path(settings["CACHE_PATH"]).resolve() / "similar-articles"
    stored = folder / f"{key}.pickle"
    try:
        with stored.open("rb") as handle:
            return pickle.load(handle)
    except (OSError, EOFError, pickle.UnpicklingError):
        pass
    answers = rank()
    folder.mkdir(parents=True, exist_ok=True)
    kept = sorted(folder.glob("*.pickle"), key=lambda path: path.stat().st_mtime)
    for old in kept[:-7]:  # a few languages and settings; older answers are dropped
        old.unlink(missing_ok=True)
    partial = stored.with_name(f"{key}.{os.getpid()}.tmp")
    with partial.open("wb") as handle:
        pickle.dump(answers, handle, pickle.HIGHEST_PROTOCOL)
    os.replace(partial, stored)
    return answers


def _wanting_a_list(generator) -> dict[str, list]:
    """Articles, drafts and hidden articles by language, but for those that opted out."""
    by_language = defaultdict(list)
    for article in every_article(generator):
        if _opted_out(article):
            article.similar_articles = []
        else:
            by_language[article.lang].append(article)
    return by_language


def _opted_out(article) -> bool:
    value = article.metadata.get("similar", True)
    return (value.strip().lower() if isinstance(value, str) else value) in OPTED_OUT


def _published_by_slug(generator) -> dict:
    """Published articles by (language, slug). Two with the same pair would be written to
    one file: content_checks stops the build over that; here the first one counts."""
    by_slug = {}
    for article in every_article(generator, PUBLISHED):
        by_slug.setdefault((article.lang, article.slug), article)
    return by_slug


def _document(article) -> Document:
    keywords = {name: [item.slug for item in getattr(article, name, [])] for name in FIELDS}
    category = getattr(article, "category", None)
    keywords["category"] = [category.slug] if category else []
    return Document(key=article.slug, date=article.date, keywords=keywords)


def _pins(article) -> list[str]:
    pins = article.metadata.get("related", [])
    if isinstance(pins, str):  # Pelican's native header: "Related: slug-a, slug-b"
        pins = pins.split(",")
    return [str(slug).strip() for slug in pins if str(slug).strip()]


def _keywords(article) -> dict:
    """The article's actors and tags by (field, slug), the keys of Match.shared."""
    return {(name, item.slug): item for name in FIELDS for item in getattr(article, name, [])}


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
