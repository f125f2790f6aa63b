"""How each command tells of a failed build: every problem, in the words of `make check`,
never a traceback (`--debug` on the command line gives one, for a developer)."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]
from plugins.stages import PLUGIN_PATHS  # noqa: E402

sys.path[:0] = PLUGIN_PATHS

from content_checks import ContentError  # noqa: E402


class KeptWarnings(logging.Handler):
    """Every warning and error logged while it is attached (to the root logger, where
    Pelican's and the plugins' records arrive), instead of printed one at a time."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(" ".join(record.getMessage().split()))

    def __enter__(self) -> KeptWarnings:
        logging.getLogger().addHandler(self)
        return self

    def __exit__(self, *exc) -> None:
        logging.getLogger().removeHandler(self)


def failure_text(command: str, error: BaseException) -> str:
    """What `make <command>` prints when its build raised error."""
    if isinstance(error, ContentError):
        return f"make {command}: {error}"
    where = ""
    trace = error.__traceback__
    while trace is not None and trace.tb_next is not None:
        trace = trace.tb_next
    if trace is not None:
        code = trace.tb_frame.f_code
        where = f" (in {Path(code.co_filename).name}, line {trace.tb_lineno})"
    return (
        f"make {command}: the build failed: {type(error).__name__}: {error}{where}.\n"
        f"This is not a mistake in the content: run it again with --debug for the traceback, "
        f"and report it."
    )
