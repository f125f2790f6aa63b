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
_BUILDS: dict[threading.Thread, Path | None] = {}  # with its own folder, if not a store's
_EXITING = threading.Event()
_OWNER = [os.getpid()]  # the process that started them (forked workers leave them alone)
_AHEAD: dict[int, str] = {}  # processes making texts ahead: pid -> their temporary folder


class SearchIndexGenerator(Generator):
    """Builds the index in a background thread (its Node processes use the other core),
    started once the articles are read, and puts it into the output at the end."""

    _work = None  # (thread, store, key, [result], [error]) once start() has run
    _ahead = None  # (pid, temporary folder) of the process making texts ahead, or ()
    latest = None  # the instance of the build running now

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        previous, SearchIndexGenerator.latest = SearchIndexGenerator.latest, self
        if previous is not None and previous._work is not None:  # its build failed
            thread = previous._work[0]
            thread.join()
            _forget_build(thread)
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
        articles = sorted(  # oldest first: a new article is numbered last (index_builder.cjs)
            [*self.context.get("articles", []), *self.context.get("translations", [])],
            key=lambda article: (article.date, article.slug),
        )
        cache = self._cache_folder()  # one per content folder
        texts = TextCache(cache / "texts" if cache else None)
        texts.made = self._texts_made_ahead()
        source = json.dumps([self._document(a, texts) for a in articles], ensure_ascii=False)
        texts.save()
        store = IndexStore(cache / "index") if cache else None
        key = hashlib.sha256(f"{_builder_digest()}\0{source}".encode()).hexdigest()
        errors, results = [], []
        if store is not None and store.built_from() == key:
            thread = threading.Thread(target=lambda: None)  # the index is as this build wants it
            folder = None
        else:
            folder = store.files if store else Path(tempfile.mkdtemp(prefix="search-index-"))
            if store:
                store.forget()  # until this run succeeds, the files are not known to be right
            handle = start_node(find_node(), Run(key, source, folder, store))

            def build():
                try:
                    results.append(finish_node(handle))
                except Exception as error:
                    errors.append(error)

            thread = threading.Thread(target=build, name="search-index", daemon=True)
        _BUILDS[thread] = folder if store is None else None
        thread.start()
        self._work = (thread, store, key, results, errors)

    def generate_output(self, writer):
        if self._work is None:
            self.start()
        thread, store, key, results, errors = self._work
        thread.join()
        self._work = None
        if errors:
            _forget_build(thread)
            raise errors[0]
        target = Path(self.output_path) / self.settings["SEARCH_INDEX_DIR"]
        journal = getattr(writer, "journal", None)
        if store is None:
            (folder, result) = results[0]
            try:
                _write_if_changed(folder / "stemmers.js", stemmers_script())
                update_folder(folder, target, journal)
            finally:
                _forget_build(thread)
            return
        _write_if_changed(store.files / "stemmers.js", stemmers_script())
        result = results[0][1] if results else None
        digest = result["digest"] if result else store.index_digest()
        if result and store.written_to(target) == store.index_digest() and target.is_dir():
            apply_changes(store.files, target, result, journal)  # the changed files only
        elif store.written_to(target) != digest or not (target / "manifest.js").is_file():
            update_folder(store.files, target, journal)
        _write_if_changed(target / "stemmers.js", stemmers_script(), journal)
        if result:
            store.built(key, digest)
        store.wrote(target, digest)
        _forget_build(thread)

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


class Run(NamedTuple):
    """One run of the Node builder: its input (the documents as JSON), where it writes, and
    the store whose state it updates (None: a folder of its own, every file written)."""

    key: str  # digest of the input and of the builder
    source: str
    folder: Path
    store: IndexStore | None


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


def find_node() -> str:
    node = shutil.which("node")
    if node is None or not LIBRARY.exists():
        raise SearchIndexError(
            "the search index needs Node.js and @orama/stemmers: run 'make install' "
            "(it runs 'npm ci'), or install Node.js 18 or newer first."
        )
    return node


def start_node(node: str, run: Run):
    """Start the builder on run; finish_node waits for it."""
    if _EXITING.is_set():
        raise SearchIndexError("the build ended before the search index was written")
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8", delete=False) as source:
        source.write(run.source)
    command = [node, *NODE_FLAGS, str(BUILDER), source.name, str(run.folder)]
    if run.store is not None:
        command.append(str(run.store.state))
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _OWNER[0] = os.getpid()
    _RUNNING[process.pid] = (process, run.folder, source.name, run.store is None)
    return _RUNNING[process.pid]


def finish_node(handle) -> tuple[Path, dict]:
    """(the folder written, what the builder says it changed and removed)"""
    process, folder, source, own_folder = handle
    output, errors = process.communicate()
    _RUNNING.pop(process.pid, None)
    os.unlink(source)
    if process.returncode != 0:
        if own_folder:
            shutil.rmtree(folder, ignore_errors=True)
        raise SearchIndexError(f"building the search index failed:\n{errors}")
    return folder, json.loads(output)


def _abandon(handle) -> None:
    process, folder, source, own_folder = handle
    process.kill()
    process.communicate()
    _RUNNING.pop(process.pid, None)
    Path(source).unlink(missing_ok=True)
    if own_folder:
        shutil.rmtree(folder, ignore_errors=True)


@atexit.register
def _clean_up_at_exit() -> None:
    if os.getpid() != _OWNER[0]:
        return
    _EXITING.set()  # no new Node run starts
    for process, *_ in list(_RUNNING.values()):
        process.kill()  # the build thread waiting on it stops
    for thread in list(_BUILDS):
        thread.join(timeout=60)
        _forget_build(thread)
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


def _write_if_changed(path: Path, text: str, journal=None) -> None:
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    if journal:
        journal.before_write(path)
    path.write_text(text, encoding="utf-8")


def _forget_build(thread) -> None:
    folder = _BUILDS.pop(thread, None)
    if folder is not None:
        shutil.rmtree(folder, ignore_errors=True)
