"""Ranking again only the lists that may change gives exactly the lists of a full ranking."""

import datetime as dt
import pickle
import random
from dataclasses import replace

import pytest
from similar_articles.core import Document, SimilarityConfig, SimilarityIndex, rank_all
from similar_articles.incremental import Ranking, lists_to_rank

from pelicanconf import SIMILAR_ARTICLES
from tools.similar.synthetic import generate

SITE = {k: v for k, v in SIMILAR_ARTICLES.items() if k != "workers"}


def corpus(seed):
    return [
        Document(a.key, a.date, {"tags": a.tags, "actors": a.actors, "category": [a.category]})
        for a in generate(500, seed=seed)
    ]


def edited(documents, rng):
    """A copy with a few articles retagged, moved in time or to another category."""
    documents = list(documents)
    tags = sorted({t for d in documents for t in d.keywords["tags"]})
    for number in [0, *rng.sample(range(1, len(documents)), 2)]:  # 0: the pinned one
        document = documents[number]
        keywords = {field: list(values) for field, values in document.keywords.items()}
        change = "date" if number == 0 else rng.choice(["tag", "untag", "date", "category"])
        if change == "tag":
            keywords["tags"].append(rng.choice(tags))
        elif change == "untag" and keywords["tags"]:
            keywords["tags"].pop()
        elif change == "date":
            document = replace(
                document, date=document.date + dt.timedelta(days=rng.randint(1, 900))
            )
        else:
            keywords["category"] = [rng.choice(["Economy", "Security", "Opinion"])]
        documents[number] = replace(document, keywords=keywords)
    return documents


@pytest.mark.parametrize("settings", [SITE, {}], ids=["site", "defaults"])
@pytest.mark.parametrize("seed", [3, 4, 5])
def test_the_lists_ranked_again_are_all_that_change(settings, seed):
    config = SimilarityConfig.from_mapping(settings)
    rng = random.Random(seed)
    documents = corpus(seed)
    queries = [(d, [documents[0].key] if n % 50 == 7 else []) for n, d in enumerate(documents)]
    previous = Ranking.of(
        repr(config), documents, queries, rank_all(SimilarityIndex(documents, config), queries)
    )
    lists_changed = 0
    for _ in range(3):
        documents = edited(documents, rng)
        queries = [(d, pins) for d, (_, pins) in zip(documents, queries, strict=True)]
        index = SimilarityIndex(documents, config)
        full = rank_all(index, queries)
        numbers = lists_to_rank(previous, Ranking.of(repr(config), documents, queries))
        assert numbers is not None and len(numbers) < len(queries)
        answers = list(previous.answers)
        for number in numbers:
            answers[number] = rank_all(index, [queries[number]])[0]
        assert answers == full
        lists_changed += sum(a != b for a, b in zip(full, previous.answers, strict=True))
        previous = pickle.loads(pickle.dumps(Ranking.of(repr(config), documents, queries, full)))
        assert previous.answers == full
    assert lists_changed > 3  # the edits did change other articles' lists


def test_an_added_article_ranks_everything_again():
    config = SimilarityConfig()
    documents = corpus(1)
    queries = [(d, []) for d in documents]
    previous = Ranking.of(repr(config), documents[:-1], queries[:-1], [])
    assert lists_to_rank(previous, Ranking.of(repr(config), documents, queries)) is None
    other = Ranking.of("other settings", documents[:-1], queries[:-1])
    assert lists_to_rank(previous, other) is None
