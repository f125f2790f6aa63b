"""Jinja filters and globals of the theme (JINJA_FILTERS and JINJA_GLOBALS in
pelicanconf.py)."""

from babel.dates import format_datetime
from jinja2 import pass_environment

MAX_DATE_TEXTS = 200_000
_date_texts: dict[tuple, str] = {}


def without_empty(mapping):
    """A dict without its empty values (for JSON-LD)."""
    return {key: value for key, value in mapping.items() if value not in (None, "", [], {})}


def date_text(date, pattern: str, lang: str = "en"):
    """The date as lang writes it, by a CLDR pattern (Babel: "d MMMM y, HH:mm" gives
    "22 апреля 2016, 18:34"), at the time of day it was written; once per date: an
    article's date is printed on its page, its cards and the similar lists it appears in."""
    # Not keyed on the date itself: aware datetimes are equal when they are the same instant
    # in any zone (12:00+03:00 must not print as 09:00+00:00), and dateutil's zones, which
    # Pelican gives to dates written with an offset, cannot be hashed.
    key = (type(date), date.isoformat(), date.tzname(), pattern, lang)
    text = _date_texts.get(key)
    if text is None:
        if len(_date_texts) >= MAX_DATE_TEXTS:  # a long-running preview server
            _date_texts.clear()
        text = _date_texts[key] = format_datetime(date, pattern, locale=lang)
    return text


def split_by(items, attribute: str) -> tuple[list, list]:
    """(the items whose attribute is false, those whose attribute is true), each in order:
    what |rejectattr and |selectattr give, in one pass."""
    without, having = [], []
    for item in items:
        (having if getattr(item, attribute) else without).append(item)
    return without, having


@pass_environment
def cached(environment, *key, caller):
    """{% call cached(name, value...) %}HTML{% endcall %}: the block's HTML, made once for
    each key. The block must read nothing that is not in its key (or a setting): it is
    given again wherever the key is the same. Kept in the Jinja environment, which Pelican
    makes anew for each build, through Environment.extend: Jinja's way for an extension to
    keep its own values on the environment."""
    environment.extend(cached_fragments={})  # only if the environment has none yet
    fragments = environment.cached_fragments
    html = fragments.get(key)
    if html is None:
        html = fragments[key] = caller()
    return html
