"""`make publish`: build the production site, check it, and only then let it replace
output/, atomically. A build that fails, fails a check or is killed leaves output/ as it was.

Writes output.stamp.json beside output/ (the hashes of the inputs and of the output) for
the deploy targets, which refuse a failed or stale build.
"""

from __future__ import annotations

import argparse
import ctypes
import hashlib
import json
import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]
from plugins.stages import PLUGIN_PATHS  # noqa: E402

sys.path[:0] = PLUGIN_PATHS

from pelican import Pelican  # noqa: E402
from pelican.settings import read_settings  # noqa: E402

from tools.gates import broken_links, feed_problems  # noqa: E402
from tools.reporting import KeptWarnings, failure_text  # noqa: E402

INPUTS = ("content", "theme", "plugins", "pelicanconf.py", "publishconf.py", "tools/search")


class PublishError(Exception):
    pass


def tree_hash(*paths: Path) -> str:
    """One hash of the names and bytes of every file under paths, in a fixed order."""
    digest = hashlib.sha256()
    for top in paths:
        files = (
            sorted(p for p in Path(top).rglob("*") if p.is_file())
            if Path(top).is_dir()
            else [Path(top)]
        )
        for path in files:
            if "__pycache__" in path.parts:
                continue
            digest.update(str(path.relative_to(top) if Path(top).is_dir() else path.name).encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def inputs_hash(content: Path) -> str:
    return tree_hash(content, *(ROOT / name for name in INPUTS[1:]))


def build(content: Path, staging: Path, settings_file: Path) -> dict:
    """Build into staging. Content problems, warnings included (CONTENT_WARNINGS_FATAL),
    stop it before anything is written; any other warning logged while writing stops the
    publication once the build is done, all of them named."""
    settings = read_settings(
        str(settings_file), override={"PATH": str(content), "OUTPUT_PATH": str(staging)}
    )
    with KeptWarnings() as kept:
        Pelican(settings).run()
    if kept.messages:
        raise PublishError(
            f"{len(kept.messages)} warning(s) stop the publication:\n  "
            + "\n  ".join(kept.messages)
        )
    return settings


def check(staging: Path, siteurl: str) -> None:
    problems = [f"{page}: broken link {link}" for page, link in broken_links(staging, siteurl)]
    problems += feed_problems(staging, siteurl)
    if problems:
        raise PublishError("the built site failed its checks:\n  " + "\n  ".join(problems))


def swap(staging: Path, output: Path) -> None:
    """Put staging in output's place in one step (Linux renameat2 RENAME_EXCHANGE), so that
    at no moment is there no site or half a site under output's name."""
    if not output.exists():
        staging.rename(output)
        return
    libc = ctypes.CDLL(None, use_errno=True)
    at_fdcwd, rename_exchange = -100, 2
    exchanged = libc.renameat2(
        at_fdcwd, os.fsencode(staging), at_fdcwd, os.fsencode(output), rename_exchange
    )
    if exchanged != 0:
        raise PublishError(
            f"could not swap {staging} and {output}: {os.strerror(ctypes.get_errno())}"
        )
    shutil.rmtree(staging)  # now holds the previous site


def stamp_of(output: Path) -> Path:
    """Where the stamp of a published output lives: beside it, not in it."""
    return output.with_name(output.name + ".stamp.json")


def publish(content: Path, output: Path, settings_file: Path) -> Path:
    staging = output.with_name(output.name + ".staging")
    shutil.rmtree(staging, ignore_errors=True)  # left by a killed run
    stamp_of(output).unlink(missing_ok=True)  # no deploy until this run succeeds
    try:
        settings = build(content, staging, settings_file)
        check(staging, settings["SITEURL"])
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    swap(staging, output)
    stamp_of(output).write_text(
        json.dumps(
            {
                "siteurl": settings["SITEURL"],
                "content": str(content),
                "inputs": inputs_hash(content),
                "output": tree_hash(output),
                "output_path": str(output),
            },
            indent=2,
        )
    )
    return output


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("content", nargs="?", type=Path, default=ROOT / "content")
    parser.add_argument("-o", "--output", type=Path, default=ROOT / "output")
    parser.add_argument("-s", "--settings", type=Path, default=ROOT / "publishconf.py")
    parser.add_argument("--debug", action="store_true", help="a traceback for a failed build")
    args = parser.parse_args(argv)
    try:
        output = publish(args.content.resolve(), args.output.resolve(), args.settings)
    except Exception as error:
        if args.debug:
            raise
        said = f"make publish: {error}" if isinstance(error, PublishError) else None
        said = said or failure_text("publish", error)
        print(f"{said}\noutput/ was left as it was.", file=sys.stderr)
        return 1
    print(f"Published into {output}; deploy with make rsync_upload, github or s3_upload.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
