"""Fixes of Pelican's speed at ten thousand articles, with the same results.

- An article's URL and file name are formatted again (dates through Pelican's strftime)
  each time a template or plugin asks for them: some 25 times per article. Once the
  articles are gathered they no longer change, so each article is given a subclass of
  its own class (same name, so Pelican's settings lookup is the same) that keeps them.
- Pelican writes each tag and category page after `[a for a in self.dates if a in
  articles]`: for each tag, a scan of every article with a list lookup in each. Here the
  tag's own articles are sorted by their place in the dates.
- Pelican makes an article's Atom id (feedgenerator's get_tag_uri, its date through
  Pelican's strftime) again for each of the some ten feeds the article is in.
- Pelican's strftime (every date of a page, URL or feed goes through it) takes its format
  apart with two regular expressions at each call; here once per format.
- The URL of a tag, category or actor is formatted from the settings each time a page
  links to it (the menu, every article's tags and actors); here once per build.
- Pelican reads every date with dateutil's parser, a general one; a date written as ours
  are (2016-04-22 18:34, seconds and offset optional) is read here directly.
"""

from __future__ import annotations

import functools
import re
import string

import pelican.readers
import pelican.utils
from dateutil import tz
from feedgenerator import get_tag_uri
from pelican.urlwrappers import URLWrapper
from pelican.utils import SafeDatetime

_MEMO_CLASSES: dict[type, type] = {}


def _memo_get_url_setting(self, key: str) -> str:
    memo = self.__dict__.setdefault("_url_memo", {})
    if key not in memo:
        memo[key] = super(type(self), self).get_url_setting(key)
    return memo[key]


def keep_urls(content) -> None:
    """From now on, the content's URL settings are computed once."""
    cls = type(content)
    if cls in _MEMO_CLASSES.values():
        return
    if cls not in _MEMO_CLASSES:
        _MEMO_CLASSES[cls] = type(
            cls.__name__,
            (cls,),
            {
                "get_url_setting": _memo_get_url_setting,
                "__module__": cls.__module__,
                "__qualname__": cls.__qualname__,
            },
        )
    content.__class__ = _MEMO_CLASSES[cls]


def linear_taxonomy_pages(generator) -> None:
    """Pelican's generate_tags, generate_categories and generate_authors, with each page's
    date list made by sorting its articles by their place in generator.dates instead of
    scanning all of generator.dates per tag (Pelican 4.12; same calls to write, same
    order)."""
    generator.generate_tags = lambda write: _write_groups(
        generator, write, generator.tags.items(), "tag"
    )
    generator.generate_categories = lambda write: _write_groups(
        generator, write, generator.categories, "category"
    )
    generator.generate_authors = lambda write: _write_groups(
        generator, write, generator.authors, "author"
    )


def _write_groups(generator, write, groups, kind: str) -> None:
    from pelican.writers import FileOverwriteFailedError

    place = {id(article): number for number, article in enumerate(generator.dates)}
    template = generator.get_template(kind)
    for item, articles in groups:
        dates = sorted(articles, key=lambda article: place[id(article)])
        try:
            write(
                item.save_as,
                template,
                generator.context,
                url=item.url,
                **{kind: item},
                articles=articles,
                dates=dates,
                template_name=kind,
                blog=True,
                page_name=item.page_name,
                all_articles=generator.articles,
            )
        except FileOverwriteFailedError:
            if item.slug:
                raise


def linear_period_archives(generator) -> None:
    """Pelican's _build_period_archives lists each year's articles with `[a for a in
    articles if a in dates]`, a list lookup per article per year: here Pelican builds the
    archives without that list, and it is made with a set of the year's articles."""
    original = generator._build_period_archives

    def build(sorted_articles, articles, settings):
        archives = original(sorted_articles, [], settings)
        for periods in archives.values():
            for archive in periods:
                members = {id(article) for article in archive["dates"]}
                archive["articles"] = [a for a in articles if id(a) in members]
        return archives

    generator._build_period_archives = build


def process_translations(content_list, translation_id=None):
    """pelican.utils.process_translations (4.12), but for its last line, `[x for x in
    content_list if x not in index]`, a list lookup per article: a set lookup here."""
    from itertools import groupby
    from operator import attrgetter

    from pelican.utils import get_original_items

    if not translation_id:
        return content_list, []
    if isinstance(translation_id, str):
        translation_id = {translation_id}
    index = []
    try:
        content_list.sort(key=attrgetter(*translation_id))
    except TypeError:
        raise TypeError(
            f"Cannot unpack {translation_id}, 'translation_id' must be falsy, a"
            " string or a collection of strings"
        ) from None
    except AttributeError:
        raise AttributeError(
            f"Cannot use {translation_id} as 'translation_id', there "
            "appear to be items without these metadata "
            "attributes"
        ) from None
    for id_vals, items in groupby(content_list, attrgetter(*translation_id)):
        id_vals = (id_vals,) if len(translation_id) == 1 else id_vals
        with_str = "with" + ", ".join([' {} "{{}}"'] * len(translation_id)).format(
            *translation_id
        ).format(*id_vals)
        items = list(items)
        index.extend(get_original_items(items, with_str))
        for a in items:
            a.translations = [x for x in items if x != a]
    in_index = {id(item) for item in index}
    return index, [x for x in content_list if id(x) not in in_index]


_TAG_URIS: dict[tuple, str] = {}


