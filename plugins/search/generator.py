"""Writes the search index into the output, after the pages.

The index is built by tools/search/index_builder.cjs (Node), from the published articles,
newest first: a manifest, the words files (terms in sorted order with their postings),
the facets, the names and a file per article for what its result shows. The words are
made by theme/static/js/search-text.js with @orama/stemmers (installed from package.json by
`make install`), the same code as the search page runs; the stemmers are written next to
the index as stemmers.js. The index is kept in CACHE_PATH under a digest of its input and
of the builder, so that a rebuild with no article changed runs no Node (SEARCH_INDEX_CACHE).
"""

from __future__ import annotations

import atexit
import filecmp
import hashlib
import json
import os
import shutil
import signal
import subprocess
import tempfile
import threading
from pathlib import Path
from typing import NamedTuple

from fast_build import forking
from pelican.generators import Generator

from .documents import TextCache, search_document

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


# Node runs not finished yet, and the temporary folder of each index being built (with its
# thread): a build that fails before writing the index leaves them to _clean_up_at_exit.
_RUNNING: dict[int, tuple] = {}
_BUILDS: dict[Path, threading.Thread] = {}
_EXITING = threading.Event()
_OWNER = [os.getpid()]  # the process that started them (forked workers leave them alone)
_AHEAD: dict[int, str] = {}  # processes making texts ahead: pid -> their temporary folder


class SearchIndexGenerator(Generator):
    """Builds the index in a background thread (its Node processes use the other core),
    started once the articles are read, and puts it into the output at the end."""

    _work = None  # (thread, temporary folder, [error]) once start() has run
    _ahead = None  # (pid, temporary folder) of the process making texts ahead, or ()
    latest = None  # the instance of the build running now

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        previous, SearchIndexGenerator.latest = SearchIndexGenerator.latest, self
        if previous is not None and previous._work is not None:  # its build failed
            thread, folder, _ = previous._work
            thread.join()
            shutil.rmtree(folder, ignore_errors=True)
            _BUILDS.pop(folder, None)
            previous._work = None

    def make_texts_ahead(self, read_ahead) -> None:
        """Turn the articles that fast_build has just read (its ReadAhead's fresh results;
        not those from its cache: their texts are kept from the last build) into plain text
        in a forked process, once a build: Pelican then makes the articles on one core only.
        A text made from other HTML than the article ends up with (a link rewritten) is made
        again when needed."""
        if self._ahead is not None or self._work is not None:
            return
        self._ahead = ()
        read = read_ahead.fresh_results() if read_ahead is not None else []
        if not read or len(read) < self.settings.get("SEARCH_TEXTS_AHEAD_FROM", 500):
            return
        htmls = [  # of each (content, metadata, problems): the body, the title and the lead
            html
            for content, metadata, _ in read
            for html in (content, metadata.get("title"), metadata.get("summary"))
            if html
        ]
        cache = self._cache_folder()
        folder = tempfile.mkdtemp(prefix="search-texts-")
        _OWNER[0] = os.getpid()
        pid = forking.start(
            lambda: TextCache(cache / "texts" if cache else None).texts_ahead(htmls),
            os.path.join(folder, "texts"),
        )
        _AHEAD[pid] = folder
        self._ahead = (pid, folder)

    def _texts_made_ahead(self) -> dict:
        if not self._ahead:
            return {}
        pid, folder = self._ahead
        try:
            return forking.collect(pid, os.path.join(folder, "texts"))
        except forking.WorkerError:
            return {}  # made here instead
        finally:
            _AHEAD.pop(pid, None)
            shutil.rmtree(folder, ignore_errors=True)

    def _cache_folder(self) -> Path | None:
        if not self.settings.get("SEARCH_INDEX_CACHE"):
            return None
        content = hashlib.sha256(str(Path(self.settings["PATH"]).resolve()).encode())
        folder = Path(self.settings["CACHE_PATH"]).resolve() / "search-index"
        return folder / content.hexdigest()[:16]

    def start(self):
        articles = sorted(
            [*self.context.get("articles", []), *self.context.get("translations", [])],
            key=lambda article: (article.date, article.slug),
            reverse=True,
        )
        cache = self._cache_folder()  # one per content folder
        texts = TextCache(cache / "texts" if cache else None)
        texts.made = self._texts_made_ahead()
        documents = [self._document(a, texts) for a in articles]
        texts.save()
        parts = [index_part(documents)]
        parts_cache = cache / "parts" if cache else None
        started = {}
        folder = Path(tempfile.mkdtemp(prefix="search-index-"))
        errors = []
        to_build = missing_parts(parts, parts_cache)
        if to_build and shutil.which("node") and LIBRARY.exists():
            started[to_build[0].key] = start_node(shutil.which("node"), to_build[0])

        def build():
            try:
                build_index(documents, folder / "search", parts_cache, parts, started)
            except Exception as error:
                errors.append(error)

        thread = threading.Thread(target=build, name="search-index", daemon=True)
        _BUILDS[folder] = thread
        thread.start()
        self._work = (thread, folder, errors)

    def generate_output(self, writer):
        if self._work is None:
            self.start()
        thread, folder, errors = self._work
        thread.join()
        self._work = None
        try:
            if errors:
                raise errors[0]
            (folder / "search" / "stemmers.js").write_text(stemmers_script(), encoding="utf-8")
            target = Path(self.output_path) / self.settings["SEARCH_INDEX_DIR"]
            update_folder(folder / "search", target, getattr(writer, "journal", None))
        finally:
            shutil.rmtree(folder, ignore_errors=True)
            _BUILDS.pop(folder, None)

    def _document(self, article, texts) -> dict:
        document = search_document(
            title=article.title,
            url=article.url,
            date=article.locale_date,  # the date as pages show it (Pelican made it)
            datetime=article.date.isoformat(),
            category=article.category.name if getattr(article, "category", None) else "",
            tags=[tag.name for tag in getattr(article, "tags", [])],
            actors=[actor.name for actor in getattr(article, "actors", [])],
            lead_html=article.metadata.get("summary") or article.summary,
            # The HTML as read: only link targets differ from article.content (Pelican
            # rewrites them for each page), and the search keeps the text only.
            body_html=article._content,
            text_of=texts,
        )
        return {**document, "year": article.date.year, "lang": article.lang}


