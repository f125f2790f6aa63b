"""`make bench-preview`: how soon an author sees a saved article in `make devserver`.

On a synthetic archive (by default 10,000 articles shaped as the issue's: 800 actors, two to
eight per article, 300 tags; --count 100000 for the large one), in one run:
- `make html` of the archive (its time, for scale);
- the preview's start after it (devserver, same settings and cache): until its first build
  has ended;
- for a body edit, a tag edit and a new article: from the save to the page showing it in a
  browser that has it open (headless Chromium through Playwright; for the new article, to
  its page being served), and to the whole site being consistent again (the background
  build ended);
- the peak memory of the preview's own process (its first build, and the build it holds).
  Its background builds are builds as `make bench` measures them.
Targets (issue 21): the page within 0.5 s at 10,000 articles and 1 s at 100,000; the warm
start within 10 s at 10,000; the preview's memory at most 1.5 GB at 100,000.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]

from tools.bench_build import SHAPES, write_corpus  # noqa: E402

PAGE_TARGET = {10_000: 0.5, 100_000: 1.0}  # seconds from a save to the page showing it
WARM_START_TARGET = 10.0  # at 10,000
MEMORY_TARGET_GB = 1.5  # at 100,000
CHROMIUM = "/usr/bin/chromium"


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def state(output: Path) -> dict:
    try:
        return json.loads((output / "_preview" / "build.json").read_text())
    except (OSError, ValueError):
        return {}


def wait_until(predicate, seconds: float = 3600, step: float = 0.01) -> float:
    """Seconds until predicate() holds."""
    start = time.perf_counter()
    while not predicate():
        if time.perf_counter() - start > seconds:
            raise SystemExit("timed out")
        time.sleep(step)
    return time.perf_counter() - start


def peak_gb(pid: int) -> float:
    """The peak resident memory of a running process (VmHWM)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024**2
    return 0.0


class Preview:
    """A running `devserver.py --serve` on the archive, and a browser page on it."""

    def __init__(self, work: Path, content: Path, output: Path, cache: str):
        self.output = output
        self.port = free_port()
        command = [sys.executable, str(ROOT / "tools" / "devserver.py"), str(content)]
        command += ["-o", str(output), "--serve", "-p", str(self.port), "-e", cache]
        self.log = (work / "devserver.log").open("w")
        self.process = subprocess.Popen(
            command, cwd=work, stdout=self.log, stderr=subprocess.STDOUT
        )

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def ready(self) -> bool:
        if self.process.poll() is not None:
            raise SystemExit(f"the preview stopped: see {self.log.name}")
        return state(self.output).get("building") is False

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=60)
        self.log.close()


def measure(count: int, repeat: int) -> list[tuple[str, str, str]]:
    from playwright.sync_api import sync_playwright

    rows = []
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        content, output = work / "content", work / "output"
        shape = SHAPES["many-actors"]
        paths = write_corpus(count, content, shape)
        cache = f'CACHE_PATH="{work / "cache"}"'
        make_html = [sys.executable, "-m", "pelican", str(content), "-o", str(output)]
        make_html += ["-s", str(ROOT / "pelicanconf.py"), "-e", cache, "-q"]
        start = time.perf_counter()
        made = subprocess.run(make_html, cwd=work, capture_output=True, text=True)
        if made.returncode != 0:
            raise SystemExit(f"make html failed:\n{made.stdout[-3000:]}{made.stderr[-3000:]}")
        rows.append(("make html (for scale)", f"{time.perf_counter() - start:.1f} s", ""))
        preview = Preview(work, content, output, cache)
        try:
            started = wait_until(preview.ready, step=0.05)
            target = f"at most {WARM_START_TARGET:.0f} s" if count == 10_000 else ""
            rows.append(("preview start after make html", f"{started:.1f} s", target))
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
                )
                page = browser.new_page()
                rows += edits(preview, page, paths, repeat)
                browser.close()
            memory = f"{peak_gb(preview.process.pid):.2f} GB"
            wanted = f"at most {MEMORY_TARGET_GB} GB at 100,000"
            rows.append(("memory of the preview's process", memory, wanted))
        finally:
            preview.stop()
    return rows


