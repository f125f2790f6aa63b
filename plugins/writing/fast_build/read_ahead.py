"""Reading ahead: every Markdown source of a generator, from the read cache or, for the
files not in it, read on all cores; Pelican's own loop then takes the results from the
reader (CheckedMarkdownReader.read), which is given them as a ReadAhead."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path

from content_checks.reader import CheckedMarkdownReader
from pelican.generators import ArticlesGenerator

from . import forking
from .digests import digest
from .store import ReadCache, file_digest

SHARED = "settings"
CONTEXT_KEY = "read_ahead"  # context[CONTEXT_KEY][generator kind]: its ReadAhead


@dataclass
class ReadAhead:
    """The sources of one generator read before Pelican's loop asks for them. Owned by
    fast_build; the reader takes each result once, and other plugins (search) may look at
    those read in this build through the context, never change them."""

    results: dict[str, tuple] = field(default_factory=dict)  # source: (content, metadata,
    fresh: set[str] = field(default_factory=set)  # problems); read in this build, not cached

    def take(self, source: str) -> tuple | None:
        return self.results.pop(source, None)

    def fresh_results(self) -> list[tuple]:
        """Those read in this build (not from the cache) and not taken yet, by path."""
        return [self.results[source] for source in sorted(self.fresh) if source in self.results]


def of_context(context: dict, kind: str) -> ReadAhead | None:
    """The ReadAhead of a generator kind ("ArticlesGenerator"), if fast_build made one."""
    return context.get(CONTEXT_KEY, {}).get(kind)


def read_ahead(generator, cache_folder: Path | None, workers: int, parallel_from: int, progress):
    """Read every source ahead into a ReadAhead, given to the generator's Markdown reader
    and kept in the context; returns the ReadCache, to be saved once Pelican has taken them."""
    reader = generator.readers.readers.get("md")
    cache = ReadCache(cache_folder)
    if not isinstance(reader, CheckedMarkdownReader):
        return cache
    ahead = ReadAhead()
    generator.context.setdefault(CONTEXT_KEY, {})[type(generator).__name__] = ahead
    reader.use_read_ahead(ahead)
    settings = generator.settings
    shared = {SHARED: settings}
    content_root = Path(settings["PATH"])

    def exists(relative):
        return (content_root / relative).is_file()

    misses = []
    for source in _sources(generator, reader):
        try:
            stat = _signature(source)
        except OSError:  # a link to nothing: Pelican's own loop reads it, and reports it
            continue
        if not cache.knows(source):  # new (all of them in a cold build): hashed where read
            misses.append((source, None, stat))
            continue
        file_hash = cache.known_digest(source, stat) or file_digest(Path(source).read_bytes())
        stored = cache.get(source, file_hash, exists)
        if stored is None:
            misses.append((source, file_hash, stat))
        else:
            ahead.results[source] = forking.loads(stored, shared)
    progress.add_total("read", len(misses))

    many = workers > 1 and len(misses) >= parallel_from
    step = workers if many else 1  # the parent reads one share and stands for the others

    def read_one(item):
        source, file_hash, stat = item
        try:
            if file_hash is None:
                file_hash = file_digest(Path(source).read_bytes())
            content, metadata = reader.read(source)
        except Exception:  # Pelican's own loop reads it again, and reports it
            return None
        finally:
            progress.advance("read", step)
        problems = reader.problems.pop(source, [])
        _compute_slugs(metadata)
        result = forking.dumps((content, metadata, problems), shared)
        card = card_digest(content, metadata)
        return source, file_hash, reader.file_checks, result, card, stat

    results = forking.fork_map(read_one, misses, workers) if many else map(read_one, misses)
    for result in results:
        if result is not None:
            source, file_hash, checks, stored, card, stat = result
            cache.put(source, file_hash, checks, stored, card, stat)
            ahead.results[source] = forking.loads(stored, shared)
            ahead.fresh.add(source)
    return cache


def _sources(generator, reader) -> list[str]:
    prefix = "ARTICLE" if isinstance(generator, ArticlesGenerator) else "PAGE"
    files = generator.get_files(
        generator.settings[f"{prefix}_PATHS"],
        exclude=generator.settings[f"{prefix}_EXCLUDES"],
        extensions=reader.file_extensions,
    )
    return sorted(os.path.abspath(os.path.join(generator.path, name)) for name in files)


def _signature(source: str) -> tuple:
    status = os.stat(source)
    return (status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino)


def card_digest(content: str, metadata: dict) -> str:
    """What lists and similar-article entries can show of an article: its metadata, and
    its text only when the summary is made from it (no summary given). Editing the body
    of an article with a lead changes its own page, not the lists it is in."""
    fields = sorted((name, _plain(value)) for name, value in metadata.items())
    return digest(repr(fields), "" if "summary" in metadata else content)


def _plain(value):
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    if hasattr(value, "slug") and hasattr(value, "name"):  # a tag, category, author
        return f"{type(value).__name__}:{value.name}"
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return str(value)


def _compute_slugs(metadata: dict) -> None:
    """Tags and categories work out their slug on first use; done before pickling, each
    build that loads them from the cache is spared it."""
    for value in metadata.values():
        for item in value if isinstance(value, list) else [value]:
            if hasattr(item, "_slug") and hasattr(item, "slug"):
                item.slug  # noqa: B018 - the property stores it
