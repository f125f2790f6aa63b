"""Fast builds: a read cache keyed on file contents, reading and rendering on all cores,
and rendering only the pages whose inputs changed (docs/build-speed.md).

Settings: FAST_BUILD (True; False builds as Pelican does), BUILD_WORKERS (processes;
default: the machine's cores), BUILD_PARALLEL_FROM (files from which a build forks; 500),
CACHE_PATH (where the read cache and the page manifests are kept).
"""

from __future__ import annotations

import atexit
import gc
import os
import shutil
import tempfile
from pathlib import Path

import jinja2
import pelican
import pelican.generators
from pelican import signals
from pelican.contents import Content
from pelican.generators import (
    ArticlesGenerator,
    PagesGenerator,
    TemplatePagesGenerator,
)
from pelican.urlwrappers import URLWrapper

from . import forking, reading
from .digests import digest, files_digest, settings_digest
from .fingerprints import Digester, TemplateReads
from .manifest import OutputManifest
from .progress import Progress
from . import speedups
from .speedups import keep_urls, linear_period_archives, linear_taxonomy_pages
from .store import file_digest
from .writer import FastWriter

__all__ = ["register"]

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_SETTINGS = {
    "FAST_BUILD": True,
    "BUILD_WORKERS": os.cpu_count() or 1,
    "BUILD_PARALLEL_FROM": 500,
}
# Settings that do not change what is read or what a page holds (the page manifest is kept
# per output folder): a publication built into a staging folder uses the same read cache.
VOLATILE = {"OUTPUT_PATH"}
KEEP_CACHES = 12  # read caches (one per settings) and page manifests (one per output folder)
LINK_MARKERS = ("{filename}", "|filename|", "{static}", "{attach}", "{index}", "{category}",
                "{tag}", "{author}", "{actor}")


def _split_generators():
    """Generators whose pages are split between processes: they only write through the
    writer (the actors plugin's too). The others (static files, search, sitemap) run in
    the main process only."""
    from actors.generator import ActorsGenerator

    return (ArticlesGenerator, PagesGenerator, TemplatePagesGenerator, ActorsGenerator)


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
        self.child = None  # (pid, result file) of the process writing the other share

    def cache_folder(self, name: str) -> Path:
        return self.cache_root / f"{name}-{digest(self.settings_digest, _code_digest())}"


class Plan:
    """What the writer needs to tell whether a page changed."""

    def __init__(self, build: Build):
        settings = build.settings
        self.build = build
        self.progress = build.progress
        registry = Path(settings["PATH"]) / settings.get("ACTORS_REGISTRY", "actors.yml")
        self.site = digest(build.settings_digest, _code_digest(), files_digest([registry]))
        output = str(Path(settings["OUTPUT_PATH"]).resolve())
        self.manifest = OutputManifest(build.cache_root / f"pages-{digest(output)}.pickle", output)
        self.digester = Digester([(Content, self._card), (URLWrapper, _wrapper)])
        self._reads = {}
        self._wholes = {}
        self._everything = None

    def reads(self, template):
        environment = template.environment
        if id(environment) not in self._reads:
            self._reads[id(environment)] = (environment, TemplateReads(environment))
        return self._reads[id(environment)][1].of(template.name)

    def manifest_unchanged(self, name, fingerprint, path) -> bool:
        return self.manifest.unchanged(name, fingerprint, path)

    def subject_digest(self, content) -> str:
        """A page's own content: with its translations and similar articles."""
        parts = [self.whole(content)]
        parts += [self.digester.of(translation) for translation in content.translations]
        for entry in getattr(content, "similar_articles", None) or []:
            parts.append(
                digest(
                    self.digester.of(entry.article),
                    *(self.digester.of(item) for item in entry.shared),
                    f"{entry.pinned}{entry.fallback}",
                )
            )
        return digest(*parts)

    def feed_fingerprint(self, path, url, feed_type, title, items) -> str | None:
        """Feeds carry each article whole."""
        return digest(self.site, str(path), str(url), feed_type, str(title), *map(self.whole, items))

    def whole(self, content) -> str:
        """An article with its text: its source file, status, whether it is scheduled;
        with every other page too if it links to them ({filename}...), as their addresses
        are written into it."""
        known = self._wholes.get(id(content))
        if known is None or known[0] is not content:
            known = (content, self._with_links(content, self._source_card(content, whole=True)))
            self._wholes[id(content)] = known
        return known[1]

    def _card(self, content, digester) -> str:
        """An article as lists and similar-article entries show it (see reading.py)."""
        return self._with_links(content, self._source_card(content, whole=False))

    def _with_links(self, content, own: str) -> str:
        text = f"{getattr(content, '_content', '')}{content.metadata.get('summary', '')}"
        if any(marker in text for marker in LINK_MARKERS):
            return digest(own, self._everything_digest())
        return own

    def _source_card(self, content, whole: bool) -> str:
        source = content.source_path
        if source not in self.build.source_digests:  # not read by our reader
            with open(source, "rb") as handle:
                data = file_digest(handle.read())
            self.build.source_digests[source] = (data, data)
        return digest(
            type(content).__name__,
            source,
            self.build.source_digests[source][0 if whole else 1],
            str(getattr(content, "status", "")),
            str(getattr(content, "scheduled", "")),
        )

    def _everything_digest(self) -> str:
        if self._everything is None:
            context = self.build.generators[0].context if self.build.generators else {}
            contents = [*context.get("generated_content", {}).values(),
                        *context.get("static_content", {}).values()]
            self._everything = digest(
                *sorted(self._source_card(c, True) for c in contents if isinstance(c, Content))
            )
        return self._everything


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


