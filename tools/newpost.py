"""`make newpost TITLE="..." [CATEGORY=...] [EDITION=ru] [TRANSLATION_OF=slug]`: a new
article, ready to write (in another language, or as the translation of an article).

Creates content/articles/<year>/<slug>.md (the slug from the title, Cyrillic
transliterated) with every front-matter field present and explained, today's date and
time, and status: draft. Never overwrites a file.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]
from plugins.stages import PLUGIN_PATHS  # noqa: E402

sys.path[:0] = PLUGIN_PATHS

from pelican.settings import read_settings  # noqa: E402
from pelican.utils import slugify  # noqa: E402

TEMPLATE = """\
---
# Every field is explained in docs/authoring.md. Delete a line you do not need.
title: {title}
date: {date}  # date and time of publication ({timezone})
status: draft  # draft: previewed, never published; remove this line to publish
category: {category}  # one of: {categories}
tags: []  # topics, e.g. [Belarus–Russia relations, sanctions]
actors: []  # people, organisations, states, as named in content/actors.yml
summary: ""  # the lead: one or two sentences shown under the title and in lists
image: ""  # a lead image in content/images/, e.g. images/photo.jpg
image_alt: ""  # what the image shows, for readers who cannot see it
image_credit: ""  # the credit line as it should read, e.g. "Фото: RFRM"
related: []  # slugs of articles to pin under "Similar articles"
similar: true  # false removes the "Similar articles" block
lang: {lang}  # the language of the article: {languages}
{translation}---

"""


class NewPostError(Exception):
    pass


def new_post(
    title: str,
    category: str | None,
    settings: dict,
    now: dt.datetime,
    lang: str | None = None,
    translation_of: str | None = None,
) -> Path:
    title = " ".join(title.split())
    if not title:
        raise NewPostError('give a title: make newpost TITLE="The headline"')
    languages = list(settings.get("LANGUAGES") or [settings["DEFAULT_LANG"]])
    lang = lang or settings["DEFAULT_LANG"]
    if lang not in languages:
        known = ", ".join(languages)
        raise NewPostError(f"{lang!r} is not a language of this site; use one of: {known}")
    categories = settings.get("CATEGORIES") or []
    category = category or (categories[0] if categories else "")
    if categories and category not in categories:
        raise NewPostError(f"{category!r} is not a category; use one of: {', '.join(categories)}")
    slug = slugify(title, regex_subs=settings["SLUG_REGEX_SUBSTITUTIONS"])
    name = slug if lang == settings["DEFAULT_LANG"] else f"{slug}.{lang}"
    path = Path(settings["PATH"]) / "articles" / f"{now:%Y}" / f"{name}.md"
    if path.exists():
        raise NewPostError(f"{path} already exists: choose another title, or edit that file")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        TEMPLATE.format(
            title=json.dumps(title, ensure_ascii=False),  # a quoted YAML string
            date=f"{now:%Y-%m-%d %H:%M}",
            timezone=settings["TIMEZONE"],
            category=json.dumps(category, ensure_ascii=False),
            categories=", ".join(categories),
            lang=lang,
            languages=", ".join(languages),
            translation=(
                f"translation_of: {json.dumps(translation_of)}  # the slug of the original\n"
                if translation_of
                else ""
            ),
        ),
        encoding="utf-8",
    )
    return path


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("title")
    parser.add_argument("--category")
    parser.add_argument("--lang", help="the article's language (LANGUAGES in pelicanconf.py)")
    parser.add_argument("--translation-of", metavar="SLUG", help="the article it translates")
    parser.add_argument("--content", type=Path, default=ROOT / "content")
    parser.add_argument("-s", "--settings", type=Path, default=ROOT / "pelicanconf.py")
    args = parser.parse_args(argv)
    settings = read_settings(str(args.settings), override={"PATH": str(args.content.resolve())})
    now = dt.datetime.now(ZoneInfo(settings["TIMEZONE"]))
    try:
        path = new_post(args.title, args.category, settings, now, args.lang, args.translation_of)
    except NewPostError as error:
        print(f"newpost: {error}", file=sys.stderr)
        return 1
    print(f"Created {path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path}")
    print("Write the article below the closing '---', then: make check, make devserver.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
