"""`make bench-zim`: the ZIM files of the 10,000-article bench, in one run: the time and
peak memory of `make zim` after `make offline`, the size of the ZIM against the zip, and
the time kiwix-serve (Debian's kiwix-tools) takes to answer a full-text query."""

from __future__ import annotations

import argparse
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]
from plugins.stages import PLUGIN_PATHS  # noqa: E402

sys.path[:0] = PLUGIN_PATHS

from tools.bench_build import timed, write_corpus  # noqa: E402
from tools.similar.synthetic import Shape  # noqa: E402

MB = 1024**2


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def query_times(zim: Path, patterns: list[str], repeat: int = 5) -> dict[str, float]:
    """Median milliseconds kiwix-serve takes to answer each full-text query."""
    port = free_port()
    server = subprocess.Popen(
        ["kiwix-serve", "--address", "127.0.0.1", "--port", str(port), str(zim)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(base, timeout=1)
                break
            except OSError:
                time.sleep(0.05)
        times = {}
        for pattern in patterns:
            url = (
                f"{base}/search?{urllib.parse.urlencode({'content': zim.stem, 'pattern': pattern})}"
            )
            runs = []
            for _ in range(repeat):
                start = time.perf_counter()
                with urllib.request.urlopen(url, timeout=60) as answer:
                    answer.read()
                runs.append((time.perf_counter() - start) * 1000)
            times[pattern] = statistics.median(runs)
        return times
    finally:
        server.terminate()
        server.wait(timeout=10)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    args = parser.parse_args(argv)
    if not shutil.which("kiwix-serve"):
        raise SystemExit("kiwix-serve is missing: apt-get install kiwix-tools")
    python = sys.executable
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        content = work / "content"
        paths = write_corpus(args.count, content, Shape(body_paragraphs=6))
        sample = paths[len(paths) // 2].read_text(encoding="utf-8")
        actor = sample.split("\nActors: ", 1)[1].split("\n", 1)[0].split(",")[0].strip()
        body_word = max(sample.split("\n\n", 1)[1].split()[:40], key=len).strip(".,")
        dist = work / "dist"
        offline = [python, str(ROOT / "tools/offline.py"), str(content), "--dist", str(dist)]
        offline_seconds, offline_peak = timed([*offline, "--date", "2026-01-01"], ROOT)
        zim_seconds, zim_peak = timed(
            [python, str(ROOT / "tools/zim.py"), str(content), "--dist", str(dist)], ROOT
        )
        archive = next(dist.glob("*.zip"))
        zip_size = archive.stat().st_size
        zims = sorted(dist.glob("*.zim"))
        zim_size = sum(z.stat().st_size for z in zims)
        times = query_times(zims[0], [actor, body_word, f"{actor} {body_word}"])
    print(f"{args.count:,} articles")
    print(
        f"make offline: {offline_seconds:.1f} s, peak {offline_peak:.2f} GB; "
        f"zip {zip_size / MB:.0f} MB"
    )
    print(
        f"make zim after it: {zim_seconds:.1f} s, peak {zim_peak:.2f} GB; {len(zims)} ZIM, "
        f"{zim_size / MB:.0f} MB ({zim_size / zip_size:.2f} of the zip)"
    )
    for pattern, ms in times.items():
        print(f"kiwix-serve full-text query {pattern!r}: {ms:.0f} ms (median of 5)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
