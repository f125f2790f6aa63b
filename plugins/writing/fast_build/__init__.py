"""Fast builds: a read cache keyed on file contents, reading and rendering on all cores,
and rendering only the pages whose inputs changed (docs/build-speed.md).

Settings: FAST_BUILD (True; False builds as Pelican does), BUILD_WORKERS (processes;
default: the machine's cores), BUILD_PARALLEL_FROM (files from which a build forks; 500),
CACHE_PATH (where the read cache and the page manifests are kept).
"""

from __future__ import annotations

import atexit
import contextlib
import gc
import os
import shutil
import signal
import sys
from pathlib import Path

import patches
from article_lists import EVERY, PAGES
from patches.pelican_content_urls import keep_urls, kept_urls
from pelican import signals
from pelican.generators import ArticlesGenerator, PagesGenerator, TemplatePagesGenerator

from . import forking
from . import read_ahead as reading_ahead
from .digests import digest, settings_digest
from .journal import OutputJournal, recover
from .plan import Plan, code_digest
from .progress import Progress
from .store import KeptUrls
from .writer import FastWriter

__all__ = ["register", "roll_back_unfinished"]

DEFAULT_SETTINGS = {
    "FAST_BUILD": True,
    "BUILD_WORKERS": os.cpu_count() or 1,
    "BUILD_PARALLEL_FROM": 500,
}
# Settings that do not change what is read or what a page holds (the page manifest is kept
# per output folder): a publication built into a staging folder uses the same read cache,
# and the preview (tools/devserver.py) that of `make html`, whose command line sets DEBUG.
VOLATILE = {"OUTPUT_PATH", "DEBUG"}
KEEP_CACHES = 12  # read caches (one per settings) and page manifests (one per output folder)


def _is_split(generator) -> bool:
    """Whether a generator's pages are split between processes: those that only write
    through the writer (Pelican's, and a plugin's that says so with SPLIT_OUTPUT). The
    others (static files, search, sitemap) run in the main process only."""
    pelicans = (ArticlesGenerator, PagesGenerator, TemplatePagesGenerator)
    return isinstance(generator, pelicans) or getattr(generator, "SPLIT_OUTPUT", False)


class Build:
    """The state of one build, from Pelican's initialized signal to finalized."""

    def __init__(self, settings):
        self.settings = settings
        self.enabled = settings["FAST_BUILD"]
        self.workers = max(1, int(settings["BUILD_WORKERS"]))
        self.parallel_from = settings["BUILD_PARALLEL_FROM"]
        self.cache_root = Path(settings["CACHE_PATH"]).resolve() / "fast_build"
        self.settings_digest = settings_digest(settings, VOLATILE)
        self.progress = Progress()
        self.read_caches = {}
        self.source_digests: dict[str, tuple[str, str]] = {}  # source: (file, card) digests
        self.generators = []
        self.plan = None
        self.children = []  # (pid, result file) of the processes writing the other shares
        self.kept_urls = KeptUrls(self.cache_folder("urls").with_suffix(".pickle"))
        self.journal = None  # OutputJournal, from the first file written to the end

    def cache_folder(self, name: str) -> Path:
        return self.cache_root / f"{name}-{digest(self.settings_digest, code_digest())}"


def _prune(folder: Path, pattern: str) -> None:
    """Keep the KEEP_CACHES files of the pattern used last."""
    for old in sorted(folder.glob(pattern), key=_modified)[:-KEEP_CACHES]:
        if old.is_dir():
            shutil.rmtree(old, ignore_errors=True)
        else:
            old.unlink(missing_ok=True)


