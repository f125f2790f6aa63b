"""`make bench-search`: our search against Pagefind on the same article pages, in one run.

For each size (10,000 and 100,000 synthetic articles by default; 10% of them in Cyrillic
letters), builds the site with the offline settings (our index included), runs Pagefind
1.5.2 (PyPI pagefind-bin, pinned in requirements-dev.txt) over the same article pages, and
serves the site on 127.0.0.1. Then, in headless Chromium, for a set of typical queries (a
word found in bodies only, an actor with a typo, a Cyrillic word, a two-word phrase, a
prefix), measures from the query to the complete ranked results on screen, and the bytes
loaded for the query after the page was ready: ours from file:// and over http, Pagefind
over http (it needs fetch and WebAssembly, which file:// refuses). Also: the page ready for
a query, the index on disk and its build time, and queries with known answers (the right
article in the top 5). Ratios are ours / Pagefind's, measured in the same run.

Targets: complete results within 150 ms at 10,000 and 300 ms at 100,000 and quicker than
Pagefind; at most 150 KB (10,000) and 400 KB (100,000) loaded for a query; the page ready
within 300 ms at 100,000; the index no larger and no slower to build than Pagefind's.
"""

from __future__ import annotations

import argparse
import base64
import functools
import gzip
import http.server
import itertools
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import Counter
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]
from plugins.stages import PLUGIN_PATHS  # noqa: E402

sys.path[:0] = PLUGIN_PATHS

from search.index_build import BUILDER  # noqa: E402

from tools.bench_build import write_corpus  # noqa: E402
from tools.similar.synthetic import Shape  # noqa: E402

KB = 1024
MB = 1024 * KB
LABELS = ("file", "http", "pagefind")
TARGETS = {10_000: (150, 150 * KB), 100_000: (300, 400 * KB)}  # ms, bytes per query
READY_TARGET_MS = 300
CALL = re.compile(r"^window\.SiteSearch\.\w+\((.*)\);\n$", re.S)
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def pagefind_binary() -> str:
    import pagefind_bin

    return str(Path(pagefind_bin.__file__).parent / "pagefind")


