"""Translations linked across the editions: an article's translations are the articles in
other languages with its slug, or those that name one of them in `translation_of`.

Pelican links translations by slug within one generator (ARTICLE_TRANSLATION_ID); here it
is done once for every language, and what can go wrong is named: a `translation_of` that
names no article, or one in the article's own language, and two articles of one language
that claim to be the same article's translation.
"""

from __future__ import annotations

from collections import defaultdict

from article_lists import EVERY
from content_checks import Problem, display_path, field_line, record_problem

FIELD = "translation_of"


def translation_key(article) -> str:
    """What the translations of one article share: the original's slug."""
    return str(getattr(article, FIELD, "") or article.slug)


def link_translations(generator, settings) -> None:
    """Each article's translations, in each list of its status (published, drafts...), in
    the order of LANGUAGES."""
    every = [a for name in EVERY for a in getattr(generator, name, [])]
    order = {lang: number for number, lang in enumerate(settings.get("LANGUAGES") or [])}
    slugs = defaultdict(set)
    for article in every:
        slugs[article.slug].add(article.lang)
    keys = {}
    for article in every:
        problem = _pointing_nowhere(article, slugs)
        if problem:
            record_problem(generator.context, problem)  # and it is taken for no translation
        keys[id(article)] = article.slug if problem else translation_key(article)
    for status in ("published", "draft", "hidden"):
        group = defaultdict(list)
        for article in every:
            if article.status == status:
                group[keys[id(article)]].append(article)
        for articles in group.values():
            _link(generator.context, articles, order)


def _link(context, articles, order) -> None:
    by_lang = defaultdict(list)
    for article in articles:
        by_lang[article.lang].append(article)
    for same in by_lang.values():
        for extra in same[1:]:
            if getattr(extra, FIELD, None) or getattr(same[0], FIELD, None):
                record_problem(context, _claimed_twice(extra, same[0]))
            # (two of one slug and language: the site checks name them, a shared page)
    chosen = sorted(
        (same[0] for same in by_lang.values()), key=lambda a: order.get(a.lang, len(order))
    )
    for article in articles:
        article.translations = [other for other in chosen if other.lang != article.lang]


def _pointing_nowhere(article, slugs) -> Problem | None:
    named = getattr(article, FIELD, None)
    if not named:
        return None
    path = display_path(article.source_path)
    line = field_line(article.source_path, FIELD)
    if named not in slugs:
        return Problem(
            path,
            FIELD,
            f"names {named!r}, but no article has that slug.",
            "write the slug of the article this one translates (its file name without "
            ".md, or its `slug:`), or leave the line out.",
            line,
        )
    if slugs[named] == {article.lang}:
        return Problem(
            path,
            FIELD,
            f"names {named!r}, an article in this one's own language ({article.lang}).",
            "name the article in the other language, or correct `lang:`.",
            line,
        )
    return None


def _claimed_twice(article, first) -> Problem:
    return Problem(
        display_path(article.source_path),
        FIELD if getattr(article, FIELD, None) else "slug",
        f"is a second {article.lang} translation of {translation_key(article)!r}: "
        f"{display_path(first.source_path)} is one already.",
        "keep one of the two, or point `translation_of:` of this one at another article.",
        field_line(article.source_path, FIELD if getattr(article, FIELD, None) else "slug"),
    )
