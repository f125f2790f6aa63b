"""`make bench-similar`: time the similarity step alone at 10,000 and 100,000 articles.

Each size and shape runs in a fresh process: generate the synthetic corpus with its bodies
and read every text (the actors it names, its terms: not timed, as a build reads them ahead
in another process and keeps them between builds), then the step a build runs on every
change (timed, both cores): the distinctive terms, the index, every article's candidates
and the capacity; and the process's peak memory, the texts' readings held. The cost of
reading one text (Markdown rendered, plain text, actors, terms) is timed apart, on 2,000.
At 5,000 articles the fast path is checked against the plain all-pairs reference, list by
list. Targets on a 2-core machine: 10,000 in 1 s; 100,000 in 15 s and 1.5 GB.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]
from plugins.stages import PLUGIN_PATHS  # noqa: E402

sys.path[:0] = PLUGIN_PATHS

import markdown  # noqa: E402
from actors.mentions import Mentions  # noqa: E402
from actors.registry import Entry, Registry  # noqa: E402
from fast_build.forking import fork_map  # noqa: E402
from search.documents import plain_text  # noqa: E402
from similar_articles.capacity import capped_lists  # noqa: E402
from similar_articles.core import Document, SimilarityConfig, SimilarityIndex, rank_all  # noqa: E402
from similar_articles.reference import reference_rankings  # noqa: E402
from similar_articles.terms import term_counts  # noqa: E402
from similar_articles.text_fields import with_text_fields  # noqa: E402

from tools.bench_build import SHAPES  # noqa: E402
from tools.eval_similar import site_config  # noqa: E402
from tools.similar.synthetic import generate  # noqa: E402

TARGETS = {10_000: (1.0, None), 100_000: (15.0, 1.5)}  # seconds, GB
WORKERS = min(2, os.cpu_count() or 1)


def documents(articles) -> list[Document]:
    return [
        Document(a.key, a.date, {"tags": a.tags, "actors": a.actors, "category": [a.category]})
        for a in articles
    ]


class Reader:
    """What a build reads of a text: the actors it names (the archive's actors as the
    registry) and its terms, in the shape's language."""

    def __init__(self, articles, lang: str):
        names = dict.fromkeys(actor for a in articles for actor in a.actors)
        self.mentions = Mentions(Registry([Entry(name, "person") for name in names]))
        self.lang = lang

    def __call__(self, text: str):
        return list(self.mentions(text)), term_counts(text, self.lang)


def _text(article) -> str:
    return f"{article.title}\n{article.lead}\n{article.body}"


def reading_ms(articles, reader: Reader, sample: int = 2_000) -> float:
    """Milliseconds to read one text as a build does, from its Markdown."""
    htmls = [markdown.markdown(_text(a)) for a in articles[:sample]]
    start = time.perf_counter()
    for html in htmls:
        reader(plain_text(html))
    return (time.perf_counter() - start) * 1000 / len(htmls)


def prepare(count: int, shape: str, path: Path) -> None:
    """Run in a child process: the corpus read as a build reads it, into `path` (what the
    next build finds in its cache), and the cost of reading one text."""
    articles = generate(count, shape=SHAPES[shape])
    reader = Reader(articles, "ru" if SHAPES[shape].script == "cyrillic" else "en")
    per_text = reading_ms(articles, reader)
    readings = fork_map(reader, [_text(a) for a in articles], WORKERS)
    with path.open("wb") as handle:
        pickle.dump((documents(articles), readings, per_text), handle, pickle.HIGHEST_PROTOCOL)


def measure(count: int, repeats: int, path: Path) -> dict:
    """Run in another child process, from the readings `prepare` kept: seconds of each
    repeat and the peak RSS (the readings held included, the texts not)."""
    with path.open("rb") as handle:
        docs, readings, per_text = pickle.load(handle)
    mentioned = [names for names, _ in readings]
    counts = [terms for _, terms in readings]
    del readings
    config = site_config()
    seconds = []
    for _ in range(repeats):
        start = time.perf_counter()
        ranked, _ = with_text_fields(docs, mentioned, counts, config)
        index = SimilarityIndex(ranked, config)
        queries = [(d, ()) for d in ranked]
        answers = rank_all(index, queries, workers=WORKERS)

        def further(numbers, spare, index=index, queries=queries):
            chosen = [queries[n] for n in numbers]
            return [m for m, _ in rank_all(index, chosen, WORKERS, spare, fill=True)]

        lists, longer = capped_lists(
            [m for m, _ in answers], config.max_results, index.capacity, more=further
        )
        seconds.append(time.perf_counter() - start)
    before = tags_and_actors_only(docs, config, repeats)
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    listed = Counter(m.key for matches in lists for m in matches)
    return {
        "count": count,
        "seconds": seconds,
        "before_seconds": before,
        "peak_gb": max(peak_kb, children_kb) / 1024**2,
        "mean_listed": sum(len(m) for m in lists) / count,
        "most_listed": max(listed.values(), default=0),
        "capacity": index.capacity,
        "reading_ms": per_text,
        "ranked_further": len(longer),
    }


