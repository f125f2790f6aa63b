"""`make offline`: the whole site as a folder that works from disk, zipped in dist/.

Builds with offlineconf.py into a fresh folder, then packs it as
dist/<site>-<YYYY-MM-DD>.zip, with one top folder of the same name: unzip it anywhere and
open index.html in a browser, no server and no network needed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]
from plugins.stages import PLUGIN_PATHS  # noqa: E402

sys.path[:0] = PLUGIN_PATHS

from pelican import Pelican  # noqa: E402
from pelican.settings import read_settings  # noqa: E402
from pelican.utils import slugify  # noqa: E402

from tools.reporting import failure_text  # noqa: E402


def build_offline(content: Path, settings_file: Path, folder: Path) -> dict:
    settings = read_settings(
        str(settings_file), override={"PATH": str(content), "OUTPUT_PATH": str(folder)}
    )
    Pelican(settings).run()
    return settings


def pack(folder: Path, archive: Path, top: str) -> None:
    """Zip folder's files under one top folder; fixed order and times for equal archives."""
    archive.parent.mkdir(parents=True, exist_ok=True)
    partial = archive.with_suffix(".zip.partial")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as zipped:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(
                f"{top}/{path.relative_to(folder).as_posix()}", (1980, 1, 1, 0, 0, 0)
            )
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zipped.writestr(info, path.read_bytes())
    partial.replace(archive)  # a failed run never leaves a half-written zip under the name


def main(argv=None) -> Path | None:
    """The archive made, or None (the problems printed) if the build failed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("content", nargs="?", type=Path, default=ROOT / "content")
    parser.add_argument("-s", "--settings", type=Path, default=ROOT / "offlineconf.py")
    parser.add_argument("-d", "--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--date", default=dt.date.today().isoformat(), help="for the name")
    parser.add_argument("--debug", action="store_true", help="a traceback for a failed build")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work) / "site"
        try:
            settings = build_offline(args.content.resolve(), args.settings, folder)
        except Exception as error:
            if args.debug:
                raise
            print(f"{failure_text('offline', error)}\nNo offline copy was made.", file=sys.stderr)
            return None
        site = slugify(settings["SITENAME"], regex_subs=settings["SLUG_REGEX_SUBSTITUTIONS"])
        top = f"{site}-{args.date}"
        archive = args.dist / f"{top}.zip"
        pack(folder, archive, top)
    print(f"Offline copy: {archive} (unzip it and open {top}/index.html)")
    return archive


if __name__ == "__main__":
    sys.exit(0 if main() else 1)
