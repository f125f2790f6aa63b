"""Atom and RSS feeds as feedgenerator writes them, with each entry made once per build.

An article is an entry of several feeds (the site's, its category's, its tags' and its
actors'), each in Atom and in RSS, and feedgenerator writes each entry element by element,
escaping the article's whole text every time. Here the XML of an entry is kept, keyed on
all the values of the entry, and written as it is into the next feed that has the same
entry. What is written is what feedgenerator writes (the same code makes the XML, into a
string instead of the file).
"""

from __future__ import annotations

import datetime as dt
import io

from feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from feedgenerator.django.utils.xmlutils import SimplerXMLGenerator

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
        # written raw, as characters are once escaped; it first closes the entry's start tag
        handler.ignorableWhitespace(elements)


class AtomEntriesMadeOnce(_EntriesMadeOnce, Atom1Feed):
    pass


class RssEntriesMadeOnce(_EntriesMadeOnce, Rss201rev2Feed):
    pass


FASTER = {Atom1Feed: AtomEntriesMadeOnce, Rss201rev2Feed: RssEntriesMadeOnce}


def entries_made_once(feed):
    """The feed, made to keep its entries' XML (Atom and RSS 2.0; another kind as it is)."""
    faster = FASTER.get(type(feed))
    if faster is not None:
        feed.__class__ = faster
    return feed


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
