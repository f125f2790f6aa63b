"""Rebuild the site on every change, and optionally serve it: `make devserver`.

Pelican's own autoreload (`pelican -r`) retries a failed build at once instead of waiting
for the next change, so one broken article makes it rebuild and print the same errors in
a busy loop. This loop builds, reports content problems once, then waits for a change.

A save of articles only is shown first: each saved article's page is rendered from the
build held in memory (quick_page.py) and the open pages reload; the whole site is then
rebuilt by a build in a process of its own, which the next save stops (its writes undone
by the output journal) and starts again. Any other change (settings, theme, registry,
static files, a file removed or renamed) is built whole here, which also renews what is
held in memory.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import watchfiles
from pelican import ParseOverrides, Pelican
from pelican.log import init as init_logging
from pelican.settings import read_settings
from pelican.utils import FileChangeFilter
from watchfiles import Change

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]
from plugins.stages import PLUGIN_PATHS  # noqa: E402

sys.path[:0] = PLUGIN_PATHS

from content_checks import ContentError  # noqa: E402
from fast_build import roll_back_unfinished  # noqa: E402
from fast_build.journal import recover  # noqa: E402
from interface import languages_of, strings_path  # noqa: E402
from interface.strings import load_strings  # noqa: E402

from tools.preview_server import script_url, serve_in_background  # noqa: E402
from tools.quick_page import LastBuild, QuickPage  # noqa: E402
from tools.reporting import KeptWarnings  # noqa: E402


def build_once(settings_file: str, overrides: dict) -> dict:
    """One build; content problems are printed, not raised. Returns the settings used.

    Writes _preview/build.json for the open pages (theme/static/js/live-reload.js): they
    reload once the "build" it names changes with no problems (after a good build, or a
    saved article's page rendered first), and show the problems of a failed one, or the
    warnings (which make html prints too, and make publish stops on) of a good one.
    """
    settings = read_settings(settings_file, override=overrides)
    state = Path(settings["OUTPUT_PATH"]) / "_preview" / "build.json"
    _write_state(state, {**_read_state(state), "building": True})
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
        state,
        {"build": _new_id(), "building": False, "problems": problems, "warnings": warnings},
    )
    return settings


def _new_id() -> str:
    return str(time.time_ns())


def problem_headings(settings) -> tuple[dict[str, str], str]:
    """({lang: the heading of a failed build's problems}, the site's language)."""
    strings, _ = load_strings(strings_path(settings), languages_of(settings))
    default = settings["DEFAULT_LANG"]
    headings = {lang: texts["preview_problems"] for lang, texts in strings.items()}
    return {lang: text for lang, text in headings.items() if isinstance(text, str)}, default


def _read_state(path: Path) -> dict:
    try:
        return json.loads(path.read_text())
    except (OSError, ValueError):
        return {"build": None, "problems": [], "warnings": []}


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
    parser.add_argument("--once", action="store_true", help=argparse.SUPPRESS)
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
    if args.once:  # the whole build behind quick pages (BackgroundBuild)
        build_once(args.settings, overrides)
        return
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # stop the background build too
    last_build = LastBuild()
    quick = QuickPage(last_build, overrides["OUTPUT_PATH"])
    background = BackgroundBuild(_once_command(args), overrides["OUTPUT_PATH"])
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
        watched = _watched(args.settings, settings)
        changes_seen = _watch(watched, settings)
        while True:
            changes = next(changes_seen)  # (those made during a build wait their turn)
            if not changes:  # nothing for half a second
                if background.ended_well():
                    quick.remove_orphans()
                continue
            if all(Path(path).is_dir() for _, path in changes):
                continue  # a new folder alone changes no page (its files come as changes)
            print("Changed: " + ", ".join(sorted(path for _, path in changes)))
            background.stop()
            saved = _saved_articles(changes, quick)
            if saved:
                show_first(quick, saved, settings)
                background.start()
                continue
            settings = build_once(args.settings, overrides)
            if _ended_well(settings):
                quick.remove_orphans()
            if _watched(args.settings, settings) != watched:  # the settings moved a folder
                watched = _watched(args.settings, settings)
                changes_seen = _watch(watched, settings)
    except KeyboardInterrupt:
        print("Stopped.")
    finally:
        background.stop()
        last_build.close()


def _watched(settings_file: str, settings) -> list[str]:
    """What Pelican's wait_for_changes watches: the settings, the theme, the content."""
    paths = [settings_file, settings.get("THEME", ""), settings.get("PATH", "")]
    paths += [os.path.join(settings["PATH"], p) for p in settings.get("STATIC_PATHS", [])]
    return [os.path.abspath(path) for path in paths if path and os.path.exists(path)]


def _watch(paths: list[str], settings):
    """Pelican's wait_for_changes as one watcher kept between builds, so that no change
    made during one is missed; it also yields an empty set after half a second with none."""
    return watchfiles.watch(
        *paths,
        watch_filter=FileChangeFilter(ignore_file_patterns=set(settings.get("IGNORE_FILES", []))),
        rust_timeout=500,
        yield_on_timeout=True,
    )


def _ended_well(settings) -> bool:
    state = _read_state(Path(settings["OUTPUT_PATH"]) / "_preview" / "build.json")
    return not state.get("building") and not state.get("problems")


def _saved_articles(changes, quick: QuickPage) -> list[Path]:
    """The articles saved, if the change is only that (else [])."""
    paths = [Path(path) for _, path in changes if not Path(path).is_dir()]  # (a new folder)
    kinds = {kind for kind, _ in changes}
    if not paths or not kinds <= {Change.added, Change.modified}:
        return []
    return paths if all(quick.can_render(path) for path in paths) else []


def show_first(quick: QuickPage, saved: list[Path], settings) -> None:
    """The saved articles' pages, rendered from the build held in memory; the open pages
    reload (or show the problems) before the whole site is rebuilt."""
    state = Path(settings["OUTPUT_PATH"]) / "_preview" / "build.json"
    problems = []
    for path in saved:
        problems += quick.render(path).problems
    shown = _read_state(state)
    if not problems:
        shown["build"] = _new_id()
    else:
        print("\n" + "\n".join(problems), file=sys.stderr)
    _write_state(state, {**shown, "building": True, "problems": problems, "warnings": []})


class BackgroundBuild:
    """The whole build after the pages shown first: a `devserver.py --once` in a process
    group of its own, so that stopping it stops the processes it forks too; what it had
    written is then undone (fast_build's output journal), leaving the last good site and
    the pages shown first since."""

    def __init__(self, command: list[str], output: str):
        self.command = command
        self.output = Path(output)
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(self.command, start_new_session=True)

    def ended_well(self) -> bool:
        """True once, when the build has ended with a good site."""
        if self.process is None or self.process.poll() is None:
            return False
        self.process = None
        state = _read_state(self.output / "_preview" / "build.json")
        return not state.get("building") and not state.get("problems")

    def stop(self) -> None:
        if self.process is None:
            return
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
            recover(self.output)
        self.process = None


def _once_command(args) -> list[str]:
    command = [sys.executable, str(Path(__file__).resolve()), args.content, "--once"]
    command += ["-s", args.settings, "-o", args.output]
    if args.extra:
        command += ["-e", *(f"{key}={json.dumps(value)}" for key, value in args.extra.items())]
    return command


if __name__ == "__main__":
    main()
