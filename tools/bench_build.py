"""`make bench`: our build against stock Pelican on the same synthetic archive.

Generates N articles (tools/similar/synthetic.py, in Pelican's native 'Key: value' header so
that stock Pelican reads them too), then, in one run and side by side, times and measures
the peak memory of: a cold build (no cache), a rebuild with no change, a rebuild after
editing one article's body, and one after editing one article's tags. Stock Pelican: same
version, its default theme, typogrify on, no plugins. Ratios are ours / stock's cold build.
Targets: cold at most 0.5, rebuilds at most 0.1, peak memory at most 1 GB.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "plugins")]

from tools.similar.synthetic import generate  # noqa: E402

STOCK_SETTINGS = """
PATH = "content"
SITENAME = "Stock"
TIMEZONE = "Europe/Minsk"
TYPOGRIFY = True
PLUGINS = []
"""


def write_corpus(count: int, content: Path) -> list[Path]:
    paths = []
    for article in generate(count, body_paragraphs=6):
        path = content / "articles" / str(article.date.year) / f"{article.key}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(
            f"Title: {article.title}\nDate: {article.date:%Y-%m-%d %H:%M%z}\n"
            f"Category: {article.category}\nTags: {', '.join(article.tags)}\n"
            f"Actors: {', '.join(article.actors)}\nSummary: {article.lead}\n"
            f"Slug: {article.key}\n\n{article.body}\n",
            encoding="utf-8",
        )
        paths.append(path)
    return paths


def timed(command: list[str], cwd: Path) -> tuple[float, float]:
    """(seconds, peak GB) of one command, measured by GNU time."""
    start = time.perf_counter()
    result = subprocess.run(
        ["/usr/bin/time", "-f", "%M", *command], cwd=cwd, capture_output=True, text=True
    )
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stderr[-3000:]}")
    return seconds, int(result.stderr.strip().splitlines()[-1]) / 1024**2


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    args = parser.parse_args(argv)
    pelican = str(Path(sys.executable).parent / "pelican")
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        content = work / "content"
        paths = write_corpus(args.count, content)
        (work / "stockconf.py").write_text(STOCK_SETTINGS)
        stock_cold = timed([pelican, "-q", str(content), "-s", "stockconf.py", "-o", "stock"], work)
        ours = [
            pelican,
            "-q",
            str(content),
            "-s",
            str(ROOT / "pelicanconf.py"),
            "-o",
            str(work / "ours"),
        ]
        shutil.rmtree(ROOT / ".cache", ignore_errors=True)
        rows = [("cold build", timed(ours, work))]
        rows.append(("rebuild, no change", timed(ours, work)))
        body = paths[len(paths) // 2]
        body.write_text(body.read_text() + "\nOne more sentence.\n")
        rows.append(("rebuild, one body edited", timed(ours, work)))
        tags = paths[len(paths) // 3]
        tags.write_text(tags.read_text().replace("Tags: ", "Tags: edited tag, ", 1))
        rows.append(("rebuild, one article's tags edited", timed(ours, work)))
    print(
        f"{args.count:,} articles; stock Pelican cold build: {stock_cold[0]:.1f} s, "
        f"{stock_cold[1]:.2f} GB peak"
    )
    print(f"{'ours':<36} {'seconds':>8} {'ours/stock':>11} {'target':>7} {'peak GB':>8}")
    failures = 0
    for name, (seconds, peak) in rows:
        target = 0.5 if name == "cold build" else 0.1
        ratio = seconds / stock_cold[0]
        met = ratio <= target and peak <= 1.0
        failures += not met
        print(
            f"{name:<36} {seconds:8.1f} {ratio:11.2f} {target:7.1f} {peak:8.2f}  "
            f"{'met' if met else 'MISSED'}"
        )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
