"""Checks of an article's front matter. Pure Python: no Pelican import.

The types are declared once, as a JSON Schema (FRONT_MATTER), and checked with jsonschema;
each schema error is then said the way an author needs it: which field, what YAML made of
what they typed, and how to write it. All checks run, so an author gets every problem of a
file at once (in the manner of Pelican's Content.is_valid, without stopping at the first).
"""

from __future__ import annotations

import datetime
import difflib
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import jsonschema
import yaml
from strict_yaml import Refused, StrictYamlLoader

from .paths import MAX_SLUG, image_path_problem, output_path_problem, slug_problem

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
        "translation_of": {"type": "string", "pattern": r"\S"},  # the slug of the original
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
    hint: bool = False  # a suggestion: `make check` shows it, it never stops anything

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        field = f" {self.field}:" if self.field else ""
        kind = " hint:" if self.hint else " warning:" if self.warning else ""
        label = "Suggestion" if self.hint else "Fix"
        return f"{where}:{kind}{field} {self.message} {label}: {self.fix}"


class ContentError(Exception):
    """One or more articles cannot be published as written (hints: the suggestions made
    for them, which alone never raise this)."""

    def __init__(self, problems, hints=()):
        self.problems = list(problems)
        self.hints = list(hints)
        count = len(self.problems)
        lines = "\n".join(f"  {problem}" for problem in self.problems)
        noun = "problem" if count == 1 else "problems"
        super().__init__(f"{count} content {noun}, the site was not written:\n{lines}")


MAX_FRONT_MATTER = 64 * 1024  # characters: a front matter is a few dozen lines
QUOTE_LENGTH = 60  # a value quoted in a message is cut to about this many characters


def load_front_matter(text: str, path: str, first_line: int = 1):
    """Parse YAML front matter; return (mapping, {field: line}) or raise ContentError.

    first_line is the file's line number of the first line of text.
    """
    if len(text) > MAX_FRONT_MATTER:
        raise ContentError(
            [
                Problem(
                    path,
                    "",
                    f"the front matter is {len(text) // 1024} KB long, more than the "
                    f"{MAX_FRONT_MATTER // 1024} KB a front matter may be.",
                    "keep the fields short and put the text in the body, below the "
                    "closing '---' line.",
                    first_line,
                )
            ]
        )
    loader = StrictYamlLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except Refused as refused:
        message = refused.message.replace("{first}", str(first_line + (refused.first or 0)))
        raise ContentError(
            [
                Problem(
                    path,
                    refused.field,
                    message + ".",
                    refused.fix,
                    first_line + refused.problem_mark.line,
                )
            ]
        ) from None
    except yaml.YAMLError as error:
        raise ContentError([_yaml_problem(error, text, path, first_line)]) from None
    except RecursionError:
        raise ContentError(
            [
                Problem(
                    path,
                    "",
                    "the front matter nests lists or mappings too deeply to be read.",
                    "write each field as 'field: value' or a list of '- item' lines.",
                    first_line,
                )
            ]
        ) from None
    finally:
        loader.dispose()
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
    lines = {str(key.value).lower(): first_line + key.start_mark.line for key, _ in node.value}
    return data, lines


def _yaml_problem(error: yaml.YAMLError, text: str, path: str, first_line: int) -> Problem:
    mark = getattr(error, "problem_mark", None)
    line = first_line + mark.line if mark else None
    reason = getattr(error, "problem", None) or str(error).splitlines()[0]
    fix = (
        "check that line: a value holding ': ' or starting with a quote, [ or { must be "
        "quoted as a whole."
    )
    if "could not determine a constructor" in str(getattr(error, "problem", "")):
        tag = str(error.problem).split("'")[1] if "'" in str(error.problem) else ""
        reason = f"a YAML tag {tag.replace('tag:yaml.org,2002:', '!!')!r}, which is not read"
        fix = "remove the '!!...' before the value, and quote the value if it is text."
    elif mark and "\t" in text.splitlines()[mark.line][: mark.column + 1]:
        reason = "a tab where YAML allows only spaces"
        fix = "indent that line with spaces, not tabs (YAML does not allow tabs there)."
    start = getattr(error, "context_mark", None)
    if start and mark and start.line != mark.line:
        reason += f"; the value that starts on line {first_line + start.line}"
    return Problem(path, "", f"the front matter is not valid YAML ({reason}).", fix, line)


