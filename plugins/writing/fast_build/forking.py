"""Run a function over items in forked worker processes (no Pelican here).

Fork, not spawn: the workers start with the parent's memory (settings, readers, templates)
at no cost, and only their results travel back, pickled. Objects that must stay shared
with the parent (Pelican's settings dict inside each Tag) travel as references, through
`shared`: {id(object): name} on the way out, {name: object} on the way back.
"""

from __future__ import annotations

import io
import os
import pickle
import shutil
import tempfile
import traceback
from pathlib import Path


class WorkerError(RuntimeError):
    pass


def dumps(value, shared: dict | None = None) -> bytes:
    """Pickle value; objects of `shared` (by identity) are written as their names."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, pickle.HIGHEST_PROTOCOL)
    if shared:
        names = {id(obj): name for name, obj in shared.items()}
        pickler.persistent_id = lambda obj: names.get(id(obj))
    pickler.dump(value)
    return buffer.getvalue()


def loads(data: bytes, shared: dict | None = None):
    unpickler = pickle.Unpickler(io.BytesIO(data))
    if shared:
        unpickler.persistent_load = shared.__getitem__
    return unpickler.load()


def fork_map(function, items: list, workers: int) -> list:
    """[function(item) for item in items], the items split between `workers` processes:
    the parent takes the first share, each forked child one of the others. Results must
    pickle. A child that fails makes this raise WorkerError with the child's traceback."""
    shares = [items[start::workers] for start in range(workers)]
    children = []
    folder = scratch_folder("fork-map")
    try:
        for number, share in enumerate(shares[1:], start=1):
            result_file = os.path.join(folder, str(number))
            pid = os.fork()
            if pid == 0:  # pragma: no cover - measured in the child, which never returns
                _child(function, share, result_file)
            children.append((pid, result_file))
        results = [[function(item) for item in shares[0]]]
        for pid, result_file in children:
            results.append(collect(pid, result_file))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    merged = [None] * len(items)
    for start, share_results in enumerate(results):
        merged[start::workers] = share_results
    return merged


def scratch_folder(purpose: str) -> str:
    """A new temporary folder for this process's workers to send their results through.

    The folders live in one place per user, named by the pid that made them, so that those of
    a build killed before it could remove them (SIGKILL, power loss) are removed by the next
    build, once their process is gone, instead of piling up in the system's temporary folder.
    """
    root = _scratch_root()
    remove_abandoned()
    return tempfile.mkdtemp(prefix=f"{os.getpid()}-{purpose}-", dir=root)


def _scratch_root() -> Path:
    root = Path(tempfile.gettempdir()) / f"pelican-scratch-{os.getuid()}"
    root.mkdir(mode=0o700, exist_ok=True)
    return root


def remove_abandoned() -> None:
    """Remove the scratch folders of processes that have ended without removing them."""
    for folder in _scratch_root().iterdir():
        pid = folder.name.partition("-")[0]
        if pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True


def collect(pid: int, result_file: str):
    """Wait for a child started with `_child` and return what it sent back."""
    _, status = os.waitpid(pid, 0)
    try:
        with open(result_file, "rb") as handle:
            outcome = pickle.load(handle)
    except (OSError, EOFError, pickle.UnpicklingError):
        outcome = WorkerError(f"a worker process ended with status {status}, without a result")
    if isinstance(outcome, WorkerError):
        raise outcome
    return outcome


def start(function, result_file: str) -> int:
    """Fork a child that runs function() and sends its result back; returns its pid."""
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the child, which never returns
        _child(lambda _: function(), [None], result_file, single=True)
    return pid


def _child(function, share, result_file, single=False) -> None:
    code = 0
    try:
        outcome = [function(item) for item in share]
        outcome = outcome[0] if single else outcome
    except BaseException:
        outcome, code = WorkerError(traceback.format_exc()), 1
    try:
        with open(result_file, "wb") as handle:
            pickle.dump(outcome, handle, pickle.HIGHEST_PROTOCOL)
    finally:
        os._exit(code)
