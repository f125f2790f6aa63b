"""The read cache: what the reader made of each source file, keyed on the file's bytes.

Keyed on a SHA-256 of the file (not its modification time, which a fresh clone or a
checkout resets) and stored in one folder per settings digest, so that the preview and
the publication settings keep caches of their own. An entry also lists the other files
the reader looked at (an article's image) and whether they existed; if one of them has
appeared or gone since, the entry is not used. No Pelican here.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import zlib
from pathlib import Path

FORMAT = 4  # bump when the layout of an entry changes


def file_digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


SHARDS = 32  # files per cache: an edit rewrites one of them, not the whole cache


def _shard(source: str) -> int:
    return zlib.crc32(source.encode()) % SHARDS


class ReadCache:
    """{source path: (digest, file checks, pickled result, card digest)}, kept in SHARDS
    files in a folder. The card digest covers what a list shows of the article (see
    read_ahead.py)."""

    def __init__(self, folder: Path | None):
        self.folder = folder
        self._entries: dict[str, tuple] = {}
        self._used: set[str] = set()
        self._dirty: set[int] = set()
        if folder is not None and folder.is_dir():
            for number in range(SHARDS):
                self._entries.update(self._load(folder / f"{number}.pickle"))

    @staticmethod
    def _load(path: Path) -> dict:
        try:
            with path.open("rb") as handle:
                stored_format, entries = pickle.load(handle)
            return entries if stored_format == FORMAT else {}
        except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError):
            return {}  # a missing or damaged shard is a cold one

    def get(self, source: str, digest: str, file_exists) -> bytes | None:
        """The pickled result for this source with these bytes, if still valid."""
        self._used.add(source)
        entry = self._entries.get(source)
        if entry is None or entry[0] != digest:
            return None
        if any(file_exists(other) != existed for other, existed in entry[1]):
            return None
        return entry[2]

    def put(self, source: str, digest: str, checks, result: bytes, card: str, stat=None) -> None:
        self._used.add(source)
        self._entries[source] = (digest, tuple(checks), result, card, stat)
        self._dirty.add(_shard(source))

    def knows(self, source: str) -> bool:
        return source in self._entries

    def known_digest(self, source: str, stat: tuple) -> str | None:
        """The digest of a file whose size, modification and change times and inode are
        those it had when it was hashed (as git's index does): it need not be read again.
        A fresh clone or a checkout changes them, and the file is hashed."""
        entry = self._entries.get(source)
        return entry[0] if entry is not None and entry[4] == stat else None

    def digests(self) -> dict[str, tuple[str, str]]:
        """{source: (file digest, card digest)} of the sources used in this build."""
        entries = self._entries
        return {source: entries[source][::3] for source in self._used if source in entries}

    def save(self) -> None:
        """Write the shards that changed, keeping the entries used by this build (others
        belong to deleted files); each atomically, so a killed build leaves it whole."""
        for source in set(self._entries) - self._used:
            del self._entries[source]
            self._dirty.add(_shard(source))
        if self.folder is None:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        os.utime(self.folder)  # used now: caches of settings not used for long are removed
        shards = {number: {} for number in self._dirty}
        for source, entry in self._entries.items():
            if _shard(source) in shards:
                shards[_shard(source)][source] = entry
        for number, entries in shards.items():
            path = self.folder / f"{number}.pickle"
            partial = path.with_name(f"{number}.{os.getpid()}.tmp")
            with partial.open("wb") as handle:
                pickle.dump((FORMAT, entries), handle, pickle.HIGHEST_PROTOCOL)
            os.replace(partial, path)
        self._dirty.clear()


class KeptUrls:
    """The URL and file name of each article of the last build ({source: (card digest,
    {key: value})}): Pelican formats them anew for each article, dates and all, on every
    build; an article whose metadata is the same gets them back."""

    def __init__(self, path: Path | None):
        self.path = path
        self._stored: dict[str, tuple] = {}
        if path is not None:
            try:
                with path.open("rb") as handle:
                    stored_format, self._stored = pickle.load(handle)
                if stored_format != FORMAT:
                    self._stored = {}
            except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError):
                self._stored = {}

    def get(self, source: str, card: str) -> dict | None:
        entry = self._stored.get(source)
        return dict(entry[1]) if entry is not None and entry[0] == card else None

    def save(self, current: dict[str, tuple]) -> None:
        if self.path is None or current == self._stored:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
        with partial.open("wb") as handle:
            pickle.dump((FORMAT, current), handle, pickle.HIGHEST_PROTOCOL)
        os.replace(partial, self.path)
        self._stored = current