def _quote(value) -> str:
    """A value as a message quotes it: in quotes, on one line, cut to QUOTE_LENGTH."""
    return repr(_cut(value))


@dataclass(frozen=True)
class SiteRules:
    """What the site's settings allow in a front matter (each check off when None)."""

    categories: Sequence[str] | None = None  # CATEGORIES: the only categories allowed
    languages: Sequence[str] | None = None  # LANGUAGES: the codes an article's lang may be
    static_paths: Sequence[str] = ("images",)  # STATIC_PATHS: where a lead image must be
    max_slug: int = MAX_SLUG


def check_front_matter(
    data: Mapping,
    path: str,
    parse_date: Callable[[str], datetime.datetime],
    lines: Mapping[str, int] | None = None,
    file_exists: Callable[[str], bool] = lambda relative_path: True,
    site: SiteRules = SiteRules(),
) -> list[Problem]:
    """Every problem of one article's metadata (YAML values as loaded).

    file_exists tells whether a path relative to the content folder names a file.
    """
    lines = lines or {}
    # An empty value ("tags:") is as good as no value, as Pelican's YAML reader treats it.
    fields = {str(k).lower(): v for k, v in data.items() if v is not None and v != ""}
    found = _at_most_per_field([_say(error) for error in _VALIDATOR.iter_errors(fields)])
    found += [
        problem
        for name in DATE_FIELDS
        if name in fields
        for problem in _check_date(name, fields[name], parse_date)
    ]
    if isinstance(fields.get("image"), str):
        found += _check_image(fields, file_exists, site.static_paths)
    if site.categories is not None and isinstance(fields.get("category"), str):
        found += _check_category(fields["category"], site.categories)
    if site.languages is not None and isinstance(fields.get("lang"), str):
        found += _check_language(fields["lang"], site.languages)
    for name in ("slug", "save_as", "url"):
        if isinstance(fields.get(name), str):
            found += _check_address(name, fields[name], site.max_slug)
    problems = [Problem(path, name, msg, fix, lines.get(name)) for name, msg, fix in found]
    problems += [
        Problem(path, name, *_unknown_field(name), lines.get(name), warning=True)
        for name in fields
        if name not in KNOWN_FIELDS
    ]
    return sorted(problems, key=lambda p: (p.line is None, p.line or 0, p.field))


def _check_language(lang: str, languages: Sequence[str]) -> list[tuple[str, str, str]]:
    if lang in languages:
        return []
    known = ", ".join(languages)
    if lang.strip().lower() in languages:
        lower = lang.strip().lower()
        return [("lang", f"{_quote(lang)} is written in capitals.", f"write it lang: {lower}.")]
    return [
        (
            "lang",
            f"{_quote(lang)} is not a language of this site.",
            f"use one of: {known} (LANGUAGES in pelicanconf.py), or leave the line out "
            "for the default.",
        )
    ]


def _check_address(name: str, value: str, max_slug: int) -> list[tuple[str, str, str]]:
    """A slug, or Pelican's save_as or url, that would write outside its folder, to a
    hidden or nameless file, or to a name a file system refuses."""
    if name == "slug":
        reason = slug_problem(value.strip(), max_slug)
        fix = "write letters, digits and hyphens only, e.g. slug: makey-in-moscow."
    else:
        reason = output_path_problem(value.strip())
        fix = f"remove the {name} line: the site makes the address from the date and slug."
    return [(name, f"the {name} {reason}.", fix)] if reason else []


MAX_PER_FIELD = 3  # problems told of one field; the rest are counted


