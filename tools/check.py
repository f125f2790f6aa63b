"""`make check`: every problem of every article, at once, without building the site.

Each line names the file, the line where it can, the field and the fix; the same text as
`make html` prints. Warnings (an unknown field, an actor missing from content/actors.yml)
do not fail the check; with --publish (as `make publish` checks) they do. Hints (an actor
the text names often but the front matter does not list) never fail it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]
from plugins.stages import PLUGIN_PATHS  # noqa: E402

sys.path[:0] = PLUGIN_PATHS

from content_checks import ContentError, hints_of  # noqa: E402

from tools.reading import published_articles, read_site  # noqa: E402
from tools.reporting import failure_text  # noqa: E402


def check(content: Path, settings_file: Path, publish: bool = False) -> tuple[list, int]:
    """(problems, articles read): every problem, warnings and hints included."""
    try:
        generators = read_site(content, settings_file, CONTENT_WARNINGS_FATAL=True)
    except ContentError as error:
        return sorted([*error.problems, *error.hints], key=_place), 0
    return hints_of(generators[0].context), len(published_articles(generators))


def _place(problem) -> tuple:
    return (problem.path, problem.line or 0, problem.field, problem.message)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("content", nargs="?", type=Path, default=ROOT / "content")
    parser.add_argument("-s", "--settings", type=Path, default=ROOT / "pelicanconf.py")
    parser.add_argument("--publish", action="store_true", help="warnings fail the check too")
    parser.add_argument("--debug", action="store_true", help="a traceback if the check fails")
    args = parser.parse_args(argv)
    try:
        problems, count = check(args.content, args.settings, args.publish)
    except Exception as error:  # not a content problem: a setting, a plugin, a template
        if args.debug:
            raise
        print(failure_text("check", error), file=sys.stderr)
        return 2
    for problem in problems:
        print(problem)
    hints = sum(p.hint for p in problems)
    problems = [p for p in problems if not p.hint]
    errors = [p for p in problems if not p.warning or args.publish]
    if not problems:
        print(f"Content checked: {count} published articles, no problem.")
    else:
        warnings = sum(p.warning for p in problems)
        print(
            f"\n{_count(len(problems), 'problem')}: {_count(len(problems) - warnings, 'error')}, "
            f"{_count(warnings, 'warning')}."
        )
    if hints:
        print(f"{_count(hints, 'hint')}: suggestions only, they never fail the check.")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
