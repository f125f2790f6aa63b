"""Import the 18F blog posts (Jekyll, YAML front matter) for the similar-articles evaluation.

tags -> tags, authors -> actors, title, date, excerpt -> lead. A post whose body links to
another post of the corpus (`{{ "/2014/03/19/hello-world-we-are-18f/" | url }}`, or a full
https://18f.gsa.gov/2014/03/19/... URL) says the two are related: those links are the
ground truth of the evaluation, never an input of the ranking.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import yaml

HEADER = re.compile(r"\A---\s*\n(?P<header>.*?)\n---\s*\n(?P<body>.*)\Z", re.DOTALL)
POST_LINK = re.compile(
    r"""(?:["(]|18f\.gsa\.gov)/(?P<y>\d{4})/(?P<m>\d{2})/(?P<d>\d{2})/(?P<slug>[\w.-]+?)/?(?:[#?][^"')\s]*)?["')\s]"""
)
SHORTCODE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)


@dataclass(frozen=True)
class Post:
    key: str  # the file name without .md, e.g. 2014-03-19-hello-world-we-are-18f
    title: str
    date: dt.datetime  # timezone-aware (UTC when the post gives no time zone)
    tags: tuple[str, ...]
    actors: tuple[str, ...]
    category: str
    lead: str
    body: str  # shortcodes stripped
    links: tuple[str, ...]  # keys of the corpus posts this one links to


class Skipped(NamedTuple):
    path: Path
    reason: str


def read_posts(folder: Path) -> tuple[list[Post], list[Skipped]]:
    """Every readable post of the folder in file-name order, and the files left out."""
    raw, skipped = {}, []
    for path in sorted(Path(folder).glob("*.md")):
        match = HEADER.match(path.read_text(encoding="utf-8"))
        if not match:
            skipped.append(Skipped(path, "no YAML front matter between --- lines"))
            continue
        try:
            header = _load_header(match["header"])
        except yaml.YAMLError as error:
            skipped.append(Skipped(path, f"invalid YAML: {error}".splitlines()[0]))
            continue
        raw[path.stem] = (header, match["body"])
    posts = [_post(key, header, body, raw.keys()) for key, (header, body) in raw.items()]
    return posts, skipped


def _load_header(text: str) -> dict:
    """YAML front matter; tab characters, which YAML refuses as indentation, become spaces."""
    try:
        header = yaml.safe_load(text)
    except yaml.YAMLError:
        header = yaml.safe_load(text.replace("\t", "  "))
    return header if isinstance(header, dict) else {}


def _post(key, header, body, known_keys) -> Post:
    links = tuple(
        dict.fromkeys(
            target
            for target in (
                f"{m['y']}-{m['m']}-{m['d']}-{m['slug']}" for m in POST_LINK.finditer(body)
            )
            if target in known_keys and target != key
        )
    )
    return Post(
        key=key,
        title=str(header.get("title", key)),
        date=_date(header.get("date"), key),
        tags=_names(header.get("tags")),
        actors=_names(header.get("authors") or header.get("author")),
        category=str(header.get("category") or ""),
        lead=" ".join(str(header.get("excerpt") or "").split()),
        body=SHORTCODE.sub("", body),
        links=links,
    )


def _names(value) -> tuple[str, ...]:
    if value is None:
        return ()
    items = value if isinstance(value, list) else [value]
    return tuple(dict.fromkeys(str(item).strip() for item in items if str(item).strip()))


def _date(value, key: str) -> dt.datetime:
    if isinstance(value, dt.datetime):
        parsed = value
    elif isinstance(value, dt.date):
        parsed = dt.datetime(value.year, value.month, value.day)
    elif value:
        parsed = dt.datetime.fromisoformat(str(value))
    else:  # the file name starts with the date
        parsed = dt.datetime.strptime(key[:10], "%Y-%m-%d")
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def link_pairs(posts: list[Post]) -> set[frozenset[str]]:
    """The related pairs the authors linked, in either direction, each once."""
    return {frozenset((post.key, target)) for post in posts for target in post.links}
