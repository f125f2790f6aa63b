"""Content checks: a broken article fails the build, with every problem named at once.

Pelican logs an article it cannot read, leaves it out of the site and exits 0. This
plugin reads Markdown through a strict reader and, once all content is gathered and
before anything is written, raises ContentError listing every problem: those the reader
found, those other plugins recorded in context["content_problems"], those of the site as
a whole (site_checks.py: shared pages and slugs, links, files the site does not publish),
and what Pelican itself warned of while reading.
"""

import logging
import os

from pelican import signals

from .pelican_warnings import PelicanWarnings
from .reader import CheckedMarkdownReader, display_path, field_line
from .rules import ContentError, Problem
from .site_checks import inventory_of, leave_markdown_out_of_static, site_problems

__all__ = [
    "ContentError",
    "Problem",
    "display_path",
    "field_line",
    "hints_of",
    "record_problem",
    "register",
]

PROBLEMS_KEY = "content_problems"
INVENTORY_KEY = "CONTENT_INVENTORY"  # the files of the content folder (inventory.py)
WARNINGS_KEY = "CONTENT_PELICAN_WARNINGS"  # what Pelican logs while reading
logger = logging.getLogger(__name__)


def record_problem(context, problem: Problem) -> None:
    """Let another plugin report a content problem; the build fails after gathering."""
    context.setdefault(PROBLEMS_KEY, []).append(problem)


def take_inventory(pelican):
    """Before any generator walks the content folder: what it holds, and Pelican's
    warnings kept from now until the checks."""
    settings = pelican.settings
    settings[INVENTORY_KEY] = inventory_of(settings)
    settings[WARNINGS_KEY] = PelicanWarnings(settings["PATH"]).attach()


def use_checked_reader(readers):
    for extension in CheckedMarkdownReader.file_extensions:
        readers.reader_classes[extension] = CheckedMarkdownReader


def keep_markdown_private(generator):
    inventory = generator.context.get(INVENTORY_KEY)
    if inventory is not None:
        leave_markdown_out_of_static(generator, inventory)


def fail_on_problems(generators):
    if not generators:
        return
    context = generators[0].context
    settings = generators[0].settings
    warnings_log = context.get(WARNINGS_KEY)
    told_by_pelican = warnings_log.detach() if warnings_log is not None else []
    problems = [
        *_reader_problems(generators),
        *context.get(PROBLEMS_KEY, []),
        *site_problems(generators, context.get(INVENTORY_KEY)),
    ]
    named = {problem.path for problem in problems}
    problems += [p for p in told_by_pelican if p.path not in named or not p.path]
    problems += _unread_files(context, settings, {problem.path for problem in problems})
    problems = sorted(set(problems), key=lambda p: (p.path, p.line or 0, p.field, p.message))
    hints = [p for p in problems if p.hint]
    for hint in hints:  # make check shows them (hints_of); a build only at --debug
        logger.debug("%s", hint)
    problems = [p for p in problems if not p.hint]
    warnings = [p for p in problems if p.warning]
    if warnings and not settings.get("CONTENT_WARNINGS_FATAL"):
        for warning in warnings:
            logger.warning("%s", warning)
        problems = [p for p in problems if not p.warning]
    if problems:
        raise ContentError(problems, hints)


def hints_of(context) -> list[Problem]:
    """The suggestions made for the content of a build that raised no ContentError."""
    found = {p for p in context.get(PROBLEMS_KEY, []) if p.hint}
    return sorted(found, key=lambda p: (p.path, p.line or 0, p.field, p.message))


def _unread_files(context, settings, named) -> list[Problem]:
    """Sources Pelican dropped for a reason no check has named."""
    found = []
    for relative_path, content in context["generated_content"].items():
        if content is not None:
            continue
        path = display_path(os.path.join(settings["PATH"], relative_path))
        if path not in named:
            found.append(
                Problem(
                    path,
                    "",
                    "Pelican could not read this file, and gave no reason.",
                    "run `make html PELICANOPTS=--debug` for its traceback, or move the "
                    "file out of the content folder.",
                )
            )
    return found


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
    signals.initialized.connect(take_inventory)
    signals.readers_init.connect(use_checked_reader)
    signals.static_generator_finalized.connect(keep_markdown_private)
    signals.all_generators_finalized.connect(fail_on_problems)
