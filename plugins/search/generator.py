"""Writes the search index and the search library into the output, after the pages.

The index is built by tools/search/build_index.cjs with MiniSearch (installed from
package.json by `make install`), from the published articles; MiniSearch's browser build is
copied from node_modules next to it.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path

from pelican.generators import Generator

from .documents import search_document

ROOT = Path(__file__).resolve().parents[2]
BUILDER = ROOT / "tools" / "search" / "build_index.cjs"
LIBRARY = ROOT / "node_modules" / "minisearch" / "dist" / "umd" / "index.js"
DOCS_PER_GROUP = 1000  # documents per full-text index file (search/text-N.js)


class SearchIndexError(RuntimeError):
    pass


class SearchIndexGenerator(Generator):
    """Builds the index in a background thread (its Node processes use the other core) while
    Pelican renders the pages, and puts it into the output at the end."""

    _work = None  # (thread, temporary folder, [error]) once start() has run

    def start(self):
        articles = sorted(
            [*self.context.get("articles", []), *self.context.get("translations", [])],
            key=lambda article: (article.date, article.slug),
            reverse=True,
        )
        documents = [self._document(n, a) for n, a in enumerate(articles)]
        folder = Path(tempfile.mkdtemp(prefix="search-index-"))
        errors = []

        def build():
            try:
                build_index(documents, folder / "search")
            except Exception as error:
                errors.append(error)

        thread = threading.Thread(target=build, name="search-index", daemon=True)
        thread.start()
        self._work = (thread, folder, errors)

    def generate_output(self, writer):
        if self._work is None:
            self.start()
        thread, folder, errors = self._work
        thread.join()
        try:
            if errors:
                raise errors[0]
            target = Path(self.output_path) / self.settings["SEARCH_INDEX_DIR"]
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(folder / "search", target)
            shutil.copyfile(LIBRARY, target / "minisearch.js")
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    def _document(self, number, article) -> dict:
        return search_document(
            number,
            title=article.title,
            url=article.url,
            date=article.date.strftime(self.settings["DEFAULT_DATE_FORMAT"]),
            datetime=article.date.isoformat(),
            category=article.category.name if getattr(article, "category", None) else "",
            tags=[tag.name for tag in getattr(article, "tags", [])],
            actors=[actor.name for actor in getattr(article, "actors", [])],
            lead_html=article.summary,
            body_html=article.content,
        )


def build_index(documents: list[dict], target: Path) -> None:
    """Run the Node builder: the first-results index and result shards in one run, then
    one run per text group; a missing Node.js or MiniSearch is explained."""
    node = shutil.which("node")
    if node is None or not LIBRARY.exists():
        raise SearchIndexError(
            "the search index needs Node.js and MiniSearch: run 'make install' "
            "(it runs 'npm ci'), or install Node.js 18 or newer first."
        )
    groups = [documents[i : i + DOCS_PER_GROUP] for i in range(0, len(documents), DOCS_PER_GROUP)]
    metadata = [{k: v for k, v in d.items() if k != "body"} for d in documents]
    _run(node, "meta", metadata, target, len(groups))
    for number, group in enumerate(groups):
        _run(node, "text", [{"id": d["id"], "body": d["body"]} for d in group], target, number)


def _run(node: str, mode: str, data: list[dict], target: Path, number: int) -> None:
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8") as source:
        json.dump(data, source, ensure_ascii=False)
        source.flush()
        result = subprocess.run(
            [node, str(BUILDER), mode, source.name, str(target), str(number)],
            capture_output=True,
            text=True,
        )
    if result.returncode != 0:
        raise SearchIndexError(f"building the search index failed:\n{result.stderr}")
