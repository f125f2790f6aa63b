"""The ranking core, on stub documents, with hand-computed scores."""

import ast
import math
import random
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from similar_articles.core import (
    Document,
    SimilarityConfig,
    SimilarityIndex,
    UnknownPinError,
)

BASE = datetime(2020, 1, 1, 12, 0)


def doc(key, days=0, tags=(), actors=()):
    return Document(key, BASE + timedelta(days=days), {"tags": tags, "actors": actors})


def keys(matches):
    return [match.key for match in matches]


def ranked(documents, key, **config):
    index = SimilarityIndex(documents, SimilarityConfig(**config))
    query = next(d for d in documents if d.key == key)
    return index.similar(query)


SMALL = [
    doc("a", 0, tags=("t1", "t2"), actors=("x",)),
    doc("b", 1, tags=("t1",), actors=("x",)),
    doc("c", 2, tags=("t2",)),
    doc("d", 3, tags=("t3",)),
]


def test_scores_are_field_weight_times_rarity_summed_over_shared_keywords():
    # N = 4; t1, t2 and x are each on 2 documents: rarity ln(1 + 4/2) = ln 3.
    matches = ranked(SMALL, "a", weights={"actors": 3, "tags": 2})
    assert keys(matches) == ["b", "c"]
    assert matches[0].score == pytest.approx(3 * math.log(3) + 2 * math.log(3))
    assert matches[1].score == pytest.approx(2 * math.log(3))


def test_each_match_names_what_is_shared_most_telling_first():
    matches = ranked(SMALL, "a", weights={"actors": 3, "tags": 2})
    assert matches[0].shared == (("actors", "x"), ("tags", "t1"))
    assert matches[1].shared == (("tags", "t2"),)


def test_a_shared_actor_outweighs_a_shared_tag():
    documents = [
        doc("q", actors=("x",), tags=("t",)),
        doc("shares-tag", tags=("t",)),
        doc("shares-actor", actors=("x",)),
    ]
    assert keys(ranked(documents, "q", weights={"actors": 3, "tags": 2})) == [
        "shares-actor",
        "shares-tag",
    ]


def test_an_article_sharing_nothing_gets_an_empty_list():
    assert ranked(SMALL, "d") == []


def test_never_lists_the_article_itself_and_never_twice():
    documents = [doc("a", tags=("t", "t", "u")), doc("b", tags=("t", "u"))]
    matches = ranked(documents, "a")
    assert keys(matches) == ["b"]


@pytest.mark.parametrize("limit", [0, 1, 3])
def test_at_most_max_results(limit):
    documents = [doc(f"d{i}", i, tags=("t",)) for i in range(10)]
    assert len(ranked(documents, "d0", max_results=limit)) == limit


def common_and_rare():
    # "belarus" on all 10 documents, "common" on 8, "rare" on 2.
    documents = [doc("q", tags=("belarus", "common", "rare"))]
    documents.append(doc("rare-only", 5, tags=("belarus", "rare")))
    documents += [doc(f"c{i}", 1, tags=("belarus", "common")) for i in range(7)]
    documents.append(doc("plain", 1, tags=("belarus",)))
    return documents


def test_a_rare_tag_outranks_tags_that_most_articles_carry():
    # rare-only: ln(1+10/10) + ln(1+10/2) = ln 2 + ln 6; c*: ln 2 + ln(1+10/8).
    matches = ranked(common_and_rare(), "q", weights={"tags": 1})
    assert matches[0].key == "rare-only"
    assert matches[0].score == pytest.approx(math.log(2) + math.log(6))
    assert matches[1].score == pytest.approx(math.log(2) + math.log(1 + 10 / 8))


def test_without_rarity_every_keyword_counts_the_same():
    matches = ranked(common_and_rare(), "q", weights={"tags": 1}, rarity=False)
    assert {m.score for m in matches} == {2.0}
    assert "rare-only" not in keys(matches)[:1]  # ties go to the closest date


def test_a_ubiquitous_tag_cannot_fill_the_list_on_its_own():
    matches = ranked(common_and_rare(), "q", weights={"tags": 1}, min_score=math.log(2))
    assert "plain" not in keys(matches)


def test_ties_go_to_the_closest_date_then_the_newest_then_the_key():
    documents = [
        doc("q", 10, tags=("t",)),
        doc("far", 0, tags=("t",)),
        doc("older", 8, tags=("t",)),
        doc("newer", 12, tags=("t",)),
        doc("near-b", 11, tags=("t",)),
        doc("near-a", 11, tags=("t",)),
    ]
    assert keys(ranked(documents, "q")) == ["near-a", "near-b", "newer", "older", "far"]


def test_same_result_whatever_the_input_order():
    documents = [doc(f"d{i}", i % 5, tags=(f"t{i % 3}", f"u{i % 4}")) for i in range(40)]
    expected = {d.key: ranked(documents, d.key) for d in documents}
    shuffled = documents[:]
    random.Random(7).shuffle(shuffled)
    assert {d.key: ranked(shuffled, d.key) for d in documents} == expected


def test_pins_come_first_in_their_order_then_the_ranking_tops_up():
    index = SimilarityIndex(SMALL, SimilarityConfig(max_results=3))
    matches = index.similar(SMALL[0], pins=["d", "c", "d"])
    assert keys(matches) == ["d", "c", "b"]
    assert [m.pinned for m in matches] == [True, True, False]
    assert matches[0].shared == () and matches[1].shared == (("tags", "t2"),)


