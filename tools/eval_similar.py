"""`make eval-similar`: our similar articles against the anchors, on the 18F blog posts and
on synthetic archives with a ground truth.

Imports ../shared/corpora/18f/posts (tags -> tags, authors -> actors) and generates the
synthetic archives of tools/similar/stories.py (2,000 articles: in English, and in Cyrillic
letters), ranks every post with our core as the site does (settings from pelicanconf.py:
the text's actors and terms, the capacity), pelican related-posts, Hugo's related content
and a newest-first baseline, and scores each against the posts the authors linked.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]
from plugins.stages import PLUGIN_PATHS  # noqa: E402

sys.path[:0] = PLUGIN_PATHS

import markdown  # noqa: E402
from actors.mentions import Mentions  # noqa: E402
from actors.registry import Entry, Registry  # noqa: E402
from pelican.utils import slugify  # noqa: E402
from search.documents import plain_text  # noqa: E402
from similar_articles.capacity import capped_lists  # noqa: E402
from similar_articles.core import Document, SimilarityConfig, SimilarityIndex, rank_all  # noqa: E402
from similar_articles.glue import settings_of  # noqa: E402
from similar_articles.terms import term_counts  # noqa: E402
from similar_articles.text_fields import with_text_fields  # noqa: E402

from tools.similar import anchors, metrics, stories  # noqa: E402
from tools.similar.corpus_18f import link_pairs, read_posts  # noqa: E402
from tools.similar.synthetic import CYRILLIC  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "18f" / "posts"
SLUG_SUBSTITUTIONS = [(r"[^\w\s-]", ""), (r"(?u)\A\s*", ""), (r"(?u)\s*\Z", ""), (r"[-\s]+", "-")]


def keyword(name: str) -> str:
    """The same normalisation as the site: Pelican's slug of the name."""
    return slugify(name, regex_subs=SLUG_SUBSTITUTIONS)


def as_document(post) -> Document:
    keywords = {
        "tags": [keyword(t) for t in post.tags],
        "actors": [keyword(a) for a in post.actors],
        "category": [keyword(post.category)] if post.category else [],
    }
    return Document(post.key, post.date, keywords)


def post_text(post) -> str:
    """What the site reads of a post: title, lead and body, as plain text."""
    body = plain_text(markdown.markdown(post.body))
    return f"{post.title}\n{post.lead}\n{body}"


class TextReading:
    """Each post's text features, read once for all the settings tried on a corpus."""

    def __init__(self, posts):
        registry = Registry(
            [
                Entry(name, "person", aliases=_other_spellings(name))
                for name in dict.fromkeys(a for post in posts for a in post.actors)
            ]
        )
        mentions = Mentions(registry)
        texts = [post_text(post) for post in posts]
        self.mentioned = [[keyword(name) for name in mentions(text)] for text in texts]
        self.counts = [
            term_counts(text, getattr(post, "lang", "en"))
            for post, text in zip(posts, texts, strict=True)
        ]


def _other_spellings(name: str) -> tuple[str, ...]:
    cyrillic = name.translate(CYRILLIC)
    return (cyrillic,) if cyrillic != name else ()


def ours(
    posts, config: SimilarityConfig, reading: TextReading | None = None
) -> dict[str, list[str]]:
    documents = [as_document(post) for post in posts]
    reading = reading or TextReading(posts)
    documents, _ = with_text_fields(documents, reading.mentioned, reading.counts, config)
    index = SimilarityIndex(documents, config)
    queries = [(document, ()) for document in documents]
    answers = rank_all(index, queries)

    def further(numbers, spare):
        chosen = [queries[number] for number in numbers]
        return [matches for matches, _ in rank_all(index, chosen, spare=spare, fill=True)]

    candidates = [matches for matches, _ in answers]
    lists, _ = capped_lists(candidates, config.max_results, index.capacity, more=further)
    return {doc.key: [m.key for m in ranked] for doc, ranked in zip(documents, lists, strict=True)}


def site_config() -> SimilarityConfig:
    """The ranking settings of pelicanconf.py, as the site uses them."""
    import pelicanconf

    return settings_of(vars(pelicanconf))[0]


def table(rows: dict[str, metrics.Scores]) -> str:
    header = (
        f"{'ranking':<26} {'recall@5':>8} {'cover>=1':>8} {'cover>=3':>8} "
        f"{'hub max':>7} {'gini':>6}"
    )
    lines = [header, "-" * len(header)]
    for name, s in rows.items():
        lines.append(
            f"{name:<26} {s.recall:>8.3f} {s.coverage_1:>8.3f} {s.coverage_3:>8.3f} "
            f"{s.hub_max:>7d} {s.gini:>6.3f}"
        )
    return "\n".join(lines)


def before(config: SimilarityConfig) -> SimilarityConfig:
    """The ranking as it was before the text fields and the capacity (issue 18)."""
    weights = {**config.weights, "mentions": 0.0, "terms": 0.0}
    return replace(config, weights=weights, max_share=None)


def evaluate(posts, config: SimilarityConfig) -> dict[str, metrics.Scores]:
    pairs = link_pairs(posts)
    reading = TextReading(posts)
    rankings = {
        "ours": ours(posts, config, reading),
        "ours, no text, no cap": ours(posts, before(config), reading),
        "pelican related-posts": anchors.related_posts(posts),
        "hugo (100/80, t=80)": anchors.hugo(posts),
        "newest first": anchors.newest_first(posts),
    }
    return {name: metrics.score(ranking, pairs) for name, ranking in rankings.items()}


SYNTHETIC = {  # name: how to make it (tools/similar/stories.py)
    "stories-en": lambda: stories.generate(2000, seed=7),
    "stories-cyrillic": lambda: stories.generate(2000, seed=11, cyrillic=True),
}


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--no-synthetic", action="store_true", help="the 18F posts only")
    args = parser.parse_args(argv)
    config = site_config()
    posts, skipped = read_posts(args.corpus)
    for path, reason in skipped:
        print(f"left out {path.name}: {reason}", file=sys.stderr)
    pairs = link_pairs(posts)
    print(f"{len(posts)} posts, {len(pairs)} linked pairs ({args.corpus})\n")
    print(table(evaluate(posts, config)))
    for name, make in {} if args.no_synthetic else SYNTHETIC.items():
        posts = make()
        print(f"\n{name}: {len(posts)} synthetic posts, {len(link_pairs(posts))} linked pairs\n")
        print(table(evaluate(posts, config)))


if __name__ == "__main__":
    main()
