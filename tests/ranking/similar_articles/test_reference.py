"""The fast path returns exactly the lists of the plain all-pairs reference."""

from collections import Counter

import pytest
from similar_articles.core import Document, SimilarityConfig, SimilarityIndex
from similar_articles.reference import reference_rankings

from tools.similar.synthetic import generate


@pytest.fixture(scope="module")
def corpus():
    # Large enough for long postings lists (bitmaps and walks) as well as short ones.
    documents = [
        Document(a.key, a.date, {"tags": a.tags, "actors": a.actors, "category": [a.category]})
        for a in generate(900, seed=11)
    ]
    carriers = Counter(
        (name, keyword)
        for d in documents
        for name in ("tags", "actors")
        for keyword in set(d.keywords[name])
    )
    assert sum(count > SimilarityIndex.LONG_MIN for count in carriers.values()) >= 3
    return documents


@pytest.mark.parametrize(
    "settings",
    [
        {},
        {"half_life_days": 365, "recency_weight": 0.5},
        {"weights": {"actors": 2, "tags": 1, "category": 0.5}, "min_score": 3.0},
        {"rarity": False, "max_results": 8},
        {
            "common_share": 0.05,
            "common_min_documents": 10,
            "half_life_days": 30,
            "recency_weight": 1.0,
        },
        {"weights": {"actors": 100, "tags": 80}},  # large raw scores take the float path
    ],
    ids=["defaults", "recency", "weights-min-score", "no-rarity", "strict-cut-off", "hugo-weights"],
)
def test_fast_path_equals_all_pairs_reference(corpus, settings):
    config = SimilarityConfig(**settings)
    index = SimilarityIndex(corpus, config)
    fast = {d.key: [m.key for m in index.similar(d)] for d in corpus}
    assert fast == reference_rankings(corpus, config)
