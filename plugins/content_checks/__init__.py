"""Content checks: a broken article fails the build, with every problem named at once.

Pelican logs an article it cannot read, leaves it out of the site and exits 0. This
plugin reads Markdown through a strict reader and, once all content is gathered and
before anything is written, raises ContentError listing every problem: those the reader
found, those other plugins recorded in context["content_problems"], and any source file
that Pelican dropped for a reason of its own.
"""

import logging

from article_lists import EVERY, PAGES, every_article
from pelican import signals

from .reader import CheckedMarkdownReader, display_path
from .rules import ContentError, Problem

__all__ = ["ContentError", "Problem", "record_problem", "register"]

PROBLEMS_KEY = "content_problems"
logger = logging.getLogger(__name__)


def record_problem(context, problem: Problem) -> None:
    """Let another plugin report a content problem; the build fails after gathering."""
    context.setdefault(PROBLEMS_KEY, []).append(problem)


def use_checked_reader(readers):
    for extension in CheckedMarkdownReader.file_extensions:
        readers.reader_classes[extension] = CheckedMarkdownReader


def fail_on_problems(generators):
    if not generators:
        return
    context = generators[0].context
    settings = generators[0].settings
    problems = [
        *_reader_problems(generators),
        *context.get(PROBLEMS_KEY, []),
        *_shared_output_paths(generators),
    ]
    named = {problem.path for problem in problems}
    content_root = generators[0].settings["PATH"]
    for relative_path, content in context["generated_content"].items():
        path = display_path(f"{content_root}/{relative_path}")
        if content is None and path not in named:
            problems.append(
                Problem(
                    path,
                    "",
                    "Pelican could not read this file (see the message above).",
                    "correct it, or move it out of the content folder.",
                )
            )
    problems.sort(key=lambda p: (p.path, p.line or 0, p.field))
    warnings = [p for p in problems if p.warning]
    if warnings and not settings.get("CONTENT_WARNINGS_FATAL"):
        for warning in warnings:
            logger.warning("%s", warning)
        problems = [p for p in problems if not p.warning]
    if problems:
        raise ContentError(problems)


def _shared_output_paths(generators):
    """Two pieces of content written to one file: the second would replace the first."""
    owners = {}
    for generator in generators:
        for content in every_article(generator, (*EVERY, *PAGES)):
            if not content.save_as:
                continue
            first = owners.setdefault(content.save_as, content)
            if first is not content:
                yield Problem(
                    display_path(content.source_path),
                    "slug",
                    f"{display_path(first.source_path)} is written to the same file "
                    f"({content.save_as}).",
                    "give one of them another title or a 'slug:' line of its own.",
                )


def _reader_problems(generators):
    seen = set()
    for generator in generators:
        readers = getattr(generator, "readers", None)
        for reader in getattr(readers, "readers", {}).values():
            for problems in getattr(reader, "problems", {}).values():
                for problem in problems:
                    if problem not in seen:
                        seen.add(problem)
                        yield problem


class _WithoutTraceback(logging.Filter):
    """Pelican logs a failed build with its traceback; a content mistake needs none."""

    def filter(self, record):
        if record.exc_info and isinstance(record.exc_info[1], ContentError):
            record.exc_info = None
        return True


def _hide_content_error_tracebacks():
    pelican_logger = logging.getLogger("pelican")
    if not any(isinstance(f, _WithoutTraceback) for f in pelican_logger.filters):
        pelican_logger.addFilter(_WithoutTraceback())


def register():
    _hide_content_error_tracebacks()
    signals.readers_init.connect(use_checked_reader)
    signals.all_generators_finalized.connect(fail_on_problems)
