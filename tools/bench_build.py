"""`make bench`: our build against stock Pelican on the same synthetic archive.

Generates N articles (tools/similar/synthetic.py, in Pelican's native 'Key: value' header so
that stock Pelican reads them too), then, in one run and side by side, times and measures
the peak memory of: a cold build (no cache), a rebuild with no change, a rebuild after
editing one article's body, and one after editing one article's tags. Stock Pelican: same
version, its default theme, typogrify on, no plugins. Ratios are ours / stock's cold build.
Targets: cold at most 0.5, rebuilds at most 0.1, peak memory at most 1 GB.

By default three archive shapes are measured (SHAPES); --shape picks some, and the shape
options (--tags, --actors, --actors-per-article...) describe one of your own. --repeat N
alternates stock's and our cold builds N times and gives medians (the machine is shared).
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]
from plugins.stages import PLUGIN_PATHS  # noqa: E402

sys.path[:0] = PLUGIN_PATHS

from tools.similar.synthetic import Shape, generate  # noqa: E402

SHAPES = {
    # tags and actors in proportion to the archive (2,000 and 1,250 at 10,000), plain text
    "proportional": Shape(body_paragraphs=6),
    # few actors, many per article: long actor pages, many shared actors to rank
    "many-actors": Shape(tags=300, actors=800, actors_per_article=(2, 8), body_paragraphs=6),
    # bodies as authors write them (links, emphasis, lists, quotes), in Cyrillic, longer
    "markdown-cyrillic": Shape(body_paragraphs=10, markdown_share=0.7, script="cyrillic"),
}

STOCK_SETTINGS = """
PATH = "content"
SITENAME = "Stock"
TIMEZONE = "Europe/Minsk"
TYPOGRIFY = True
PLUGINS = []
"""


def write_corpus(
    count: int, content: Path, shape: Shape, seed: int = 2016, translated: float = 0.0
) -> list[Path]:
    """count articles as Markdown files; another seed gives other articles (other slugs).
    translated: the share of them that also have a Russian translation (`Lang: ru`, the
    same slug, the same article in Cyrillic letters), each in a file of its own."""
    paths = []
    chosen = random.Random(seed).sample(range(count), round(count * translated))
    russian = generate(count, seed=seed, shape=replace(shape, script="cyrillic")) if chosen else []
    for article in generate(count, seed=seed, shape=shape):
        if seed != 2016:
            article = replace(article, key=f"{article.key}-{seed}")
        paths.append(_write(content, article, article.key))
    for number in sorted(chosen):
        translation = replace(russian[number], key=paths[number].stem)
        _write(content, translation, f"{translation.key}.ru", lang="ru")
    return paths


def _write(content: Path, article, name: str, lang: str | None = None) -> Path:
    path = content / "articles" / str(article.date.year) / f"{name}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        f"Title: {article.title}\nDate: {article.date:%Y-%m-%d %H:%M%z}\n"
        f"Category: {article.category}\nTags: {', '.join(article.tags)}\n"
        f"Actors: {', '.join(article.actors)}\nSummary: {article.lead}\n"
        + (f"Lang: {lang}\n" if lang else "")
        + f"Slug: {article.key}\n\n{article.body}\n",
        encoding="utf-8",
    )
    return path


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


def measure(
    count: int, shape: Shape, repeat: int = 1, translated: float = 0.0
) -> tuple[tuple[float, float], list]:
    """Stock Pelican's cold build, and ours: cold, then three rebuilds. With repeat > 1,
    stock's and our cold builds alternate, each rebuild is made repeat times (a new edit
    each time), and the median time of each is given (the highest peak)."""
    pelican = str(Path(sys.executable).parent / "pelican")
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        content = work / "content"
        paths = write_corpus(count, content, shape, translated=translated)
        (work / "stockconf.py").write_text(STOCK_SETTINGS)
        stock = [pelican, "-q", str(content), "-s", "stockconf.py", "-o", "stock"]
        ours = [pelican, "-q", str(content), "-s", str(ROOT / "pelicanconf.py")]
        ours += ["-o", str(work / "ours")]

        def cold(command, output):
            shutil.rmtree(ROOT / ".cache", ignore_errors=True)
            shutil.rmtree(output, ignore_errors=True)
            return timed(command, work)

        pairs = [(cold(stock, work / "stock"), cold(ours, work / "ours")) for _ in range(repeat)]
        stock_cold = median([stock for stock, _ in pairs])
        rows = [("cold build", median([ours for _, ours in pairs]))]
        rows.append(("rebuild, no change", median([timed(ours, work) for _ in range(repeat)])))
        body, tags = paths[len(paths) // 2], paths[len(paths) // 3]

        def edit_body(number):
            body.write_text(body.read_text() + f"\nOne more sentence ({number}).\n")
            return timed(ours, work)

        def edit_tags(number):
            tags.write_text(tags.read_text().replace("Tags: ", f"Tags: edited tag {number}, ", 1))
            return timed(ours, work)

        rows.append(("rebuild, one body edited", median([edit_body(n) for n in range(repeat)])))
        rows.append(
            ("rebuild, one article's tags edited", median([edit_tags(n) for n in range(repeat)]))
        )
        # Where the cold build's time goes: the same build without the search index (its
        # Node process), into an output and a cache of its own.
        without_search = [*ours[:-1], str(work / "no-search"), "-e", "SEARCH_INDEX=false"]
        rows.append((INFORMATION, cold(without_search, work / "no-search")))
    return stock_cold, rows


def median(runs: list[tuple[float, float]]) -> tuple[float, float]:
    """(median seconds, highest peak) of runs."""
    return statistics.median(seconds for seconds, _ in runs), max(peak for _, peak in runs)


INFORMATION = "cold build without the search index"  # shown, not a target


def report(name: str, count: int, shape: Shape, stock_cold, rows) -> int:
    print(f"\n{name}: {count:,} articles, {describe(shape, count)}")
    print(f"stock Pelican cold build: {stock_cold[0]:.1f} s, {stock_cold[1]:.2f} GB peak")
    print(f"{'ours':<36} {'seconds':>8} {'ours/stock':>11} {'target':>7} {'peak GB':>8}")
    failures = 0
    for row, (seconds, peak) in rows:
        target = 0.5 if row.startswith("cold build") else 0.1
        ratio = seconds / stock_cold[0]
        met = ratio <= target and peak <= 1.0
        verdict = "(not a target)" if row == INFORMATION else "met" if met else "MISSED"
        failures += not met and row != INFORMATION
        print(f"{row:<36} {seconds:8.1f} {ratio:11.2f} {target:7.1f} {peak:8.2f}  {verdict}")
    return failures


def describe(shape: Shape, count: int) -> str:
    tags = shape.tags or max(50, count // 5)
    actors = shape.actors or max(30, count // 8)
    low, high = shape.actors_per_article
    return (
        f"{tags:,} tags ({shape.tags_per_article[0]}-{shape.tags_per_article[1]} each), "
        f"{actors:,} actors ({low}-{high} each), {shape.body_paragraphs} paragraphs, "
        f"{shape.markdown_share:.0%} with Markdown marks, {shape.script}"
    )


def _pair(text: str) -> tuple[int, int]:
    low, _, high = text.partition("-")
    return int(low), int(high or low)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--shape", action="append", choices=sorted(SHAPES), help="repeatable")
    parser.add_argument(
        "--repeat", type=int, default=1, help="cold builds (stock, ours) and rebuilds N times"
    )
    parser.add_argument(
        "--translated",
        type=float,
        default=0.0,
        metavar="0..1",
        help="the share of the articles that also have a Russian translation",
    )
    custom = parser.add_argument_group("a shape of your own (instead of --shape)")
    custom.add_argument("--tags", type=int, help="distinct tags in the archive")
    custom.add_argument("--actors", type=int, help="distinct actors in the archive")
    custom.add_argument("--tags-per-article", type=_pair, default=(1, 5), metavar="LOW-HIGH")
    custom.add_argument("--actors-per-article", type=_pair, default=(1, 4), metavar="LOW-HIGH")
    custom.add_argument("--paragraphs", type=int, default=6, help="body paragraphs per article")
    custom.add_argument("--markdown-share", type=float, default=0.0, metavar="0..1")
    custom.add_argument("--script", choices=("latin", "cyrillic"), default="latin")
    args = parser.parse_args(argv)
    shapes = {name: SHAPES[name] for name in args.shape or SHAPES}
    own = (args.tags, args.actors, args.markdown_share, args.script != "latin")
    if any(own) or args.tags_per_article != (1, 5) or args.actors_per_article != (1, 4):
        shapes = {
            "custom": Shape(
                tags=args.tags,
                actors=args.actors,
                tags_per_article=args.tags_per_article,
                actors_per_article=args.actors_per_article,
                body_paragraphs=args.paragraphs,
                markdown_share=args.markdown_share,
                script=args.script,
            )
        }
    failures = 0
    for name, shape in shapes.items():
        stock_cold, rows = measure(args.count, shape, args.repeat, args.translated)
        if args.translated:
            name += f", {args.translated:.0%} also in Russian"
        failures += report(name, args.count, shape, stock_cold, rows)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
