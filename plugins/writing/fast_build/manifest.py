"""The pages of the last build into an output folder, with their fingerprints (no Pelican).

A page is left as it is when its fingerprint is the same as last time and its file is
still the one that build wrote (same size and modification time); otherwise it is
rendered again. A page of the last build that this build no longer makes is deleted,
so that the folder holds what a build from scratch would.
"""

from __future__ import annotations

import contextlib
import os
import pickle
from pathlib import Path

FORMAT = 1


class OutputManifest:
    def __init__(self, path: Path | None, output: str):
        self.path = path
        self.output = output
        self.previous: dict[str, tuple] = {}
        self.current: dict[str, tuple] = {}
        if path is not None and path.is_file():
            try:
                with path.open("rb") as handle:
                    stored_format, stored_output, previous = pickle.load(handle)
                if (stored_format, stored_output) == (FORMAT, output):
                    self.previous = previous
            except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError):
                self.previous = {}

    def unchanged(self, name: str, fingerprint: str | None, full_path: str) -> bool:
        """Whether the file of the last build can stay; if so, it is kept in this one."""
        before = self.previous.get(name)
        if fingerprint is None or before is None or before[0] != fingerprint:
            return False
        try:
            status = os.stat(full_path)
        except OSError:
            return False
        if (status.st_size, status.st_mtime_ns) != before[1:]:
            return False
        self.current[name] = before
        return True

    def record(self, name: str, fingerprint: str | None, full_path: str) -> None:
        status = os.stat(full_path)
        self.current[name] = (fingerprint, status.st_size, status.st_mtime_ns)

    def merge(self, records: dict) -> None:
        self.current.update(records)

    def remove_stale(self, remove=os.remove) -> list[str]:
        """Delete the files the last build wrote and this one did not; their names.
        remove(path) deletes one (the build's journal keeps it until the build is done)."""
        stale = sorted(set(self.previous) - set(self.current))
        for name in stale:
            with contextlib.suppress(FileNotFoundError):
                remove(os.path.join(self.output, name))
        return stale

    def save(self) -> None:
        if self.path is None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_name(self.path.name + f".{os.getpid()}.tmp")
        with partial.open("wb") as handle:
            pickle.dump((FORMAT, self.output, self.current), handle, pickle.HIGHEST_PROTOCOL)
        os.replace(partial, self.path)