def _modified(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


BUILD: dict[str, Build] = {}
_EXIT_HOOK = []
_ROLLBACK_HOOK = []


def start(pelican_object):
    for key, value in DEFAULT_SETTINGS.items():
        pelican_object.settings.setdefault(key, value)
    roll_back_unfinished()  # a build of this process that failed while writing
    recover(Path(pelican_object.settings["OUTPUT_PATH"]))  # ...or of one that was killed
    forking.remove_abandoned()  # (and that killed build's worker folders)
    BUILD["current"] = Build(pelican_object.settings)
    if pelican_object.settings["FAST_BUILD"]:
        patches.install_all()  # plugins/patches: the same results for less work
        _pause_garbage_collection()
    else:
        patches.restore_all()  # the libraries as they ship


def _pause_garbage_collection():
    """Python's cycle collector walks the whole heap again and again while ten thousand
    articles are read into it, and once more at exit: off while reading, then what was
    read is frozen (never walked again); thawed at the end of a build, so that a
    long-running preview frees each build's objects, and frozen again at exit."""
    gc.unfreeze()  # what an earlier build that failed left frozen can be freed again
    gc.disable()
    if not _EXIT_HOOK:
        atexit.register(gc.freeze)
        _EXIT_HOOK.append(True)


def _resume_garbage_collection(generator):
    gc.freeze()
    gc.enable()


def read_ahead(generator):
    build = BUILD.get("current")
    if build is None or not build.enabled or not getattr(generator, "READS_SOURCES", True):
        return  # a generator may say it reads no source (an edition's is handed its articles)
    kind = type(generator).__name__
    cache = reading_ahead.read_ahead(
        generator, build.cache_folder(kind), build.workers, build.parallel_from, build.progress
    )
    build.read_caches[kind] = cache
    build.source_digests.update(cache.digests())


def save_read_cache(generator):
    build = BUILD.get("current")
    cache = build and build.read_caches.pop(type(generator).__name__, None)
    if cache is not None:
        cache.save()
        _prune(build.cache_root, "*Generator-*")


def keep_content_urls(content):
    """Once made, an article's or page's URL and file name are kept
    (patches/pelican_content_urls.py); those of the last build come back if the article's
    metadata is the same."""
    build = BUILD.get("current")
    if build is None or not build.enabled or type(content).__name__ not in ("Article", "Page"):
        return
    digests = build.source_digests.get(content.source_path)
    keep_urls(content, digests and build.kept_urls.get(content.source_path, digests[1]))


def _save_urls(build) -> None:
    current = {}
    for generator in build.generators:
        for name in (*EVERY, *PAGES):
            for content in getattr(generator, name, []):
                digests = build.source_digests.get(content.source_path)
                memo = kept_urls(content)
                if digests and memo:
                    current[content.source_path] = (digests[1], dict(memo))
    build.kept_urls.save(current)


def remember_generators(generators):
    build = BUILD.get("current")
    if build is not None:
        build.generators = list(generators)


def make_writer(pelican_object):
    build = BUILD.get("current")
    if build is None or not build.enabled:
        return None
    build.journal = _begin_journal(build)
    build.plan = plan = Plan(build)
    split = [g for g in build.generators if _is_split(g)]
    articles = sum(len(getattr(g, "articles", [])) for g in split)
    count = build.workers if articles >= build.parallel_from else 1
    build.children = [_start_child(build, split, (number, count)) for number in range(1, count)]
    for generator in split:
        _mark_split(generator)
    return FastWriter.of_build(plan, (0, count), build.journal)


def _begin_journal(build) -> OutputJournal:
    """From here on every file written into the output is journaled (journal.py): the
    pages and feeds by the writer, the static files and the theme's here, before Pelican
    copies them (it copies them all at each build)."""
    settings = build.settings
    output = Path(settings["OUTPUT_PATH"])
    journal = OutputJournal(output).begin()
    if not _ROLLBACK_HOOK:
        atexit.register(roll_back_unfinished)
        _ROLLBACK_HOOK.append(True)
    for generator in build.generators:
        for static in getattr(generator, "staticfiles", []):
            journal.before_write(output / static.save_as)
    for relative in settings["THEME_STATIC_PATHS"]:
        source = Path(settings["THEME"]) / relative
        files = sorted(source.rglob("*")) if source.is_dir() else [source]
        for path in files:
            if path.is_file():
                inside = path.relative_to(source) if source.is_dir() else path.name
                journal.before_write(output / settings["THEME_STATIC_DIR"] / inside)
    return journal


def roll_back_unfinished() -> None:
    """A build that raised after it began writing (or a process that exits in the
    middle of one) leaves the output as the last good build made it."""
    build = BUILD.pop("current", None)
    if build is not None and build.journal is not None:
        for pid, result_file in build.children:  # none may write after the rollback
            with contextlib.suppress(ProcessLookupError, ChildProcessError):
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
            shutil.rmtree(os.path.dirname(result_file), ignore_errors=True)
        build.journal.rollback()
        print(
            f"The build failed while writing: {build.settings['OUTPUT_PATH']} holds the "
            "last good site again.",
            file=sys.stderr,
        )


def _mark_split(generator):
    original = generator.generate_output

    def generate_output(writer):
        writer.splitting = True
        try:
            original(writer)
        finally:
            writer.splitting = False

    generator.generate_output = generate_output


def _start_child(build, split, share):
    """Fork a process that renders one share of the split generators' pages."""
    folder = forking.scratch_folder("fast-build")
    result_file = os.path.join(folder, "records")
    settings = build.settings

    def render_share():
        writer = FastWriter(
            settings["OUTPUT_PATH"],
            settings,
            build.plan,
            share=share,
            journal=build.journal,
        )
        writer.splitting = True
        for generator in split:
            generator.generate_output(writer)
        return writer.records

    return forking.start(render_share, result_file), result_file


def finish(pelican_object):
    gc.unfreeze()
    build = BUILD.pop("current", None)
    if build is None or build.plan is None:
        return
    try:
        for pid, result_file in build.children:
            build.plan.manifest.merge(forking.collect(pid, result_file))
    finally:
        for _, result_file in build.children:
            shutil.rmtree(os.path.dirname(result_file), ignore_errors=True)
    build.plan.manifest.remove_stale(build.journal.remove)
    build.plan.manifest.save()
    _save_urls(build)
    _prune(build.cache_root, "pages-*.pickle")
    _prune(build.cache_root, "urls-*.pickle")
    build.journal.commit()
    build.progress.finish()


def register():
    signals.initialized.connect(start)
    signals.article_generator_init.connect(read_ahead)
    signals.page_generator_init.connect(read_ahead)
    signals.article_generator_finalized.connect(save_read_cache)
    signals.article_generator_finalized.connect(_resume_garbage_collection)
    signals.page_generator_finalized.connect(save_read_cache)
    signals.content_object_init.connect(keep_content_urls)
    signals.all_generators_finalized.connect(remember_generators)
    signals.get_writer.connect(make_writer)
    signals.finalized.connect(finish)
