"""`make bench-similar`: time the similarity step alone at 10,000 and 100,000 articles.

Each size runs in a fresh process: generate the synthetic corpus (not timed), then build the
index and rank every article (timed, both cores), and read the process's peak memory. At
5,000 articles the fast path is checked against the plain all-pairs reference, list by list.
Targets on a 2-core machine: 10,000 in 1 s; 100,000 in 15 s and 1.5 GB.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]
from plugins.stages import PLUGIN_PATHS  # noqa: E402

sys.path[:0] = PLUGIN_PATHS

from similar_articles.core import Document, SimilarityConfig, SimilarityIndex, rank_all  # noqa: E402
from similar_articles.reference import reference_rankings  # noqa: E402

from tools.eval_similar import site_config  # noqa: E402
from tools.similar.synthetic import generate  # noqa: E402

TARGETS = {10_000: (1.0, None), 100_000: (15.0, 1.5)}  # seconds, GB
WORKERS = min(2, os.cpu_count() or 1)


def documents(count: int) -> list[Document]:
    return [
        Document(a.key, a.date, {"tags": a.tags, "actors": a.actors, "category": [a.category]})
        for a in generate(count)
    ]


def measure(count: int, repeats: int) -> dict:
    """Run in a child process: seconds of each repeat and the peak RSS."""
    docs = documents(count)
    config = site_config()
    seconds = []
    for _ in range(repeats):
        start = time.perf_counter()
        index = SimilarityIndex(docs, config)
        answers = rank_all(index, [(d, ()) for d in docs], workers=WORKERS)
        seconds.append(time.perf_counter() - start)
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {
        "count": count,
        "seconds": seconds,
        "peak_gb": max(peak_kb, children_kb) / 1024**2,
        "mean_listed": sum(len(m) for m, _ in answers) / count,
    }


def run_child(count: int, repeats: int) -> dict:
    output = subprocess.run(
        [sys.executable, __file__, "--child", str(count), "--repeats", str(repeats)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output.splitlines()[-1])


def check_exact(count: int) -> int:
    """Lists that differ between the fast path and the all-pairs reference."""
    docs = documents(count)
    configs = [site_config(), SimilarityConfig(half_life_days=None, min_score=2.0)]
    differing = 0
    for config in configs:
        index = SimilarityIndex(docs, config)
        fast = {d.key: [m.key for m in index.similar(d)] for d in docs}
        reference = reference_rankings(docs, config)
        differing += sum(fast[key] != reference[key] for key in reference)
    return differing


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--sizes", type=int, nargs="*", default=sorted(TARGETS))
    parser.add_argument("--exact-size", type=int, default=5_000)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(measure(args.child, args.repeats)))
        return 0
    failures = 0
    print(f"similarity step (index + ranking, {WORKERS} workers), median of {args.repeats}:")
    print(f"  settings of pelicanconf.py: {site_config()}")
    for count in args.sizes:
        result = run_child(count, args.repeats)
        median = statistics.median(result["seconds"])
        limit_s, limit_gb = TARGETS.get(count, (None, None))
        ok = (limit_s is None or median <= limit_s) and (
            limit_gb is None or result["peak_gb"] <= limit_gb
        )
        failures += not ok
        runs = ", ".join(f"{s:.2f}" for s in result["seconds"])
        target = f"target {limit_s} s" + (f", {limit_gb} GB" if limit_gb else "")
        print(
            f"  N={count:>7,}: {median:6.2f} s (runs {runs}), peak {result['peak_gb']:.2f} GB, "
            f"{result['mean_listed']:.2f} listed per article; {target}: "
            f"{'met' if ok else 'MISSED'}"
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
