"""Build progress on one terminal line: "read 4,210/10,000 · written 1,200/…".

Shown only when stderr is a terminal (never in CI logs or when output is captured) and
not with CI set in the environment; only the process that made it draws the line, so
forked workers stay silent. No Pelican here.
"""

from __future__ import annotations

import os
import sys
import time

INTERVAL = 0.1  # seconds between redraws


class Progress:
    def __init__(self, stream=None, enabled: bool | None = None):
        self.stream = stream or sys.stderr
        if enabled is None:
            enabled = self.stream.isatty() and not os.environ.get("CI")
        self.enabled = enabled
        self._owner = os.getpid()
        self._counts: dict[str, list[int]] = {}
        self._drawn = 0.0
        self._width = 0

    def add_total(self, stage: str, count: int) -> None:
        self._counts.setdefault(stage, [0, 0])[1] += count
        self._draw()

    def advance(self, stage: str, step: int = 1) -> None:
        counts = self._counts.setdefault(stage, [0, 0])
        counts[0] = min(counts[0] + step, counts[1]) if counts[1] else counts[0] + step
        self._draw()

    def line(self) -> str:
        parts = []
        for stage, (done, total) in self._counts.items():
            parts.append(f"{stage} {done:,}/{total:,}" if total else f"{stage} {done:,}")
        return " · ".join(parts)

    def finish(self) -> None:
        if self._visible():
            self.stream.write("\r" + " " * self._width + "\r")
            self.stream.flush()
        self._counts.clear()

    def _draw(self) -> None:
        now = time.monotonic()
        if not self._visible() or now - self._drawn < INTERVAL:
            return
        self._drawn = now
        text = self.line()
        self.stream.write("\r" + text.ljust(self._width))
        self.stream.flush()
        self._width = len(text)

    def _visible(self) -> bool:
        return self.enabled and os.getpid() == self._owner
