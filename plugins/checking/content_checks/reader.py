"""The Markdown reader of pelican-yaml-metadata, made strict.

The stock reader logs a YAML error and goes on with empty metadata, and Pelican then
leaves the article out of the site while the build succeeds. This reader checks the
front matter first and raises ContentError with every problem of the file, and keeps
those problems so that the build can fail with all of them at once.
"""

from __future__ import annotations

import html
import os
import re
from pathlib import Path

import nh3
from markdown import Markdown
from markupsafe import Markup
from pelican.plugins.yaml_metadata.yaml_metadata import HEADER_RE, YAMLMetadataReader
from pelican.utils import get_date, pelican_open, slugify

from .body import balance, has_raw_html, remote_media, unbalanced_tags
from .paths import MAX_SLUG, cap_slug, windows_refuses
from .rules import ContentError, Problem, SiteRules, check_front_matter, load_front_matter
from .typography import typographer

SAFE_SCHEMES = {"http", "https", "mailto"}


def display_path(path: str) -> str:
    """The path as an author would type it: relative to the working folder if inside."""
    relative = os.path.relpath(path)
    return path if relative.startswith("..") else relative


class CheckedMarkdownReader(YAMLMetadataReader):
    """Reads YAML front matter, or Pelican's native 'Key: value' header, strictly.

    With READER_TYPOGRIFY it also applies typogrify (as Pelican's TYPOGRIFY would, after
    reading), so that what it returns is final and can be cached as a whole.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.problems: dict[str, list[Problem]] = {}
        self._pending: list[Problem] = []
        self._yaml_md = self._md
        self._native_md = None  # made on the first file with a 'Key: value' header
        self._typography = (
            typographer(self.settings) if self.settings.get("READER_TYPOGRIFY") else None
        )
        self.rules = site_rules(self.settings)
        self.media_hosts = frozenset(self.settings.get("ALLOWED_MEDIA_HOSTS", ()))
        self.file_checks: list[tuple[str, bool]] = []  # (image path, existed) of the last read
        self._read_ahead = None  # results read before they are asked for (fast_build)

    def use_read_ahead(self, read_ahead) -> None:
        """Take a source's result from read_ahead (what has take(source) -> (content,
        metadata, problems) or None) when it holds one, instead of reading the file."""
        self._read_ahead = read_ahead

    def read(self, source_path):
        ahead = self._read_ahead.take(source_path) if self._read_ahead else None
        if ahead is not None:
            content, metadata, problems = ahead
            if problems:
                self.problems[source_path] = problems
            return content, metadata
        self.file_checks = []
        content, metadata = self._read_checked(source_path)
        if self._typography:
            typeset = self._typography(metadata.get("lang") or self.settings["DEFAULT_LANG"])
            content = typeset(content)
            for name in ("title", "summary"):
                if name in metadata:
                    metadata[name] = typeset(metadata[name])
        self._give_a_slug(metadata, source_path)
        return content, metadata

    def _read_checked(self, source_path):
        path = display_path(source_path)
        text = ""
        try:
            text = _source_text(source_path, path)
            _refuse_other_headers(text, path)
            content, metadata = self._read_either_header(source_path)
            problems = _missing_native_fields(metadata, path) + self._pending
        except ContentError as error:
            problems = error.problems
        except ValueError as error:  # from Pelican's native header, e.g. a bad date
            problems = [
                Problem(
                    path,
                    "",
                    f"the metadata could not be read ({error}).",
                    "correct that 'Key: value' line at the top of the file.",
                )
            ]
        finally:
            self._pending = []
        if not problems and not content.strip():
            problems = [
                Problem(
                    path,
                    "body",
                    "the article has no text.",
                    "write the article below the front matter's closing '---' line.",
                )
            ]
        if not any(not problem.warning for problem in problems):
            content, found = self._safe_body(content, text, path)
            problems += found
        if problems:
            self.problems[source_path] = problems
        if any(not problem.warning for problem in problems):
            raise ContentError(problems)
        return content, inert(metadata)

    def _safe_body(self, content: str, text: str, path: str) -> tuple[str, list[Problem]]:
        """The body balanced if the author wrote HTML of their own, and what of it would
        break the page or be blocked by the site's Content Security Policy."""
        problems = []
        if has_raw_html(text):
            for tag in unbalanced_tags(content):
                problems.append(_unbalanced(tag, text, path))
            content = balance(content)
        for element, host in remote_media(content):
            if host not in self.media_hosts:
                problems.append(_remote(element, host, text, path))
        return content, problems

    def _give_a_slug(self, metadata: dict, source_path: str) -> None:
        """The slug Pelican would make from the title, cut to a length every file system
        holds; a title of no letter or digit is a problem, not a hidden '.html' file."""
        if "slug" in metadata or self.settings["SLUGIFY_SOURCE"] != "title":
            return
        title = metadata.get("title")
        if not isinstance(title, str):
            return
        slug = slugify(
            title,
            regex_subs=self.settings.get("SLUG_REGEX_SUBSTITUTIONS", []),
            preserve_case=self.settings.get("SLUGIFY_PRESERVE_CASE", False),
            use_unicode=self.settings.get("SLUGIFY_USE_UNICODE", False),
        )
        refused = windows_refuses(slug)
        if not slug.strip("-_") or refused:
            why = (
                f"makes the page's address {refused}"
                if refused
                else "has no letter or digit to make the page's address from"
            )
            problem = Problem(
                display_path(source_path),
                "title",
                f"{Markup(title).striptags()!r} {why}.",  # as written: no typogrify marks
                "add a line 'slug: the-address-in-words' (letters, digits, hyphens).",
                field_line(source_path, "title"),
            )
            self.problems.setdefault(source_path, []).append(problem)
            raise ContentError([problem])
        if len(slug) > self.rules.max_slug:
            metadata["slug"] = cap_slug(slug, self.rules.max_slug)

    def _read_either_header(self, source_path):
        """YAML front matter through pelican-yaml-metadata; a 'Key: value' header as
        Pelican's MarkdownReader reads it, but with one Markdown object for all files
        (making one costs more than converting an article)."""
        with pelican_open(source_path) as text:
            if HEADER_RE.fullmatch(text):
                self._md = self._yaml_md
                return super().read(source_path)
        if self._native_md is None:
            self._native_md = Markdown(**self.settings["MARKDOWN"])
            self._meta_step = self._native_md.preprocessors["meta"]
        self._md = self._native_md
        self._source_path = source_path
        self._md.reset()
        # Pelican's _parse_metadata takes the step out, to convert the summary
        self._md.preprocessors.register(self._meta_step, "meta", 27)
        content = self._md.convert(text)
        metadata = self._parse_metadata(self._md.Meta) if hasattr(self._md, "Meta") else {}
        return content, metadata

    def _image_exists(self, image: str) -> bool:
        exists = (Path(self.settings["PATH"]) / image).is_file()
        self.file_checks.append((image, exists))
        return exists

    def _load_yaml_metadata(self, text, source_path):
        path = display_path(source_path)
        data, lines = load_front_matter(text, path, _first_line(source_path))
        problems = check_front_matter(data, path, get_date, lines, self._image_exists, self.rules)
        if any(not problem.warning for problem in problems):
            raise ContentError(problems)
        self._pending = problems  # warnings only: reported once the file is read
        # A field left empty ("image: ''", "tags: []") is a field not given.
        given = {name: value for name, value in data.items() if value not in ("", [], None)}
        return self._parse_yaml_metadata(given, source_path)


