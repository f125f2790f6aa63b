"""An article's or page's URL and file name, formatted once its metadata is final.

Checked against pelican 4.12.0. Content.get_url_setting formats the URL setting with the
article's metadata (its date through Pelican's strftime) each time a template or a plugin
asks for url or save_as: some 25 times per article. Once the generator has gathered an
article they no longer change; from then (keep_urls(content)) its values are kept in a
dict on the article itself, and come back with it from an earlier build's cache when its
metadata is the same. An article not kept is formatted as Pelican formats it.
"""

from __future__ import annotations

from pelican.contents import Content

from .patching import patch

MEMO = "_url_memo"  # the key, in the article's own __dict__, of the values kept


def get_url_setting(self, key: str) -> str:
    memo = self.__dict__.get(MEMO)
    if memo is None:
        return ORIGINAL(self, key)
    if key not in memo:
        memo[key] = ORIGINAL(self, key)
    return memo[key]


def keep_urls(content, kept: dict | None = None) -> None:
    """From now on the content's URL settings are computed once (kept: from a cache)."""
    content.__dict__[MEMO] = dict(kept or {})


def kept_urls(content) -> dict:
    return dict(content.__dict__.get(MEMO) or {})


PATCH = patch("pelican", "4.12.0", (Content, "get_url_setting", get_url_setting))
ORIGINAL = PATCH.replacements[0].original
install, restore = PATCH.install, PATCH.restore
