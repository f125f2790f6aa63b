"""The read cache: what the reader made of each source file, keyed on the file's bytes.

Keyed on a SHA-256 of the file (not its modification time, which a fresh clone or a
checkout resets) and stored in one file per settings digest, so that the preview and
the publication settings keep caches of their own. An entry also lists the other files
the reader looked at (an article's image) and whether they existed; if one of them has
appeared or gone since, the entry is not used. No Pelican here.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path

FORMAT = 2  # bump when the layout of an entry changes


def file_digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class ReadCache:
    """{source path: (digest, file checks, pickled result, card digest)}, loaded and saved
    whole. The card digest covers what a list shows of the article (see reading.py)."""

    def __init__(self, path: Path | None):
        self.path = path
        self._entries: dict[str, tuple] = {}
        self._used: set[str] = set()
        self.changed = False
        if path is not None and path.is_file():
            try:
                with path.open("rb") as handle:
                    stored_format, entries = pickle.load(handle)
                if stored_format == FORMAT:
                    self._entries = entries
            except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError):
                self._entries = {}  # a damaged cache is a cold cache

    def get(self, source: str, digest: str, file_exists) -> bytes | None:
        """The pickled result for this source with these bytes, if still valid."""
        self._used.add(source)
        entry = self._entries.get(source)
        if entry is None or entry[0] != digest:
            return None
        if any(file_exists(other) != existed for other, existed in entry[1]):
            return None
        return entry[2]

    def put(self, source: str, digest: str, checks, result: bytes, card: str) -> None:
        self._used.add(source)
        self._entries[source] = (digest, tuple(checks), result, card)
        self.changed = True

    def digests(self) -> dict[str, tuple[str, str]]:
        """{source: (file digest, card digest)} of the sources used in this build."""
        entries = self._entries
        return {source: entries[source][::3] for source in self._used if source in entries}

    def touch(self) -> None:
        """Mark the cache as used (caches of settings not used for long are removed)."""
        if self.path is not None and self.path.exists():
            os.utime(self.path)

    def save(self) -> None:
        """Write the entries used by this build (others belong to deleted files), if
        anything changed; atomically, so that a killed build leaves the old cache."""
        unused = set(self._entries) - self._used
        if self.path is None or not (self.changed or unused):
            self.touch()
            return
        for source in unused:
            del self._entries[source]
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_name(self.path.name + f".{os.getpid()}.tmp")
        with partial.open("wb") as handle:
            pickle.dump((FORMAT, self._entries), handle, pickle.HIGHEST_PROTOCOL)
        os.replace(partial, self.path)
        self.changed = False
