"""Stable digests of settings, code and values, the same from one process to the next
(no Pelican here)."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path


def digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:32]


def stable_repr(value) -> str:
    """repr() without memory addresses: functions and classes by their qualified name,
    dicts and sets sorted."""
    if isinstance(value, dict):
        items = sorted((stable_repr(k), stable_repr(v)) for k, v in value.items())
        return "{" + ", ".join(f"{k}: {v}" for k, v in items) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(stable_repr(item) for item in value) + "]"
    if isinstance(value, (set, frozenset)):
        return "{" + ", ".join(sorted(stable_repr(item) for item in value)) + "}"
    if isinstance(value, (str, int, float, bool, type(None), dt.date, dt.timedelta, Path)):
        return repr(value)
    if callable(value) or isinstance(value, type):
        name = f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', '')}"
        code = getattr(value, "__code__", None)  # a function's body counts, not just its name
        return name + (_code(code) if code else "")
    return f"<{type(value).__module__}.{type(value).__qualname__}>"


def _code(code) -> str:
    consts = [_code(c) if hasattr(c, "co_code") else stable_repr(c) for c in code.co_consts]
    return digest(code.co_code.hex(), *consts)


def settings_digest(settings: dict, ignore=()) -> str:
    return digest(stable_repr({k: v for k, v in settings.items() if k not in ignore}))


def files_digest(paths) -> str:
    """Digest of the names and bytes of files (folders: every file below them)."""
    files = []
    for path in map(Path, paths):
        files.extend(sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path])
    hasher = hashlib.sha256()
    for path in files:
        if path.suffix == ".pyc" or not path.exists():
            continue
        hasher.update(str(path).encode() + b"\0" + path.read_bytes() + b"\0")
    return hasher.hexdigest()[:32]
