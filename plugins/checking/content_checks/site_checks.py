"""Checks across all the content, once Pelican has gathered it and before it writes.

What no single file shows: two articles or tags that would share one page, a slug used
twice, a link to an article that does not exist, a file that the site does not publish.
"""

from __future__ import annotations

import os
import posixpath
import re
from collections import defaultdict
from pathlib import Path
from urllib.parse import unquote, urlparse

from article_lists import EVERY, PAGES, every_article

from .inventory import Inventory, Layout, markdown_in_static, take_inventory, unused_files
from .paths import MAX_SLUG, output_path_problem, windows_refuses
from .reader import display_path, field_line
from .rules import Problem

TAXONOMIES = ("tags", "category", "actors")
LINK_KINDS = ("filename", "static", "attach", "tag", "category", "author", "index")


def layout_of(settings) -> Layout:
    return Layout(
        articles=tuple(settings["ARTICLE_PATHS"]),
        pages=tuple(settings["PAGE_PATHS"]),
        static=tuple(settings["STATIC_PATHS"]),
        registry=settings.get("ACTORS_REGISTRY", "actors.yml"),
        ignore=tuple(settings["IGNORE_FILES"]),
    )


def inventory_of(settings) -> Inventory:
    """The content folder's files; folder links that loop are kept out of Pelican's walk
    (its *_EXCLUDES), so that it reads nothing twice."""
    inventory = take_inventory(Path(settings["PATH"]), layout_of(settings))
    for link, _ in inventory.loops:
        for name in ("ARTICLE_EXCLUDES", "PAGE_EXCLUDES", "STATIC_EXCLUDES"):
            settings[name] = [*settings.get(name, []), link]
    return inventory


def leave_markdown_out_of_static(generator, inventory: Inventory) -> None:
    """A Markdown file in content/images/ is not copied to the public site."""
    refused = set(markdown_in_static(inventory, layout_of(generator.settings)))
    if not refused:
        return
    generator.staticfiles[:] = [
        static for static in generator.staticfiles if static.relative_source_path not in refused
    ]
    for path in refused:
        generator.context["static_content"].pop(path, None)


def site_problems(generators, inventory: Inventory | None) -> list[Problem]:
    context = generators[0].context
    settings = generators[0].settings
    contents = [c for g in generators for c in every_article(g, (*EVERY, *PAGES))]
    articles = [c for g in generators for c in every_article(g, EVERY)]
    problems = [
        *_unsafe_addresses(contents),
        *_shared_files(generators, contents, settings),
        *_shared_slugs(articles),
        *_taxonomy_problems(articles, settings),
        *_broken_intrasite_links(contents, context, settings),
    ]
    if inventory is not None:
        problems += _unused(inventory, context, settings)
    return problems


def _unsafe_addresses(contents) -> list[Problem]:
    """A save_as or URL pattern that writes outside the output folder or to a hidden file."""
    found = []
    for content in contents:
        reason = output_path_problem(content.save_as or "")
        if reason:
            found.append(
                Problem(
                    display_path(content.source_path),
                    "slug",
                    f"the page's file cannot be written: {reason}.",
                    "give the article a 'slug:' of letters, digits and hyphens, and no "
                    "save_as or url line.",
                    field_line(content.source_path, "slug"),
                )
            )
    return found


def _shared_files(generators, contents, settings) -> list[Problem]:
    """Two things written to one file: the second would replace the first."""
    owners: dict[str, str] = {}  # file written -> a source path, or what else writes it
    for name in settings.get("DIRECT_TEMPLATES", []):
        save_as = settings.get(f"{name.upper()}_SAVE_AS", f"{name}.html")
        if save_as:
            owners[save_as] = f"the site's {name} page"
    for save_as in settings.get("TEMPLATE_PAGES", {}).values():
        owners[save_as] = f"the site's page {save_as}"
    for generator in generators:
        for static in getattr(generator, "staticfiles", []):
            owners.setdefault(static.save_as, static.source_path)
    found = []
    folded = {}  # the file names as a case-insensitive file system sees them
    for content in contents:
        if not content.save_as:
            continue
        other = folded.setdefault(content.save_as.casefold(), content)
        if other is not content and other.save_as != content.save_as:
            found.append(_case_clash(content, other))
        first = owners.setdefault(content.save_as, content.source_path)
        if first != content.source_path:
            field = "save_as" if "save_as" in content.metadata else "slug"
            found.append(
                Problem(
                    display_path(content.source_path),
                    field,
                    f"{display_path(first) if os.path.isabs(first) else first} is written to "
                    f"the same file ({content.save_as}).",
                    "give one of them another title or a 'slug:' line of its own"
                    + (", and no save_as line." if field == "save_as" else "."),
                    field_line(content.source_path, field),
                )
            )
    return found