def site_rules(settings) -> SiteRules:
    return SiteRules(
        categories=settings.get("CATEGORIES"),
        languages=tuple(settings["LANGUAGES"]) if settings.get("LANGUAGES") else None,
        static_paths=tuple(settings.get("STATIC_PATHS", ["images"])),
        max_slug=settings.get("SLUG_MAX_LENGTH", MAX_SLUG),
    )


def _source_text(source_path: str, path: str) -> str:
    """The file's text as Pelican reads it (UTF-8), or a problem saying why it cannot be."""
    try:
        with pelican_open(source_path) as text:
            return text
    except UnicodeDecodeError as error:
        with open(source_path, "rb") as handle:
            line = handle.read()[: error.start].count(b"\n") + 1
        reason = f"byte 0x{error.object[error.start]:02x} is not UTF-8"
        fix = "save the file as UTF-8 (in your editor: Save with encoding, UTF-8)."
        message = f"the file is not UTF-8 text ({reason})."
        raise ContentError([Problem(path, "", message, fix, line)]) from None
    except OSError as error:
        if os.path.islink(source_path) and not os.path.exists(source_path):
            reason = f"it is a link to {os.readlink(source_path)!r}, which does not exist"
            fix = "remove the link, or put the file it names back."
        else:
            reason = error.strerror or str(error)
            fix = "check that the file can be read (its permissions, its disk)."
        message = f"the file cannot be read: {reason}."
        raise ContentError([Problem(path, "", message, fix)]) from None


