"""The search index is kept between builds: a rebuild with no article changed runs no Node,
one with a change gives the same files as a build from scratch, and a failed build leaves
no process and no temporary file behind."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from pathlib import Path

import pytest
import search.documents as search_documents
import search.generator as search_generator
import search.index_build as index_build
from conftest import ROOT, article_fields, build, write_article
from content_checks import ContentError
from fast_build.journal import OutputJournal, recover
from packed import call


def node_runs(monkeypatch) -> list[str]:
    runs = []
    real = index_build.start_node

    def counting(node, run):
        runs.append(run.key)
        return real(node, run)

    monkeypatch.setattr(index_build, "start_node", counting)
    return runs


def index_files(output):
    folder = output / "search"
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_node_runs_only_when_an_article_changed(content, tmp_path, monkeypatch):
    paths = [
        write_article(
            content, f"a{n}", f"Body number {n}.", **article_fields(f"Title {n}", summary="Lead.")
        )
        for n in range(5)
    ]
    runs = node_runs(monkeypatch)
    output = tmp_path / "site"
    build(content, output)
    assert len(runs) == 1
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
    assert len(runs) == 1
    assert converted == ["<p>Body&nbsp;changed.</p>"]  # the one text that changed (widont)
    fresh = tmp_path / "fresh"
    build(content, fresh, CACHE_PATH=str(tmp_path / "other-cache"))
    assert index_files(output) == index_files(fresh)
    _, [_, oldest] = call(output / "search" / "docs" / "0.js")
    assert oldest["body"] == "Body changed."


def test_the_output_links_the_cached_files_and_keeps_its_content_when_they_change(
    content, tmp_path
):
    paths = [
        write_article(content, f"a{n}", f"Body {n}.", **article_fields(f"Title {n}"))
        for n in range(3)
    ]
    first = build(content, tmp_path / "site").output / "search" / "docs" / "0.js"
    cached = next((tmp_path / "site.cache" / "search-index").glob("*/index/files/docs/0.js"))
    assert os.path.samefile(first, cached)  # linked, not copied
    before = first.read_bytes()
    kept = tmp_path / "kept.js"
    os.link(first, kept)  # the file a reader of the last build still has
    paths[0].write_text(paths[0].read_text().replace("Body 0", "Body changed"))
    build(content, tmp_path / "site")
    assert kept.read_bytes() == before  # the builder replaced the cached file, not rewrote it
    assert first.read_bytes() == cached.read_bytes() != before


def test_a_node_run_that_fails_stops_the_build_and_the_next_builds_it_whole(
    content, tmp_path, monkeypatch
):
    for n in range(4):
        write_article(content, f"a{n}", f"Body {n}.", **article_fields(f"Title {n}"))
    build(content, tmp_path / "site")
    write_article(content, "a0", "Body changed.", **article_fields("Title 0"))
    real = index_build.start_node
    processes = []

    def crashing(node, run):
        process = real(node, run)
        process.kill()  # as if Node had crashed
        processes.append(process)
        return process

    monkeypatch.setattr(index_build, "start_node", crashing)
    with pytest.raises(Exception, match="building the search index failed"):
        build(content, tmp_path / "site")
    assert processes and all(process.poll() is not None for process in processes)
    monkeypatch.setattr(index_build, "start_node", real)
    runs = node_runs(monkeypatch)
    build(content, tmp_path / "site")  # the same input as the run that failed: built again
    assert len(runs) == 1
    fresh = tmp_path / "fresh"
    build(content, fresh, CACHE_PATH=str(tmp_path / "other-cache"))
    assert index_files(tmp_path / "site") == index_files(fresh)


def test_without_the_cache_the_index_is_built_whole_in_a_folder_of_its_own(
    content, tmp_path, monkeypatch
):
    for n in range(3):
        write_article(content, f"a{n}", f"Body {n}.", **article_fields(f"Title {n}"))
    cached = build(content, tmp_path / "cached")
    uncached = build(content, tmp_path / "uncached", SEARCH_INDEX_CACHE=False)
    assert index_files(cached.output) == index_files(uncached.output)
    assert not (tmp_path / "uncached.cache" / "search-index").exists()


def test_texts_made_ahead_in_another_process_give_the_same_index(content, tmp_path, monkeypatch):
    for n in range(4):
        write_article(
            content, f"a{n}", f"Body *number* {n}.", **article_fields(f"Title {n}", summary="Lead.")
        )
    made, folders = [], []
    real = index_build.IndexBuild.texts_made_ahead

    def spied(self):
        folders.append(self.held.ahead["texts"][1] if "texts" in self.held.ahead else None)
        made.append(real(self))
        return made[-1]

    monkeypatch.setattr(index_build.IndexBuild, "texts_made_ahead", spied)
    converted = []
    real_text = search_documents.plain_text
    monkeypatch.setattr(
        search_documents, "plain_text", lambda h: converted.append(h) or real_text(h)
    )
    ahead = build(content, tmp_path / "ahead", SEARCH_TEXTS_AHEAD_FROM=1)
    assert len(made[0]) == 4 + 4 + 1  # the bodies, the titles, and the lead they share
    assert converted == []  # made in the forked process only
    here = build(content, tmp_path / "here", SEARCH_TEXTS_AHEAD_FROM=10_000)
    assert made[1] == {}
    assert converted  # made here
    assert index_files(ahead.output) == index_files(here.output)
    assert folders[0] is not None and not Path(folders[0]).exists()
    assert folders[1] is None  # no process was started
    build(content, tmp_path / "ahead", SEARCH_TEXTS_AHEAD_FROM=1)  # all from the read cache
    assert folders[2] is None  # none read anew: their texts are kept from the last build


def test_an_input_made_ahead_in_another_process_gives_the_same_index(
    content, tmp_path, monkeypatch
):
    for n in range(4):
        write_article(content, f"a{n}", f"Body {n}.", **article_fields(f"Title {n}"))
    runs, folders = node_runs(monkeypatch), []
    real = index_build.IndexBuild.make_input_ahead

    def spied(self, make_input):
        real(self, make_input)
        folders.append(self.held.ahead["input"][1])

    monkeypatch.setattr(index_build.IndexBuild, "make_input_ahead", spied)
    made_here = []
    real_document = search_generator.SearchIndexGenerator._document

    def document(self, article, texts):
        made_here.append(article.slug)
        return real_document(self, article, texts)

    monkeypatch.setattr(search_generator.SearchIndexGenerator, "_document", document)
    ahead = build(content, tmp_path / "ahead", SEARCH_INPUT_AHEAD_FROM=1)
    assert made_here == [] and len(runs) == 1  # made in the forked process, built here
    assert folders[0] is not None and not Path(folders[0]).exists()
    here = build(content, tmp_path / "here", SEARCH_INPUT_AHEAD_FROM=10_000)
    assert len(made_here) == 4 and len(folders) == 1  # made here, no process started
    assert index_files(ahead.output) == index_files(here.output)
    build(content, tmp_path / "ahead", SEARCH_INPUT_AHEAD_FROM=1)
    assert len(runs) == 2  # the input made ahead is the last build's: no Node run


def test_an_input_that_fails_in_its_process_stops_the_build(content, tmp_path, monkeypatch):
    write_article(content, "a0", "Body.", **article_fields("Title"))

    def failing(self, article, texts):
        raise ValueError("no document")

    monkeypatch.setattr(search_generator.SearchIndexGenerator, "_document", failing)
    with pytest.raises(index_build.SearchIndexError, match="ValueError: no document"):
        build(content, tmp_path / "site", SEARCH_INPUT_AHEAD_FROM=1)


def test_a_build_stopped_before_the_index_leaves_no_process_making_texts(
    content, tmp_path, monkeypatch
):
    for n in range(2):
        write_article(content, f"a{n}", f"Body {n}.", **article_fields(f"Title {n}"))
    builds = []
    real = index_build.IndexBuild.make_texts_ahead

    def recorded(self, make_texts):
        real(self, make_texts)
        builds.append(self)

    def stopped(self, articles_generator=None):
        raise RuntimeError("stopped after reading")

    monkeypatch.setattr(index_build.IndexBuild, "make_texts_ahead", recorded)
    monkeypatch.setattr(search_generator.SearchIndexGenerator, "start", stopped)
    with pytest.raises(RuntimeError, match="stopped after reading"):
        build(content, tmp_path / "site", SEARCH_TEXTS_AHEAD_FROM=1)
    [index] = builds
    pid, folder = index.held.ahead["texts"]
    assert Path(folder).is_dir() and index.close.alive
    del builds[:], index
    gc.unfreeze()  # as the next build does (fast_build froze what the failed one read)
    gc.collect()  # the failed build's objects freed: its IndexBuild with them
    assert not Path(folder).exists()
    with pytest.raises(ChildProcessError):  # ended, and its exit collected
        os.waitpid(pid, os.WNOHANG)


def test_closing_a_build_ends_its_node_process_and_removes_its_folders(monkeypatch):
    def never_ending(node, run):  # a builder that hangs
        pipes = {"stdin": subprocess.PIPE, "stdout": subprocess.PIPE, "stderr": subprocess.PIPE}
        return subprocess.Popen(["sleep", "600"], text=True, **pipes)

    monkeypatch.setattr(index_build, "start_node", never_ending)
    index = index_build.IndexBuild()
    folder = index.temporary_folder()
    index.run_node(index_build.Run("key", "[]", folder, None))
    process = index.held.node
    assert process.poll() is None
    index.close()
    assert process.poll() is not None and not folder.exists()
    assert not index.held.thread.is_alive()
    with pytest.raises(index_build.SearchIndexError):
        index.wait()


def test_a_failed_build_leaves_no_temporary_files(content, tmp_path):
    write_article(content, "good", "Body.", **article_fields("A good article"))
    (content / "articles" / "broken.md").write_text("---\ndate: 2020-01-01\n---\n\nNo title.\n")
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    pelican = str(Path(sys.executable).parent / "pelican")
    cache = f'CACHE_PATH="{tmp_path / "cache"}"'
    settings = ["-s", str(ROOT / "pelicanconf.py"), "-e", cache, "SEARCH_TEXTS_AHEAD_FROM=1"]
    result = subprocess.run(
        [pelican, str(content), "-o", str(tmp_path / "out"), *settings],
        capture_output=True,
        text=True,
        env={**os.environ, "TMPDIR": str(temporary)},
    )
    assert result.returncode != 0
    assert "title" in result.stdout + result.stderr
    left = [path for path in temporary.rglob("*") if path.parent != temporary]
    assert left == []  # no Node input, part, index or texts folder left (one empty root kept)


def test_a_build_that_fails_its_checks_leaves_no_process_making_the_input(content, tmp_path):
    write_article(content, "good", "Body.", **article_fields("A good article"))
    (content / "articles" / "broken.md").write_text("---\ndate: 2020-01-01\n---\n\nNo title.\n")
    builds, started = [], []
    real = index_build.IndexBuild.make_input_ahead

    def recorded(self, make_input):
        real(self, make_input)
        builds.append(self)
        started.append(self.held.ahead["input"])

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(index_build.IndexBuild, "make_input_ahead", recorded)
        with pytest.raises(ContentError):
            build(content, tmp_path / "site", SEARCH_INPUT_AHEAD_FROM=1)
    [index] = builds
    [(pid, folder)] = started
    held = index.held
    del builds[:], index
    held.thread.join(60)  # its thread holds nothing of the build, once it has its run
    gc.unfreeze()
    gc.collect()  # the failed build's objects freed: its IndexBuild with them
    assert held.closed and not held.thread.is_alive()
    assert held.node is None or held.node.poll() is not None
    assert not Path(folder).exists()
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)


def _killed(*args):
    raise RuntimeError("killed")


@pytest.mark.parametrize(
    "kill_point",
    [
        # the index is in the output, the journal not committed: the output is rolled back
        (OutputJournal, "commit"),
        # Node has written the store's files and state, the output nothing of them
        (search_generator.SearchIndexGenerator, "_write"),
    ],
    ids=["after-the-output-was-written", "after-node"],
)
def test_a_build_killed_on_the_way_leaves_nothing_the_next_build_trusts_wrongly(
    content, tmp_path, monkeypatch, kill_point
):
    for n in range(3):
        tags = ["Minsk", "Army"]
        write_article(content, f"a{n}", f"Body {n}.", **article_fields(f"T {n}", tags=tags))
    site = tmp_path / "site"
    build(content, site)
    write_article(content, "a0", "Body 0.", **article_fields("T 0", tags=["Minsk", "Navy"]))
    with monkeypatch.context() as patch:
        patch.setattr(*kill_point, _killed)
        with pytest.raises(RuntimeError, match="killed"):
            build(content, site)
    recover(site)  # (what the next build does first)
    assert b"Navy" not in (site / "search" / "names.js").read_bytes()  # the last good site
    build(content, site)
    build(content, tmp_path / "fresh", CACHE_PATH=str(tmp_path / "other-cache"))
    assert index_files(site) == index_files(tmp_path / "fresh")
