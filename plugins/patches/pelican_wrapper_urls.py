"""The URL, file name and page name of a tag, category or actor, formatted once a build.

Checked against pelican 4.12.0. URLWrapper formats its URL from the settings at each use:
the menu, every article's tags and actors, every list page ask again, some hundred
thousand times at ten thousand articles. When the setting reads only the name and the
slug (as all of ours do) the same format of the same values is kept; any other setting
goes to Pelican's own code each time.
"""

from __future__ import annotations

import functools
import re
import string

from pelican.urlwrappers import URLWrapper

from .patching import patch

_FROM_SETTINGS = URLWrapper._from_settings
_MADE: dict[tuple, str] = {}


def _from_settings(self, key, get_page_name=False):
    value = self.settings[f"{self.__class__.__name__.upper()}_{key}"]
    if type(value) is not str or not _reads_name_and_slug_only(value):
        return _FROM_SETTINGS(self, key, get_page_name)
    memo_key = (value, get_page_name, self.name, self.slug)
    text = _MADE.get(memo_key)
    if text is None:
        text = _MADE[memo_key] = _FROM_SETTINGS(self, key, get_page_name)
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


def _property(name: str) -> property:
    key = "SAVE_AS" if name == "save_as" else "URL"
    return property(functools.partial(_from_settings, key=key, get_page_name=name == "page_name"))


PATCH = patch(
    "pelican",
    "4.12.0",
    *((URLWrapper, name, _property(name)) for name in ("url", "save_as", "page_name")),
)


def install() -> None:
    _MADE.clear()
    PATCH.install()


def restore() -> None:
    _MADE.clear()
    PATCH.restore()