def _refuse_other_headers(text: str, path: str) -> None:
    """An empty file, a front matter in TOML (+++), or a YAML one whose closing '---' is
    missing: Pelican would take the fields for the first paragraph of the body."""
    start = text.lstrip("\ufeff \t\r\n")
    if not start:
        raise ContentError(
            [
                Problem(
                    path,
                    "",
                    "the file is empty.",
                    "write the front matter and the article in it (make newpost "
                    'TITLE="..." makes one with every field), or remove it.',
                )
            ]
        )
    if start.startswith("+++"):
        raise ContentError(
            [
                Problem(
                    path,
                    "",
                    "the front matter is TOML (between '+++' lines), which this site does "
                    "not read.",
                    "write it in YAML between '---' lines, e.g. 'title: The headline' and "
                    "'date: 2016-04-22 18:34' (a colon, not '=').",
                    1,
                )
            ]
        )
    if start.startswith("---") and not HEADER_RE.fullmatch(text):
        raise ContentError(
            [
                Problem(
                    path,
                    "",
                    "the front matter opened by '---' on line 1 is never closed.",
                    "add a line '---' after the last field, before the body.",
                    1,
                )
            ]
        )


def _line_of(text: str, needle: str) -> int | None:
    at = text.lower().find(needle.lower())
    return text.count("\n", 0, at) + 1 if at >= 0 else None


def field_line(source_path: str, field: str) -> int | None:
    try:
        with pelican_open(source_path) as text:
            match = re.search(rf"^{re.escape(field)}\s*:", text, re.MULTILINE | re.IGNORECASE)
    except (OSError, UnicodeDecodeError):
        return None
    return text.count("\n", 0, match.start()) + 1 if match else None


def _unbalanced(tag, text: str, path: str) -> Problem:
    if tag.opened > tag.closed:
        closed = f"closed {_times(tag.closed)}" if tag.closed else "never closed"
        what = f"<{tag.tag}> is opened {_times(tag.opened)} and {closed}"
        effect = "the page closes it at the end of the body, which may not be what you meant"
        fix = f"add the missing </{tag.tag}> where the {tag.tag} ends."
        line = _line_of(text, f"<{tag.tag}")
    else:
        opened = f"opened {_times(tag.opened)}" if tag.opened else "never opened"
        what = f"<{tag.tag}> is closed {_times(tag.closed)} and {opened}"
        effect = "the page drops the closing tag that closes nothing"
        fix = f"remove the extra </{tag.tag}>, or add the <{tag.tag}> it was meant to close."
        line = _line_of(text, f"</{tag.tag}")
    return Problem(
        path,
        "body",
        f"the HTML of the body is not balanced: {what}; {effect}.",
        fix,
        line,
        warning=True,
    )


def _times(count: int) -> str:
    return {1: "once", 2: "twice"}.get(count, f"{count} times")


def _remote(element: str, host: str, text: str, path: str) -> Problem:
    return Problem(
        path,
        "body",
        f"an <{element}> is loaded from {host}, another host: the site's Content Security "
        "Policy blocks it, so readers see nothing there (and offline readers have no network).",
        f"save the file in content/images/ and link it with {{static}}/images/<name>, or allow "
        f"the host with ALLOWED_MEDIA_HOSTS = ['{host}'] in pelicanconf.py.",
        _line_of(text, host),
        warning=True,
    )


def inert(metadata: dict) -> dict:
    """Front matter that cannot run in a page: the title is text, so its HTML is escaped
    (typogrify then works on the escaped text); the lead, which is Markdown, keeps its
    formatting but loses scripts, event handlers and javascript: links (nh3, Ammonia)."""
    if isinstance(metadata.get("title"), str):
        metadata["title"] = html.escape(metadata["title"], quote=False)
    if isinstance(metadata.get("summary"), str):
        metadata["summary"] = nh3.clean(metadata["summary"], url_schemes=SAFE_SCHEMES)
    return metadata


def _missing_native_fields(metadata, path: str) -> list[Problem]:
    """Title and date, for files written with Pelican's 'Key: value' header."""
    return [
        Problem(path, name.lower(), f"the {name.lower()} is missing.", fix)
        for name, fix in (
            ("Title", "add a line 'Title: The headline of the article'."),
            ("Date", "add a line 'Date: 2016-04-22 18:34'."),
        )
        if name.lower() not in metadata
    ]


def _first_line(source_path: str) -> int:
    """File line number of the header's first line (the rest of the opening '---')."""
    with pelican_open(source_path) as text:
        match = HEADER_RE.fullmatch(text)
    start = match.start("metadata") if match else 0
    return text.count("\n", 0, start) + 1
