"""What Pelican logs while it reads, kept as problems of the build.

Pelican warns of a slug it cannot make, of a link it cannot resolve, of a file it could not
process, and goes on. Those messages scroll past in `make html`, and `make publish` used to
stop at the first of them with "Warning or error encountered". Here each is kept, from the
start of a build to the checks, and told with the other problems, once: the ones that this
plugin's own checks tell better (with the file, the line and the fix) are dropped.
"""

from __future__ import annotations

import logging
import os
import sys

from .reader import display_path
from .rules import ContentError, Problem

# Pelican's modules that log about content while it is read.
LOGGERS = (
    "pelican.generators",
    "pelican.contents",
    "pelican.readers",
    "pelican.utils",
    "pelican.cache",
    "pelican.urlwrappers",
    "pelican.plugins.yaml_metadata.yaml_metadata",
)
# Messages that the checks of site_checks.py and the reader tell with file, line and fix.
TOLD_BETTER = (
    "Unable to generate valid slug",  # a tag, category or actor of no letter or digit
    "There are %s items",  # the same slug twice
    "There are %s original",
    "All items (",
    "Unable to find '%s'",  # an intra-site link to nothing
    "{filename} used for linking to static",
    "Skipping %s: file %r would be written outside",  # a save_as outside the output
    "Cannot get modification stamp",  # a static file that is not there
)


class PelicanWarnings(logging.Filter):
    """A filter on Pelican's loggers that keeps their warnings and errors as problems."""

    def __init__(self, content_root: str):
        super().__init__()
        self.content_root = content_root
        self.problems: list[Problem] = []

    def attach(self) -> PelicanWarnings:
        """Keep the warnings from now on; one left by a build that stopped early goes."""
        for name in LOGGERS:
            logger = logging.getLogger(name)
            for stale in [f for f in logger.filters if isinstance(f, PelicanWarnings)]:
                logger.removeFilter(stale)
            logger.addFilter(self)
        return self

    def detach(self) -> list[Problem]:
        for name in LOGGERS:
            logging.getLogger(name).removeFilter(self)
        return self.problems

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < logging.WARNING:
            return True
        if str(record.msg).startswith(TOLD_BETTER):
            return False
        if str(record.msg).startswith("Could not process"):
            error = sys.exc_info()[1]
            if not isinstance(error, ContentError):  # the reader's problems say it all
                self.problems.append(self._unprocessed(record, error))
            return False
        self.problems.append(self._problem(record))
        return False

    def _unprocessed(self, record, error) -> Problem:
        path = display_path(os.path.join(self.content_root, str(record.args[0])))
        reason = f"{type(error).__name__}: {error}" if error else "no reason given"
        return Problem(
            path,
            "",
            f"Pelican could not read this file ({' '.join(reason.split())[:200]}).",
            "correct the file, or move it out of the content folder.",
        )

    def _problem(self, record) -> Problem:
        message = " ".join(record.getMessage().split())
        path = next((display_path(str(a)) for a in _args(record) if _is_source(str(a))), "Pelican")
        return Problem(
            path,
            "",
            f"Pelican warns: {message[:300]}",
            "see docs/authoring.md; correct what it names.",
            warning=record.levelno < logging.ERROR,
        )


def _args(record) -> tuple:
    args = record.args
    return args if isinstance(args, tuple) else (args,) if args else ()


def _is_source(value: str) -> bool:
    return value.endswith((".md", ".markdown", ".mkd", ".mdown")) and os.path.exists(value)
