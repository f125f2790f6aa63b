"""One build of the search index, from its start to its end (no Pelican here).

An IndexBuild owns what the build runs and writes outside the output: the forked processes
that make the articles' texts and the builder's input ahead, the Node process that builds
the index (the builder reads its documents from a file with no name) with the thread
waiting for it, and the temporary folders.
close() ends them all: its owner calls it once the index is written or the build failed;
a build abandoned on the way (an exception elsewhere in Pelican) is closed when its owner
is freed, or when the interpreter exits (weakref.finalize does both).
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import shutil
import signal
import subprocess
import tempfile
import threading
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from fast_build import forking

if TYPE_CHECKING:
    from .store import IndexStore

ROOT = Path(__file__).resolve().parents[2]
BUILDER = ROOT / "tools" / "search" / "index_builder.cjs"
WORDS = ROOT / "theme" / "static" / "js" / "search-text.js"
STEMMERS = ROOT / "node_modules" / "@orama" / "stemmers"
LIBRARY = STEMMERS / "dist" / "ru.cjs"  # installed with the others by `npm ci`
# Node's background threads (garbage collection, compiling) compete with the build's own
# processes for the cores: on one thread, a text group takes about 12% less CPU time.
NODE_FLAGS = ("--single-threaded",)


class SearchIndexError(RuntimeError):
    pass


class Run(NamedTuple):
    """One run of the Node builder: its input (the documents as JSON), where it writes, and
    the store whose state it updates (None: a temporary folder, every file written)."""

    key: str  # digest of the input and of the builder
    source: str
    folder: Path
    store: IndexStore | None
    previous: str | None = None  # the digest of the store's files before the run, if known


class IndexBuild:
    """The processes, thread and temporary folders of one index build (see above)."""

    def __init__(self):
        self._held = _Held()
        self.close = weakref.finalize(self, self._held.release)
        self._outcome: list = []  # the builder's report, or the error that stopped it

    @property
    def held(self) -> _Held:
        """What the build holds now (processes, thread, temporary paths)."""
        return self._held

    def make_texts_ahead(self, make_texts: Callable[[], dict]) -> None:
        """Run make_texts() in a forked process; texts_made_ahead() collects its result."""
        self._fork("texts", make_texts)

    def texts_made_ahead(self) -> dict:
        """What make_texts_ahead's process made ({} if none ran, or if it failed)."""
        try:
            return self._held.collect("texts", {})
        except forking.WorkerError:
            return {}  # made in this process instead

    def make_input_ahead(self, make_input: Callable[[], tuple[str, str]]) -> None:
        """Run make_input() (the builder's input and its key) in a forked process, so that
        this one goes on with the build; build_when_input_made() takes it."""
        self._fork("input", make_input)

    def _fork(self, name: str, function: Callable) -> None:
        folder = forking.scratch_folder(f"search-{name}")
        self._held.paths.append(Path(folder))
        self._held.ahead[name] = (forking.start(function, os.path.join(folder, name)), folder)

    def temporary_folder(self) -> Path:
        """A folder of this build's own, removed by close()."""
        folder = Path(forking.scratch_folder("search-index"))
        self._held.paths.append(folder)
        return folder

    def run_node(self, run: Run) -> None:
        """Start the builder on run, in the background; wait() gives its report."""
        process = self._held.node = start_node(find_node(), run)
        self._in_thread(lambda: _report(process))

    def build_when_input_made(self, make_run: Callable[[str, str], Run | None]) -> None:
        """In this build's thread: the input made ahead (its key and source), the run that
        make_run gives for it (None: the index is as wanted), and the builder on that run:
        Node starts as soon as its input is made, whatever this process does meanwhile.
        (The thread holds nothing of this object: a build abandoned on the way is still
        freed, and closed, while its thread waits.)"""
        node, held = find_node(), self._held

        def prepare_and_build():
            try:
                key, source = held.collect("input", None)
            except forking.WorkerError as error:
                raise SearchIndexError(
                    f"making the search index's input failed:\n{error}"
                ) from None
            run = make_run(key, source)
            if run is None:
                return None
            with held.lock:
                if held.closed:
                    raise SearchIndexError("the build was stopped")
                process = held.node = start_node(node, run)
            return _report(process)

        self._in_thread(prepare_and_build)

    def _in_thread(self, work: Callable[[], dict | None]) -> None:
        outcome = self._outcome

        def run_work():
            try:
                outcome.append(work())
            except Exception as error:  # raised by wait(), in the build's own thread
                outcome.append(error)

        self._held.thread = threading.Thread(target=run_work, name="search-index", daemon=True)
        self._held.thread.start()

    def wait(self) -> dict | None:
        """The builder's report ({changed, removed, digest}), None if it did not run;
        raises the SearchIndexError of a run that failed."""
        if self._held.thread is None:
            return None
        self._held.thread.join()
        (outcome,) = self._outcome
        if isinstance(outcome, Exception):
            raise outcome
        return outcome


