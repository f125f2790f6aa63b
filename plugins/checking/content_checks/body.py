"""The HTML of an article's body, made safe to place in a page. Pure Python (no Pelican).

Markdown passes an author's own HTML through as written: one unclosed <table> would swallow
the similar articles and the footer of the page, and of every list that shows the article's
opening words. The body is parsed and written back by an HTML5 parser (Lexbor, through
selectolax), which closes what was left open exactly as a browser would, inside the body.
Media from other hosts are found here too: the site's Content Security Policy blocks them.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser

# A tag an author may have typed: Markdown itself always writes balanced HTML.
_RAW_TAG = re.compile(r"<[A-Za-z!/]")
# Elements whose end tag HTML never implies: opened and closed counts must match.
NEEDS_END_TAG = frozenset(
    "a abbr article aside audio b blockquote button canvas cite code del details dfn div "
    "dl em fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header i iframe ins "
    "kbd label main mark nav object ol picture pre q s samp section select small span "
    "strong sub summary sup svg table textarea time u ul video".split()
)
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)(?=[\s/>])")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
MEDIA = {
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "iframe": ("src",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "input": ("src",),
}
# A body with none of these tags loads nothing: it is not parsed (most bodies have links).
_MEDIA_TAG = re.compile(rf"<(?:{'|'.join(MEDIA)})(?=[\s/>])", re.IGNORECASE)


@dataclass(frozen=True)
class Unbalanced:
    tag: str
    opened: int
    closed: int


def has_raw_html(markdown_text: str) -> bool:
    return bool(_RAW_TAG.search(markdown_text))


def balance(html: str) -> str:
    """The fragment as an HTML5 parser reads it inside <body>: every element closed."""
    tree = LexborHTMLParser(f"<!DOCTYPE html><html><head></head><body>{html}</body></html>")
    return tree.body.inner_html if tree.body is not None else ""


def unbalanced_tags(html: str) -> list[Unbalanced]:
    """Elements opened and closed a different number of times, in order of first use."""
    opened, closed = Counter(), Counter()
    for slash, name in _TAG.findall(_COMMENT.sub("", html)):
        name = name.lower()
        if name in NEEDS_END_TAG:
            (closed if slash else opened)[name] += 1
    names = dict.fromkeys([*opened, *closed])
    return [Unbalanced(n, opened[n], closed[n]) for n in names if opened[n] != closed[n]]


def remote_media(html: str) -> list[tuple[str, str]]:
    """(element, host) of each picture, frame, video or sound the body loads from another
    host, once each, in order."""
    if "//" not in html or not _MEDIA_TAG.search(html):
        return []
    tree = LexborHTMLParser(html)
    found = []
    for element in tree.css(",".join(MEDIA)):
        for attribute in MEDIA[element.tag]:
            for address in _addresses(element.attributes.get(attribute) or "", attribute):
                host = urlsplit(address if "//" in address else "").hostname
                if host and (element.tag, host) not in found:
                    found.append((element.tag, host))
    return found


def _addresses(value: str, attribute: str) -> list[str]:
    if attribute == "srcset":
        return [part.strip().split(" ")[0] for part in value.split(",") if part.strip()]
    return [value.strip()]
