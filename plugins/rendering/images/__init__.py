"""Photographs: renditions for every screen, light, and safe to publish (docs/images.md).

Each image an article uses (its lead `image:`, and each ![...](...) of its text: figures.py)
is made into renditions (derive.py: widths in AVIF and WebP with a JPEG or PNG to fall
back on, turned as shot, in sRGB, with no metadata) once, kept in CACHE_PATH by the digest
of the file and of the settings, made on all cores. The original is never published: its
{static} address leads to its largest fallback rendition (feeds, sharing), and the pages
show each image as a <picture> of all its renditions (the theme's picture() and
with_pictures). An image file that no article uses is named in a warning, and published
neither.

Settings: IMAGE_WIDTHS, IMAGE_FORMATS, IMAGE_FALLBACK, IMAGE_QUALITY (derive.Options),
IMAGE_FOLDER (where the renditions go in the output: "derived").
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from blinker import signal
from content_checks import Problem, display_path, record_problem
from fast_build import forking
from pelican import signals
from pelican.generators import Generator

from .derive import Derived, ImageProblem, Options, derive
from .figures import DATA
from .markup import picture_markup, with_pictures

__all__ = ["ImagesOfBuild", "register"]

CONTEXT_KEY = "images_of_build"
IMAGE_EXTENSIONS = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".tif", ".tiff", ".svg")
_USED = re.compile(rf'\b{DATA}="([^"]+)"')
DEFAULT_SETTINGS = {"IMAGE_FOLDER": "derived"}


def options_of(settings) -> Options:
    defaults = Options()
    return Options(
        widths=tuple(settings.get("IMAGE_WIDTHS", defaults.widths)),
        formats=tuple(settings.get("IMAGE_FORMATS", defaults.formats)),
        fallback=settings.get("IMAGE_FALLBACK", defaults.fallback),
        quality=tuple(sorted(settings.get("IMAGE_QUALITY", dict(defaults.quality)).items())),
    )


@dataclass
class ImagesOfBuild:
    """The images of this build: which articles use each, and its renditions. Owned by
    this plugin, kept in the context; the theme's functions read it."""

    options: Options
    folder: str  # where the renditions go in the output
    cache: Path | None
    uses: dict[str, list] = field(default_factory=lambda: defaultdict(list))  # path: contents
    derived: dict[str, Derived] = field(default_factory=dict)
    keys: dict[str, str] = field(default_factory=dict)  # path: the digest of file and options
    seen: set[str] = field(default_factory=set)  # the paths looked at (found or not)

    @classmethod
    def of(cls, context) -> ImagesOfBuild | None:
        return context.get(CONTEXT_KEY)

    def url(self, path: str, rendition) -> str:
        return f"{self.folder}/{path}/{rendition.name}"


def images_of(content) -> list[str]:
    """The images of the content folder an article shows: its lead image, those of its text."""
    lead = getattr(content, "image", None)
    found = [lead] if isinstance(lead, str) and lead else []
    html = getattr(content, "_content", "") or ""
    # most texts name no image: a substring search, not a regex scan of every character
    return list(dict.fromkeys([*found, *(_USED.findall(html) if DATA in html else ())]))


def start(generator):
    """At each generator's start: the build's ImagesOfBuild (made at the first) and the
    theme's functions that show its images."""
    of_build = ImagesOfBuild.of(generator.context)
    if of_build is None:
        settings = generator.settings
        cache = (
            Path(settings["CACHE_PATH"]).resolve() / "images"
            if settings.get("CACHE_PATH")
            else None
        )
        of_build = ImagesOfBuild(options_of(settings), settings["IMAGE_FOLDER"], cache)
        generator.context[CONTEXT_KEY] = of_build
    generator.env.globals["picture"] = lambda path, siteurl, alt="", eager=False: picture_markup(
        of_build, path, siteurl, alt, eager
    )
    generator.env.globals["image_url"] = lambda path: _fallback_url(of_build, path)
    generator.env.filters["with_pictures"] = lambda html, siteurl: with_pictures(
        of_build, html, siteurl
    )


