"""Rebuild the site on every change, and optionally serve it: `make devserver`.

Pelican's own autoreload (`pelican -r`) retries a failed build at once instead of waiting
for the next change, so one broken article makes it rebuild and print the same errors in
a busy loop. This loop builds, reports content problems once, then waits for a change.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from pelican import ParseOverrides, Pelican
from pelican.log import init as init_logging
from pelican.settings import read_settings
from pelican.utils import wait_for_changes

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]
from plugins.stages import PLUGIN_PATHS  # noqa: E402

sys.path[:0] = PLUGIN_PATHS

from content_checks import ContentError  # noqa: E402
from fast_build import roll_back_unfinished  # noqa: E402
from interface import languages_of, strings_path  # noqa: E402
from interface.strings import load_strings  # noqa: E402

from tools.preview_server import script_url, serve_in_background  # noqa: E402
from tools.reporting import KeptWarnings  # noqa: E402


def build_once(settings_file: str, overrides: dict) -> dict:
    """One build; content problems are printed, not raised. Returns the settings used.

    Writes _preview/build.json for the open pages (theme/static/js/live-reload.js): they
    reload after a good build and show the problems of a failed one, or the warnings
    (which make html prints too, and make publish stops on) of a good one.
    """
    build = str(time.time_ns())
    settings = read_settings(settings_file, override=overrides)
    state = Path(settings["OUTPUT_PATH"]) / "_preview" / "build.json"
    _write_state(state, {"build": build, "building": True})
    problems, warnings = [], []
    try:
        with KeptWarnings() as kept:
            Pelican(settings).run()
        warnings = [message for message in kept.messages if ": warning:" in message]
    except ContentError as error:
        problems = [str(problem) for problem in error.problems]
        print(f"\n{error}\nFix the files above and save: the site rebuilds.", file=sys.stderr)
    except Exception as error:  # a broken template or setting: keep watching
        roll_back_unfinished()  # the pages it wrote go: the open page stays the last good one
        problems = [f"The build failed: {type(error).__name__}: {error}"]
        print(f"\n{problems[0]}", file=sys.stderr)
    _write_state(
        state, {"build": build, "building": False, "problems": problems, "warnings": warnings}
    )
    return settings


def problem_headings(settings) -> tuple[dict[str, str], str]:
    """({lang: the heading of a failed build's problems}, the site's language)."""
    strings, _ = load_strings(strings_path(settings), languages_of(settings))
    default = settings["DEFAULT_LANG"]
    headings = {lang: texts["preview_problems"] for lang, texts in strings.items()}
    return {lang: text for lang, text in headings.items() if isinstance(text, str)}, default


def _write_state(path: Path, state: dict) -> None:
    """Replace the file whole: a page never reads half of it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".tmp")
    partial.write_text(json.dumps(state))
    partial.replace(path)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("content", nargs="?", default="content")
    parser.add_argument("-s", "--settings", default=str(ROOT / "pelicanconf.py"))
    parser.add_argument("-o", "--output", default="output")
    parser.add_argument("--serve", action="store_true", help="also serve the output")
    parser.add_argument("-b", "--bind", default="127.0.0.1")
    parser.add_argument("-p", "--port", type=int, default=8000)
    parser.add_argument(
        "-e",
        "--extra-settings",
        dest="extra",
        default={},
        nargs="*",
        action=ParseOverrides,
        help="SETTING=VALUE pairs, VALUE in JSON, as pelican -e takes them",
    )
    args = parser.parse_args(argv)
    init_logging(handler=None)
    # The settings of `make html`, so that the preview starts from what it read and wrote
    # (the live reload script is put into the pages as they are served: preview_server.py)
    overrides = {
        "PATH": str(Path(args.content).resolve()),
        "OUTPUT_PATH": str(Path(args.output).resolve()),
        **args.extra,
    }
    Path(args.output).mkdir(parents=True, exist_ok=True)
    try:
        settings = build_once(args.settings, overrides)
        if args.serve:  # only once the first build is whole: no page without its scripts
            serve_in_background(
                settings["OUTPUT_PATH"],
                args.bind,
                args.port,
                *problem_headings(settings),
                script_url(settings["THEME_STATIC_DIR"]),
            )
        while True:
            changes = wait_for_changes(args.settings, settings)
            print("Changed: " + ", ".join(sorted(path for _, path in changes)))
            settings = build_once(args.settings, overrides)
    except KeyboardInterrupt:
        print("Stopped.")


if __name__ == "__main__":
    main()
