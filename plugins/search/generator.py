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

import functools
import hashlib
import json
import weakref
from pathlib import Path

from pelican.generators import Generator
from pelican.utils import truncate_html_words
from template_filters import date_text

from .documents import TextCache, search_document
from .index_build import STEMMERS, IndexBuild, Run, builder_digest
from .store import IndexStore, apply_changes, update_folder, write_if_changed

CONTEXT_KEY = "search_index"  # the build's SearchIndexGenerator, in Pelican's context


class SearchIndexGenerator(Generator):
    """Starts an index for each edition of the site (each articles generator: the default
    language's, and each other edition's under its prefix) once its articles are read, its
    Node process on the core the rendering leaves idle, and puts each index into the output
    at the end. Each index has its own IndexBuild (its processes and temporary folders, from
    its start to close()); the first also makes the articles' plain texts ahead."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.builds: dict[str, IndexBuild] = {}  # by the index's folder in the output
        self._runs: dict[str, Run] = {}
        self._first = IndexBuild()  # the default edition's: it makes the texts ahead
        self._texts_asked = False
        self._made_ahead: dict | None = None  # the texts made ahead, for every edition
        self.context[CONTEXT_KEY] = self  # found there by the articles' signals (__init__.py)

    def make_texts_ahead(self) -> None:
        """Pelican sends article_generator_preread before reading each source; at the
        first, fast_build has read them all ahead (its ReadAhead in context["read_ahead"]).
        The articles it has just read (not those from its cache: their texts are kept from
        the last build) are made into plain text in a forked process, once a build: Pelican
        then makes the articles on one core only. A text made from other HTML than the
        article ends up with (a link rewritten) is made again when needed."""
        if self._texts_asked or self._runs:
            return
        self._texts_asked = True
        read_ahead = self.context.get("read_ahead", {}).get("ArticlesGenerator")
        read = read_ahead.fresh_results() if read_ahead is not None else []
        if not read or len(read) < self.settings.get("SEARCH_TEXTS_AHEAD_FROM", 500):
            return
        htmls = [  # of each (content, metadata, problems): the body, the title and the lead
            html
            for content, metadata, _ in read
            for html in (content, metadata.get("title"), metadata.get("summary"))
            if html
        ]
        texts = self._texts_folder(self.settings["SEARCH_INDEX_DIR"])
        self._first.make_texts_ahead(lambda: TextCache(texts).texts_ahead(htmls))

    def _content_folder(self) -> Path | None:
        if not self.settings.get("SEARCH_INDEX_CACHE"):
            return None
        content = hashlib.sha256(str(Path(self.settings["PATH"]).resolve()).encode())
        folder = Path(self.settings["CACHE_PATH"]).resolve() / "search-index"
        return folder / content.hexdigest()[:16]

    def _texts_folder(self, index_dir: str) -> Path | None:
        """The plain texts of an edition's articles, by the digest of their HTML."""
        folder = self._content_folder()
        return folder / _store_name("texts", index_dir, self.settings) if folder else None

    def start(self, articles_generator=None) -> None:
        """The index of one edition: the articles of its generator (by default, those of
        the build's context: the default edition's). Its input is made here, or on a site of
        SEARCH_INPUT_AHEAD_FROM articles or more in a forked process, while this one goes on
        with the build; the builder (Node) starts as soon as its input is made."""
        settings = articles_generator.settings if articles_generator else self.settings
        context = articles_generator.context if articles_generator else self.context
        index_dir = settings["SEARCH_INDEX_DIR"]
        if index_dir in self.builds:
            return
        build = self._first if not self.builds else IndexBuild()
        self.builds[index_dir] = build
        articles = sorted(  # oldest first: a new article is numbered last (index_builder.cjs)
            [*context.get("articles", []), *context.get("translations", [])],
            key=lambda article: (article.date, article.slug),
        )
        texts = TextCache(self._texts_folder(index_dir))
        if self._made_ahead is None:
            self._made_ahead = self._first.texts_made_ahead()  # of every language's articles
        texts.made = self._made_ahead

        def make_input() -> tuple[str, str]:
            source = json.dumps([self._document(a, texts) for a in articles], ensure_ascii=False)
            texts.save()
            return hashlib.sha256(f"{builder_digest()}\0{source}".encode()).hexdigest(), source

        if len(articles) >= self.settings.get("SEARCH_INPUT_AHEAD_FROM", 500):
            build.make_input_ahead(make_input)
            build.build_when_input_made(
                functools.partial(_weakly, weakref.WeakMethod(self._run), index_dir)
            )
            return
        run = self._run(index_dir, *make_input())
        if run is not None:
            build.run_node(run)

    def _run(self, index_dir: str, key: str, source: str) -> Run | None:
        """The builder's run on source; None if the cached index was built from the same."""
        folder = self._content_folder()  # one per content folder, an index per edition
        store = (
            IndexStore(folder / _store_name("index", index_dir, self.settings)) if folder else None
        )
        build = self.builds[index_dir]
        files = store.files if store else build.temporary_folder()
        previous = store.index_digest() if store else None
        run = self._runs[index_dir] = Run(key, source, files, store, previous)
        if store is not None and store.built_from() == key:
            return None  # the index is as this build wants it
        if store:
            store.forget()  # until this run succeeds, the files are not known to be right
        return run

    def generate_output(self, writer):
        try:
            if not self.builds:
                self.start()
            for index_dir, build in self.builds.items():
                result = build.wait()
                self._write(
                    index_dir, self._runs[index_dir], result, getattr(writer, "journal", None)
                )
        finally:
            for build in {id(b): b for b in [self._first, *self.builds.values()]}.values():
                build.close()

    def _write(self, index_dir: str, run: Run, result: dict | None, journal) -> None:
        """Into the output: the files the builder changed, or every file that differs."""
        target = Path(self.output_path) / index_dir
        stemmers = stemmers_script()
        write_if_changed(run.folder / "stemmers.js", stemmers)
        store = run.store
        if store is None:
            update_folder(run.folder, target, journal)
            return
        digest = result["digest"] if result else store.index_digest()
        written = store.written_to(target)
        if result and written == run.previous and written and target.is_dir():
            store.writing(target)
            apply_changes(store.files, target, result, journal)  # the changed files only
        elif written != digest or not (target / "manifest.js").is_file():
            store.writing(target)
            update_folder(store.files, target, journal)
        write_if_changed(target / "stemmers.js", stemmers, journal)
        if result:
            store.built(run.key, digest)
        if journal is None:
            store.wrote(target, digest)
        else:  # not before: a build killed or failed after this is undone in the output
            journal.after_commit(functools.partial(store.wrote, target, digest))

    def _document(self, article, texts) -> dict:
        lang = article.lang
        document = search_document(
            title=article.title,
            url=article.url,
            date=date_text(article.date, self.settings["DATE_PATTERNS"][lang], lang),
            datetime=article.date.isoformat(),
            category=article.category.name if getattr(article, "category", None) else "",
            tags=[tag.name for tag in getattr(article, "tags", [])],
            actors=[actor.name for actor in getattr(article, "actors", [])],
            # Not article.summary: without a lead it is made from article.content, which
            # Pelican keeps once made, and made now its {static} links would find no file
            # yet (the static files are gathered last); the text is the same.
            lead_html=article.metadata.get("summary") or self._lead_of(article),
            # The HTML as read: only link targets differ from article.content (Pelican
            # rewrites them for each page), and the search keeps the text only.
            body_html=article._content,
            text_of=texts,
        )
        return {**document, "year": article.date.year, "lang": lang}

    def _lead_of(self, article) -> str:
        """Pelican's summary of an article with no lead: its first words."""
        length = self.settings.get("SUMMARY_MAX_LENGTH")
        return truncate_html_words(article._content, length) if length else article._content


def _weakly(method: weakref.WeakMethod, *args):
    """method(*args), or None once its object is gone (a build abandoned on the way)."""
    bound = method()
    return None if bound is None else bound(*args)


def _store_name(kind: str, index_dir: str, settings) -> str:
    """The default edition's cache of a kind ("index", "texts") is named by the kind only,
    another edition's by the kind and its index's folder."""
    if index_dir == settings["SEARCH_INDEX_DIR"]:
        return kind
    return f"{kind}-{hashlib.sha256(index_dir.encode()).hexdigest()[:12]}"


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
