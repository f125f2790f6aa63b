"""How the writer tells whether a page changed: the digests of a build (Pelican glue)."""

from __future__ import annotations

import functools
from pathlib import Path

import jinja2
import pelican
from pelican.contents import Content
from pelican.urlwrappers import URLWrapper

from .digests import digest, files_digest
from .fingerprints import Digester, TemplateReads
from .inputs import site_files, subject_parts
from .manifest import OutputManifest
from .store import file_digest

ROOT = Path(__file__).resolve().parents[3]
LINK_MARKERS = (
    "{filename}",
    "|filename|",
    "{static}",
    "{attach}",
    "{index}",
    "{category}",
    "{tag}",
    "{author}",
    "{actor}",
)


def _may_link(text: str) -> bool:
    """Every marker starts with { or |: two quick scans spare most texts the nine."""
    return "{" in text or "|" in text


class Plan:
    """What the writer needs to tell whether a page changed."""

    def __init__(self, build):
        settings = build.settings
        self.build = build
        self.progress = build.progress
        files = site_files(settings)  # what plugins say every page may show (inputs.py)
        self.site = digest(build.settings_digest, code_digest(), files_digest(files))
        output = str(Path(settings["OUTPUT_PATH"]).resolve())
        self.manifest = OutputManifest(build.cache_root / f"pages-{digest(output)}.pickle", output)
        self.digester = Digester([(Content, self._card), (URLWrapper, self._wrapper)])
        self._wrappers: dict[tuple, str] = {}
        self._reads = {}  # id(template): (template, Reads)
        self._readers = {}  # id(environment): (environment, TemplateReads)
        self._wholes = {}
        self._everything = None

    def reads(self, template):
        known = self._reads.get(id(template))
        if known is None or known[0] is not template:
            environment = template.environment
            if id(environment) not in self._readers:
                self._readers[id(environment)] = (environment, TemplateReads(environment))
            known = (template, self._readers[id(environment)][1].of(template.name))
            self._reads[id(template)] = known
        return known[1]

    def manifest_unchanged(self, name, fingerprint, path) -> bool:
        return self.manifest.unchanged(name, fingerprint, path)

    def subject_digest(self, content) -> str:
        """A page's own content: with its translations, and what plugins added to it
        (similar articles: inputs.py)."""
        of = self.digester.of
        parts = [self.whole(content)]
        parts += [of(translation) for translation in content.translations]
        parts += [part if isinstance(part, str) else of(part) for part in subject_parts(content)]
        return digest(*parts)

    def feed_fingerprint(self, path, url, feed_type, title, items) -> str | None:
        """Feeds carry each article whole."""
        return digest(
            self.site, str(path), str(url), feed_type, str(title), *map(self.whole, items)
        )

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
        """An article as lists and similar-article entries show it (see read_ahead.py)."""
        return self._with_links(content, self._source_card(content, whole=False))

    def _with_links(self, content, own: str) -> str:
        text = f"{getattr(content, '_content', '')}{content.metadata.get('summary', '')}"
        if _may_link(text) and any(marker in text for marker in LINK_MARKERS):
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

    def _wrapper(self, value, digester=None) -> str:
        """A tag, category or actor: its name and slug (each article has tag objects of its
        own: equal ones are digested once). What else a plugin shows of them (an actor's
        kind and description) comes from files in the site's digest (inputs.py)."""
        fields = (type(value).__name__, value.name, value.slug)
        known = self._wrappers.get(fields)
        if known is None:
            known = self._wrappers[fields] = digest(*fields)
        return known

    def _everything_digest(self) -> str:
        if self._everything is None:
            context = self.build.generators[0].context if self.build.generators else {}
            contents = [
                *context.get("generated_content", {}).values(),
                *context.get("static_content", {}).values(),
            ]
            self._everything = digest(
                *sorted(self._source_card(c, True) for c in contents if isinstance(c, Content))
            )
        return self._everything


@functools.cache
def code_digest() -> str:
    """Our plugins' code and the versions of what renders the pages (read once a process:
    the code of a running process does not change)."""
    return digest(files_digest([ROOT / "plugins"]), pelican.__version__, jinja2.__version__)