class Part(NamedTuple):
    """One run of the Node builder."""

    key: str  # digest of the input and of the builder: the part's name in the cache
    mode: str
    data: list
    number: int


def plan_parts(documents: list[dict]) -> list[Part]:
    return [index_part(documents)]


def index_part(documents: list[dict]) -> Part:
    """The whole index: one run of the builder over every document, newest first."""
    return Part(_part_key("index", documents, 0), "index", documents, 0)


def missing_parts(parts: list[Part], cache: Path | None) -> list[Part]:
    return [part for part in parts if cache is None or not (cache / part.key).is_dir()]


def build_index(
    documents: list[dict],
    target: Path,
    cache: Path | None = None,
    parts: list[Part] | None = None,
    started: dict | None = None,
) -> None:
    """Write the index into target: the parts not in the cache through Node (one run per
    part; `started` holds runs already under way, by key), the others linked from the
    cache; a missing Node.js or MiniSearch is explained."""
    node = find_node()
    parts = plan_parts(documents) if parts is None else parts
    started = {} if started is None else started
    to_build = missing_parts(parts, cache)
    try:
        for number, part in enumerate(to_build):  # first: cached parts are linked meanwhile
            work = finish_node(started.pop(part.key, None) or start_node(node, part))
            if number + 1 < len(to_build):  # the next part runs while this one is stored
                upcoming = to_build[number + 1]
                started.setdefault(upcoming.key, start_node(node, upcoming))
            _keep_part(work, target, cache / part.key if cache is not None else None)
    finally:
        for handle in started.values():  # left by a part that failed
            _abandon(handle)
    built = {part.key for part in to_build}
    for part in parts:
        if part.key not in built:
            stored = cache / part.key
            shutil.copytree(stored, target, dirs_exist_ok=True, copy_function=_link_or_copy)
    if cache is not None:  # parts of earlier builds that this one did not use
        used = {part.key for part in parts}
        cache.mkdir(parents=True, exist_ok=True)
        for stale in cache.iterdir():
            if stale.is_dir() and stale.name not in used:
                shutil.rmtree(stale, ignore_errors=True)


