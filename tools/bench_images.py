"""`make bench-images`: the cost of photographs, on a synthetic site whose every article has
a 12-megapixel JPEG lead image (made here, each of its own colours and grain).

Reports, in one run: the cold build (every rendition made, on all cores) against the same
site built without images; a rebuild with no change (no image work); the peak memory; the
bytes of images an article page loads on a phone 390 pixels wide (3 device pixels a pixel,
headless Chromium, over http from 127.0.0.1; target: at most 150 KB); and the size of the
offline zip (one 800-pixel WebP per image).
"""

from __future__ import annotations

import argparse
import io
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]
from plugins.stages import PLUGIN_PATHS  # noqa: E402

sys.path[:0] = PLUGIN_PATHS

from tools.bench_build import timed, write_corpus  # noqa: E402
from tools.bench_search import serve  # noqa: E402
from tools.similar.synthetic import Shape  # noqa: E402

KB = 1024
PHONE_TARGET = 150 * KB


POOL = 16  # distinct scenes; each image is one of them with its own mark (its own bytes)


def scene(seed: int, size=(4000, 3000)):
    """A 12-megapixel scene that compresses like a photograph: soft shapes of colour, light
    that varies across it, and grain."""
    import numpy
    from PIL import Image, ImageDraw, ImageFilter

    rng = random.Random(seed)
    width, height = size
    small = Image.new("RGB", (width // 8, height // 8))
    draw = ImageDraw.Draw(small)
    for _ in range(40):
        x, y = rng.randrange(width // 8), rng.randrange(height // 8)
        r = rng.randrange(10, 120)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=tuple(rng.randrange(256) for _ in "rgb"))
    image = small.filter(ImageFilter.GaussianBlur(6)).resize(size, Image.Resampling.BICUBIC)
    grain = numpy.random.default_rng(seed).normal(0, 6, (height, width, 3))
    pixels = numpy.clip(numpy.asarray(image, dtype=numpy.float32) + grain, 0, 255)
    return Image.fromarray(pixels.astype(numpy.uint8), "RGB")


def photograph(scenes: list, number: int) -> bytes:
    """A JPEG of one of the scenes, marked with its number: each file has bytes of its own."""
    from PIL import ImageDraw

    image = scenes[number % len(scenes)].copy()
    ImageDraw.Draw(image).rectangle((40, 40, 40 + 8 * (number % 97), 120), fill=(250, 250, 250))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=88)
    return out.getvalue()


def write_site(count: int, content: Path) -> list[Path]:
    paths = write_corpus(count, content, Shape(body_paragraphs=4))
    images = content / "images"
    images.mkdir(parents=True, exist_ok=True)
    scenes = [scene(seed) for seed in range(POOL)]
    for number, path in enumerate(paths):
        (images / f"{path.stem}.jpg").write_bytes(photograph(scenes, number))
        text = path.read_text(encoding="utf-8")
        header, _, body = text.partition("\n\n")
        header += f"\nImage: images/{path.stem}.jpg\nImage_alt: Photograph {number}"
        path.write_text(f"{header}\n\n{body}", encoding="utf-8")
    return paths


def phone_bytes(site: Path, page: str) -> tuple[int, list[str]]:
    """Bytes of images a phone 390 pixels wide loads for page, and their names."""
    from playwright.sync_api import sync_playwright

    server, base = serve(site)
    loaded = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path="/usr/bin/chromium",
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
            )
            context = browser.new_context(
                viewport={"width": 390, "height": 844}, device_scale_factor=3, is_mobile=True
            )
            page_ = context.new_page()

            def count(response):
                if response.request.resource_type == "image":
                    loaded.append((response.url, len(response.body())))

            page_.on("response", count)
            page_.goto(f"{base}/{page}", wait_until="networkidle")
            browser.close()
    finally:
        server.kill()
        server.wait()
    return sum(size for _, size in loaded), [url.rsplit("/", 3)[-2:] for url, _ in loaded]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=2000)
    args = parser.parse_args(argv)
    pelican = str(Path(sys.executable).parent / "pelican")
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        started = time.perf_counter()
        write_site(args.count, work / "content")
        print(
            f"{args.count:,} articles, each with a 12-megapixel JPEG lead image "
            f"(made in {time.perf_counter() - started:.0f} s)",
            flush=True,
        )
        ours = [pelican, "-q", str(work / "content"), "-s", str(ROOT / "pelicanconf.py")]
        ours += ["-o", str(work / "site"), "-e", f'CACHE_PATH="{work / "cache"}"']
        cold, cold_peak = timed(ours, work)
        again, again_peak = timed(ours, work)
        write_corpus(args.count, work / "plain-content", Shape(body_paragraphs=4))
        plain = [pelican, "-q", str(work / "plain-content"), "-s", str(ROOT / "pelicanconf.py")]
        plain += ["-o", str(work / "plain"), "-e", f'CACHE_PATH="{work / "plain-cache"}"']
        without, _ = timed(plain, work)
        article = next((work / "site").glob("20*/*/*.html")).relative_to(work / "site")
        phone, names = phone_bytes(work / "site", str(article))
        offline = subprocess.run(
            [
                sys.executable,
                str(ROOT / "tools/offline.py"),
                str(work / "content"),
                "--dist",
                str(work / "dist"),
                "--date",
                "2026-01-01",
            ],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        zips = [z.stat().st_size for z in (work / "dist").glob("*.zip")]  # before work goes
        renditions = sum(1 for _ in (work / "site" / "derived").rglob("*.*"))
        originals = sum(p.stat().st_size for p in (work / "content" / "images").iterdir())
    print(
        f"cold build, every rendition made: {cold:7.1f} s, peak {cold_peak:.2f} GB "
        f"({renditions:,} renditions of {originals / 1024**3:.1f} GB of originals)"
    )
    print(f"the same articles without images:  {without:7.1f} s (images: {cold - without:.1f} s)")
    print(f"rebuild, no change (no image work): {again:5.1f} s, peak {again_peak:.2f} GB")
    verdict = "met" if phone <= PHONE_TARGET else "MISSED"
    print(
        f"an article page on a 390-pixel phone (3x): {phone / KB:.0f} KB of images "
        f"({', '.join('/'.join(n) for n in names)}); target {PHONE_TARGET // KB} KB: {verdict}"
    )
    print(f"offline zip: {zips[0] / 1024**2:.0f} MB" if zips else offline.stderr)
    return 0 if phone <= PHONE_TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
