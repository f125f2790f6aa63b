"""The site in each of its languages (LANGUAGES): an edition per language, in one build.

Pelican's ArticlesGenerator reads every article. Once it has (article_generator_pretaxonomy),
the articles of the other languages are handed to their editions, and the translations of
each article are linked across languages: the articles with one slug, or those that name
another's slug in `translation_of` (links.py). Then the EditionsGenerator makes for each
other language what Pelican makes for the default one, under the language's prefix
(edition.py): an ArticlesGenerator that reads nothing but is handed the edition's articles
(the articles' pages, home, archives, categories, tags, feeds, search page), the 404 page,
and what other plugins make per edition (the actors' pages), each generator with the
edition's settings and a context of its own over the build's.

An edition with no published article is not made. What the templates need to link the
editions (the language switcher, hreflang): `editions` (those made), and for the pages
that exist in some editions only, the editions of each category, actor and year.
"""

from __future__ import annotations

import copy
import os
from collections import ChainMap, defaultdict
from dataclasses import dataclass, field

from article_lists import EVERY, PUBLISHED
from blinker import signal
from pelican import signals
from pelican.generators import ArticlesGenerator, Generator, TemplatePagesGenerator
from pelican.urlwrappers import Category, URLWrapper

from .edition import Edition, edition_settings, editions_of, first_page, language_links
from .links import link_translations

__all__ = ["EDITION_GENERATORS", "EditionArticlesGenerator", "EditionsOfBuild", "register"]

CONTEXT_KEY = "editions_of_build"
HANDED_KEY = "edition_articles"  # in an edition's own context: its articles, by list name
# Plugins that make pages per edition return their generator class (one per edition is made,
# with the edition's settings and context).
EDITION_GENERATORS = signal("editions.generators")


@dataclass
class EditionsOfBuild:
    """The editions of this build and the articles handed to each. Owned by this plugin,
    kept in the context."""

    editions: list[Edition]
    handed: dict = field(default_factory=lambda: defaultdict(lambda: defaultdict(list)))

    @classmethod
    def of(cls, context) -> EditionsOfBuild | None:
        return context.get(CONTEXT_KEY)

    def made(self) -> list[Edition]:
        """The default edition, and each other one with a published article."""
        return [
            edition
            for number, edition in enumerate(self.editions)
            if number == 0 or any(self.handed[edition.lang][name] for name in PUBLISHED)
        ]


class EditionArticlesGenerator(ArticlesGenerator):
    """Pelican's ArticlesGenerator for one edition: it reads no file, its articles are those
    the default edition's generator read in the edition's language (context[HANDED_KEY])."""

    READS_SOURCES = False  # fast_build: nothing to read ahead
    _by_source: dict | None = None

    def _handed(self) -> dict:
        """Its articles, by source path."""
        if self._by_source is None:
            lists = self.context.get(HANDED_KEY, {})
            self._by_source = {a.source_path: a for name in EVERY for a in lists.get(name, [])}
        return self._by_source

    def get_files(self, paths, exclude=None, extensions=None):
        return [os.path.relpath(source, self.path) for source in self._handed()]

    def get_cached_data(self, filename, default=None):
        return self._handed().get(os.path.join(self.path, filename), default)


class EditionsGenerator(Generator):
    """Every edition but the default one: its generators, made and run in turn."""

    SPLIT_OUTPUT = True  # writes only through the writer (fast_build may split it)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.parts: list[Generator] = []

    def generate_context(self):
        of_build = EditionsOfBuild.of(self.context)
        if of_build is None:
            return
        made = of_build.made()
        for edition in made[1:]:
            self.parts += self._generators_of(edition, of_build.handed[edition.lang])
        for part in self.parts:
            if hasattr(part, "generate_context"):  # as Pelican asks: not all generators have one
                part.generate_context()
        self.context["editions"] = made
        self.context.update(_editions_of_pages(self.context, self.parts, made))

    def _generators_of(self, edition: Edition, handed) -> list[Generator]:
        settings = edition_settings(self.settings, edition)
        # its own values over the build's: the templates read the settings from the context
        own = {key: value for key, value in settings.items() if self.settings.get(key) != value}
        context = ChainMap({**own, HANDED_KEY: handed}, self.context)
        classes = [EditionArticlesGenerator]
        if settings["TEMPLATE_PAGES"]:
            classes.append(TemplatePagesGenerator)
        for _, made in EDITION_GENERATORS.send(settings):
            classes += [made] if made else []
        return [
            cls(
                context=context,
                settings=settings,
                path=self.path,
                theme=self.theme,
                output_path=self.output_path,
            )
            for cls in classes
        ]

    def generate_output(self, writer):
        for part in self.parts:
            if hasattr(part, "generate_output"):
                part.generate_output(writer)

    # What plugins that look at every generator's articles see of the editions (checks,
    # fast_build): each list, across the editions.
    def _every(self, name: str) -> list:
        return [a for part in self.parts for a in getattr(part, name, [])]

    articles = property(lambda self: self._every("articles"))
    translations = property(lambda self: self._every("translations"))
    drafts = property(lambda self: self._every("drafts"))
    drafts_translations = property(lambda self: self._every("drafts_translations"))
    hidden_articles = property(lambda self: self._every("hidden_articles"))
    hidden_translations = property(lambda self: self._every("hidden_translations"))


