"""A synthetic archive with a ground truth, for `make eval-similar`: articles grouped in
stories (threads a publication follows for weeks), each article linking, as authors do, to
earlier articles of its own story. Deterministic: the same seed and size give the same
archive on any machine.

What makes it hard, as a real archive is:
- editors list only part of what an article is about: each of its story's tags and actors
  is listed or not, by chance; some articles carry a single tag;
- a few tags and actors are on a large share of the archive (the country, its president);
- the text names the story's actors, listed or not, and uses the story's own words;
- a few roundups ("the week in review") carry many popular tags and actors, belong to no
  story and link to nothing: the articles that become listed everywhere.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
from dataclasses import dataclass, replace

from tools.similar.synthetic import CYRILLIC, Prose, _draw, _zipf_cumulative

YEARS = 8
START = dt.datetime(2016, 1, 1, 9, 0, tzinfo=dt.UTC)
EVERYWHERE_TAGS = (("Belarus", 0.6), ("Russia", 0.25))
EVERYWHERE_ACTOR = ("Alaksandr Lukashenka", 0.35)


@dataclass(frozen=True)
class StoryPost:
    """The fields tools/eval_similar.py reads of a post (as corpus_18f.Post)."""

    key: str
    title: str
    date: dt.datetime
    tags: tuple[str, ...]
    actors: tuple[str, ...]
    category: str
    lead: str
    body: str
    links: tuple[str, ...]
    lang: str = "en"


@dataclass(frozen=True)
class _Story:
    tags: tuple[str, ...]
    actors: tuple[str, ...]
    words: tuple[str, ...]
    category: str
    start: dt.datetime
    days: float


def generate(count: int, seed: int = 7, cyrillic: bool = False) -> list[StoryPost]:
    """count posts, oldest first; about one in eight starts a story."""
    rng = random.Random(seed)
    prose = Prose(seed, cyrillic=cyrillic)
    tag_ranks = _zipf_cumulative(max(40, count // 10), exponent=1.0)
    actor_ranks = _zipf_cumulative(max(30, count // 12), exponent=1.1)
    stories = [_story(rng, prose, tag_ranks, actor_ranks) for _ in range(max(1, count // 8))]
    popularity = list(itertools.accumulate(1 / (rank**0.8) for rank in range(1, len(stories) + 1)))
    drafts = []
    for _ in range(count):
        if rng.random() < 0.02:
            drafts.append((_roundup_date(rng), None))
            continue
        story = rng.choices(stories, cum_weights=popularity)[0]
        drafts.append((story.start + dt.timedelta(days=rng.random() * story.days), story))
    drafts.sort(key=lambda item: item[0])
    posts, earlier = [], {}
    for number, (date, story) in enumerate(drafts):
        key = f"post-{number:05d}"
        if story is None:
            posts.append(_roundup(rng, prose, key, date, tag_ranks, actor_ranks, cyrillic))
            continue
        before = earlier.setdefault(id(story), [])
        latest = before[-6:]  # authors link to the story's latest articles
        links = tuple(rng.sample(latest, min(len(latest), rng.randint(1, 2))))
        posts.append(_post(rng, prose, key, date, story, links, tag_ranks, actor_ranks, cyrillic))
        before.append(key)
    # in Cyrillic letters the posts are read as Russian (its stemmer, as the site would)
    return [replace(post, lang="ru") for post in posts] if cyrillic else posts


def _story(rng, prose, tag_ranks, actor_ranks) -> _Story:
    tags = _draw(rng, tag_ranks, rng.randint(1, 3), "topic")
    actors = _draw(rng, actor_ranks, rng.randint(1, 4), "actor")
    # the story's own words: among the mid-frequency words of the language, where a
    # topic's vocabulary sits (neither "the" nor a word used once in the archive)
    words = tuple(prose.words[rng.randint(300, 20_000)] for _ in range(rng.randint(3, 8)))
    return _Story(
        tuple(tags),
        tuple(actors),
        words,
        rng.choice(("politics", "security", "economy", "society", "foreign-policy")),
        START + dt.timedelta(days=rng.random() * YEARS * 365),
        rng.expovariate(1 / 60),
    )


def _post(rng, prose, key, date, story, links, tag_ranks, actor_ranks, cyrillic) -> StoryPost:
    tags = [name for name, share in EVERYWHERE_TAGS if rng.random() < share]
    tags += [tag for tag in story.tags if rng.random() < 0.6]
    tags += _draw(rng, tag_ranks, rng.choice((0, 0, 1, 1, 2)), "topic")
    actors = [actor for actor in story.actors if rng.random() < 0.5]
    actors += _draw(rng, actor_ranks, rng.choice((0, 0, 0, 1)), "actor")
    if rng.random() < EVERYWHERE_ACTOR[1]:
        actors.append(EVERYWHERE_ACTOR[0])
    named = [actor for actor in story.actors if rng.random() < 0.7]
    if not tags:
        tags = list(story.tags[:1])
    body = _body(rng, prose, story.words, named, cyrillic)
    return StoryPost(
        key,
        _title(rng, prose, story.words),
        date,
        tuple(dict.fromkeys(tags)),
        tuple(dict.fromkeys(actors)),
        story.category,
        prose.paragraph(25),
        body,
        links,
        "ru" if cyrillic else "en",
    )


def _roundup(rng, prose, key, date, tag_ranks, actor_ranks, cyrillic) -> StoryPost:
    tags = ["Belarus", *_draw(rng, tag_ranks[:20], 8, "topic")]
    actors = [EVERYWHERE_ACTOR[0], *_draw(rng, actor_ranks[:20], 6, "actor")]
    return StoryPost(
        key,
        f"Week in review ({key})",
        date,
        tuple(dict.fromkeys(tags)),
        tuple(dict.fromkeys(actors)),
        "politics",
        prose.paragraph(25),
        _body(rng, prose, (), actors[:4], cyrillic),
        (),
        "ru" if cyrillic else "en",
    )


def _roundup_date(rng) -> dt.datetime:
    return START + dt.timedelta(days=rng.random() * YEARS * 365)


def _body(rng, prose, words, named, cyrillic) -> str:
    paragraphs = [prose.paragraph(rng.randint(60, 120)).split() for _ in range(rng.randint(2, 8))]
    inserts = [word for word in words if rng.random() < 0.6 for _ in range(rng.randint(1, 4))]
    inserts += [_spelled(actor, cyrillic) for actor in named for _ in range(rng.randint(1, 3))]
    for insert in inserts:
        paragraph = rng.choice(paragraphs)
        paragraph.insert(rng.randint(0, len(paragraph)), insert)
    return "\n\n".join(" ".join(paragraph) for paragraph in paragraphs)


def _title(rng, prose, words) -> str:
    title = [*rng.sample(words, min(2, len(words))), *prose.paragraph(4).rstrip(".").split()]
    return " ".join(title).capitalize()


def _spelled(actor: str, cyrillic: bool) -> str:
    return actor.translate(CYRILLIC) if cyrillic else actor
