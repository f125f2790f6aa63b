"""Checks of an article's front matter. Pure Python: no Pelican import.

The types are declared once, as a JSON Schema (FRONT_MATTER), and checked with jsonschema;
each schema error is then said the way an author needs it: which field, what YAML made of
what they typed, and how to write it. All checks run, so an author gets every problem of a
file at once (in the manner of Pelican's Content.is_valid, without stopping at the first).
"""

from __future__ import annotations

import datetime
import difflib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import jsonschema
import yaml

STATUSES = ("published", "draft", "hidden")
REQUIRED_FIELDS = ("title", "date")
DATE_FIELDS = ("date", "modified")
_TEXT = {"type": "string"}
_LIST_OF_TEXT = {"type": "array", "items": {"type": "string", "pattern": r"\S"}}
FRONT_MATTER = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": list(REQUIRED_FIELDS),
    "properties": {
        "title": {"type": "string", "pattern": r"\S"},
        "date": {},  # any YAML value: checked by _check_date with Pelican's own parser
        "modified": {},
        "category": _TEXT,
        "tags": _LIST_OF_TEXT,
        "actors": _LIST_OF_TEXT,
        "related": _LIST_OF_TEXT,
        "summary": _TEXT,
        "image": _TEXT,
        "image_alt": _TEXT,
        "image_credit": _TEXT,
        "slug": _TEXT,
        "lang": _TEXT,
        "translation": _TEXT,
        "status": {"enum": list(STATUSES)},
        "similar": {"type": "boolean"},
    },
}
# Pelican's own fields, which an article may also set.
PELICAN_FIELDS = ("author", "authors", "save_as", "url", "template", "translation", "summary")
KNOWN_FIELDS = tuple(dict.fromkeys([*FRONT_MATTER["properties"], *PELICAN_FIELDS]))
_VALIDATOR = jsonschema.Draft202012Validator(FRONT_MATTER)


@dataclass(frozen=True)
class Problem:
    path: str
    field: str
    message: str
    fix: str
    line: int | None = None
    warning: bool = False  # a warning does not stop `make html`; it stops `make publish`

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        field = f" {self.field}:" if self.field else ""
        kind = " warning:" if self.warning else ""
        return f"{where}:{kind}{field} {self.message} Fix: {self.fix}"


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
    categories: Sequence[str] | None = None,
) -> list[Problem]:
    """Every problem of one article's metadata (YAML values as loaded).

    file_exists tells whether a path relative to the content folder names a file;
    categories, when given, are the only categories allowed.
    """
    lines = lines or {}
    # An empty value ("tags:") is as good as no value, as Pelican's YAML reader treats it.
    fields = {str(k).lower(): v for k, v in data.items() if v is not None and v != ""}
    found = [_say(error) for error in _VALIDATOR.iter_errors(fields)]
    found += [
        problem
        for name in DATE_FIELDS
        if name in fields
        for problem in _check_date(name, fields[name], parse_date)
    ]
    if isinstance(fields.get("image"), str):
        found += _check_image(fields, file_exists)
    if categories is not None and isinstance(fields.get("category"), str):
        found += _check_category(fields["category"], categories)
    problems = [Problem(path, name, msg, fix, lines.get(name)) for name, msg, fix in found]
    problems += [
        Problem(path, name, *_unknown_field(name), lines.get(name), warning=True)
        for name in fields
        if name not in KNOWN_FIELDS
    ]
    return sorted(problems, key=lambda p: (p.line is None, p.line or 0, p.field))


_MISSING_FIX = {
    "title": "add a line 'title: The headline of the article'.",
    "date": "add a line 'date: 2016-04-22 18:34' (date and time of publication).",
}


def _say(error: jsonschema.ValidationError) -> tuple[str, str, str]:
    """A schema error as (field, message, fix) in the author's terms."""
    where = list(error.absolute_path)
    if error.validator == "required":
        name = error.message.split("'")[1]
        return name, f"the {name} is missing.", _MISSING_FIX[name]
    name = str(where[0])
    value = error.instance
    if len(where) > 1:  # an item of a list
        item = f"item {where[1] + 1}"
        if isinstance(value, str):
            return name, f"{item} is empty.", "remove the empty item or write its text."
        return name, f"{item} {_describe(value)}.", f'quote it: "{_yaml_spelling(value)}".'
    if error.validator == "enum":
        return name, f"{value!r} is not a status.", f"use one of: {', '.join(STATUSES)}."
    if error.validator_value == "boolean":
        return name, f"{value!r} is neither true nor false.", f"write {name}: false."
    if error.validator_value == "array":
        if isinstance(value, str):
            return (
                name,
                "is one piece of text, not a list.",
                f"write a list: {name}: [{value}] or one '- item' per line.",
            )
        return name, f"the value {_describe(value)}.", f'write a list: {name}: ["{value}"].'
    if isinstance(value, str):  # a pattern: text of blanks only
        return name, "is empty.", _MISSING_FIX.get(name, f"write the {name} or remove the line.")
    return name, f"the value {_describe(value)}.", f'quote it: {name}: "{value}".'


def _describe(value) -> str:
    """What YAML made of a value that is not text, the trap named."""
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


def _yaml_spelling(value) -> str:
    if isinstance(value, bool):
        return "NO" if value is False else "yes"
    return str(value)


def _unknown_field(name: str) -> tuple[str, str]:
    close = difflib.get_close_matches(name, KNOWN_FIELDS, n=1, cutoff=0.6)
    if close:
        return f"unknown field; did you mean '{close[0]}'?", f"rename it '{close[0]}:'."
    return "unknown field: the site does not use it.", (
        f"remove it, or see docs/authoring.md for the fields: {', '.join(KNOWN_FIELDS)}."
    )


def _check_category(category: str, categories: Sequence[str]) -> list[tuple[str, str, str]]:
    if category in categories:
        return []
    close = difflib.get_close_matches(category, categories, n=1, cutoff=0.5)
    hint = f"did you mean '{close[0]}'? " if close else ""
    return [
        (
            "category",
            f"{category!r} is not a category of this site.",
            f"{hint}use one of: {', '.join(categories)} (CATEGORIES in pelicanconf.py).",
        )
    ]


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


def _check_date(name: str, value, parse_date) -> list[tuple[str, str, str]]:
    example = f"{name}: 2016-04-22 18:34"
    no_time = (
        name,
        "{} has no time of day.",
        f"add the time: {example} (hours:minutes, 24-hour clock).",
    )
    if isinstance(value, datetime.datetime):
        return []
    if isinstance(value, datetime.date):
        return [(no_time[0], no_time[1].format(value), no_time[2])]
    text = str(value)
    try:
        parsed = parse_date(text)
    except (ValueError, OverflowError):
        return [(name, f"{text!r} is not a date.", f"write it as {example}.")]
    if ":" not in text and parsed.time() == datetime.time(0, 0):
        return [(no_time[0], no_time[1].format(repr(text)), no_time[2])]
    return []
