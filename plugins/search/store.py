"""The index of the last build kept in the cache, and the copying of index files into
the output: only the files that differ are written (their modification times say what a
deploy has to upload)."""

from __future__ import annotations

import filecmp
import json
import os
import shutil
from pathlib import Path


class IndexStore:
    """The index of the last build, kept in the cache: its files (files/), the builder's
    state (state.json: each article's words, each file's digest), and index.json: the
    digest of the input it was built from, of its files, and of the files each output
    folder was last given."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.files = folder / "files"
        self.state = folder / "state.json"
        self._record = folder / "index.json"

    def _read(self) -> dict:
        try:
            return json.loads(self._record.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}

    def _write(self, record: dict) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        temporary = self._record.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_text(json.dumps(record), encoding="utf-8")
        os.replace(temporary, self._record)

    def built_from(self) -> str | None:
        return self._read().get("input")

    def index_digest(self) -> str | None:
        return self._read().get("index")

    def written_to(self, target: Path) -> str | None:
        return self._read().get("written", {}).get(str(target.resolve()))

    def forget(self) -> None:
        """A run starts: the files are not known to match any input until it ends."""
        record = self._read()
        record.pop("input", None)
        self._write(record)
        self.files.mkdir(parents=True, exist_ok=True)

    def built(self, key: str, digest: str) -> None:
        self._write({**self._read(), "input": key, "index": digest})

    def wrote(self, target: Path, digest: str) -> None:
        record = self._read()
        record.setdefault("written", {})[str(target.resolve())] = digest
        self._write(record)


def update_folder(source: Path, target: Path, journal=None) -> None:
    """Make target hold source's files: only the files that differ are written (their
    modification times say what a deploy has to upload), and others are removed. journal
    (fast_build's OutputJournal) keeps what is written over until the build is done."""
    target.mkdir(parents=True, exist_ok=True)
    wanted = {path.relative_to(source) for path in source.rglob("*") if path.is_file()}
    for path in target.rglob("*"):
        if path.is_file() and path.relative_to(target) not in wanted:
            if journal:
                journal.remove(path)
            else:
                path.unlink()
    for relative in wanted:
        new, old = source / relative, target / relative
        if not (old.is_file() and filecmp.cmp(new, old, shallow=False)):
            old.parent.mkdir(parents=True, exist_ok=True)
            if journal:
                journal.before_write(old)
            shutil.copyfile(new, old)


def apply_changes(source: Path, target: Path, result: dict, journal=None) -> None:
    """The files the builder changed, from source into target; those it removed, gone."""
    for relative in result["removed"]:
        path = target / relative
        if path.is_file():
            journal.remove(path) if journal else path.unlink()
    for relative in result["changed"]:
        new, old = source / relative, target / relative
        old.parent.mkdir(parents=True, exist_ok=True)
        if journal:
            journal.before_write(old)
        shutil.copyfile(new, old)


def write_if_changed(path: Path, text: str, journal=None) -> None:
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    if journal:
        journal.before_write(path)
    path.write_text(text, encoding="utf-8")
