"""What the search index knows of an article, as plain text. Pure Python: no Pelican import."""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser


class _TextOf(HTMLParser):
    """The text of an HTML fragment: tags dropped, script and style skipped."""

    SKIPPED = frozenset({"script", "style"})
    BLOCKS = frozenset(
        {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "td", "br", "div"}
    )

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIPPED:
            self._skipping += 1
        elif tag in self.BLOCKS:
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in self.SKIPPED and self._skipping:
            self._skipping -= 1

    def handle_data(self, data):
        if not self._skipping:
            self.parts.append(data)


def plain_text(html: str) -> str:
    parser = _TextOf()
    parser.feed(html or "")
    parser.close()
    return re.sub(r"\s+", " ", unescape("".join(parser.parts))).strip()


def search_document(
    number: int,
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
) -> dict:
    """One entry of the documents list that tools/search/build_index.cjs indexes."""
    return {
        "id": number,
        "title": plain_text(title),
        "url": url,
        "date": date,
        "datetime": datetime,
        "category": category,
        "tags": tags,
        "actors": actors,
        "lead": plain_text(lead_html),
        "body": plain_text(body_html),
    }
