"""An undo journal for a build that writes into the last good site. Pure Python.

A build writes its pages into output/ one by one; one that fails half-way (a full disk, a
template error, a killed process) would leave half the old site and half the new one. So
before a file is written over or removed, it is moved (renamed: no bytes copied) into a
journal folder beside the output, and each file the build creates is logged first. If the
build ends well, the journal is dropped; if not, rollback() puts every moved file back and
removes every created one, so that output/ is again, byte for byte, the last good site.

A journal left by a killed process is rolled back by recover() before the next build into
that folder, and the forked processes that render a share of the pages write into the
same journal (their renames, and appends to one log, are each atomic).
"""

from __future__ import annotations

import contextlib
import os
import shutil
from pathlib import Path

CREATED = "created.log"
SAVED = "saved"


def journal_folder(output: Path) -> Path:
    """Beside the output (the same file system, so that renames are atomic), hidden."""
    output = Path(output).resolve()
    return output.with_name(f".{output.name}.journal")


class OutputJournal:
    def __init__(self, output: Path):
        self.output = Path(output).resolve()
        self.folder = journal_folder(self.output)
        self._seen: set[str] = set()
        self._log = None
        self._after_commit: list = []

    def begin(self) -> OutputJournal:
        recover(self.output)
        (self.folder / SAVED).mkdir(parents=True)
        self._log = os.open(self.folder / CREATED, os.O_WRONLY | os.O_CREAT | os.O_APPEND)
        return self

    def before_write(self, path: str | os.PathLike) -> None:
        """Call before a file of the output is written (created or written over)."""
        relative = self._relative(path)
        if relative is None or relative in self._seen:
            return
        self._seen.add(relative)
        if os.path.lexists(self.output / relative):
            self._save(relative)
        else:
            os.write(self._log, (relative + "\n").encode("utf-8", "surrogateescape"))

    def remove(self, path: str | os.PathLike) -> None:
        """Remove a file of the output, keeping it in the journal until the end."""
        relative = self._relative(path)
        if relative is not None and relative not in self._seen:
            self._seen.add(relative)
            if os.path.lexists(self.output / relative):
                self._save(relative)

    def after_commit(self, action) -> None:
        """Run action() once the new site is committed: for a record kept elsewhere of what
        the output holds, which a rollback would otherwise leave wrong."""
        self._after_commit.append(action)

    def commit(self) -> None:
        """The build ended well: the files it replaced are let go."""
        self._close()
        if self.folder.exists():
            done = self.folder.with_name(self.folder.name + ".done")
            shutil.rmtree(done, ignore_errors=True)
            self.folder.rename(done)  # atomic: a kill from here on leaves the new site
            shutil.rmtree(done, ignore_errors=True)
        for action in self._after_commit:
            action()
        self._after_commit.clear()

    def rollback(self) -> None:
        self._close()
        recover(self.output)

    def _save(self, relative: str) -> None:
        saved = self.folder / SAVED / relative
        saved.parent.mkdir(parents=True, exist_ok=True)
        os.rename(self.output / relative, saved)

    def _relative(self, path) -> str | None:
        relative = os.path.relpath(os.path.abspath(path), self.output)
        return None if relative.startswith("..") else Path(relative).as_posix()

    def _close(self) -> None:
        if self._log is not None:
            os.close(self._log)
            self._log = None


def recover(output: Path) -> bool:
    """Undo the build whose journal is beside output, if one was left; whether there was.

    Idempotent: a rollback stopped half-way is finished by the next call.
    """
    output = Path(output).resolve()
    folder = journal_folder(output)
    shutil.rmtree(folder.with_name(folder.name + ".done"), ignore_errors=True)
    if not folder.is_dir():
        return False
    created = folder / CREATED
    if created.is_file():
        for line in created.read_bytes().decode("utf-8", "surrogateescape").splitlines():
            target = output / line
            with contextlib.suppress(FileNotFoundError, IsADirectoryError):
                target.unlink()
            _remove_empty_folders(target.parent, output)
    saved = folder / SAVED
    for path in sorted(saved.rglob("*")) if saved.is_dir() else []:
        if path.is_file() or path.is_symlink():
            target = output / path.relative_to(saved)
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(path, target)
    shutil.rmtree(folder, ignore_errors=True)
    return True


def _remove_empty_folders(folder: Path, top: Path) -> None:
    while folder != top and top in folder.parents:
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent
