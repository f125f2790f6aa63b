"""The Atom id of an article (feedgenerator's get_tag_uri, as Pelican's writer calls it),
made once per URL and day.

Checked against pelican 4.12.0. An article is in some ten feeds (the site's, its
category's, its tags' and actors', in Atom and RSS), and for each Pelican makes its id
again, the date going through Pelican's strftime. get_tag_uri reads only the URL and the
day of the date, so its result is kept for the build (forget() at each start).
"""

from __future__ import annotations

import pelican.writers
from feedgenerator import get_tag_uri

from .patching import patch

_MADE: dict[tuple, str] = {}


def tag_uri(url, date) -> str:
    key = (url, None if date is None else (date.year, date.month, date.day))
    if key not in _MADE:
        _MADE[key] = get_tag_uri(url, date)
    return _MADE[key]


def forget() -> None:
    _MADE.clear()


PATCH = patch("pelican", "4.12.0", (pelican.writers, "get_tag_uri", tag_uri))


def install() -> None:
    forget()
    PATCH.install()


def restore() -> None:
    forget()
    PATCH.restore()
