"""Checks of a built site that every publication must pass: no broken internal link or
missing asset, and feeds that parse and point at existing pages."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urldefrag, urlsplit

import feedparser
from bs4 import BeautifulSoup

LINK_ATTRIBUTES = {"a": "href", "link": "href", "img": "src", "script": "src", "source": "src"}


def local_target(site: Path, page: Path, target: str, siteurl: str = "") -> Path | None:
    """The file a link of page points at, if it points inside the site; else None."""
    if siteurl and target.startswith(siteurl + "/"):
        target = "/" + target[len(siteurl) + 1 :]
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or target.startswith("#") or not parts.path:
        return None
    path = unquote(urldefrag(parts.path).url)
    base = site if path.startswith("/") else page.parent
    resolved = (base / path.lstrip("/")).resolve()
    return resolved / "index.html" if resolved.is_dir() else resolved


def broken_links(site: Path, siteurl: str = "") -> list[tuple[str, str]]:
    """(page, link) for every internal link or asset that names no file of the site."""
    broken = []
    for page in sorted(site.rglob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for name, attribute in LINK_ATTRIBUTES.items():
            for tag in soup.find_all(name):
                target = tag.get(attribute)
                path = local_target(site, page, target, siteurl) if target else None
                if path is not None and not path.is_file():
                    broken.append((str(page.relative_to(site)), target))
    return broken


def feed_problems(site: Path, siteurl: str) -> list[str]:
    """Feeds that do not parse, are empty, or have entries linking to no page."""
    problems = []
    for feed in sorted((site / "feeds").rglob("*.xml")):
        parsed = feedparser.parse(feed.read_bytes())
        name = str(feed.relative_to(site))
        if parsed.bozo:
            problems.append(f"{name}: does not parse ({parsed.get('bozo_exception')})")
        if not parsed.entries:
            problems.append(f"{name}: no entry")
        for entry in parsed.entries:
            link = entry.get("link", "")
            path = urlsplit(link).path if link.startswith(siteurl) else None
            if path is None or not (site / unquote(path).lstrip("/")).is_file():
                problems.append(f"{name}: entry {entry.get('title')!r} links to {link!r}")
    return problems
