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
from content_checks import Problem, display_path, field_line, record_problem

from .core import Document, SimilarityConfig, SimilarityIndex, rank_all
from .incremental import Ranking, lists_to_rank

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
    every_by_slug = {article.slug: article for article in every_article(generator)}
    for lang, articles in _wanting_a_list(generator).items():
        _report_self_pins(generator.context, articles)
        queries = [(documents[id(article)], _pins(article)) for article in articles]
        ranked = by_language.get(lang, [])
        rank = partial(_rank_some, ranked, config, queries, workers)
        answers = _ranked(generator.settings, lang, config, ranked, queries, rank)
        for article, (matches, unknown_pin) in zip(articles, answers, strict=True):
            if unknown_pin is not None:
                pinned = every_by_slug.get(unknown_pin)
                _report_unknown_pin(generator.context, article, unknown_pin, pinned)
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


def entries_as_page_input(content) -> list:
    """What an article's page shows of its similar list: for each entry its kind, its
    article and the shared actors and tags (strings and Pelican objects, in order)."""
    parts = []
    for entry in getattr(content, "similar_articles", None) or []:
        parts.append(f"{len(entry.shared)}{entry.pinned:d}{entry.fallback:d}")
        parts.append(entry.article)
        parts.extend(entry.shared)
    return parts


def _rank_some(documents, config, queries, workers, numbers=None):
    """Answers for the queries of these numbers (all if None), from a new index."""
    index = SimilarityIndex(documents, config)
    chosen = queries if numbers is None else [queries[number] for number in numbers]
    return rank_all(index, chosen, workers)


def _ranked(settings, lang, config, documents, queries, rank):
    """The answers of the last build, with the lists that may have changed ranked again
    (incremental.py); all ranked when articles were added or removed, or the settings
    changed. SIMILAR_ARTICLES_CACHE (on by default) keeps the last ranking in CACHE_PATH."""
    if not settings.get("SIMILAR_ARTICLES_CACHE", True) or not settings.get("CACHE_PATH"):
        return rank()
    name = hashlib.sha256(f"{config!r}\0{lang}".encode()).hexdigest()[:24]
    stored = Path(settings["CACHE_PATH"]).resolve() / "similar-articles" / f"{name}.pickle"
    try:
        with stored.open("rb") as handle:
            previous = pickle.load(handle)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError):
        previous = None
    current = Ranking.of(repr(config), documents, queries)
    numbers = lists_to_rank(previous, current)
    if numbers is None or len(numbers) > len(queries) // 2:
        current.answers = rank()
    else:
        current.answers = list(previous.answers)
        numbers = sorted(numbers)
        for number, answer in zip(numbers, rank(numbers) if numbers else [], strict=True):
            current.answers[number] = answer
        if not numbers:
            return current.answers
    stored.parent.mkdir(parents=True, exist_ok=True)
    partial_file = stored.with_name(f"{name}.{os.getpid()}.tmp")
    with partial_file.open("wb") as handle:
        pickle.dump(current, handle, pickle.HIGHEST_PROTOCOL)
    os.replace(partial_file, stored)
    return current.answers


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


def _pinned_slugs(article) -> list[str]:
    pins = article.metadata.get("related", [])
    if isinstance(pins, str):  # Pelican's native header: "Related: slug-a, slug-b"
        pins = pins.split(",")
    return [str(slug).strip() for slug in pins if str(slug).strip()]


def _pins(article) -> list[str]:
    """The slugs the editors pinned, but for the article's own (told of as a warning)."""
    return [slug for slug in _pinned_slugs(article) if slug != article.slug]


def _report_self_pins(context, articles):
    for article in articles:
        pins = article.metadata.get("related", [])
        if article.slug in (
            [p.strip() for p in pins.split(",")] if isinstance(pins, str) else pins
        ):
            record_problem(
                context,
                Problem(
                    display_path(article.source_path),
                    "related",
                    f"lists the article itself ({article.slug!r}), which is never shown "
                    "under itself.",
                    "remove it from the list.",
                    field_line(article.source_path, "related"),
                    warning=True,
                ),
            )


def _keywords(article) -> dict:
    """The article's actors and tags by (field, slug), the keys of Match.shared."""
    return {(name, item.slug): item for name in FIELDS for item in getattr(article, name, [])}


def _report_unknown_pin(context, article, slug, pinned):
    """A pin that names no published article of the article's language: why, if it is a
    draft, a hidden article or one of another language."""
    if pinned is not None and pinned.status != "published":
        message = (
            f"{slug!r} is {'a draft' if pinned.status == 'draft' else 'hidden'} "
            f"({display_path(pinned.source_path)}), not a published article."
        )
        fix = "publish that article first, or remove it from the list."
    elif pinned is not None and pinned.lang != article.lang:
        message = (
            f"{slug!r} is in another language ({pinned.lang}); similar articles are "
            f"listed within one language ({article.lang})."
        )
        fix = "pin its translation in this language, or remove it from the list."
    else:
        message = f"no published article has the slug {slug!r}."
        fix = (
            "check the spelling against the article's file name or slug, "
            "or remove it from the list."
        )
    record_problem(
        context,
        Problem(
            display_path(article.source_path),
            "related",
            message,
            fix,
            field_line(article.source_path, "related"),
        ),
    )
