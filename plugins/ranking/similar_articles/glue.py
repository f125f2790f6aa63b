"""Turns Pelican articles into core Documents and core Matches back into articles."""

from __future__ import annotations

import hashlib
import os
import pickle
from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from actors import ActorsOfBuild
from article_lists import PUBLISHED, every_article
from content_checks import Problem, display_path, field_line, record_problem

from .ahead import TextsAhead, text_readings
from .capacity import capped_lists
from .core import Document, SimilarityConfig, SimilarityIndex, rank_all
from .incremental import Ranking, lists_to_rank
from .report import UnlistedActor, similar_report
from .text_fields import with_text_fields
from .text_reading import TextReading

FIELDS = ("actors", "tags")  # shown as reasons; "category" counts only if weighted
TEXT_FIELDS = ("mentions", "terms")  # read in the text (text_fields.py), if weighted
DEFAULT_SETTINGS = {"workers": min(2, os.cpu_count() or 1)}
REPORT_KEY = "similar_report"  # context[REPORT_KEY]: the SimilarReport (report.py)
# An actor the text names this many times, but not listed, is suggested (make check).
SUGGEST_ACTORS_FROM = 3
OPTED_OUT = {False, "false", "no", "off", "0"}


@dataclass(frozen=True)
class SimilarArticle:
    article: object  # pelican.contents.Article
    score: float
    shared: tuple  # Actor and Tag objects, most telling first
    pinned: bool = False
    fallback: bool = False  # "More in <category>": listed because too few qualified


@dataclass(frozen=True)
class TextReason:
    """A reason read in the text: a distinctive word, or an actor the text names."""

    name: str


def settings_of(pelican_settings) -> tuple[SimilarityConfig, int]:
    values = {**DEFAULT_SETTINGS, **pelican_settings.get("SIMILAR_ARTICLES", {})}
    workers = values.pop("workers")
    return SimilarityConfig.from_mapping(values), workers


def attach_similar_articles(generator):
    config, workers = settings_of(generator.settings)
    by_slug = _published_by_slug(generator)
    unlisted: list[UnlistedActor] = []
    for lang, articles in _wanting_a_list(generator).items():
        _report_self_pins(generator.context, articles)
        published = [a for a in by_slug.values() if a.lang == lang]
        listed = {id(article) for article in published}
        wanting = [*published, *(a for a in articles if id(a) not in listed)]
        documents, reasons = _documents(generator, lang, config, wanting, len(published), unlisted)
        ranked = documents[: len(published)]
        queries = [(documents[number], _pins(article)) for number, article in enumerate(wanting)]
        rank = _Ranker(ranked, config, queries, workers)
        ranking, changed = _ranking(generator.settings, lang, config, ranked, queries, rank)
        answers = ranking.answers
        wants = {id(article) for article in articles}
        lists, longer = capped_lists(
            [matches for matches, _ in answers],
            config.max_results,
            config.capacity(len(ranked)),
            # Only the lists readers see take places: not those of drafts or opted-out articles.
            [n < len(published) and id(a) in wants for n, a in enumerate(wanting)],
            rank.further,
        )
        for number, matches in longer.items():  # kept: the next build need not ask again
            answers[number] = (matches, answers[number][1])
        if changed or longer:
            _keep_ranking(generator.settings, lang, config, ranking)
        for number, article in enumerate(wanting):
            if id(article) not in wants:
                continue  # opted out: listed under others, with no list of its own
            _report_unknown_pin_of(generator, article, answers[number][1])
            article.similar_articles = [
                SimilarArticle(
                    by_slug[(lang, m.key)],
                    m.score,
                    _shown(m.shared, reasons[number]),
                    m.pinned,
                    m.fallback,
                )
                for m in lists[number]
            ]
    for hint in unlisted:
        _suggest_actor(generator.context, hint)
    generator.context[REPORT_KEY] = similar_report(
        list(by_slug.values()), [u for u in unlisted if u.article.status == "published"]
    )


def _suggest_actor(context, hint: UnlistedActor) -> None:
    path = hint.article.source_path
    record_problem(
        context,
        Problem(
            display_path(path),
            "actors",
            f"the text names {hint.name!r} {hint.times} times, but actors does not list it.",
            f"add {hint.name} to actors if the article is about this actor.",
            field_line(path, "actors"),
            hint=True,
        ),
    )


def _report_unknown_pin_of(generator, article, unknown_pin):
    if unknown_pin is not None:
        pinned = next((a for a in every_article(generator) if a.slug == unknown_pin), None)
        _report_unknown_pin(generator.context, article, unknown_pin, pinned)


def _shown(shared, reasons: dict) -> tuple:
    """The reasons to show, most telling first, each once (an actor listed and named)."""
    shown = {}
    for key in shared:
        reason = reasons.get(key)
        if reason is not None:
            shown.setdefault(id(reason), reason)
    return tuple(shown.values())


def _documents(generator, lang, config, articles, ranked, unlisted):
    """The articles' documents with the fields read in their text (if weighted), and for
    each its reasons by Match.shared key; the actors often named but not listed are added
    to `unlisted`."""
    documents = [_document(article) for article in articles]
    reasons = [_keywords(article) for article in articles]
    if not reads_text(config):
        return documents, reasons
    actors_of_build = ActorsOfBuild.of(generator.context)
    readings = _read_texts(generator, lang, articles, actors_of_build)
    mentioned = [
        [actors_of_build.actor(name, generator.settings) for name, _ in reading.mentions]
        for reading in readings
    ]
    documents, terms = with_text_fields(
        documents,
        [[actor.slug for actor in named] for named in mentioned],
        [reading.terms for reading in readings],
        config,
        ranked,
    )
    for number, (article, reading) in enumerate(zip(articles, readings, strict=True)):
        unlisted.extend(_unlisted(article, reading, mentioned[number], lang))
        _add_text_reasons(reasons[number], mentioned[number], terms[number], reading, lang)
    return documents, reasons


