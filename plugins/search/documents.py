"""What the search index knows of an article, as plain text. Pure Python: no Pelican import."""

from __future__ import annotations

import hashlib
import os
import pickle
import re

from selectolax.lexbor import LexborHTMLParser

# Elements that end a run of words: a space goes before each, so that "<p>a</p><p>b</p>"
# reads "a b" (an inline element such as <em> joins its words to the next).
_BLOCK = re.compile(
    r"<(?=(?:p|li|h[1-6]|blockquote|pre|td|th|br|div|dt|dd|figcaption)[\s/>])", re.I
)


def plain_text(html: str) -> str:
    """The text of an HTML fragment as a reader reads it: tags dropped, script and style
    skipped, entities decoded once, spaces collapsed. Parsed by Lexbor (selectolax), the
    HTML5 parser the content checks use: twice as quick as the standard library's."""
    if not html:
        return ""
    tree = LexborHTMLParser(_BLOCK.sub(" <", html))
    tree.strip_tags(["script", "style"])
    body = tree.body
    return " ".join(body.text(deep=True).split()) if body is not None else ""


def search_document(
    *,
    title: str,
    url: str,
    date: str,
    datetime: str,
    category: str,
    tags: list[str],
    actors: list[str],
    lead_html: str,
    body_html: str,
    text_of=plain_text,
) -> dict:
    """One entry of the documents list that tools/search/index_builder.cjs indexes;
    text_of turns HTML into plain text (plain_text, or a cache in front of it)."""
    return {
        "title": text_of(title),
        "url": url,
        "date": date,
        "datetime": datetime,
        "category": category,
        "tags": tags,
        "actors": actors,
        "lead": text_of(lead_html),
        "body": text_of(body_html),
    }


class TextCache:
    """plain_text() of HTML seen before, kept between builds in SHARDS pickle files in a
    folder (an edit rewrites the shard of the changed text only)."""

    SHARDS = 16

    def __init__(self, folder=None):
        self.folder = folder
        self._texts: dict[bytes, str] = {}  # as saved by the last build
        self._used: dict[bytes, str] = {}
        self.made: dict[bytes, str] = {}  # made ahead of the calls (texts_ahead)
        for number in range(self.SHARDS if folder is not None else 0):
            try:
                with open(os.path.join(folder, f"{number}.pickle"), "rb") as handle:
                    self._texts.update(pickle.load(handle))
            except (OSError, EOFError, pickle.UnpicklingError, ValueError):
                pass  # a missing or damaged shard: its texts are made again

    def __call__(self, html: str) -> str:
        key = _key(html)
        text = self._texts.get(key)
        if text is None:
            text = self.made.get(key)
        if text is None:
            text = plain_text(html)
        self._used[key] = text
        return text

    def texts_ahead(self, htmls) -> dict[bytes, str]:
        """The plain texts of those htmls that are not known yet, to be given to `made`
        (made in another process while this one does other work)."""
        made = {}
        for html in htmls:
            key = _key(html)
            if key not in self._texts and key not in made:
                made[key] = plain_text(html)
        return made

    def save(self) -> None:
        """Keep the texts of this build only: the shards whose keys changed are written."""
        if self.folder is None:
            return
        dirty = {key[0] % self.SHARDS for key in self._used.keys() ^ self._texts.keys()}
        os.makedirs(self.folder, exist_ok=True)
        for number in dirty:
            shard = {k: v for k, v in self._used.items() if k[0] % self.SHARDS == number}
            path = os.path.join(self.folder, f"{number}.pickle")
            with open(f"{path}.{os.getpid()}.tmp", "wb") as handle:
                pickle.dump(shard, handle, pickle.HIGHEST_PROTOCOL)
            os.replace(f"{path}.{os.getpid()}.tmp", path)


TEXT_VERSION = b"2"  # of plain_text(): a text made by another version is made again


def _key(html: str | None) -> bytes:
    return hashlib.blake2b(TEXT_VERSION + (html or "").encode(), digest_size=16).digest()
