"""The search index is rebuilt by parts: a rebuild runs Node only for the parts whose
articles changed, and gives the same files as a build from scratch."""

from __future__ import annotations

import search.documents as search_documents
import search.generator as search_generator
from conftest import article_fields, build, write_article


def node_runs(monkeypatch) -> list[tuple[str, int]]:
    runs = []
    real = search_generator.start_node

    def counting(node, part):
        runs.append((part.mode, part.number))
        return real(node, part)

    monkeypatch.setattr(search_generator, "start_node", counting)
    return runs


def index_files(output):
    return {p.name: p.read_bytes() for p in sorted((output / "search").iterdir())}


def test_only_the_changed_parts_go_through_node(content, tmp_path, monkeypatch):
    monkeypatch.setattr(search_generator, "DOCS_PER_GROUP", 2)
    paths = [
        write_article(
            content, f"a{n}", f"Body number {n}.", **article_fields(f"Title {n}", summary="Lead.")
        )
        for n in range(5)
    ]
    runs = node_runs(monkeypatch)
    output = tmp_path / "site"
    build(content, output)
    assert sorted(runs) == [("meta", 3), ("text", 0), ("text", 1), ("text", 2)]
    runs.clear()
    converted = []
    real_text = search_documents.plain_text
    monkeypatch.setattr(
        search_documents, "plain_text", lambda h: converted.append(h) or real_text(h)
    )
    build(content, output)
    assert runs == []
    assert converted == []  # the texts of the last build were kept
    paths[0].write_text(paths[0].read_text().replace("Body number 0", "Body changed"))
    build(content, output)
    assert runs == [("text", 2)]  # the oldest article's group; its title and lead are the same
    fresh = tmp_path / "fresh"
    build(content, fresh, CACHE_PATH=str(tmp_path / "other-cache"))
    assert index_files(output) == index_files(fresh)