def _wrapper(value, digester=None) -> str:
    """A tag, category or actor: its name and slug, and an actor's kind and description."""
    return digest(
        type(value).__name__,
        value.name,
        value.slug,
        str(getattr(value, "kind", "")),
        str(getattr(value, "description", "")),
    )


_CODE = {}


def _code_digest() -> str:
    """Our plugins' code and the versions of what renders the pages."""
    if "digest" not in _CODE:
        _CODE["digest"] = digest(
            files_digest([ROOT / "plugins"]), pelican.__version__, jinja2.__version__
        )
    return _CODE["digest"]


BUILD: dict[str, Build] = {}
_PELICAN_PROCESS_TRANSLATIONS = pelican.generators.process_translations
_EXIT_HOOK = []


def start(pelican_object):
    for key, value in DEFAULT_SETTINGS.items():
        pelican_object.settings.setdefault(key, value)
    BUILD["current"] = Build(pelican_object.settings)
    fast = pelican_object.settings["FAST_BUILD"]
    # Pelican's generators call it by this name; the same result, without a quadratic scan
    pelican.generators.process_translations = (
        speedups.process_translations if fast else _PELICAN_PROCESS_TRANSLATIONS
    )
    if fast:
        _pause_garbage_collection()


def _pause_garbage_collection():
    """Python's cycle collector walks the whole heap again and again while ten thousand
    articles are read into it, and once more at exit: off while reading, then what was
    read is frozen (never walked again); thawed at the end of a build, so that a
    long-running preview frees each build's objects, and frozen again at exit."""
    gc.disable()
    if not _EXIT_HOOK:
        atexit.register(gc.freeze)
        _EXIT_HOOK.append(True)


def _resume_garbage_collection(generator):
    gc.freeze()
    gc.enable()


def read_ahead(generator):
    build = BUILD.get("current")
    if build is None or not build.enabled:
        return
    if isinstance(generator, ArticlesGenerator):
        linear_period_archives(generator)
    if not generator._cache:  # Pelican's own cache is off: no file stamp to compute
        generator.get_cached_data = lambda filename, default=None: default
    kind = type(generator).__name__
    cache = reading.read_ahead(
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


def speed_up(generator):
    if generator.settings.get("FAST_BUILD") and isinstance(generator, ArticlesGenerator):
        linear_taxonomy_pages(generator)


def keep_content_urls(content):
    """Once made, an article's or page's URL and file name are kept (speedups.py)."""
    if content.settings.get("FAST_BUILD") and type(content).__name__ in ("Article", "Page"):
        keep_urls(content)


def add_sections(generator):
    """The categories that have articles, for the theme's menu: a page that shows the menu
    then depends on these names only, not on every article of every category."""
    generator.context["sections"] = [category for category, _ in generator.context["categories"]]


def remember_generators(generators):
    build = BUILD.get("current")
    if build is not None:
        build.generators = list(generators)


def make_writer(pelican_object):
    build = BUILD.get("current")
    if build is None or not build.enabled:
        return None
    build.plan = plan = Plan(build)
    split = [g for g in build.generators if isinstance(g, _split_generators())]
    articles = sum(len(getattr(g, "articles", [])) for g in split)
    count = build.workers if articles >= build.parallel_from else 1
    if count > 1:
        build.child = _start_child(build, split, count)
    for generator in split:
        _mark_split(generator)
    return type("FastWriter", (FastWriter,), {"__init__": _bound_init(plan, count)})


def _bound_init(plan, count):
    def __init__(self, output_path, settings=None):
        FastWriter.__init__(self, output_path, settings, plan, share=(0, count))

    return __init__


def _mark_split(generator):
    original = generator.generate_output

    def generate_output(writer):
        writer.splitting = True
        try:
            original(writer)
        finally:
            writer.splitting = False

    generator.generate_output = generate_output


def _start_child(build, split, count):
    """Fork one process that renders the second share of the split generators' pages."""
    folder = tempfile.mkdtemp(prefix="fast-build-")
    result_file = os.path.join(folder, "records")
    settings = build.settings

    def render_second_share():
        writer = FastWriter(settings["OUTPUT_PATH"], settings, build.plan, share=(1, count),
                            announce=False)
        writer.splitting = True
        for generator in split:
            generator.generate_output(writer)
        return writer.records

    return forking.start(render_second_share, result_file), result_file


def finish(pelican_object):
    gc.unfreeze()
    build = BUILD.pop("current", None)
    if build is None or build.plan is None:
        return
    if build.child is not None:
        pid, result_file = build.child
        try:
            build.plan.manifest.merge(forking.collect(pid, result_file))
        finally:
            os.remove(result_file) if os.path.exists(result_file) else None
            os.rmdir(os.path.dirname(result_file))
    build.plan.manifest.remove_stale()
    build.plan.manifest.save()
    _prune(build.cache_root, "pages-*.pickle")
    build.progress.finish()


def register():
    signals.initialized.connect(start)
    signals.article_generator_init.connect(read_ahead)
    signals.page_generator_init.connect(read_ahead)
    signals.article_generator_finalized.connect(save_read_cache)
    signals.article_generator_finalized.connect(_resume_garbage_collection)
    signals.article_generator_finalized.connect(add_sections)
    signals.article_generator_finalized.connect(speed_up)
    signals.page_generator_finalized.connect(save_read_cache)
    signals.content_object_init.connect(keep_content_urls)
    signals.all_generators_finalized.connect(remember_generators)
    signals.get_writer.connect(make_writer)
    signals.finalized.connect(finish)
