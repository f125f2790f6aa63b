"""The edited article first: `make devserver` renders the page of a saved article in a
fraction of a second, from the build it holds in memory, before the whole site is rebuilt.

After each build the preview made in its own process, it keeps that build's articles
generators (LastBuild). When an author saves an article, QuickPage reads that one file with
a reader of its own (the same checks as a build: a mistake comes back as problems, with no
page written), gives the new article what the build's plugins gave the old one (its similar
list, translations, scheduled mark...), renders its page with the build's templates and
context, and puts it in place of the old page in one rename. The rest of the site (lists,
tag and actor pages, feeds, the other articles' similar lists, search) is then brought up to
date by a whole build in the background (tools/devserver.py), which writes this page again.

What the quick page shows of other articles (its similar list, the menus) is as the held
build had them: an article edited since shows its new title there once the background build
has finished, a second or so later. A new article's page has no similar list until then.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from article_lists import every_article
from content_checks import ContentError
from pelican import signals
from pelican.contents import Article
from pelican.generators import ArticlesGenerator
from pelican.readers import Readers
from pelican.writers import Writer


@dataclass
class QuickResult:
    """A page written (path, relative to the output), or the problems found instead."""

    path: str | None = None
    problems: list[str] = field(default_factory=list)


class LastBuild:
    """The articles generators of the last good build made in this process (those of a
    build that fails are dropped: its context may be half made)."""

    def __init__(self):
        self.generators: list[ArticlesGenerator] = []
        self._pending: list[ArticlesGenerator] = []
        signals.all_generators_finalized.connect(self._keep, weak=False)
        signals.finalized.connect(self._done, weak=False)

    def _keep(self, generators) -> None:
        self._pending = [g for g in generators if isinstance(g, ArticlesGenerator)]

    def _done(self, pelican) -> None:
        self.generators, self._pending = self._pending, []

    def close(self) -> None:
        signals.all_generators_finalized.disconnect(self._keep)
        signals.finalized.disconnect(self._done)
        self.generators = self._pending = []


class QuickPage:
    """Renders the page of one saved article from a LastBuild."""

    def __init__(self, last_build: LastBuild, output_path: str):
        self.last_build = last_build
        self.output = Path(output_path)
        self.created: dict[Path, int] = {}  # pages that were not there: their mtime_ns

    def remove_orphans(self) -> None:
        """After a whole build has ended well: the pages written here that it did not write
        again (a new article whose date or slug changed before that build) are no page of
        the site."""
        for path, written in self.created.items():
            if path.is_file() and path.stat().st_mtime_ns == written:
                path.unlink()
        self.created.clear()

    def can_render(self, source: Path) -> bool:
        """A Markdown file in an article folder of the held build."""
        return source.suffix == ".md" and self._holder(source)[0] is not None

    def render(self, source: Path) -> QuickResult:
        generator, old = self._holder(source)
        article, problems = _read(generator, source)
        if problems or article is None:
            return QuickResult(problems=problems or [f"{source}: could not be read"])
        if old is not None:
            _take_what_plugins_added(old, article)
        if not article.save_as:
            return QuickResult()  # a page of its own is not written (a draft on publish)
        self._write(generator, article)
        return QuickResult(path=article.save_as)

    def _holder(self, source: Path) -> tuple[ArticlesGenerator | None, Article | None]:
        """The held generator that has the article read from source, and that article; for a
        new file, the first generator whose article folders hold it (the default edition's)."""
        wanted = str(source)
        for generator in self.last_build.generators:
            for article in every_article(generator):
                if article.source_path == wanted:
                    return generator, article
        for generator in self.last_build.generators:
            base = Path(generator.path)
            folders = [base / folder for folder in generator.settings["ARTICLE_PATHS"]]
            if any(source.is_relative_to(folder) for folder in folders):
                return generator, None
        return None, None

    def _write(self, generator: ArticlesGenerator, article: Article) -> None:
        """Render into a folder of its own, then move the page over the old one: an open page
        never reads half a file."""
        (self.output / "_preview").mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix="quick-", dir=self.output / "_preview"))
        try:
            writer = Writer(str(staging), settings=generator.settings)
            writer.write_file(
                article.save_as,
                generator.get_template(article.template),
                generator.context,
                article=article,
                category=getattr(article, "category", None),
                override_output=hasattr(article, "override_save_as"),
                url=article.url,
                blog=True,
                relative_urls=generator.settings["RELATIVE_URLS"],  # as generate_pages does
            )
            target = self.output / article.save_as
            target.parent.mkdir(parents=True, exist_ok=True)
            new = not target.exists()
            os.replace(staging / article.save_as, target)
            if new or target in self.created:
                self.created[target] = target.stat().st_mtime_ns
        finally:
            shutil.rmtree(staging, ignore_errors=True)


def _read(generator: ArticlesGenerator, source: Path) -> tuple[Article | None, list[str]]:
    """The article as a build reads it, by a reader of its own (the checks included), and
    its errors (its warnings are the whole build's to tell)."""
    readers = Readers(generator.settings)
    try:
        article = readers.read_file(
            base_path=generator.path,
            path=os.path.relpath(source, generator.path),
            content_class=Article,
            context=generator.context,
            context_signal=signals.article_generator_context,
            context_sender=generator,
        )
    except ContentError:
        article = None  # the reader has kept its problems
    problems = [
        str(problem)
        for reader in readers.readers.values()
        for found in getattr(reader, "problems", {}).values()
        for problem in found
        if not problem.warning
    ]
    return article, problems


def _take_what_plugins_added(old: Article, new: Article) -> None:
    """What the build's plugins set on the old article after reading it (its similar list,
    translations, scheduled mark, edition), unless the new reading has it too."""
    for name, value in vars(old).items():
        if name not in vars(new):
            setattr(new, name, value)