def test_pins_count_towards_the_maximum_and_skip_the_article_itself():
    index = SimilarityIndex(SMALL, SimilarityConfig(max_results=2))
    assert keys(index.similar(SMALL[0], pins=["a", "d", "c", "b"])) == ["d", "c"]


def test_an_unknown_pin_is_an_error_naming_it():
    index = SimilarityIndex(SMALL, SimilarityConfig())
    with pytest.raises(UnknownPinError, match="'nope'"):
        index.similar(SMALL[0], pins=["nope"])


def test_a_document_outside_the_index_can_be_queried():
    index = SimilarityIndex(SMALL, SimilarityConfig())
    draft = doc("draft", tags=("t3",))
    assert keys(index.similar(draft)) == ["d"]


def test_two_documents_with_one_key_are_refused():
    with pytest.raises(ValueError, match="share the key 'a'"):
        SimilarityIndex([doc("a"), doc("a")], SimilarityConfig())


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"max_results": -1}, "max_results"),
        ({"max_results": 2.5}, "max_results"),
        ({"weights": {}}, "at least one field"),
        ({"weights": {"tags": -1}}, "weight of field 'tags'"),
        ({"weights": {"tags": "high"}}, "weight of field 'tags'"),
        ({"min_score": -0.5}, "min_score"),
        ({"max_result": 3}, "unknown similar-articles setting"),
    ],
)
def test_config_rejects_bad_values_with_a_plain_message(settings, message):
    with pytest.raises(ValueError, match=message):
        SimilarityConfig.from_mapping(settings)


@pytest.mark.parametrize(
    "module", ["ranking/similar_articles/core.py", "checking/content_checks/rules.py"]
)
def test_pure_cores_import_nothing_of_pelican(module):
    source = (Path(__file__).parents[3] / "plugins" / module).read_text(encoding="utf-8")
    imported = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            imported |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            imported.add(node.module or "")
    assert imported and not any(name.split(".")[0] == "pelican" for name in imported)


def test_a_keyword_on_most_documents_counts_nothing_once_the_index_is_large():
    documents = [
        doc(f"d{i}", i, tags=("everywhere",) + (("pair",) if i < 2 else ())) for i in range(10)
    ]
    small = SimilarityConfig(common_share=0.5, common_min_documents=100)
    large = SimilarityConfig(common_share=0.5, common_min_documents=10)
    assert len(SimilarityIndex(documents, small).similar(documents[5])) == 5
    index = SimilarityIndex(documents, large)
    assert index.weight("tags", "everywhere") == 0
    assert index.similar(documents[5]) == []
    assert keys(index.similar(documents[0])) == ["d1"]


def test_recency_lowers_the_score_of_distant_articles():
    documents = [
        doc("q", 1000, tags=("a", "b")),
        doc("near-one-shared", 1001, tags=("a",)),
        doc("far-two-shared", 0, tags=("a", "b")),
    ]
    assert keys(ranked(documents, "q")) == ["far-two-shared", "near-one-shared"]
    recent = ranked(documents, "q", half_life_days=100, recency_weight=1.0)
    assert keys(recent) == ["near-one-shared", "far-two-shared"]
    # 1000 days apart with a half-life of 100 days: 2^-10 of the score is left
    full = ranked(documents, "q", half_life_days=None)[0].score
    assert recent[1].score == pytest.approx(full * 2**-10)


def test_min_score_leaves_out_weak_candidates():
    matches = ranked(SMALL, "a", weights={"actors": 3, "tags": 2}, min_score=3.0)
    assert keys(matches) == ["b"]


def test_fallback_tops_up_with_the_same_category_closest_in_date():
    documents = [
        Document("q", BASE, {"tags": ("t",), "category": ("news",)}),
        Document("peer", BASE + timedelta(days=300), {"tags": ("t",), "category": ("sport",)}),
        Document("n1", BASE + timedelta(days=2), {"category": ("news",)}),
        Document("n2", BASE - timedelta(days=1), {"category": ("news",)}),
        Document("n3", BASE + timedelta(days=9), {"category": ("news",)}),
        Document("s1", BASE, {"category": ("sport",)}),
    ]
    config = SimilarityConfig(max_results=3, fallback=True, weights={"tags": 1})
    matches = SimilarityIndex(documents, config).similar(documents[0])
    assert keys(matches) == ["peer", "n2", "n1"]
    assert [m.fallback for m in matches] == [False, True, True]


def test_parallel_ranking_returns_what_one_process_returns(monkeypatch):
    import similar_articles.core as core

    from tools.similar.synthetic import generate

    monkeypatch.setattr(core, "PARALLEL_MIN", 10)
    documents = [
        Document(a.key, a.date, {"tags": a.tags, "actors": a.actors}) for a in generate(300)
    ]
    index = SimilarityIndex(documents, SimilarityConfig())
    queries = [
        (d, ["article-000001"] if i % 7 == 0 else ["nope"] if i == 5 else [])
        for i, d in enumerate(documents)
    ]
    assert core.rank_all(index, queries, workers=2) == core.rank_all(index, queries, workers=1)
    assert core.rank_all(index, queries, workers=2)[5][1] == "nope"