def tags_and_actors_only(docs, config, repeats: int) -> list[float]:
    """The same step as before the text fields and the capacity: the anchor, in this run."""
    weights = {**config.weights, "mentions": 0.0, "terms": 0.0}
    before = replace(config, weights=weights, max_share=None)
    seconds = []
    for _ in range(repeats):
        start = time.perf_counter()
        rank_all(SimilarityIndex(docs, before), [(d, ()) for d in docs], workers=WORKERS)
        seconds.append(time.perf_counter() - start)
    return seconds


def run_child(count: int, repeats: int, shape: str) -> dict:
    with tempfile.TemporaryDirectory(prefix="bench-similar-") as folder:
        path = Path(folder) / "readings.pickle"
        command = [sys.executable, __file__, "--child", str(count), "--file", str(path)]
        subprocess.run([*command, "--shape", shape, "--prepare"], check=True)
        output = subprocess.run(
            [*command, "--repeats", str(repeats)], check=True, capture_output=True, text=True
        ).stdout
    return json.loads(output.splitlines()[-1])


def check_exact(count: int) -> int:
    """Lists that differ between the fast path and the all-pairs reference."""
    docs = documents(generate(count))
    configs = [site_config(), SimilarityConfig(half_life_days=None, min_score=2.0)]
    differing = 0
    for config in configs:
        index = SimilarityIndex(docs, config)
        # the reference ranks only: "More in <category>" entries are left out of both
        fast = {d.key: [m.key for m in index.similar(d) if not m.fallback] for d in docs}
        reference = reference_rankings(docs, config)
        differing += sum(fast[key] != reference[key] for key in reference)
    return differing


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--prepare", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--file", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--sizes", type=int, nargs="*", default=sorted(TARGETS))
    parser.add_argument("--exact-size", type=int, default=5_000)
    parser.add_argument("--shape", choices=sorted(SHAPES), action="append")
    args = parser.parse_args(argv)
    shapes = args.shape or ["proportional"]
    if args.child and args.prepare:
        prepare(args.child, shapes[0], args.file)
        return 0
    if args.child:
        print(json.dumps(measure(args.child, args.repeats, args.file)))
        return 0
    failures = 0
    print(
        f"similarity step (terms, index, candidates, capacity; {WORKERS} workers), "
        f"median of {args.repeats}:"
    )
    print(f"  settings of pelicanconf.py: {site_config()}")
    for count, shape in [(count, shape) for shape in shapes for count in args.sizes]:
        result = run_child(count, args.repeats, shape)
        median = statistics.median(result["seconds"])
        limit_s, limit_gb = TARGETS.get(count, (None, None))
        ok = (limit_s is None or median <= limit_s) and (
            limit_gb is None or result["peak_gb"] <= limit_gb
        )
        failures += not ok
        runs = ", ".join(f"{s:.2f}" for s in result["seconds"])
        before = statistics.median(result["before_seconds"])
        target = f"target {limit_s} s" + (f", {limit_gb} GB" if limit_gb else "")
        target = f"{target}: {'met' if ok else 'MISSED'}" if limit_s else "no target"
        print(
            f"  {shape}, N={count:>7,}: {median:6.2f} s (runs {runs}), "
            f"peak {result['peak_gb']:.2f} GB, {result['mean_listed']:.2f} listed per article, "
            f"most listed {result['most_listed']} (capacity {result['capacity']}, "
            f"{result['ranked_further']} lists ranked further); "
            f"{target}; tags and actors only, no cap (as before "
            f"issue 18): {before:.2f} s, x{median / before:.2f}; reading a text "
            f"{result['reading_ms']:.2f} ms (ahead, once)"
        )
    start = time.perf_counter()
    differing = check_exact(args.exact_size)
    print(
        f"  N={args.exact_size:,}: fast path vs all-pairs reference, 2 settings: "
        f"{differing} differing lists ({time.perf_counter() - start:.0f} s)"
    )
    failures += differing > 0
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