def build_site(count: int, work: Path) -> Path:
    content = work / "content"
    write_corpus(count - count // 10, content, Shape(body_paragraphs=6))
    write_corpus(count // 10, content, Shape(body_paragraphs=6, script="cyrillic"), seed=7)
    site = work / "site"
    pelican = str(Path(sys.executable).parent / "pelican")
    command = [pelican, "-q", str(content), "-s", str(ROOT / "offlineconf.py"), "-o", str(site)]
    command += ["-e", f'CACHE_PATH="{work / "cache"}"', "SEARCH_INDEX_CACHE=false"]
    subprocess.run(command, check=True, cwd=ROOT)  # offlineconf.py imports pelicanconf
    return site


def our_documents(site: Path) -> list[dict]:
    """The documents our index was built from, read back from its result files."""
    documents = []
    for path in sorted((site / "search" / "docs").glob("*.js"), key=lambda p: int(p.stem)):
        _, packed = json.loads(f"[{CALL.match(path.read_text(encoding='utf-8')).group(1)}]")
        shown = json.loads(gzip.decompress(base64.b64decode(packed)))
        documents.append({**shown, "year": int(shown["datetime"][:4]), "lang": "en"})
    return documents


def time_our_build(documents: list[dict], work: Path) -> tuple[float, int]:
    source = work / "documents.json"
    source.write_text(json.dumps(documents, ensure_ascii=False), encoding="utf-8")
    target = work / "our-index"
    start = time.perf_counter()
    command = [shutil.which("node"), str(BUILDER), str(source), str(target)]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start, folder_size(target)


def time_pagefind(site: Path, work: Path) -> tuple[float, int] | str:
    """(seconds, index bytes), or why Pagefind failed (at 100,000 articles on a 24 GB
    machine, it ran out of memory)."""
    peak = work / "pagefind-peak"
    start = time.perf_counter()
    result = subprocess.run(
        [
            "/usr/bin/time",
            "-f",
            "%M",
            "-o",
            str(peak),
            pagefind_binary(),
            "--site",
            str(site),
            "--glob",
            "[0-9]*/**/*.html",
            "--root-selector",
            "article.article",
            "--output-subdir",
            "pagefind",
            "--quiet",
        ],
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        kilobytes = peak.read_text().split()[-1] if peak.exists() else "?"
        return (
            f"Pagefind failed after {seconds:.0f} s (exit {result.returncode}, peak "
            f"{int(kilobytes) / MB:.1f} GB; out of memory if killed): {result.stderr[-300:]}"
            if kilobytes.isdigit()
            else f"Pagefind failed after {seconds:.0f} s: {result.stderr[-300:]}"
        )
    return seconds, folder_size(site / "pagefind")


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def queries_for(documents: list[dict]) -> dict[str, tuple[str, set[int]]]:
    """name -> (query, the numbers of the articles a good answer has in its top 5)."""
    body_words, other_words = Counter(), set()
    for d in documents[:2000]:
        body_words.update(set(re.findall(r"\w{6,}", d["body"].lower())))
        other_words.update(re.findall(r"\w+", f"{d['title']} {d['lead']}".lower()))
    body_only = next(w for w, n in body_words.most_common()[300:] if w not in other_words)
    actors = Counter(a for d in documents for a in d["actors"]).most_common()
    actor = next(a for a, _ in actors[len(actors) // 3 :] if max(map(len, a.split())) >= 5)
    longest = max(actor.split(), key=len)
    typo = actor.replace(longest, longest[:2] + longest[3:])  # its third letter dropped
    # The Cyrillic word and the phrase are the rarest of their kind, so that their right
    # answers (the articles that hold them) are few at any size.
    bodies = [set(re.findall(r"\w+", d["body"].lower())) for d in documents]
    articles_with = Counter(word for words in bodies for word in words)
    cyrillic_word = min(
        (word for word in articles_with if re.fullmatch("[а-я]{7,}", word)),
        key=lambda word: (articles_with[word], -len(word), word),
    )
    middle = len(documents) // 2
    target = documents[middle]
    words = re.findall(r"\w+", target["body"])
    pairs = [(a, b) for a, b in itertools.pairwise(words) if min(len(a), len(b)) >= 6]
    pairs.sort(key=lambda pair: articles_with[pair[0].lower()] + articles_with[pair[1].lower()])

    def holding(*terms):
        return {n for n, body in enumerate(bodies) if all(t.lower() in body for t in terms)}

    phrase = min(pairs[:20], key=lambda pair: len(holding(*pair)))
    prefix = next(w for w in re.findall(r"[a-z]{7,}", target["title"].lower()))[:4]
    return {
        "body-only word": (body_only, set()),
        "actor with a typo": (typo, {n for n, d in enumerate(documents) if actor in d["actors"]}),
        "Cyrillic word": (cyrillic_word, holding(cyrillic_word)),
        "two-word phrase": (" ".join(phrase), holding(*phrase)),
        "prefix": (prefix, set()),
        "exact title": (target["title"], {len(documents) // 2}),
    }


class CountingHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site, and counts the bytes of every file it sends; GET /__sent__ answers
    the count since the last such request. HTTP/1.1, so that a browser keeps its
    connections open, as it does with any static host (Python's default, HTTP/1.0, opens
    a connection for each file: tens of milliseconds a query, for us and Pagefind alike)."""

    protocol_version = "HTTP/1.1"
    sent = 0

    def log_message(self, *args):
        pass

    def do_GET(self):
        if self.path != "/__sent__":
            return super().do_GET()
        body, CountingHandler.sent = str(CountingHandler.sent).encode(), 0
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def send_head(self):
        handle = super().send_head()
        if handle is not None and hasattr(handle, "fileno"):
            CountingHandler.sent += os.fstat(handle.fileno()).st_size
        return handle


def serve_forever(site: str) -> None:
    """The server's own process (--serve): prints its port, then serves."""
    handler = functools.partial(CountingHandler, directory=site)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    print(server.server_address[1], flush=True)
    server.serve_forever()


def serve(site: Path) -> tuple[subprocess.Popen, str]:
    """A server in a process of its own, as a reader's would be: in this one, it would wait
    for the GIL while Playwright's client runs."""
    command = [sys.executable, __file__, "--serve", str(site)]
    server = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    return server, f"http://127.0.0.1:{int(server.stdout.readline())}"


def sent_since_asked(base: str) -> int:
    with urllib.request.urlopen(f"{base}/__sent__") as answer:
        return int(answer.read())


# http, the server counts what it sent (/__sent__), fetches and workers included.
SCRIPTS = "() => Array.from(document.scripts, (script) => script.src).filter(Boolean)"


def file_bytes(urls: list[str]) -> int:
    paths = [Path(unquote(urlsplit(url).path)) for url in set(urls)]
    return sum(path.stat().st_size for path in paths if path.is_file())


def ours(page, base: str, query: str) -> tuple[float, int, list[str]]:
    page.goto(f"{base}/search.html")
    page.wait_for_function("document.getElementById('search-page').dataset.state === 'done'")
    before = set(page.evaluate(SCRIPTS))
    if base.startswith("http"):
        sent_since_asked(base)
    elapsed = page.evaluate(
        """(query) => new Promise((resolve) => {
            const root = document.getElementById("search-page");
            const start = performance.now();
            new MutationObserver(() => {
                if (root.dataset.state === "done") resolve(performance.now() - start);
            }).observe(root, {attributes: true});
            document.getElementById("search-input").value = query;
            document.getElementById("search-form").requestSubmit();
        })""",
        query,
    )
    urls = page.locator("#search-results > li h2 a").evaluate_all("as => as.map(a => a.href)")
    return elapsed, loaded_since(page, base, before), urls


def loaded_since(page, base: str, before: set[str]) -> int:
    """Bytes loaded since before (the scripts the page had) and the server last counted."""
    if base.startswith("file:"):
        return file_bytes([url for url in page.evaluate(SCRIPTS) if url not in before])
    return sent_since_asked(base)


def our_ready(page, base: str) -> float:
    page.goto(f"{base}/search.html")
    page.wait_for_function("document.getElementById('search-page').dataset.state === 'done'")
    return page.evaluate("() => performance.now()")


PAGEFIND_PAGE = """<!doctype html><meta charset="utf-8"><title>Pagefind</title>
<script type="module">
window.pagefind = await import("./pagefind/pagefind.js");
await window.pagefind.init();
window.pagefindReady = performance.now();
</script>"""


def pagefind(page, base: str, query: str) -> tuple[float, list, list[str]]:
    page.goto(f"{base}/pagefind-bench.html")
    page.wait_for_function("window.pagefindReady !== undefined")
    before = set(page.evaluate(SCRIPTS))
    if base.startswith("http"):
        sent_since_asked(base)
    elapsed, urls = page.evaluate(
        """async (query) => {
            const start = performance.now();
            const found = await window.pagefind.search(query);
            const shown = await Promise.all(found.results.slice(0, 10).map((r) => r.data()));
            return [performance.now() - start, shown.map((d) => d.url)];
        }""",
        query,
    )
    return elapsed, loaded_since(page, base, before), urls


def pagefind_ready(page, base: str) -> float:
    page.goto(f"{base}/pagefind-bench.html")
    page.wait_for_function("window.pagefindReady !== undefined")
    return page.evaluate("() => window.pagefindReady")


def top_five_has(urls: list[str], documents: list[dict], wanted: set[int]) -> bool:
    if not wanted:
        return True
    names = {documents[n]["url"].rsplit("/", 1)[-1] for n in wanted}
    return any(unquote(url).rsplit("/", 1)[-1] in names for url in urls[:5])


def measure(count: int) -> int:
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        site = build_site(count, work)
        documents = our_documents(site)
        our_time, our_size = time_our_build(documents, work)
        pagefind_build = time_pagefind(site, work)
        (site / "pagefind-bench.html").write_text(PAGEFIND_PAGE, encoding="utf-8")
        server, http_base = serve(site)
        try:
            return report(count, site, documents, http_base, (our_time, our_size), pagefind_build)
        finally:
            server.kill()
            server.wait()


def report(count, site, documents, http_base, our_build, pf_build) -> int:
    """Prints the table; pf_build is Pagefind's (seconds, bytes), or why it failed (then
    its columns are empty, and nothing is compared with it)."""
    from playwright.sync_api import sync_playwright

    pagefind_ran = not isinstance(pf_build, str)
    queries = queries_for(documents)
    file_base = site.resolve().as_uri()
    runs = [("file", ours, file_base), ("http", ours, http_base)]
    runs += [("pagefind", pagefind, http_base)] if pagefind_ran else []
    rows, failures = [], 0
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
        page = browser.new_page()
        ready = {
            "ours, file://": statistics.median(our_ready(page, file_base) for _ in range(3)),
            "ours, http": statistics.median(our_ready(page, http_base) for _ in range(3)),
        }
        if pagefind_ran:
            ready["Pagefind, http"] = statistics.median(
                pagefind_ready(page, http_base) for _ in range(3)
            )
        for name, (query, wanted) in queries.items():
            row = {"name": name, "query": query}
            for label, run, base in runs:
                times, loaded, urls = [], 0, []
                for _ in range(3):  # each in a new context: nothing cached
                    context = browser.new_context()
                    elapsed, loaded, urls = run(context.new_page(), base, query)
                    context.close()
                    times.append(elapsed)
                right = top_five_has(urls, documents, wanted)
                row[label] = (statistics.median(times), loaded, right)
            rows.append(row)
        browser.close()
    limit_ms, limit_bytes = TARGETS.get(count, TARGETS[100_000])
    print(f"\n{count:,} articles ({count // 10:,} in Cyrillic letters)")
    our_s, our_bytes = our_build
    if pagefind_ran:
        pf_s, pf_bytes = pf_build
        print(
            f"index on disk: ours {our_bytes / MB:.1f} MB, Pagefind {pf_bytes / MB:.1f} MB "
            f"(ratio {our_bytes / pf_bytes:.2f})"
        )
        print(
            f"index build: ours {our_s:.1f} s (Node, from plain text), Pagefind {pf_s:.1f} s "
            f"(from the HTML pages) (ratio {our_s / pf_s:.2f})"
        )
        failures += our_bytes > pf_bytes
    else:
        print(f"index on disk: ours {our_bytes / MB:.1f} MB; build: ours {our_s:.1f} s")
        print(pf_build)
    print("page ready (median of 3): " + ", ".join(f"{k} {v:.0f} ms" for k, v in ready.items()))
    print(
        f"{'query':<18} {'':<24} {'ours file://':>16} {'ours http':>16} {'Pagefind http':>16}"
        f" {'ratio':>6}  right in top 5 (ours/Pagefind)"
    )
    for row in rows:
        cells = [
            f"{row[k][0]:5.0f} ms {row[k][1] / KB:5.0f} KB" if k in row else "-" for k in LABELS
        ]
        ratio = f"{row['http'][0] / row['pagefind'][0]:6.2f}" if pagefind_ran else f"{'-':>6}"
        theirs = ("yes" if row["pagefind"][2] else "no") if pagefind_ran else "-"
        right = f"{'yes' if row['file'][2] else 'NO'}/{theirs}"
        query = repr(row["query"][:22])
        timings = " ".join(f"{cell:>16}" for cell in cells)
        print(f"{row['name']:<18} {query:<24} {timings} {ratio}  {right}")
        worst = max(row["file"][0], row["http"][0])
        failures += worst > limit_ms or row["file"][1] > limit_bytes or not row["file"][2]
        failures += pagefind_ran and row["http"][0] > row["pagefind"][0]
    failures += ready["ours, file://"] > READY_TARGET_MS and count >= 100_000
    print(
        f"targets ({limit_ms} ms, {limit_bytes // KB} KB a query, quicker than Pagefind, index no "
        f"larger): {'met' if not failures else f'{failures} MISSED'}"
        + ("" if pagefind_ran else " (nothing compared with Pagefind: it did not finish)")
    )
    return failures


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=sorted(TARGETS))
    parser.add_argument("--serve", metavar="FOLDER", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.serve:
        serve_forever(args.serve)
    return int(sum(measure(count) for count in args.sizes) > 0)


if __name__ == "__main__":
    sys.exit(main())