def _unlisted(article, reading: TextReading, named, lang: str) -> list[UnlistedActor]:
    """The actors the text names often enough to suggest, that the article does not list."""
    listed = {actor.slug for actor in getattr(article, "actors", [])}
    return [
        UnlistedActor(article, _name_in(actor, lang), times)
        for actor, (_, times) in zip(named, reading.mentions, strict=True)
        if times >= SUGGEST_ACTORS_FROM and actor.slug not in listed
    ]


def _add_text_reasons(own: dict, named, stems, reading: TextReading, lang: str) -> None:
    """The reasons read in the text, by Match.shared key: each actor it is about (its own
    Actor where it lists it, else the name) and each distinctive word as it writes it."""
    for actor in named:
        listed = own.get(("actors", actor.slug))
        own[("mentions", actor.slug)] = listed or TextReason(_name_in(actor, lang))
    for (field, slug), actor in list(own.items()):
        if field == "actors":  # listed, if not named: a mention too (text_fields.py)
            own.setdefault(("mentions", slug), actor)
    for stem in stems:
        own[("terms", stem)] = TextReason(reading.terms.word_of(stem))


def _name_in(actor, lang: str) -> str:
    return dict(getattr(actor, "names", ()) or ()).get(lang, actor.name)


def _read_texts(generator, lang, articles, actors_of_build) -> list[TextReading]:
    """Each article's reading: title, lead and body (the HTML as read: article.content
    differs only in its links, which Pelican rewrites for each page), those read ahead
    (ahead.py) taken as made."""
    readings = text_readings(generator.settings, lang, actors_of_build)
    ahead = TextsAhead.of(generator.context)
    if ahead is not None:
        readings.made = ahead.collect().get(lang, {})
    read = [
        readings.read(article.title, article.metadata.get("summary") or "", article._content)
        for article in articles
    ]
    readings.save()
    return read


def entries_as_page_input(content) -> list:
    """What an article's page shows of its similar list: for each entry its kind, its
    article and the reasons (strings and Pelican objects, in order)."""
    parts = []
    for entry in getattr(content, "similar_articles", None) or []:
        parts.append(f"{len(entry.shared)}{entry.pinned:d}{entry.fallback:d}")
        parts.append(entry.article)
        parts.extend(
            f"text:{item.name}" if isinstance(item, TextReason) else item for item in entry.shared
        )
    return parts


class _Ranker:
    """Ranks the lists of one language from an index made when first needed: a build
    whose lists are all kept from the last one makes none."""

    def __init__(self, documents, config, queries, workers):
        self.documents, self.config, self.queries, self.workers = (
            documents,
            config,
            queries,
            workers,
        )

    @cached_property
    def index(self) -> SimilarityIndex:
        return SimilarityIndex(self.documents, self.config)

    def __call__(self, numbers=None):
        """Answers for the queries of these numbers (all if None)."""
        chosen = self.queries if numbers is None else [self.queries[n] for n in numbers]
        return rank_all(self.index, chosen, self.workers)

    def further(self, numbers, spare) -> list:
        """The candidates of these lists, ranked `spare` past their size (capacity.py)."""
        chosen = [self.queries[n] for n in numbers]
        return [m for m, _ in rank_all(self.index, chosen, self.workers, spare, fill=True)]


def _ranking_file(settings, lang, config) -> Path | None:
    """SIMILAR_ARTICLES_CACHE (on by default) keeps the last ranking in CACHE_PATH."""
    if not settings.get("SIMILAR_ARTICLES_CACHE", True) or not settings.get("CACHE_PATH"):
        return None
    name = hashlib.sha256(f"{config!r}\0{lang}".encode()).hexdigest()[:24]
    return Path(settings["CACHE_PATH"]).resolve() / "similar-articles" / f"{name}.pickle"


def _ranking(settings, lang, config, documents, queries, rank) -> tuple[Ranking, bool]:
    """The answers of the last build, with the lists that may have changed ranked again
    (incremental.py); all ranked when articles were added or removed, or the settings
    changed. And whether it differs from the ranking kept."""
    stored = _ranking_file(settings, lang, config)
    previous = None
    if stored is not None:
        try:
            with stored.open("rb") as handle:
                previous = pickle.load(handle)
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError):
            previous = None
    current = Ranking.of(repr(config), documents, queries)
    numbers = lists_to_rank(previous, current)
    if numbers is None or len(numbers) > len(queries) // 2:
        current.answers = rank()
        return current, True
    current.answers = list(previous.answers)
    numbers = sorted(numbers)
    for number, answer in zip(numbers, rank(numbers) if numbers else [], strict=True):
        current.answers[number] = answer
    return current, bool(numbers) or previous.queries != current.queries


def _keep_ranking(settings, lang, config, ranking: Ranking) -> None:
    stored = _ranking_file(settings, lang, config)
    if stored is None:
        return
    stored.parent.mkdir(parents=True, exist_ok=True)
    partial_file = stored.with_name(f"{stored.stem}.{os.getpid()}.tmp")
    with partial_file.open("wb") as handle:
        pickle.dump(ranking, handle, pickle.HIGHEST_PROTOCOL)
    os.replace(partial_file, stored)


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


def reads_text(config: SimilarityConfig) -> bool:
    return any(config.weights.get(name) for name in TEXT_FIELDS)


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