def tag_uri(url, date) -> str:
    """get_tag_uri(url, date), made once: it reads only the URL and the day of the date."""
    key = (url, None if date is None else (date.year, date.month, date.day))
    if key not in _TAG_URIS:
        _TAG_URIS[key] = get_tag_uri(url, date)
    return _TAG_URIS[key]


def forget_tag_uris() -> None:
    _TAG_URIS.clear()


PELICAN_STRFTIME = pelican.utils.strftime
_DIRECTIVE = re.compile("%[-]?.")  # pelican.utils.strftime's (4.12), as are the two below
_C89_DIRECTIVES = "aAbBcdfGHIjmMpSUuVwWxXyYzZ%"


@functools.lru_cache(maxsize=256)
def _parsed_format(date_format: str) -> tuple[str, tuple, bool]:
    """Pelican's template and, for each directive it found, (what datetime.strftime is
    asked, strip leading zeros) or, for one it keeps as written, (the text, None); and
    whether datetime.strftime gives the same in one call (every directive a C89 one, none
    with '-', no other '%')."""
    steps = tuple(
        (f"%{found[-1]}", len(found) == 3) if found[-1] in _C89_DIRECTIVES else (found, None)
        for found in _DIRECTIVE.findall(date_format)
    )
    in_one_call = all(strip is False for _, strip in steps)
    in_one_call = in_one_call and "%" not in _DIRECTIVE.sub("", date_format)
    return _DIRECTIVE.sub("%s", date_format), steps, in_one_call


def strftime(date, date_format: str) -> str:
    """pelican.utils.strftime: directives with a '-' (%-d) give no leading zeros."""
    template, steps, in_one_call = _parsed_format(date_format)
    safe = isinstance(date, SafeDatetime)
    if in_one_call:
        return date.strftime(date_format, safe=False) if safe else date.strftime(date_format)
    parts = []
    for directive, strip in steps:
        if strip is None:
            parts.append(directive)
            continue
        text = date.strftime(directive, safe=False) if safe else date.strftime(directive)
        parts.append((text.lstrip("0") or "0") if strip else text)
    return template % tuple(parts)


def quicker_strftime(on: bool) -> None:
    """Pelican's SafeDatetime.strftime and its Jinja filter call pelican.utils.strftime."""
    pelican.utils.strftime = strftime if on else PELICAN_STRFTIME


PELICAN_URL_PROPERTIES = {name: vars(URLWrapper)[name] for name in ("url", "save_as", "page_name")}
_PELICAN_FROM_SETTINGS = URLWrapper._from_settings
_WRAPPER_URLS: dict[tuple, str] = {}


def _from_settings(self, key, get_page_name=False):
    """URLWrapper._from_settings, kept for the build when the setting reads only the name
    and the slug (as all of ours do): the same format of the same values."""
    value = self.settings[f"{self.__class__.__name__.upper()}_{key}"]
    if type(value) is not str or not _reads_name_and_slug_only(value):
        return _PELICAN_FROM_SETTINGS(self, key, get_page_name)
    memo_key = (value, get_page_name, self.name, self.slug)
    text = _WRAPPER_URLS.get(memo_key)
    if text is None:
        text = _WRAPPER_URLS[memo_key] = _PELICAN_FROM_SETTINGS(self, key, get_page_name)
    return text


@functools.lru_cache(maxsize=256)
def _reads_name_and_slug_only(template: str) -> bool:
    try:
        fields = [
            field for _, field, _, _ in string.Formatter().parse(template) if field is not None
        ]
    except ValueError:
        return False
    return all(re.split(r"[.\[]", field)[0] in ("name", "slug") for field in fields)


def quicker_wrapper_urls(on: bool) -> None:
    """URLWrapper's url, save_as and page_name properties, through _from_settings."""
    _WRAPPER_URLS.clear()
    for name, pelican_property in PELICAN_URL_PROPERTIES.items():
        if on:
            key = "SAVE_AS" if name == "save_as" else "URL"
            getter = functools.partial(_from_settings, key=key, get_page_name=name == "page_name")
            setattr(URLWrapper, name, property(getter))
        else:
            setattr(URLWrapper, name, pelican_property)


PELICAN_GET_DATE = pelican.readers.get_date
_ISO_DATE = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})[ T]([0-9]{2}):([0-9]{2})(?::([0-9]{2}))?"
    r"(?:([+-])([0-9]{2}):?([0-9]{2}))?\Z"
)


def get_date(string: str):
    """pelican.utils.get_date: what dateutil makes of a date like 2016-04-22 18:34+03:00,
    without its parser; any other text goes to Pelican's."""
    found = _ISO_DATE.match(string)
    if found is None:
        return PELICAN_GET_DATE(string)
    year, month, day, hour, minute, second, sign, off_hours, off_minutes = found.groups()
    tzinfo = None
    if sign is not None:
        offset = (int(off_hours) * 3600 + int(off_minutes) * 60) * (1 if sign == "+" else -1)
        # dateutil's zone for +00:00 depends on the machine's; out of range, it fails
        if not offset or int(off_hours) > 23 or int(off_minutes) > 59:
            return PELICAN_GET_DATE(string)
        tzinfo = tz.tzoffset(None, offset)  # as dateutil gives it
    try:
        values = (int(year), int(month), int(day), int(hour), int(minute), int(second or 0))
        return SafeDatetime(*values, tzinfo=tzinfo)
    except ValueError:  # out of range: Pelican's says so
        return PELICAN_GET_DATE(string)


def quicker_dates(on: bool) -> None:
    """Pelican's readers call pelican.readers.get_date."""
    pelican.readers.get_date = get_date if on else PELICAN_GET_DATE
