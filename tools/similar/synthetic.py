"""A deterministic synthetic publication, for benchmarks: N articles whose tags and actors
follow the long tail of a real archive (a few values on most articles, most values on few).

The same seed and N give the same articles, byte for byte, on any machine.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
from dataclasses import dataclass
from pathlib import Path

import yaml

from pelicanconf import CATEGORIES

# The site's own sections (pelicanconf.py), each with its share of the archive.
CATEGORY_SHARES = (24, 20, 18, 12, 10, 8, 5, 3)
# Tags on a large share of a real archive, whatever else the article is about.
EVERYWHERE_TAGS = (("Belarus", 0.6), ("Russia", 0.3))
WORDS = (
    "minsk moscow kyiv vilnius warsaw brussels border army ministry talks sanctions treaty "
    "exercise election opposition parliament economy energy gas oil loan budget reform court "
    "prisoners media protest union integration defence security summit visit agreement "
    "cooperation pressure dialogue strategy region policy west east alliance negotiations"
).split()
YEARS = 14  # the archive spans about this many years, whatever its size
START = dt.datetime(2012, 1, 1, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=3)))


@dataclass(frozen=True)
class Shape:
    """What an archive looks like, beyond its size. None: in proportion to the size (a tag
    pool a fifth of the articles, an actor pool an eighth), the shape of most tests."""

    tags: int | None = None  # distinct topic tags in the archive
    actors: int | None = None  # distinct actors in the archive
    tags_per_article: tuple[int, int] = (1, 5)
    actors_per_article: tuple[int, int] = (1, 4)
    body_paragraphs: int = 0
    markdown_share: float = 0.0  # articles whose body has links, emphasis, lists, quotes
    script: str = "latin"  # or "cyrillic": bodies, titles and leads in Cyrillic letters


@dataclass(frozen=True)
class SyntheticArticle:
    key: str
    title: str
    date: dt.datetime
    category: str
    tags: tuple[str, ...]
    actors: tuple[str, ...]
    lead: str
    body: str


def generate(
    count: int, seed: int = 2016, body_paragraphs: int = 0, shape: Shape | None = None
) -> list[SyntheticArticle]:
    """count articles, oldest first, spread over about YEARS years."""
    shape = shape or Shape(body_paragraphs=body_paragraphs)
    rng = random.Random(seed)
    tag_ranks = _zipf_cumulative(shape.tags or max(50, count // 5), exponent=1.05)
    actor_ranks = _zipf_cumulative(shape.actors or max(30, count // 8), exponent=1.15)
    category_cumulative = list(itertools.accumulate(CATEGORY_SHARES))
    prose = Prose(seed, cyrillic=shape.script == "cyrillic")
    marks = MarkdownMarks(seed, shape.markdown_share)
    articles = []
    moment = START
    spacing = max(2, YEARS * 365 * 24 * 60 // max(count, 1))  # minutes between articles
    for number in range(count):
        moment += dt.timedelta(minutes=rng.randint(1, 2 * spacing))
        tags = [name for name, share in EVERYWHERE_TAGS if rng.random() < share]
        tags += _draw(rng, tag_ranks, rng.randint(*shape.tags_per_article), "topic")
        actors = _draw(rng, actor_ranks, rng.randint(*shape.actors_per_article), "actor")
        words = prose.transliterated(rng.sample(WORDS, 6))
        articles.append(
            SyntheticArticle(
                key=f"article-{number:06d}",
                title=f"{' '.join(words[:4]).capitalize()} ({number})",
                date=moment,
                category=rng.choices(CATEGORIES, cum_weights=category_cumulative)[0],
                tags=tuple(dict.fromkeys(tags)),
                actors=tuple(actors),
                lead=" ".join(prose.transliterated(_sentence(rng, 18).split())),
                body=marks.body([prose.paragraph(90) for _ in range(shape.body_paragraphs)]),
            )
        )
    return articles


def _zipf_cumulative(size: int, exponent: float) -> list[float]:
    return list(itertools.accumulate(1 / (rank**exponent) for rank in range(1, size + 1)))


def _draw(rng: random.Random, cumulative: list[float], count: int, kind: str) -> list[str]:
    ranks = rng.choices(range(1, len(cumulative) + 1), cum_weights=cumulative, k=count)
    return list(dict.fromkeys(_name(kind, rank) for rank in ranks))


def _name(kind: str, rank: int) -> str:
    """A distinct, pronounceable name per rank: "Kobe Dalutu" (actor), "virano" (topic)."""
    if kind == "actor":
        return f"{_spell(rank * 7919 % 4099 + 60).capitalize()} {_spell(rank).capitalize()}"
    return _spell(rank + 2000)


def _spell(number: int) -> str:
    """number written in syllables: a different word for every number."""
    letters = []
    while True:
        number, digit = divmod(number, len(SYLLABLES))
        letters.append(SYLLABLES[digit])
        if number == 0:
            return "".join(reversed(letters))


def _sentence(rng: random.Random, length: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(length)).capitalize() + "."


SYLLABLES = (
    "ba be bi bo bu da de di do du ka ke ki ko ku la le li lo lu ma me mi mo mu "
    "na ne ni no nu ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo vu za ze zi zo zu"
).split()


# The most frequent words of English prose, in order: real text starts its long tail here.
FUNCTION_WORDS = (
    "the of and to a in is that for it as was with be by on not he this are or his from at "
    "which but have an they you were her she there been one all we their has would when "
    "will more no if out so said what up its about into than them can only other new some "
    "could time these two may then do first any my now such like our over man me even most"
).split()


def _vocabulary(size: int = 40_000, seed: int = 1) -> list[str]:
    """Function words, then distinct pseudo-words, the earlier ones shorter."""
    rng = random.Random(seed)
    words: dict[str, None] = dict.fromkeys(FUNCTION_WORDS)
    while len(words) < size:
        syllables = 1 + min(4, int(rng.expovariate(1.0) * (1 + len(words) / 8000)))
        words["".join(rng.choice(SYLLABLES) for _ in range(syllables + 1))] = None
    return list(words)


class Prose:
    """Text whose word frequencies follow Zipf's law, as real prose does."""

    def __init__(self, seed: int, cyrillic: bool = False):
        self.rng = random.Random(seed)
        self.cyrillic = cyrillic
        self.words = _vocabulary()
        if cyrillic:
            self.words = self.transliterated(self.words)
        self.cumulative = _zipf_cumulative(len(self.words), exponent=1.0)

    def transliterated(self, words: list[str]) -> list[str]:
        """The words in Cyrillic letters when the prose is (the same words otherwise)."""
        if not self.cyrillic:
            return list(words)
        return [word.translate(CYRILLIC) for word in words]

    def paragraph(self, length: int) -> str:
        words = self.rng.choices(self.words, cum_weights=self.cumulative, k=length)
        return " ".join(words).capitalize() + "."