@dataclass
class _Held:
    owner: int = field(default_factory=os.getpid)  # a forked worker ends nothing of these
    ahead: dict[str, tuple[int, str]] = field(default_factory=dict)  # forked: pid, folder
    node: subprocess.Popen | None = None
    thread: threading.Thread | None = None  # preparing the run, starting node, waiting for it
    paths: list[Path] = field(default_factory=list)  # temporary folders
    lock: threading.Lock = field(default_factory=threading.Lock)  # node, closed
    closed: bool = False

    def collect(self, name: str, default):
        """The result of the process forked ahead under name (default if none was)."""
        if name not in self.ahead:
            return default
        pid, folder = self.ahead.pop(name)
        try:
            return forking.collect(pid, os.path.join(folder, name))
        finally:
            shutil.rmtree(folder, ignore_errors=True)
            self.paths.remove(Path(folder))

    def release(self) -> None:
        if os.getpid() != self.owner:
            return
        with self.lock:
            self.closed = True  # no node is started from now on
        for pid, _ in list(self.ahead.values()):
            _stop(pid)  # (the thread waiting for it, if any, gets an error)
        if self.node is not None and self.node.poll() is None:
            self.node.kill()  # the thread waiting for it returns
        if self.thread is not None:
            self.thread.join()
        for path in list(self.paths):
            shutil.rmtree(path, ignore_errors=True)


def _report(process: subprocess.Popen) -> dict:
    output, errors = process.communicate()
    if process.returncode != 0:
        raise SearchIndexError(f"building the search index failed:\n{errors}")
    return json.loads(output)


def find_node() -> str:
    node = shutil.which("node")
    if node is None or not LIBRARY.exists():
        raise SearchIndexError(
            "the search index needs Node.js and @orama/stemmers: run 'make install' "
            "(it runs 'npm ci'), or install Node.js 18 or newer first."
        )
    return node


def start_node(node: str, run: Run) -> subprocess.Popen:
    """The builder's process, reading its documents from its standard input: a file with
    no name (gone once both processes close it). Through a pipe, a thread of this process
    would have to feed it, and with the build holding the GIL that took seconds."""
    command = [node, *NODE_FLAGS, str(BUILDER), "-", str(run.folder)]
    if run.store is not None:
        command.append(str(run.store.state))
    with tempfile.TemporaryFile() as documents:
        documents.write(run.source.encode("utf-8"))
        documents.seek(0)
        pipes = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE}
        return subprocess.Popen(command, stdin=documents, text=True, encoding="utf-8", **pipes)


def _stop(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    except (ProcessLookupError, ChildProcessError):
        pass


@functools.cache
def builder_digest() -> str:
    """The builder's code and the stemmers' version: a cached part is valid for these."""
    hasher = hashlib.sha256()
    for path in (BUILDER, WORDS, STEMMERS / "package.json"):
        hasher.update(path.read_bytes() if path.exists() else b"")
    return hasher.hexdigest()
