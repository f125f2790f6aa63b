"""The index of the last build kept in the cache, and the putting of index files into
the output: only the files that differ are written (their modification times say what a
deploy has to upload), each as a hard link to the cache's file where the filesystem allows
(ten thousand files linked in a fraction of the time a copy takes). Neither the builder nor
this module ever writes an index file in place: a file is replaced (a new one under its
name), so a link in the output keeps the content it was given."""

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
        """A run starts: the files are not known to match any input, nor their digest, until
        it ends (a run killed half-way leaves files and state that no record describes)."""
        record = self._read()
        record.pop("input", None)
        record.pop("index", None)
        self._write(record)
        self.files.mkdir(parents=True, exist_ok=True)

    def built(self, key: str, digest: str) -> None:
        self._write({**self._read(), "input": key, "index": digest})

    def wrote(self, target: Path, digest: str) -> None:
        record = self._read()
        record.setdefault("written", {})[str(target.resolve())] = digest
        self._write(record)

    def writing(self, target: Path) -> None:
        """Files of target are about to change: what it holds is not known until wrote()."""
        record = self._read()
        if record.get("written", {}).pop(str(target.resolve()), None) is not None:
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
        if not (old.is_file() and _same(new, old)):
            _put(new, old, journal)


def apply_changes(source: Path, target: Path, result: dict, journal=None) -> None:
    """The files the builder changed, from source into target; those it removed, gone."""
    for relative in result["removed"]:
        path = target / relative
        if path.is_file():
            journal.remove(path) if journal else path.unlink()
    for relative in result["changed"]:
        _put(source / relative, target / relative, journal)


def write_if_changed(path: Path, text: str, journal=None) -> None:
    """Replace path by a new file holding text, unless it holds text already."""
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    if journal:
        journal.before_write(path)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def _same(new: Path, old: Path) -> bool:
    return os.path.samefile(new, old) or filecmp.cmp(new, old, shallow=False)


def _put(new: Path, old: Path, journal) -> None:
    """old: a hard link to new, or a copy of it where links cannot be made (another
    filesystem, or one without links)."""
    old.parent.mkdir(parents=True, exist_ok=True)
    if journal:
        journal.before_write(old)  # moves the file there aside, until the build is done
    old.unlink(missing_ok=True)
    try:
        os.link(new, old)
    except OSError:
        shutil.copyfile(new, old)
