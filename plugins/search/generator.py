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

import hashlib
import json
from pathlib import Path

from pelican.generators import Generator

from .documents import TextCache, search_document
from .index_build import STEMMERS, IndexBuild, Run, builder_digest
from .store import IndexStore, apply_changes, update_folder, write_if_changed

CONTEXT_KEY = "search_index"  # the build's SearchIndexGenerator, in Pelican's context


class SearchIndexGenerator(Generator):
    """Starts the index (its Node process uses the other core) once the articles are read,
    and puts it into the output at the end. Its IndexBuild holds the processes and the
    temporary folders, from the start of the build to close()."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.build = IndexBuild()
        self._run: Run | None = None  # once start() has run
        self._texts_asked = False
        self.context[CONTEXT_KEY] = self  # found there by the articles' signals (__init__.py)

    def make_texts_ahead(self) -> None:
        """Pelican sends article_generator_preread before reading each source; at the
        first, fast_build has read them all ahead (its ReadAhead in context["read_ahead"]).
        The articles it has just read (not those from its cache: their texts are kept from
        the last build) are made into plain text in a forked process, once a build: Pelican
        then makes the articles on one core only. A text made from other HTML than the
        article ends up with (a link rewritten) is made again when needed."""
        if self._texts_asked or self._run is not None:
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
        cache = self._cache_folder()
        self.build.make_texts_ahead(
            lambda: TextCache(cache / "texts" if cache else None).texts_ahead(htmls)
        )

    def _cache_folder(self) -> Path | None:
        if not self.settings.get("SEARCH_INDEX_CACHE"):
            return None
        content = hashlib.sha256(str(Path(self.settings["PATH"]).resolve()).encode())
        folder = Path(self.settings["CACHE_PATH"]).resolve() / "search-index"
        return folder / content.hexdigest()[:16]

    def start(self) -> None:
        if self._run is not None:
            return
        articles = sorted(  # oldest first: a new article is numbered last (index_builder.cjs)
            [*self.context.get("articles", []), *self.context.get("translations", [])],
            key=lambda article: (article.date, article.slug),
        )
        cache = self._cache_folder()  # one per content folder
        texts = TextCache(cache / "texts" if cache else None)
        texts.made = self.build.texts_made_ahead()
        source = json.dumps([self._document(a, texts) for a in articles], ensure_ascii=False)
        texts.save()
        store = IndexStore(cache / "index") if cache else None
        key = hashlib.sha256(f"{builder_digest()}\0{source}".encode()).hexdigest()
        folder = store.files if store else self.build.temporary_folder()
        self._run = Run(key, source, folder, store)
        if store is not None and store.built_from() == key:
            return  # the index is as this build wants it
        if store:
            store.forget()  # until this run succeeds, the files are not known to be right
        self.build.run_node(self._run)

    def generate_output(self, writer):
        try:
            self.start()
            result = self.build.wait()
            self._write(self._run, result, getattr(writer, "journal", None))
        finally:
            self.build.close()

    def _write(self, run: Run, result: dict | None, journal) -> None:
        """Into the output: the files the builder changed, or every file that differs."""
        target = Path(self.output_path) / self.settings["SEARCH_INDEX_DIR"]
        stemmers = stemmers_script()
        write_if_changed(run.folder / "stemmers.js", stemmers)
        store = run.store
        if store is None:
            update_folder(run.folder, target, journal)
            return
        digest = result["digest"] if result else store.index_digest()
        if result and store.written_to(target) == store.index_digest() and target.is_dir():
            apply_changes(store.files, target, result, journal)  # the changed files only
        elif store.written_to(target) != digest or not (target / "manifest.js").is_file():
            update_folder(store.files, target, journal)
        write_if_changed(target / "stemmers.js", stemmers, journal)
        if result:
            store.built(run.key, digest)
        store.wrote(target, digest)

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