def edits(preview: Preview, page, paths: list[Path], repeat: int) -> list[tuple[str, str, str]]:
    """Each kind of save `repeat` times (another article each time): the median times."""
    target = PAGE_TARGET.get(len(paths))
    wanted = f"at most {target} s" if target else ""
    rows = []

    def body_edit(number):
        path = paths[len(paths) // 2 + number]
        text = f"A sentence the author just wrote ({number})."
        path.write_text(path.read_text() + f"\n{text}\n")
        return text

    def tag_edit(number):
        path = paths[len(paths) // 3 + number]
        path.write_text(path.read_text().replace("Tags: ", f"Tags: Fresh tag {number}, ", 1))
        return f"Fresh tag {number}"

    for name, edit, first in (("body edit", body_edit, len(paths) // 2),
                              ("tag edit", tag_edit, len(paths) // 3)):  # fmt: skip
        times = []
        for number in range(repeat):
            page.goto(f"{preview.base}/{_url_of(paths[first + number])}")
            page.wait_for_selector("html[data-preview-build]")
            saved = time.perf_counter()
            text = edit(number)
            page.wait_for_function(
                # (typogrify joins the last words with a no-break space)
                "text => document.body.innerText.replace(/\\s+/g, ' ').includes(text)",
                arg=text,
                timeout=3_600_000,
                polling=10,
            )
            shown = time.perf_counter() - saved
            times.append((shown, wait_until(_whole_since(preview), step=0.05) + shown))
        rows += _rows(name, "page shown", times, wanted)
    articles = paths[0].parent.parent
    times = [new_article(preview, articles, number) for number in range(repeat)]
    return rows + _rows("new article", "its page served", times, wanted)


def _rows(name, shown_label, times, wanted) -> list[tuple[str, str, str]]:
    shown = statistics.median(t for t, _ in times)
    whole = statistics.median(w for _, w in times)
    spread = ", ".join(f"{t:.2f}" for t, _ in times)
    return [
        (f"{name}: {shown_label}", f"{shown:.2f} s", f"{wanted}  ({spread})"),
        (f"{name}: whole site consistent", f"{whole:.1f} s", ""),
    ]


def new_article(preview: Preview, articles: Path, number: int) -> tuple[float, float]:
    import urllib.request

    slug = f"a-new-article-for-the-bench-{number}"
    url = f"{preview.base}/2030/01/{slug}.html"
    source = articles / "2030" / f"{slug}.md"
    source.parent.mkdir(parents=True, exist_ok=True)
    source.write_text(
        f"Title: A new article for the bench {number}\nDate: 2030-01-02 10:00\n"
        f"Category: Security\nTags: Fresh tag 0\nSlug: {slug}\n\nIts text.\n"
    )

    def served() -> bool:  # (a page that was not there before)
        try:
            return urllib.request.urlopen(url).status == 200
        except OSError:
            return False

    shown = wait_until(served)
    return shown, wait_until(_whole_since(preview), step=0.05) + shown


def _whole_since(preview: Preview):
    """Until the build behind the page shown first has ended: the preview marks the site as
    building before that page is written, and as built once the whole site is."""
    return lambda: state(preview.output).get("building") is False


def _url_of(source: Path) -> str:
    header = dict(
        line.split(": ", 1) for line in source.read_text().split("\n\n", 1)[0].splitlines()
    )
    year, month = header["Date"][:4], header["Date"][5:7]
    return f"{year}/{month}/{header['Slug']}.html"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, action="append", help="repeatable")
    parser.add_argument("--repeat", type=int, default=3, help="saves of each kind")
    args = parser.parse_args(argv)
    for count in args.count or [10_000]:
        print(f"\n{count:,} articles (800 actors, 2-8 each, 300 tags)", flush=True)
        for label, value, target in measure(count, args.repeat):
            print(f"  {label:<40} {value:>10}   {target}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
