"""capacity.py: no article in more lists than the capacity, places handed out by rank."""

from collections import Counter

from similar_articles.capacity import cap_listings
from similar_articles.core import Match


def match(key, score, pinned=False, fallback=False):
    return Match(key=key, score=score, shared=(), pinned=pinned, fallback=fallback)


def listed(lists):
    return Counter(m.key for matches in lists for m in matches)


def test_without_a_capacity_each_list_is_its_best_cut_to_size():
    candidates = [[match("hub", 3), match("a", 2), match("b", 1)]] * 4
    lists = cap_listings(candidates, 2, None)
    assert [[m.key for m in matches] for matches in lists] == [["hub", "a"]] * 4


def test_a_full_article_gives_way_to_the_next_candidate_where_it_scores_least():
    candidates = [
        [match("hub", 5), match("a", 1)],
        [match("hub", 2), match("b", 1)],
        [match("hub", 9), match("c", 1)],
    ]
    lists = cap_listings(candidates, 1, capacity=2)
    assert [[m.key for m in matches] for matches in lists] == [["hub"], ["b"], ["hub"]]


def test_rounds_go_by_rank_before_score():
    # "hub" is the second choice of list 0 (scoring 8), the first of lists 1 and 2: the
    # first choices are placed first, whatever the score of a second choice.
    candidates = [
        [match("x", 9), match("hub", 8)],
        [match("hub", 1), match("y", 0.5)],
        [match("hub", 1), match("z", 0.5)],
    ]
    lists = cap_listings(candidates, 2, capacity=2)
    assert [m.key for m in lists[0]] == ["x"]
    assert listed(lists)["hub"] == 2


def test_no_article_is_listed_over_capacity_and_lists_stay_in_rank_order():
    keys = [f"k{n}" for n in range(30)]
    candidates = [
        [match(key, 100 - rank - n % 3) for rank, key in enumerate(keys[n % 5 :][:12])]
        for n in range(60)
    ]
    lists = cap_listings(candidates, 5, capacity=8)
    counts = listed(lists)
    assert max(counts.values()) <= 8
    for matches, offered in zip(lists, candidates, strict=True):
        scores = [m.score for m in matches]
        assert scores == sorted(scores, reverse=True)
        if len(matches) < 5:  # short only where every other candidate was full
            assert all(counts[m.key] == 8 for m in offered if m not in matches)
    assert sum(len(matches) < 5 for matches in lists) > 0  # the capacity was reached


def test_pins_are_kept_and_counted():
    candidates = [
        [match("hub", 0, pinned=True), match("a", 1)],
        [match("hub", 5), match("b", 1)],
    ]
    lists = cap_listings(candidates, 2, capacity=1)
    assert [m.key for m in lists[0]] == ["hub", "a"]
    assert [m.key for m in lists[1]] == ["b"]


def test_drafts_are_held_to_capacity_but_take_no_place():
    candidates = [[match("hub", 5), match("a", 1)], [match("hub", 5), match("b", 1)]]
    lists = cap_listings(candidates, 1, capacity=1, counted=[False, True])
    # the published list keeps "hub"; the draft's would show what it will once published
    assert [m.key for m in lists[1]] == ["hub"]
    assert [m.key for m in lists[0]] == ["a"]


def test_fallbacks_fill_what_the_capacity_left_empty():
    candidates = [
        [match("hub", 5), match("more", 0, fallback=True)],
        [match("hub", 5), match("more", 0, fallback=True)],
    ]
    lists = cap_listings(candidates, 1, capacity=1)
    assert [[m.key for m in matches] for matches in lists] == [["hub"], ["more"]]
    assert lists[1][0].fallback


def test_only_the_lists_left_short_are_ranked_further_and_the_result_is_the_same():
    from dataclasses import replace

    from similar_articles.capacity import capped_lists
    from similar_articles.core import Document, SimilarityConfig, SimilarityIndex, rank_all

    from tools.similar.synthetic import generate

    documents = [
        Document(a.key, a.date, {"tags": a.tags, "actors": a.actors}) for a in generate(800)
    ]
    config = replace(SimilarityConfig(fallback=True), max_share=0.02)
    index = SimilarityIndex(documents, config)
    queries = [(document, ()) for document in documents]
    asked = []

    def further(numbers, spare):
        asked.append(len(numbers))
        chosen = [queries[n] for n in numbers]
        return [m for m, _ in rank_all(index, chosen, spare=spare, fill=True)]

    first = [m for m, _ in rank_all(index, queries)]
    lists, longer = capped_lists(first, 5, index.capacity, more=further)
    deep = [m for m, _ in rank_all(index, queries, spare=40, fill=True)]
    assert lists == cap_listings(deep, 5, index.capacity)
    assert max(listed(lists).values()) <= index.capacity == 16
    assert 0 < len(longer) < len(documents) // 2 and asked[0] == len(longer)