CYRILLIC = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "абцдефгхийклмнопкрстуввхызАБЦДЕФГХИЙКЛМНОПКРСТУВВХЫЗ",
)


class MarkdownMarks:
    """For a share of the articles, a body with what authors write in Markdown: a link and
    emphasis in most paragraphs, a bulleted list and a quotation."""

    def __init__(self, seed: int, share: float):
        self.rng = random.Random(seed + 1)  # its own draws: the plain shape stays the same
        self.share = share

    def body(self, paragraphs: list[str]) -> str:
        if not paragraphs or self.rng.random() >= self.share:
            return "\n\n".join(paragraphs)
        marked = [self._marked(paragraph) for paragraph in paragraphs]
        items = "\n".join(f"- {' '.join(p.split()[:6])}" for p in paragraphs[:4])
        marked.insert(len(marked) // 2, items)
        marked.append("> " + " ".join(paragraphs[0].split()[:25]))
        return "\n\n".join(marked)

    def _marked(self, paragraph: str) -> str:
        words = paragraph.split()
        if len(words) < 12:
            return paragraph
        at = self.rng.sample(range(1, len(words) - 2), 3)
        words[at[0]] = f"[{words[at[0]]}](https://example.org/{self.rng.randint(1, 999)})"
        words[at[1]] = f"*{words[at[1]]}*"
        words[at[2]] = f"**{words[at[2]]}**"
        return " ".join(words)


def write_markdown(articles: list[SyntheticArticle], folder: Path) -> None:
    """Write the articles as the site's Markdown files, one folder per year."""
    for article in articles:
        path = Path(folder) / str(article.date.year) / f"{article.key}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        header = {
            "title": article.title,
            "date": article.date.strftime("%Y-%m-%d %H:%M%z"),
            "category": article.category,
            "tags": list(article.tags),
            "actors": list(article.actors),
            "summary": article.lead,
            "slug": article.key,
        }
        front = yaml.safe_dump(header, allow_unicode=True, sort_keys=False)
        path.write_text(f"---\n{front}---\n\n{article.body}\n", encoding="utf-8")
