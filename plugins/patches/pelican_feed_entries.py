"""Atom and RSS feeds as feedgenerator writes them, with each entry made once per build.

Checked against pelican 4.12.0 and feedgenerator 2.2.1. An article is an entry of several
feeds (the site's, its category's, its tags' and its actors'), each in Atom and in RSS,
and feedgenerator writes each entry element by element, escaping the article's whole text
every time. Here the XML of an entry is kept, keyed on all the values of the entry, and
written as it is into the next feed that has the same entry: the same code makes the XML,
into a string instead of the file. Pelican's writer makes its feeds from the classes its
module imported (Writer._create_new_feed), so the patch gives that module these
subclasses; no feed changes class once made.
"""

from __future__ import annotations

import datetime as dt
import io

import pelican.writers
from feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from feedgenerator.django.utils.xmlutils import SimplerXMLGenerator

from .patching import patch

_entries: dict[tuple, str] = {}  # (feed class, the entry's values) -> the entry's elements


class _EntriesMadeOnce:
    def add_item_elements(self, handler, item):
        key = _key(type(self), item)
        elements = _entries.get(key) if key is not None else None
        if elements is None:
            text = io.StringIO()
            super().add_item_elements(
                SimplerXMLGenerator(text, "utf-8", short_empty_elements=True), item
            )
            elements = text.getvalue()
            if key is not None:
                _entries[key] = elements
        # Written as it is: the text was escaped once, when it was made. The handler's
        # ignorableWhitespace is SAX's public way to write characters unescaped; it first
        # closes the entry's start tag, as the next element would.
        handler.ignorableWhitespace(elements)


class AtomEntriesMadeOnce(_EntriesMadeOnce, Atom1Feed):
    pass


class RssEntriesMadeOnce(_EntriesMadeOnce, Rss201rev2Feed):
    pass


def forget_entries() -> None:
    """At the start of each build: entries are kept for one build only."""
    _entries.clear()


def _key(feed_class, item: dict) -> tuple | None:
    """The entry's names and values, or None when they cannot make a key. Without a
    publication date feedgenerator's Atom entry takes the time of writing, so such an entry
    is not kept."""
    if item.get("pubdate") is None:
        return None
    values = [feed_class, tuple(item)]
    for value in item.values():
        values.append(value if type(value) in _PLAIN else _frozen(value))
    key = tuple(values)
    try:
        hash(key)
    except TypeError:
        return None
    return key


_PLAIN = {str, bool, type(None)}


def _frozen(value):
    if isinstance(value, list | tuple):
        return tuple(_frozen(part) for part in value)
    if isinstance(value, dt.datetime):  # equal instants in two zones are written apart
        return (type(value), value, value.utcoffset())
    if isinstance(value, Enclosure):
        return (Enclosure, value.url, value.length, value.mime_type)
    return value


PATCH = patch(
    "pelican",
    "4.12.0",
    (pelican.writers, "Atom1Feed", AtomEntriesMadeOnce),
    (pelican.writers, "Rss201rev2Feed", RssEntriesMadeOnce),
)


def install() -> None:
    forget_entries()
    PATCH.install()


def restore() -> None:
    forget_entries()
    PATCH.restore()
