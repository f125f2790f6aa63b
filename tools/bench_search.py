"""`make bench-search`: size and speed of the search at 10,000 articles, from file://.

Generates 10,000 synthetic articles with realistic text (tools/similar/synthetic.py), writes
their search index with the site's builder into a copy of the built site, then opens its
search page from disk in headless Chromium and times typed queries. Also reports the index
size for the default content and for the 509 18F blog posts.
Budgets: at most 3 MB loaded before the first results, first results within 300 ms of the
query, at most 30 MB on disk for everything the search needs.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]
from plugins.stages import PLUGIN_PATHS  # noqa: E402

sys.path[:0] = PLUGIN_PATHS

import markdown  # noqa: E402
from pelican import Pelican  # noqa: E402
from pelican.settings import read_settings  # noqa: E402
from search.documents import search_document  # noqa: E402
from search.generator import LIBRARY, build_index  # noqa: E402

from tools.similar.corpus_18f import read_posts  # noqa: E402
from tools.similar.synthetic import generate  # noqa: E402

CORPUS_18F = ROOT.parent / "shared" / "corpora" / "18f" / "posts"
MB = 1024 * 1024


def queries_for(documents: list[dict]) -> list[str]:
    """Typical queries: a frequent actor, a rarer actor with a typo, a topic, a country,
    a word found only in article text."""
    from collections import Counter

    actors = Counter(a for d in documents for a in d["actors"]).most_common()
    topics = Counter(t for d in documents for t in d["tags"]).most_common()
    frequent, rare = actors[0][0], actors[len(actors) // 50][0]
    typo = rare[:-1] if len(rare) > 5 else rare
    text_word = Counter(w for d in documents[:200] for w in d["body"].split()).most_common()[400][0]
    return [frequent, typo, topics[10][0], "Belarus", text_word]


def as_documents(items, url, body) -> list[dict]:
    """Search documents from anything with title, date, category, tags, actors and lead."""
    return [
        search_document(
            number,
            title=item.title,
            url=url(item),
            date=item.date.strftime("%B %d, %Y %H:%M"),
            datetime=item.date.isoformat(),
            category=item.category,
            tags=list(item.tags),
            actors=list(item.actors),
            lead_html=item.lead,
            body_html=body(item),
        )
        for number, item in enumerate(items)
    ]


def synthetic_documents(count: int) -> list[dict]:
    articles = reversed(generate(count, body_paragraphs=6))
    return as_documents(articles, lambda a: f"{a.date:%Y/%m}/{a.key}.html", lambda a: a.body)


def documents_18f() -> list[dict]:
    posts, _ = read_posts(CORPUS_18F)
    return as_documents(posts, lambda p: f"{p.key}.html", lambda p: markdown.markdown(p.body))


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def built_site(target: Path) -> Path:
    settings = read_settings(
        str(ROOT / "offlineconf.py"),
        override={"PATH": str(ROOT / "content"), "OUTPUT_PATH": str(target)},
    )
    Pelican(settings).run()
    return target


def index_size(documents: list[dict]) -> int:
    with tempfile.TemporaryDirectory() as work:
        build_index(documents, Path(work) / "search")
        return folder_size(Path(work) / "search")


def time_queries(site: Path, queries: list[str]) -> list[tuple[str, float, int, int, float]]:
    """(query, ms to first results, bytes loaded before them, results shown, ms to the end
    of the full-text search) for each."""
    from playwright.sync_api import sync_playwright

    flags = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
    measured = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=flags)
        for query in queries:
            page = browser.new_page()
            page.goto((site / "search.html").as_uri())
            page.wait_for_function(
                "document.getElementById('search-page').dataset.state === 'ready'"
            )
            elapsed = page.evaluate(
                """(query) => new Promise((resolve) => {
                    const status = document.getElementById("search-status");
                    const start = performance.now();
                    new MutationObserver(() => resolve([
                        performance.now() - start,
                        Array.from(document.querySelectorAll("script[src], link[href]"))
                            .map((tag) => tag.src || tag.href),
                    ])).observe(status, {childList: true, characterData: true, subtree: true});
                    document.getElementById("search-input").value = query;
                    document.getElementById("search-form").requestSubmit();
                })""",
                query,
            )
            elapsed, files = elapsed
            shown = page.locator(".search-result").count()
            css_imports = folder_size(site / "theme" / "css")  # @import-ed, not in the DOM
            size = (
                _file_size(page.url)
                + css_imports
                + sum(_file_size(url) for url in dict.fromkeys(files) if not url.endswith(".css"))
            )
            full = page.evaluate(
                """() => new Promise((resolve) => {
                    const start = performance.now();
                    const check = () => document.getElementById("search-status")
                        .textContent.includes("…") ? setTimeout(check, 5)
                        : resolve(performance.now() - start);
                    check();
                })"""
            )
            measured.append((query, elapsed, size, shown, elapsed + full))
            page.close()
        browser.close()
    return measured


def _file_size(url: str) -> int:
    from urllib.parse import unquote, urlsplit

    path = Path(unquote(urlsplit(url).path))
    return path.stat().st_size if path.is_file() else 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as work:
        site = built_site(Path(work) / "site")
        default_size = folder_size(site / "search") - LIBRARY.stat().st_size
        print(f"index of the default content ({2} articles): {default_size / 1024:.1f} KB")
        if CORPUS_18F.is_dir():
            print(f"index of the 509 18F posts: {index_size(documents_18f()) / MB:.2f} MB")
        documents = synthetic_documents(args.count)
        shutil.rmtree(site / "search")
        build_index(documents, site / "search")
        shutil.copyfile(LIBRARY, site / "search" / "minisearch.js")
        search_dir = folder_size(site / "search")
        page_assets = sum(
            (site / p).stat().st_size
            for p in ("search.html", "theme/js/search.js", "theme/js/search-options.js")
        ) + folder_size(site / "theme" / "css")
        disk = search_dir + page_assets
        meta = (site / "search" / "meta.js").stat().st_size
        print(
            f"\n{args.count:,} synthetic articles "
            f"({sum(len(d['body']) for d in documents) / MB:.0f} MB of text):"
        )
        print(f"  metadata index (meta.js): {meta / MB:.2f} MB")
        print(f"  everything the search needs on disk: {disk / MB:.1f} MB (budget 30 MB)")
        results = time_queries(site, queries_for(documents))
        for query, ms, size, shown, full in results:
            print(
                f"  {query!r:>16}: first results in {ms:6.1f} ms ({shown} shown, "
                f"{size / MB:.2f} MB loaded); full text searched in {full:6.0f} ms"
            )
        worst_ms = max(r[1] for r in results)
        worst_size = max(r[2] for r in results)
        print(
            f"  median {statistics.median(r[1] for r in results):.1f} ms, worst {worst_ms:.1f} ms "
            f"(budget 300 ms); most loaded before first results {worst_size / MB:.2f} MB "
            "(budget 3 MB)"
        )
        ok = worst_ms <= 300 and worst_size <= 3 * MB and disk <= 30 * MB
        print("  budgets:", "met" if ok else "MISSED")
        return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
