"""Jinja filters and globals of the theme (JINJA_FILTERS and JINJA_GLOBALS in
pelicanconf.py)."""

from jinja2 import pass_environment

MAX_DATE_TEXTS = 200_000
_date_texts: dict[tuple, str] = {}


def without_empty(mapping):
    """A dict without its empty values (for JSON-LD)."""
    return {key: value for key, value in mapping.items() if value not in (None, "", [], {})}


def date_text(date, date_format):
    """date.strftime(date_format), once per date: an article's date is printed on its page,
    its cards and the similar lists it appears in, and Pelican's strftime is slow."""
    # Not keyed on the date itself: aware datetimes are equal when they are the same instant
    # in any zone (12:00+03:00 must not print as 09:00+00:00), and dateutil's zones, which
    # Pelican gives to dates written with an offset, cannot be hashed.
    key = (type(date), date.isoformat(), date.tzname(), date_format)
    text = _date_texts.get(key)
    if text is None:
        if len(_date_texts) >= MAX_DATE_TEXTS:  # a long-running preview server
            _date_texts.clear()
        text = _date_texts[key] = date.strftime(date_format)
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
