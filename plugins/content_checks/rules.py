"""Checks of an article's front matter. Pure Python: no Pelican import.

Each check looks at one field and says what is wrong and how to fix it; all checks run,
so an author gets every problem of a file at once (in the manner of Pelican's
Content.is_valid, but without stopping at the first).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import yaml

STATUSES = ("published", "draft", "hidden")
LIST_FIELDS = ("tags", "actors", "related")
TEXT_FIELDS = (
    "title",
    "category",
    "summary",
    "image",
    "image_credit",
    "image_alt",
    "slug",
    "lang",
    "translation",
)
DATE_FIELDS = ("date", "modified")
SWITCH_FIELDS = ("similar",)
REQUIRED_FIELDS = ("title", "date")


@dataclass(frozen=True)
class Problem:
    path: str
    field: str
    message: str
    fix: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        field = f" {self.field}:" if self.field else ""
        return f"{where}:{field} {self.message} Fix: {self.fix}"


class ContentError(Exception):
    """One or more articles cannot be published as written."""

    def __init__(self, problems):
        self.problems = list(problems)
        count = len(self.problems)
        lines = "\n".join(f"  {problem}" for problem in self.problems)
        noun = "problem" if count == 1 else "problems"
        super().__init__(f"{count} content {noun}, the site was not written:\n{lines}")


def load_front_matter(text: str, path: str, first_line: int = 1):
    """Parse YAML front matter; return (mapping, {field: line}) or raise ContentError.

    first_line is the file's line number of the first line of text.
    """
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = first_line + mark.line if mark else None
        reason = getattr(error, "problem", None) or str(error)
        start = getattr(error, "context_mark", None)
        if start and mark and start.line != mark.line:
            reason += f"; the value that starts on line {first_line + start.line}"
        raise ContentError(
            [
                Problem(
                    path,
                    "",
                    f"the front matter is not valid YAML ({reason}).",
                    "check that line: a value holding ': ' or starting with "
                    "a quote, [ or { must be quoted as a whole.",
                    line,
                )
            ]
        ) from None
    if not isinstance(data, dict):
        raise ContentError(
            [
                Problem(
                    path,
                    "",
                    "the front matter is not a list of 'field: value' lines.",
                    "write one field per line, e.g. 'title: My title'.",
                    first_line,
                )
            ]
        )
    lines = {
        str(key.value).lower(): first_line + key.start_mark.line
        for key, _ in getattr(node, "value", [])
    }
    return data, lines


def check_front_matter(
    data: Mapping,
    path: str,
    parse_date: Callable[[str], datetime.datetime],
    lines: Mapping[str, int] | None = None,
    file_exists: Callable[[str], bool] = lambda relative_path: True,
) -> list[Problem]:
    """Every problem of one article's metadata (YAML values as loaded).

    file_exists tells whether a path relative to the content folder names a file.
    """
    lines = lines or {}
    fields = {str(name).lower(): value for name, value in data.items()}
    found: list[tuple[str, str, str]] = []
    for name in REQUIRED_FIELDS:
        if fields.get(name) in (None, ""):
            found.append((name, f"the {name} is missing.", _MISSING_FIX[name]))
    for name in TEXT_FIELDS:
        if fields.get(name) is not None:
            found += _check_text(name, fields[name])
    for name in DATE_FIELDS:
        if fields.get(name) not in (None, ""):
            found += _check_date(name, fields[name], parse_date)
    for name in LIST_FIELDS:
        if fields.get(name) is not None:
            found += _check_list_of_text(name, fields[name])
    if isinstance(fields.get("image"), str):
        found += _check_image(fields, file_exists)
    for name in SWITCH_FIELDS:
        if fields.get(name) is not None and not isinstance(fields[name], bool):
            found.append(
                (name, f"{fields[name]!r} is neither true nor false.", f"write {name}: false.")
            )
    status = fields.get("status")
    if status is not None and status not in STATUSES:
        found.append(
            (
                "status",
                f"{status!r} is not a status.",
                f"use one of: {', '.join(STATUSES)}.",
            )
        )
    return [Problem(path, name, msg, fix, lines.get(name)) for name, msg, fix in found]


_MISSING_FIX = {
    "title": "add a line 'title: The headline of the article'.",
    "date": "add a line 'date: 2016-04-22 18:34' (date and time of publication).",
}


def _check_image(fields, file_exists) -> list[tuple[str, str, str]]:
    found = []
    image = fields["image"]
    if not file_exists(image):
        found.append(
            (
                "image",
                f"there is no file {image!r} in the content folder.",
                "put the image in content/images/ and write its path from there, "
                "e.g. image: images/photo.jpg.",
            )
        )
    if not str(fields.get("image_alt") or "").strip():
        found.append(
            (
                "image_alt",
                "the image has no text alternative.",
                "add a line 'image_alt: what the image shows' for readers who cannot see it.",
            )
        )
    return found


def _describe(value) -> str | None:
    """Why a YAML value is not text, with the trap named; None if it is text."""
    if isinstance(value, str):
        return None
    if isinstance(value, bool):
        return (
            f"is read by YAML as the boolean {str(value).lower()} (unquoted yes, no, "
            "on, off, true and false are booleans), not as text"
        )
    if isinstance(value, (int, float)):
        return f"is read by YAML as the number {value}, not as text"
    if isinstance(value, (datetime.date, datetime.datetime)):
        return f"is read by YAML as the date {value}, not as text"
    if value is None:
        return "is empty"
    return f"is a {type(value).__name__}, not text"


def _check_text(name: str, value) -> list[tuple[str, str, str]]:
    trouble = _describe(value)
    if trouble is None:
        return []
    return [(name, f"the value {trouble}.", f'quote it: {name}: "{value}".')]


def _check_list_of_text(name: str, value) -> list[tuple[str, str, str]]:
    if isinstance(value, str):
        return [
            (
                name,
                "is one piece of text, not a list.",
                f"write a list: {name}: [{value}] or one '- item' per line.",
            )
        ]
    if not isinstance(value, list):
        trouble = _describe(value) or "is not a list"
        return [(name, f"the value {trouble}.", f'write a list: {name}: ["{value}"].')]
    found = []
    for number, item in enumerate(value, start=1):
        trouble = _describe(item)
        if trouble is None and not item.strip():
            trouble = "is empty"
        if trouble is not None:
            fix = (
                f'quote it: "{_yaml_spelling(item)}".'
                if item is not None and not isinstance(item, str)
                else "remove the empty item or write its text."
            )
            found.append((name, f"item {number} {trouble}.", fix))
    return found


def _yaml_spelling(value) -> str:
    if isinstance(value, bool):
        return "NO" if value is False else "yes"
    return str(value)


def _check_date(name: str, value, parse_date) -> list[tuple[str, str, str]]:
    example = f"{name}: 2016-04-22 18:34"
    if isinstance(value, datetime.datetime):
        return []
    if isinstance(value, datetime.date):
        return [
            (
                name,
                f"{value} has no time of day.",
                f"add the time: {example} (hours:minutes, 24-hour clock).",
            )
        ]
    text = str(value)
    try:
        parsed = parse_date(text)
    except (ValueError, OverflowError):
        return [(name, f"{text!r} is not a date.", f"write it as {example}.")]
    if not _has_time(text, parsed):
        return [
            (
                name,
                f"{text!r} has no time of day.",
                f"add the time: {example} (hours:minutes, 24-hour clock).",
            )
        ]
    return []


def _has_time(text: str, parsed: datetime.datetime) -> bool:
    return ":" in text or parsed.time() != datetime.time(0, 0)
