"""`make similar-report`: which articles get no similar articles, and which are listed most.

Reads the content with the site's settings and plugins (nothing is written) and prints,
for editors fixing tags and actors: the articles with no similar article, those with
fewer than three, the articles that appear most often in other articles' lists, and the
actors a text names often that its front matter does not list (similar_articles/report.py;
the preview shows the same as drafts/similar-report.html).
"""

from __future__ import annotations

import argparse
import re
import sys
from html import unescape
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]
from plugins.stages import PLUGIN_PATHS  # noqa: E402

sys.path[:0] = PLUGIN_PATHS

from content_checks import display_path  # noqa: E402
from similar_articles.glue import REPORT_KEY  # noqa: E402
from similar_articles.report import SimilarReport, similar_report  # noqa: E402

from tools.reading import published_articles, read_site  # noqa: E402


def gather_report(content: Path, settings_file: Path, most: int = 10) -> SimilarReport:
    """The report, as the site computes it."""
    generators = read_site(content, settings_file)
    made = generators[0].context.get(REPORT_KEY)  # None if there is no article
    unlisted = made.unlisted_actors if made is not None else ()
    return similar_report(published_articles(generators), unlisted, most)


def report(found: SimilarReport) -> str:
    lines = [f"{found.articles} published articles."]
    lines.append(
        f"\nNo similar article ({len(found.orphans)}): give them actors or tags they share."
    )
    lines += [f"  {_where(a)}  {_title(a)}" for a in found.orphans]
    lines.append(f"\nFewer than 3 similar articles ({len(found.short)}):")
    lines += [f"  {_where(a)}  {count}  {_title(a)}" for a, count in found.short]
    lines.append(f"\nListed most often (of {found.listings} listings):")
    lines += [f"  {count:5d}  {_where(a)}  {_title(a)}" for a, count in found.most_listed]
    lines.append(
        f"\nActors the text names but the front matter does not list "
        f"({len(found.unlisted_actors)}): add them if the article is about them."
    )
    lines += [
        f"  {hint.times:5d}  {_where(hint.article)}  {hint.name}" for hint in found.unlisted_actors
    ]
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
    print(report(gather_report(args.content.resolve(), args.settings, args.most)))


if __name__ == "__main__":
    main()
