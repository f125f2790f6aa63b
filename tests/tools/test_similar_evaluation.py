"""The 18F import, the evaluation metrics and the re-implemented anchors, on small inputs."""

import datetime as dt
from pathlib import Path
from types import SimpleNamespace

import pytest

from tools.similar import anchors, metrics
from tools.similar.corpus_18f import link_pairs, read_posts

EXCERPT = Path(__file__).resolve().parents[1] / "fixtures" / "18f-excerpt"


@pytest.fixture(scope="module")
def imported():
    return read_posts(EXCERPT)


def test_import_maps_the_fields(imported):
    posts, _ = imported
    hello = next(p for p in posts if p.key == "2014-03-19-hello-world-we-are-18f")
    assert hello.title == "Hello, world! We are 18F"
    assert hello.actors == ("18F",)
    assert hello.tags == ("transformation services", "culture change", "modern practices")
    assert hello.lead.startswith("18F is a startup within GSA, encompassing")
    assert hello.date == dt.datetime(
        2014, 3, 19, 10, 14, 29, tzinfo=dt.timezone(dt.timedelta(hours=-4))
    )
    assert "{{" not in hello.body


def test_messy_yaml_is_mended_and_a_file_without_front_matter_is_reported(imported):
    posts, skipped = imported
    tabs = next(p for p in posts if p.key == "2015-06-11-tabs")
    assert tabs.actors == ("melody", "kate")
    assert tabs.date == dt.datetime(2015, 6, 11, tzinfo=dt.UTC)
    assert [s.path.name for s in skipped] == ["2016-01-01-no-header.md"]


def test_links_to_posts_of_the_corpus_become_pairs(imported):
    posts, _ = imported
    ask = next(p for p in posts if p.key == "2014-04-01-ask-us-almost-anything")
    assert ask.links == ("2014-03-19-hello-world-we-are-18f",)  # once; outside links dropped
    assert link_pairs(posts) == {
        frozenset({"2014-04-01-ask-us-almost-anything", "2014-03-19-hello-world-we-are-18f"}),
        frozenset({"2015-06-11-tabs", "2014-04-01-ask-us-almost-anything"}),
        frozenset({"2015-06-11-tabs", "2014-03-19-hello-world-we-are-18f"}),
    }


RANKINGS = {"a": ["b", "c"], "b": ["c"], "c": [], "d": ["b"]}


def test_recall_counts_a_pair_found_in_either_direction():
    pairs = [frozenset("ab"), frozenset("cd"), frozenset("ad")]
    # a-b: b in a's list; c-d: neither lists the other; a-d: neither
    assert metrics.recall_at_k(RANKINGS, pairs) == pytest.approx(1 / 3)
    assert metrics.recall_at_k(RANKINGS, [frozenset("bd")]) == 1.0  # d lists b
    assert metrics.recall_at_k(RANKINGS, [frozenset("ac")], k=1) == 0.0


def test_coverage_and_hubness():
    assert metrics.coverage(RANKINGS, 1) == 0.75
    assert metrics.coverage(RANKINGS, 2) == 0.25
    assert metrics.listing_counts(RANKINGS) == [0, 2, 2, 0]
    scores = metrics.score(RANKINGS, [])
    assert scores.hub_max == 2


@pytest.mark.parametrize(
    ("values", "expected"),
    [([1, 1, 1, 1], 0.0), ([0, 0, 0, 4], 0.75), ([0, 2, 2, 0], 0.5), ([], 0.0)],
)
def test_gini(values, expected):
    assert metrics.gini(values) == pytest.approx(expected)


def item(key, day, tags=(), actors=()):
    return SimpleNamespace(key=key, date=dt.datetime(2020, 1, day), tags=tags, actors=actors)


def test_related_posts_counts_shared_tags_newest_first_on_ties():
    items = [
        item("q", 1, tags=("x", "y")),
        item("two", 2, tags=("x", "y")),
        item("old", 3, tags=("x",)),
        item("new", 9, tags=("y",)),
    ]
    assert anchors.related_posts(items)["q"] == ["two", "old", "new"]


def test_hugo_keeps_a_candidate_by_normalised_weight_and_ranks_by_weight_then_date():
    items = [
        item("q", 1, tags=("x", "y"), actors=("a",)),
        item("tag-only", 5, tags=("x",)),  # W=80, M=1: norm 0 < 80, dropped
        item("actor-only", 2, actors=("a",)),  # W=100, M=1: norm 100 >= 80
        item("both", 3, tags=("x",), actors=("a",)),  # W=180, M=2: norm 50 >= 40
        item("two-tags", 4, tags=("x", "y")),  # W=160, M=2: norm 0 < 40, dropped
    ]
    assert anchors.hugo(items)["q"] == ["both", "actor-only"]


def test_newest_first_ignores_what_is_shared():
    items = [item("a", 1), item("b", 5), item("c", 3)]
    assert anchors.newest_first(items) == {"a": ["b", "c"], "b": ["c", "a"], "c": ["b", "a"]}
