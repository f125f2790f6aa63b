"""`make similar-report`: which articles get no similar articles, and which are listed most.

Reads the content with the site's settings and plugins (nothing is written) and prints,
for editors fixing tags and actors: the articles with no similar article, those with
fewer than three, and the articles that appear most often in other articles' lists.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from html import unescape
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]
from plugins.stages import PLUGIN_PATHS  # noqa: E402

sys.path[:0] = PLUGIN_PATHS

from content_checks import display_path  # noqa: E402

from tools.reading import published_articles, read_site  # noqa: E402


def gather_articles(content: Path, settings_file: Path) -> list:
    """The published articles, each with its similar_articles, as the site computes them."""
    return published_articles(read_site(content, settings_file))


def report(articles: list, most: int = 10) -> str:
    ranked = {a: [e for e in a.similar_articles if not e.fallback] for a in articles}
    counts = Counter(e.article for entries in ranked.values() for e in entries)
    none = sorted((a for a, e in ranked.items() if not e), key=lambda a: a.source_path)
    few = sorted((a for a, e in ranked.items() if 0 < len(e) < 3), key=lambda a: a.source_path)
    lines = [f"{len(articles)} published articles."]
    lines.append(f"\nNo similar article ({len(none)}): give them actors or tags they share.")
    lines += [f"  {_where(a)}  {_title(a)}" for a in none]
    lines.append(f"\nFewer than 3 similar articles ({len(few)}):")
    lines += [f"  {_where(a)}  {len(ranked[a])}  {_title(a)}" for a in few]
    lines.append(f"\nListed most often (of {sum(counts.values())} listings):")
    for article, count in counts.most_common(most):
        lines.append(f"  {count:5d}  {_where(article)}  {_title(article)}")
    return "\n".join(lines)


def _where(article) -> str:
    return display_path(article.source_path)


def _title(article) -> str:
    return unescape(re.sub(r"<[^>]+>", "", article.title))


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("content", nargs="?", type=Path, default=ROOT / "content")
    parser.add_argument("-s", "--settings", type=Path, default=ROOT / "pelicanconf.py")
    parser.add_argument("--most", type=int, default=10)
    args = parser.parse_args(argv)
    print(report(gather_articles(args.content.resolve(), args.settings), args.most))


if __name__ == "__main__":
    main()