def _keep_part(work: Path, target: Path, stored: Path | None) -> None:
    """A part Node built: into the cache (moved), and linked from there into target."""
    try:
        if stored is not None and not stored.exists():
            stored.parent.mkdir(parents=True, exist_ok=True)
            os.replace(work, stored)
        source = stored if stored is not None and stored.exists() else work
        shutil.copytree(source, target, dirs_exist_ok=True, copy_function=_link_or_copy)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def find_node() -> str:
    node = shutil.which("node")
    if node is None or not LIBRARY.exists():
        raise SearchIndexError(
            "the search index needs Node.js and @orama/stemmers: run 'make install' "
            "(it runs 'npm ci'), or install Node.js 18 or newer first."
        )
    return node


def start_node(node: str, part: Part):
    """Start the builder on one part, into a folder of its own; finish_node waits."""
    if _EXITING.is_set():
        raise SearchIndexError("the build ended before the search index was written")
    work = Path(tempfile.mkdtemp(prefix="search-part-"))
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8", delete=False) as source:
        # dumps, not dump: only a one-shot encoding uses the C encoder (10 times quicker)
        source.write(json.dumps(part.data, ensure_ascii=False))
    command = [node, *NODE_FLAGS, str(BUILDER), source.name, str(work)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _OWNER[0] = os.getpid()
    _RUNNING[process.pid] = (process, work, source.name)
    return _RUNNING[process.pid]


def finish_node(handle) -> Path:
    process, work, source = handle
    _, errors = process.communicate()
    _RUNNING.pop(process.pid, None)
    os.unlink(source)
    if process.returncode != 0:
        shutil.rmtree(work, ignore_errors=True)
        raise SearchIndexError(f"building the search index failed:\n{errors}")
    return work


def _abandon(handle) -> None:
    process, work, source = handle
    process.kill()
    process.communicate()
    _RUNNING.pop(process.pid, None)
    Path(source).unlink(missing_ok=True)
    shutil.rmtree(work, ignore_errors=True)


@atexit.register
def _clean_up_at_exit() -> None:
    if os.getpid() != _OWNER[0]:
        return
    _EXITING.set()  # no new Node run starts
    for process, _, _ in list(_RUNNING.values()):
        process.kill()  # the build thread waiting on it stops
    for folder, thread in list(_BUILDS.items()):
        thread.join(timeout=60)
        shutil.rmtree(folder, ignore_errors=True)
    for handle in list(_RUNNING.values()):
        _abandon(handle)
    for pid, folder in list(_AHEAD.items()):
        _stop(pid)
        shutil.rmtree(folder, ignore_errors=True)
        _AHEAD.pop(pid)


def _stop(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    except (ProcessLookupError, ChildProcessError):
        pass


def _part_key(mode: str, data: list[dict], number: int) -> str:
    """A digest of a part's input, field by field (quicker than of its JSON)."""
    hasher = hashlib.sha256(f"{_builder_digest()}\0{mode}\0{number}".encode())
    for item in data:
        for name in sorted(item):
            hasher.update(f"\0{name}\0{item[name]}".encode("utf-8", "surrogatepass"))
        hasher.update(b"\1")
    return hasher.hexdigest()


def _link_or_copy(source, target) -> None:
    """A hard link where the cache and the target share a file system (no bytes copied;
    update_folder then writes new files into the output, never through the link)."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


_BUILDER = {}


def _builder_digest() -> str:
    """The builder's code and the stemmers' version: a cached part is valid for these."""
    if "digest" not in _BUILDER:
        hasher = hashlib.sha256()
        for path in (BUILDER, WORDS, STEMMERS / "package.json"):
            hasher.update(path.read_bytes() if path.exists() else b"")
        _BUILDER["digest"] = hasher.hexdigest()
    return _BUILDER["digest"]


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


def stemmers_script() -> str:
    """@orama/stemmers' English and Russian stemmers (CommonJS files) as one script for the
    search page: window.SiteStemmers = {en, ru}."""
    parts = ["(function () {", '  "use strict";', "  var loaded = {};"]
    for language in ("en", "ru"):
        code = (STEMMERS / "dist" / f"{language}.cjs").read_text(encoding="utf-8")
        parts.append(f"  (function (exports) {{\n{code}\n  }})(loaded.{language} = {{}});")
    parts.append("  window.SiteStemmers = { en: loaded.en.stemmer, ru: loaded.ru.stemmer };")
    parts.append("})();")
    return "\n".join(parts) + "\n"