def _fallback_url(of_build: ImagesOfBuild, path: str) -> str:
    derived = of_build.derived.get(path)
    return of_build.url(path, derived.fallback) if derived else path


def note_uses(content):
    """Each article and page, as it is made: the images it shows."""
    of_build = ImagesOfBuild.of(getattr(content, "_context", None) or {})
    if of_build is not None:
        for path in images_of(content):
            of_build.uses[path].append(content)


def make_renditions(generator):
    """Once the articles (then the pages) are read: the renditions of every image they
    use that has none yet, from the cache or made on all cores."""
    of_build = ImagesOfBuild.of(generator.context)
    if of_build is None or not getattr(generator, "READS_SOURCES", True):
        return  # an edition's generator reads nothing: its articles were read before
    settings = generator.settings
    root = Path(settings["PATH"])
    stamps = _Stamps(of_build.cache)
    wanted = []
    for path in sorted(set(of_build.uses) - of_build.seen):
        of_build.seen.add(path)
        source = root / path
        if not source.is_file():
            continue  # named by the content checks: a lead image with its line, one in the
            # text as its {static} link to no file
        of_build.keys[path] = stamps.key(source, of_build.options)
        kept = _kept(of_build, path)
        if kept is not None:
            _record(generator.context, of_build, path, kept)
        else:
            wanted.append((path, str(source), of_build.keys[path]))
    stamps.save()
    workers = max(1, int(settings.get("BUILD_WORKERS") or os.cpu_count() or 1))

    def make(item):
        path, source, key = item
        return path, _made(of_build, Path(source), key)

    many = len(wanted) > 1 and workers > 1
    for path, outcome in forking.fork_map(make, wanted, workers) if many else map(make, wanted):
        if isinstance(outcome, ImageProblem):
            record_problem(
                generator.context, _problem(settings, path, of_build.uses[path], outcome)
            )
        else:
            _record(generator.context, of_build, path, outcome)


