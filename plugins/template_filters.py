"""Jinja filters of the theme (JINJA_FILTERS in pelicanconf.py)."""

from functools import lru_cache


def without_empty(mapping):
    """A dict without its empty values (for JSON-LD)."""
    return {key: value for key, value in mapping.items() if value not in (None, "", [], {})}


def date_text(date, date_format):
    """date.strftime(date_format), once per date: an article's date is printed on its page,
    its cards and the similar lists it appears in, and Pelican's strftime is slow."""
    return _date_text(date, type(date), date.tzinfo, date_format)


@lru_cache(maxsize=1 << 16)
def _date_text(date, kind, tzinfo, date_format):
    # Aware datetimes are equal when they are the same instant, in any time zone: the type
    # and zone are in the key so that 12:00+03:00 is never printed for 09:00+00:00.
    return date.strftime(date_format)