def _case_clash(content, other) -> Problem:
    return Problem(
        display_path(content.source_path),
        "slug",
        f"its file {content.save_as} differs only in case from {other.save_as} "
        f"({display_path(other.source_path)}): on Windows and macOS they are one file, so "
        "one page of the offline copy would replace the other.",
        "write the slug in lower case, different from the other.",
        field_line(content.source_path, "slug"),
    )


def _shared_slugs(articles) -> list[Problem]:
    """Two articles of one language with one slug: Pelican takes them for translations of
    each other (each page links the other as 'Also in'), and ranks only one of them."""
    by_slug = defaultdict(list)
    for article in articles:
        by_slug[(article.slug, article.lang)].append(article)
    found = []
    for (slug, _), same in by_slug.items():
        files = {a.save_as for a in same}
        if len(same) < 2 or len(files) < len(same):  # same file: told as a shared file
            continue
        first, *others = sorted(same, key=lambda a: a.source_path)
        for article in others:
            found.append(
                Problem(
                    display_path(article.source_path),
                    "slug",
                    f"the slug {slug!r} is also the slug of {display_path(first.source_path)}:"
                    " two articles of one language and one slug are taken for translations"
                    " of each other, and only one of them is ever a similar article.",
                    "give one of them another title or a 'slug:' line of its own.",
                    field_line(article.source_path, "slug")
                    or field_line(article.source_path, "title"),
                )
            )
    return found


def _taxonomy_problems(articles, settings) -> list[Problem]:
    """Tags, categories or actors whose names make an empty, overlong or shared slug (in
    one language: each edition has pages of its own, named in its language)."""
    max_slug = settings.get("SLUG_MAX_LENGTH", MAX_SLUG)
    found = []
    for field in TAXONOMIES:
        spellings = defaultdict(dict)  # (lang, slug) -> {name: first article with it}
        unusable = set()  # (name, slug) told of once
        for article in sorted(articles, key=lambda a: a.source_path):
            value = getattr(article, field, None)
            for item in value if isinstance(value, list) else [value] if value else []:
                slug, name = item.slug, item.name
                names = spellings[(article.lang, slug)]
                if name in names or (name, slug) in unusable:
                    continue
                problem = _slug_problem(field, item, article, max_slug)
                if problem:
                    found.append(problem)
                    unusable.add((name, slug))
                else:
                    names[name] = article
        for (_, slug), names in spellings.items():
            found += _clashes(field, slug, names)
    return list(dict.fromkeys(found))


def _slug_problem(field, item, article, max_slug) -> Problem | None:
    noun = _noun(field)
    if not item.slug.strip("-_"):
        message = f"the {noun} {item.name!r} has no letter or digit to make its page's name."
        fix = f"write the {noun} in words."
    elif len(item.slug) > max_slug:
        message = f"the {noun} {item.name[:40]!r}… is {len(item.name)} characters long."
        fix = f"name the {noun} in a few words: it is the title of a page of its own."
    elif windows_refuses(item.slug):
        message = (
            f"the {noun} {item.name!r} makes the page name {windows_refuses(item.slug)}: "
            "the offline copy could not be unzipped there."
        )
        fix = f"write the {noun} in other words (e.g. in full)."
    else:
        return None
    return Problem(
        display_path(article.source_path),
        field,
        message,
        fix,
        field_line(article.source_path, field),
    )


