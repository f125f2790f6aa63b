"""The Markdown reader of pelican-yaml-metadata, made strict.

The stock reader logs a YAML error and goes on with empty metadata, and Pelican then
leaves the article out of the site while the build succeeds. This reader checks the
front matter first and raises ContentError with every problem of the file, and keeps
those problems so that the build can fail with all of them at once.
"""

from __future__ import annotations

import html
import os
from pathlib import Path

import nh3
from markdown import Markdown
from pelican.plugins.yaml_metadata.yaml_metadata import HEADER_RE, YAMLMetadataReader
from pelican.utils import get_date, pelican_open

from .markdown_guards import guard_markdown
from .rules import ContentError, Problem, check_front_matter, load_front_matter
from .typography import typogrifier

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
        guard_markdown(self._md)
        self._native_md = None  # made on the first file with a 'Key: value' header
        self._typogrify = (
            typogrifier(self.settings) if self.settings.get("READER_TYPOGRIFY") else None
        )
        self.file_checks: list[tuple[str, bool]] = []  # (image path, existed) of the last read
        self.preread: dict[str, tuple] = {}  # source path -> a result read ahead (fast_build)
        self.read_fresh: set[str] = set()  # those of them read in this build, not cached

    def read(self, source_path):
        ahead = self.preread.pop(source_path, None)
        if ahead is not None:
            content, metadata, problems = ahead
            if problems:
                self.problems[source_path] = problems
            return content, metadata
        self.file_checks = []
        content, metadata = self._read_checked(source_path)
        if self._typogrify:
            content = self._typogrify(content)
            for name in ("title", "summary"):
                if name in metadata:
                    metadata[name] = self._typogrify(metadata[name])
        return content, metadata

    def _read_checked(self, source_path):
        path = display_path(source_path)
        try:
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
        if problems:
            self.problems[source_path] = problems
        if any(not problem.warning for problem in problems):
            raise ContentError(problems)
        return content, inert(metadata)

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
            guard_markdown(self._native_md)
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
        problems = check_front_matter(
            data, path, get_date, lines, self._image_exists, self.settings.get("CATEGORIES")
        )
        if any(not problem.warning for problem in problems):
            raise ContentError(problems)
        self._pending = problems  # warnings only: reported once the file is read
        # A field left empty ("image: ''", "tags: []") is a field not given.
        given = {name: value for name, value in data.items() if value not in ("", [], None)}
        return self._parse_yaml_metadata(given, source_path)


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