def _kept(of_build: ImagesOfBuild, path: str) -> Derived | None:
    if of_build.cache is None:
        return None
    try:
        return Derived.from_json(
            (of_build.cache / of_build.keys[path] / "derived.json").read_text()
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _made(of_build: ImagesOfBuild, source: Path, key: str) -> Derived | ImageProblem:
    """The renditions made into the cache (into a folder of this process first, renamed
    into place whole: no half-made set is ever kept)."""
    cache = of_build.cache or Path(os.environ.get("TMPDIR", "/tmp")) / "images-uncached"
    final = cache / key
    partial = cache / f"{key}.{os.getpid()}.partial"
    shutil.rmtree(partial, ignore_errors=True)
    try:
        derived = derive(source.name, source.read_bytes(), partial, of_build.options)
    except ImageProblem as problem:
        shutil.rmtree(partial, ignore_errors=True)
        return problem
    (partial / "derived.json").write_text(derived.to_json(), encoding="utf-8")
    shutil.rmtree(final, ignore_errors=True)
    os.replace(partial, final)
    return derived


def _record(context, of_build: ImagesOfBuild, path: str, derived: Derived) -> None:
    of_build.derived[path] = derived
    for note in derived.notes:
        record_problem(
            context,
            Problem(
                display_path(str(Path(context["PATH"]) / path)),
                "",
                note,
                "see the note.",
                warning=True,
            ),
        )


def _problem(settings, path: str, contents, problem: ImageProblem) -> Problem:
    users = ", ".join(sorted({display_path(c.source_path) for c in contents}))
    return Problem(
        display_path(str(Path(settings["PATH"]) / path)),
        "",
        f"{problem.message} (used by {users})",
        problem.fix,
    )


class _Stamps:
    """Each image file's digest (with the options') by its size, time and inode: a rebuild
    hashes only the files that changed."""

    def __init__(self, cache: Path | None):
        self.path = cache / "stamps.json" if cache else None
        try:
            self.known = json.loads(self.path.read_text()) if self.path else {}
        except (OSError, ValueError):
            self.known = {}
        self.used = {}

    def key(self, source: Path, options: Options) -> str:
        status = source.stat()
        stamp = [status.st_size, status.st_mtime_ns, status.st_ino]
        known = self.known.get(str(source))
        digest = known[1] if known and known[0] == stamp else None
        if digest is None:
            digest = hashlib.sha256(source.read_bytes()).hexdigest()
        self.used[str(source)] = [stamp, digest]
        return hashlib.sha256(f"{digest}\0{options.key()}".encode()).hexdigest()[:32]

    def save(self) -> None:
        if self.path is not None and self.used != self.known:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            partial = self.path.with_suffix(f".{os.getpid()}.tmp")
            partial.write_text(json.dumps(self.used))
            os.replace(partial, self.path)


@dataclass(frozen=True)
class Rendered:
    """Where a {static} link to an image leads: its largest fallback rendition."""

    url: str
    save_as: str
    source_path: str


def keep_originals_private(static_generator):
    """No image file of the content folder is copied to the site: a used one's address is
    its rendition's; an unused one is named in a warning."""
    context = static_generator.context
    of_build = ImagesOfBuild.of(context)
    if of_build is None:
        return
    kept = []
    for static in static_generator.staticfiles:
        path = Path(static.relative_source_path).as_posix()
        if not path.lower().endswith(IMAGE_EXTENSIONS):
            kept.append(static)
        elif path in of_build.derived:
            url = _fallback_url(of_build, path)
            context["static_content"][path] = Rendered(url, url, static.source_path)
        elif path not in of_build.uses:
            record_problem(context, _unused(static.source_path))
    static_generator.staticfiles[:] = kept


def _unused(source: str) -> Problem:
    return Problem(
        display_path(source),
        "",
        "no article shows this image: it is not published.",
        "show it in an article (image: or ![What it shows](path)), or remove the file.",
        warning=True,
    )


class ImagesGenerator(Generator):
    """Puts the renditions of the used images into the output (links to the cache's files
    where the file system allows, else copies), and removes those no longer used."""

    def generate_output(self, writer):
        of_build = ImagesOfBuild.of(self.context)
        if of_build is None:
            return
        journal = getattr(writer, "journal", None)
        target = Path(self.output_path) / of_build.folder
        wanted = set()
        for path, derived in sorted(of_build.derived.items()):
            folder = (of_build.cache or Path("/nonexistent")) / of_build.keys[path]
            for rendition in derived.renditions:
                relative = f"{path}/{rendition.name}"
                wanted.add(relative)
                _put(folder / rendition.name, target / relative, journal)
        for stale in sorted(target.rglob("*")) if target.is_dir() else []:
            if stale.is_file() and stale.relative_to(target).as_posix() not in wanted:
                if journal:
                    journal.remove(stale)
                else:
                    stale.unlink()


def _put(source: Path, target: Path, journal) -> None:
    if target.exists() and os.path.samefile(source, target):
        return
    if journal:
        journal.before_write(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.unlink(missing_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def subject_inputs(content) -> list[str]:
    """A page that shows an article whole shows its images (fast_build)."""
    of_build = ImagesOfBuild.of(getattr(content, "_context", None) or {})
    if of_build is None:
        return []
    return [f"image:{path}:{of_build.keys.get(path, '')}" for path in images_of(content)]


def add_default_settings(pelican):
    for name, value in DEFAULT_SETTINGS.items():
        pelican.settings.setdefault(name, value)


def get_generators(pelican):
    return ImagesGenerator


def register():
    signals.initialized.connect(add_default_settings)
    signals.generator_init.connect(start)
    signals.content_object_init.connect(note_uses)
    signals.article_generator_finalized.connect(make_renditions)
    signals.page_generator_finalized.connect(make_renditions)
    signals.static_generator_finalized.connect(keep_originals_private)
    signals.get_generators.connect(get_generators)
    signal("fast_build.subject_inputs").connect(subject_inputs)
