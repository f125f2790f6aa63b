"""`make eval-similar`: our similar articles against the anchors, on the 18F blog posts.

Imports ../shared/corpora/18f/posts (tags -> tags, authors -> actors), ranks every post
with our core (settings from pelicanconf.py), pelican related-posts, Hugo's related content
and a newest-first baseline, and scores each against the posts the authors linked.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]
from plugins.stages import PLUGIN_PATHS  # noqa: E402

sys.path[:0] = PLUGIN_PATHS

from pelican.utils import slugify  # noqa: E402
from similar_articles.core import Document, SimilarityConfig, SimilarityIndex  # noqa: E402
from similar_articles.glue import settings_of  # noqa: E402

from tools.similar import anchors, metrics  # noqa: E402
from tools.similar.corpus_18f import link_pairs, read_posts  # noqa: E402

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


def ours(posts, config: SimilarityConfig) -> dict[str, list[str]]:
    documents = [as_document(post) for post in posts]
    index = SimilarityIndex(documents, config)
    return {doc.key: [m.key for m in index.similar(doc)] for doc in documents}


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


def evaluate(posts, config: SimilarityConfig) -> dict[str, metrics.Scores]:
    pairs = link_pairs(posts)
    rankings = {
        "ours": ours(posts, config),
        "pelican related-posts": anchors.related_posts(posts),
        "hugo (100/80, t=80)": anchors.hugo(posts),
        "newest first": anchors.newest_first(posts),
    }
    return {name: metrics.score(ranking, pairs) for name, ranking in rankings.items()}


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args(argv)
    posts, skipped = read_posts(args.corpus)
    for path, reason in skipped:
        print(f"left out {path.name}: {reason}", file=sys.stderr)
    pairs = link_pairs(posts)
    print(f"{len(posts)} posts, {len(pairs)} linked pairs ({args.corpus})\n")
    print(table(evaluate(posts, site_config())))


if __name__ == "__main__":
    main()