def _clashes(field, slug, names: dict) -> list[Problem]:
    """Names that share one page: told as a warning when they differ only in case, dashes
    or spacing (one topic written two ways), as an error when they are other words."""
    if len(names) < 2:
        return []
    (first, first_article), *others = names.items()
    noun = _noun(field)
    found = []
    for name, article in others:
        same_words = _plain(name) == _plain(first)
        where = (
            "this article" if first_article is article else display_path(first_article.source_path)
        )
        if same_words:
            message = (
                f"the {noun} {name!r} is written {first!r} in {where}: both are one page "
                f"({slug}), shown as {first!r}."
            )
            fix = f"write it {first!r} everywhere."
        else:
            message = (
                f"the {noun} {name!r} and {first!r} (in {where}) make the same page name "
                f"({slug!r}): Pelican would make one {noun} of the two."
            )
            fix = "write one of them in other words, so that each has a page of its own."
        found.append(
            Problem(
                display_path(article.source_path),
                field,
                message,
                fix,
                field_line(article.source_path, field),
                warning=same_words,
            )
        )
    return found


def _plain(name: str) -> str:
    return " ".join(re.sub(r"[‐‑‒–—―-]", "-", name).casefold().split())


def _noun(field: str) -> str:
    return {"tags": "tag", "actors": "actor", "category": "category"}[field]


def _broken_intrasite_links(contents, context, settings) -> list[Problem]:
    """{filename}, {static} and {attach} links that name no file of the content folder,
    or a draft that a published page would link to."""
    pattern = re.compile(
        r"""(?:href|src|poster|data|cite|formaction|action|content)\s*=\s*(["'])"""
        + settings["INTRASITE_LINK_REGEX"]
        + r"""(?P<value>.*?)\1"""
    )
    found = []
    for content in contents:
        raw = getattr(content, "_content", "") or ""
        if "{" not in raw and "|" not in raw:
            continue
        for match in pattern.finditer(raw):
            problem = _check_link(content, match.group("what"), match.group("value"), context)
            if problem:
                found.append(problem)
    return found


def _check_link(content, what: str, value: str, context) -> Problem | None:
    path = display_path(content.source_path)
    shown = f"{{{what}}}{value}"
    line = _source_line(content.source_path, shown)
    if what not in LINK_KINDS:
        return Problem(
            path,
            "body",
            f"the link {shown!r} is of no kind the site knows ({{{what}}}).",
            f"write one of {', '.join('{' + k + '}' for k in LINK_KINDS[:3])}; Pelican "
            "leaves this one as it is written.",
            line,
            warning=True,
        )
    if what not in ("filename", "static", "attach"):
        return None
    target = urlparse(value).path
    relative = _relative_target(content, unquote(target))
    if relative is None:
        return Problem(
            path,
            "body",
            f"the link {shown!r} climbs out of the content folder.",
            "link only files inside content/, written from this file or from content/ "
            "with a leading '/'.",
            line,
        )
    key = "generated_content" if what == "filename" else "static_content"
    linked = context[key].get(relative) or (
        context["static_content"].get(relative) if what == "filename" else None
    )
    if not os.path.isfile(os.path.join(content.settings["PATH"], relative)):
        linked = None  # Pelican takes any {static} path as a file to copy
    if linked is None and relative in context["generated_content"]:
        return None  # a file Pelican could not read: told of with its own reason
    if linked is None:
        kind = "article or page" if what == "filename" else "file"
        return Problem(
            path,
            "body",
            f"the link {shown!r} names no {kind} of the content folder "
            f"(it would be content/{relative}).",
            "correct the path: it is relative to this file's folder, or to content/ "
            "when it starts with '/'.",
            line,
        )
    if _published(content) and getattr(linked, "status", "published") == "draft":
        return Problem(
            path,
            "body",
            f"the link {shown!r} names a draft ({display_path(linked.source_path)}), "
            "which is not published.",
            "publish that article first, or remove the link.",
            line,
        )
    return None


def _relative_target(content, target: str) -> str | None:
    start = "" if target.startswith("/") else content.relative_dir
    normal = posixpath.normpath(posixpath.join(start, target.lstrip("/")))
    return None if normal == ".." or normal.startswith("../") else normal


def _published(content) -> bool:
    return getattr(content, "status", "published") == "published"


def _source_line(source_path: str, needle: str) -> int | None:
    try:
        text = Path(source_path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    at = text.find(needle)
    return text.count("\n", 0, at) + 1 if at >= 0 else None


def _unused(inventory: Inventory, context, settings) -> list[Problem]:
    used = {*context["generated_content"], *context["static_content"]}
    root = settings["PATH"]
    return [
        Problem(
            display_path(os.path.join(root, unused.path)),
            "",
            unused.message,
            unused.fix,
            warning=not unused.error,
        )
        for unused in unused_files(inventory, used, layout_of(settings))
    ]
