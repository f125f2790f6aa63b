"""The editions of the site, one per language: what each is, where its pages go, and which
page of one edition stands for a page of another. Pure Python (no Pelican).

The default language's edition is the site's root; each other one lives under its code
(ru/, be/): its home, lists, taxonomy pages, archives, feeds, search page and index, and
404 page, at the same paths as the default edition's with the prefix added. Its articles'
pages come from ARTICLE_LANG_SAVE_AS ("{lang}/..."), Pelican's own setting for articles
not in the default language.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import NamedTuple

# The lists, taxonomy pages and indexes of an edition: <NAME>_URL and <NAME>_SAVE_AS.
LIST_PAGES = (
    "INDEX",
    "CATEGORY",
    "CATEGORIES",
    "TAG",
    "TAGS",
    "ACTOR",
    "ACTORS",
    "ARCHIVES",
    "YEAR_ARCHIVE",
    "MONTH_ARCHIVE",
    "DAY_ARCHIVE",
    "AUTHOR",
    "AUTHORS",
    "SEARCH",
)
FEEDS = tuple(
    f"{kind}FEED_{form}"
    for kind in ("", "CATEGORY_", "TAG_", "ACTOR_", "AUTHOR_", "TRANSLATION_")
    for form in ("ALL_ATOM", "ALL_RSS", "ATOM", "RSS")
    if not (kind and form.startswith("ALL"))
)
# Pages made from a template of their own, in every edition (the drafts page of the
# preview lists every language's drafts, once).
EDITION_TEMPLATE_PAGES = ("404.html",)
_PAGE_N = re.compile(r"(^|/)page/\d+/index\.html$")


class Edition(NamedTuple):
    lang: str
    name: str  # the language's name in itself: "Русский"
    prefix: str  # where its pages go: "" for the default language, else "ru/"

    @property
    def home(self) -> str:
        return f"{self.prefix}index.html"


def editions_of(languages: Mapping[str, str] | Iterable[str], default: str) -> list[Edition]:
    """The editions, the default language's first, then in the order of LANGUAGES."""
    names = (
        dict(languages) if isinstance(languages, Mapping) else {lang: lang for lang in languages}
    )
    order = [default, *(lang for lang in names if lang != default)]
    return [
        Edition(lang, names.get(lang) or lang, "" if lang == default else f"{lang}/")
        for lang in order
    ]


def edition_settings(settings: Mapping, edition: Edition) -> dict:
    """The settings of an edition: its language as the default, every list, feed and page
    of its own under its prefix, and what EDITION_SETTINGS[lang] says of it (its subtitle).
    Translations are linked across editions once (the editions plugin), not by each
    edition's generator (ARTICLE_TRANSLATION_ID off)."""
    own = dict(settings)
    own["DEFAULT_LANG"] = edition.lang
    own["ARTICLE_TRANSLATION_ID"] = None
    for name in LIST_PAGES:
        for suffix in ("_URL", "_SAVE_AS"):
            key = name + suffix
            if own.get(key):
                own[key] = edition.prefix + own[key]
    for key in FEEDS:
        if own.get(key):
            own[key] = edition.prefix + own[key]
    for key in ("SEARCH_INDEX_DIR",):
        if own.get(key):
            own[key] = edition.prefix + own[key]
    own.update((settings.get("EDITION_SETTINGS") or {}).get(edition.lang, {}))
    pages = settings.get("TEMPLATE_PAGES") or {}
    own["TEMPLATE_PAGES"] = {
        template: edition.prefix + target
        for template, target in pages.items()
        if template in EDITION_TEMPLATE_PAGES
    }
    return own


def first_page(path: str) -> str:
    """The first page of a paginated list: ".../page/3/index.html" -> ".../index.html"."""
    return _PAGE_N.sub(r"\1index.html", path)


def unprefixed(path: str, edition: Edition) -> str:
    """A page's path as the default edition has it."""
    return (
        path[len(edition.prefix) :] if edition.prefix and path.startswith(edition.prefix) else path
    )


def counterpart_path(path: str, edition: Edition, other: Edition) -> str:
    """The path in another edition of the page at path (its first page, if a list)."""
    return other.prefix + unprefixed(first_page(path), edition)


def language_links(editions, lang: str, output_file: str, content=None, present=None) -> list:
    """(edition, path or None) for each edition: the path of this page in it, None where it
    has none. An article's or page's own is its translation in that language; a list that
    only some editions have (a category, an actor, a year) is in those of `present`; any
    other page (home, archives, indexes, search, 404) is in every edition."""
    here = next((e for e in editions if e.lang == lang), None)
    if here is None:
        return []
    links = []
    for edition in editions:
        if edition.lang == lang:
            path = output_file
        elif content is not None:
            translation = next((t for t in content.translations if t.lang == edition.lang), None)
            path = translation.url if translation is not None else None
        elif present is None or edition.lang in present:
            path = counterpart_path(output_file, here, edition)
        else:
            path = None
        links.append((edition, path))
    return links