def _at_most_per_field(found: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """A list of a thousand bad items is told as three, and a count of the others."""
    kept, extra = [], Counter()
    told = Counter()
    for name, message, fix in found:
        told[name] += 1
        if told[name] <= MAX_PER_FIELD:
            kept.append((name, message, fix))
        else:
            extra[name] += 1
    for name, count in extra.items():
        kept.append((name, f"{count} more items like these.", "correct them the same way."))
    return kept


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
        return (name, *_say_item(f"item {where[1] + 1}", value))
    if error.validator == "enum":
        return name, f"{_quote(value)} is not a status.", f"use one of: {', '.join(STATUSES)}."
    if error.validator_value == "boolean":
        return name, f"{_quote(value)} is neither true nor false.", f"write {name}: false."
    if error.validator_value == "array":
        if isinstance(value, str):
            return (
                name,
                "is one piece of text, not a list.",
                f"write a list: {name}: [{_cut(value)}] or one '- item' per line.",
            )
        if isinstance(value, dict):
            return name, *_say_mapping(value, f"{name}:\n  - ")
        return (
            name,
            f"the value {_describe(value)}.",
            f'write a list: {name}: ["{_cut(_yaml_spelling(value))}"].',
        )
    if isinstance(value, str):  # a pattern: text of blanks only
        return name, "is empty.", _MISSING_FIX.get(name, f"write the {name} or remove the line.")
    if isinstance(value, dict):
        return name, *_say_mapping(value, f"{name}: ")
    if isinstance(value, list):
        return (
            name,
            "is a list, but takes one piece of text.",
            f"write one value: {name}: {_cut(str(value[0]) if value else '...')}",
        )
    return (
        name,
        f"the value {_describe(value)}.",
        f'quote it: {name}: "{_cut(_yaml_spelling(value))}".',
    )


def _say_item(item: str, value) -> tuple[str, str]:
    """(message, fix) for an item of a list that is not a piece of text."""
    if isinstance(value, str):
        return f"{item} is empty.", "remove the empty item or write its text."
    if isinstance(value, dict):
        message, fix = _say_mapping(value, "- ")
        return f"{item}: {message}", fix
    if isinstance(value, list):
        return (
            f"{item} is a list inside the list.",
            "write each value as its own '- item' line (or [a, b] once, not [[a, b]]).",
        )
    return f"{item} {_describe(value)}.", f'quote it: "{_cut(_yaml_spelling(value))}".'


def _say_mapping(value: dict, prefix: str) -> tuple[str, str]:
    """(message, fix) for a mapping where text was wanted: either a 'key: value' whose
    colon YAML took for a field (quote it), or a value given as 'name: ...' (write it
    alone)."""
    key, inner = next(iter(value.items())) if value else ("", None)
    if len(value) == 1 and str(key).lower() in ("name", "title", "tag", "actor", "value"):
        return (
            f"is written as '{_cut(key)}: {_cut(inner)}', a field of its own, not a name.",
            f"write the name alone: {prefix}{_cut(inner)}",
        )
    spelled = f"{key}: {inner}" if inner is not None else f"{key}:"
    return (
        "is read by YAML as a 'field: value' mapping, because of its colon, not as text.",
        f'quote it as a whole: {prefix}"{_cut(spelled)}"',
    )


def _describe(value) -> str:
    """What YAML made of a value that is not text, the trap named."""
    if isinstance(value, bool):
        return (
            f"is read by YAML as the boolean {str(value).lower()} (unquoted yes, no, "
            "on, off, true and false are booleans), not as text"
        )
    if isinstance(value, (int, float)):
        return f"is read by YAML as the number {_cut(value)}, not as text"
    if isinstance(value, (datetime.date, datetime.datetime)):
        return f"is read by YAML as the date {value}, not as text"
    if value is None:
        return "is empty"
    return f"is a {type(value).__name__}, not text"


def _yaml_spelling(value) -> str:
    if isinstance(value, bool):
        return "NO" if value is False else "yes"
    return str(value)


def _cut(value) -> str:
    """Text of a value for a message: one line, at most QUOTE_LENGTH characters."""
    text = " ".join(str(value).split())
    return text if len(text) <= QUOTE_LENGTH else text[: QUOTE_LENGTH - 1] + "…"


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
            f"{_quote(category)} is not a category of this site.",
            f"{hint}use one of: {', '.join(categories)} (CATEGORIES in pelicanconf.py).",
        )
    ]


def _check_image(fields, file_exists, static_paths) -> list[tuple[str, str, str]]:
    found = []
    image = fields["image"]
    unsafe = image_path_problem(image, static_paths)
    if unsafe:
        found.append(("image", f"{unsafe[0]}.", unsafe[1]))
    elif not file_exists(image):
        found.append(
            (
                "image",
                f"there is no file {_quote(image)} in the content folder.",
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
        return [(name, f"{_quote(text)} is not a date.", f"write it as {example}.")]
    if ":" not in text and parsed.time() == datetime.time(0, 0):
        return [(no_time[0], no_time[1].format(repr(text)), no_time[2])]
    return []