def _editions_of_pages(context, parts, made: list[Edition]) -> dict:
    """For the pages that some editions have and others do not (a category, an actor, a
    year): the languages that have each, by its slug or year."""
    found = {"category_editions": defaultdict(list), "actor_editions": defaultdict(list)}
    found["year_editions"] = defaultdict(list)
    lists = [(made[0].lang, context)] + [
        (part.settings["DEFAULT_LANG"], part.context) for part in parts
    ]
    seen = set()
    for lang, edition_context in lists:
        for kind, key in (("category", "categories"), ("actor", "actors")):
            for item, _ in edition_context.get(key, []):
                if (kind, item.slug, lang) not in seen:
                    seen.add((kind, item.slug, lang))
                    found[f"{kind}_editions"][item.slug].append(lang)
        for year in sorted({a.date.year for a in edition_context.get("articles", [])}):
            if ("year", year, lang) not in seen:
                seen.add(("year", year, lang))
                found["year_editions"][year].append(lang)
    return {name: dict(values) for name, values in found.items()}


def hand_over(generator):
    """The articles of the other languages leave the default edition's generator for their
    edition's; translations are linked across all of them."""
    if not _is_main(generator):
        return
    settings = generator.settings
    editions = editions_of(settings.get("LANGUAGES") or [], settings["DEFAULT_LANG"])
    of_build = generator.context[CONTEXT_KEY] = EditionsOfBuild(editions)
    link_translations(generator, settings)
    rewrap = {e.lang: _Rewrapper(edition_settings(settings, e)) for e in editions[1:]}
    for name in EVERY:
        kept = []
        for article in getattr(generator, name, []):
            if article.lang in rewrap:
                rewrap[article.lang].of(article)
                of_build.handed[article.lang][name].append(article)
            else:
                kept.append(article)
        setattr(generator, name, kept)


class _Rewrapper:
    """An edition's article links to its edition's category, tag and actor pages: each of
    its URL wrappers (a Tag, a Category, an Actor...) is replaced by a copy that reads the
    edition's settings, one copy per wrapper of the edition, named in the edition's
    language where there is a name for it: a category's in CATEGORY_NAMES, or the wrapper's
    own (an Actor's in_language(), from the actors registry). Its slug stays: the same
    category or actor has the same page name in every edition."""

    def __init__(self, settings):
        self.settings = settings
        self.lang = settings["DEFAULT_LANG"]
        self._category_names = {
            name: names.get(self.lang)
            for name, names in (settings.get("CATEGORY_NAMES") or {}).items()
            if names.get(self.lang)
        }
        self._made = {}

    def of(self, article) -> None:
        for key, value in list(article.metadata.items()):
            if isinstance(value, URLWrapper) or (
                isinstance(value, list) and value and all(isinstance(v, URLWrapper) for v in value)
            ):
                copied = (
                    [self._copy(v) for v in value] if isinstance(value, list) else self._copy(value)
                )
                article.metadata[key] = copied
                if getattr(article, key, None) is value:
                    setattr(article, key, copied)

    def _copy(self, wrapper):
        key = (type(wrapper), wrapper.name)
        made = self._made.get(key)
        if made is None:
            made = self._made[key] = self._in_language(wrapper)
        return made

    def _in_language(self, wrapper):
        if callable(getattr(wrapper, "in_language", None)):
            return wrapper.in_language(self.lang, self.settings)
        made = copy.copy(wrapper)
        made.settings = self.settings
        name = self._category_names.get(wrapper.name) if isinstance(wrapper, Category) else None
        if name:
            slug = wrapper.slug
            made.name = name
            made.slug = slug
        return made


def _is_main(generator) -> bool:
    return isinstance(generator, ArticlesGenerator) and not isinstance(
        generator, EditionArticlesGenerator
    )


def get_generators(pelican):
    return EditionsGenerator


def give_templates_the_links(generator):
    """links_to_editions() and first_page() for the language switcher and hreflang."""
    generator.env.globals.update(links_to_editions=language_links, first_page=first_page)


def register():
    signals.article_generator_pretaxonomy.connect(hand_over)
    signals.get_generators.connect(get_generators)
    signals.generator_init.connect(give_templates_the_links)
