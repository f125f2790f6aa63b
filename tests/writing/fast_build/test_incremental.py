"""A cached or incremental build writes exactly what a build from scratch writes, and
leaves the files whose inputs did not change as they were."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from conftest import PIXEL, article_fields, build, write_article
from content_checks import ContentError
from content_checks.reader import CheckedMarkdownReader

TOPICS = ["energy", "sanctions", "army", "elections", "media", "border"]
ACTORS = ["Belarus", "Russia", "Poland", "Lithuania", "Ukraine"]


def write_archive(content: Path, count: int = 14) -> list[Path]:
    paths = []
    for number in range(count):
        fields = article_fields(
            f"Article {number}: the “talks” go on",
            date=f"2021-{number % 12 + 1:02d}-{number % 27 + 1:02d} 1{number % 10}:30",
            tags=[TOPICS[number % 6], TOPICS[(number + 2) % 6]],
            actors=[ACTORS[number % 5], ACTORS[(number + 1) % 5]],
            summary=f"Lead of article {number} -- with 'quotes'.",
        )
        paths.append(
            write_article(content, f"article-{number}", f"Body {number}.\n\nMore...", **fields)
        )
    draft = article_fields("Not yet", status="draft", tags=["energy"])
    write_article(content, "draft", "Draft text.", **draft)
    russian = article_fields("Переговоры", slug="article-0-the-talks-go-on", lang="ru")
    write_article(
        content, "article-0-ru", "Текст, ссылка на [статью]({filename}article-1.md).", **russian
    )
    (content / "pages").mkdir()
    (content / "pages" / "about.md").write_text(
        "---\ntitle: About\ndate: 2020-01-01 10:00\n---\n\nWho we are.\n"
    )
    return paths


def files_of(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def assert_same_site(built: Path, expected: Path) -> None:
    mine, theirs = files_of(built), files_of(expected)
    assert sorted(mine) == sorted(theirs), set(mine) ^ set(theirs)
    differing = [name for name in mine if mine[name] != theirs[name]]
    assert not differing, differing


def assert_like_a_fresh_build(output: Path, content: Path, tmp_path: Path) -> None:
    """output holds what Pelican itself writes from content, with no cache."""
    fresh = tmp_path / "fresh"
    build(content, fresh, FAST_BUILD=False, CACHE_PATH=str(tmp_path / "other-cache"))
    assert_same_site(output, fresh)


def mtimes(folder: Path) -> dict[str, int]:
    return {str(p.relative_to(folder)): p.stat().st_mtime_ns for p in folder.rglob("*.html")}


def fast(output: Path, content: Path, **settings):
    return build(content, output, BUILD_PARALLEL_FROM=0, BUILD_WORKERS=2, **settings)


@pytest.fixture
def archive(content):
    return write_archive(content)


def test_a_fast_build_on_two_cores_writes_what_pelican_writes(archive, content, tmp_path):
    build(content, tmp_path / "plain", FAST_BUILD=False)
    fast(tmp_path / "fast", content)
    assert_same_site(tmp_path / "fast", tmp_path / "plain")
    assert len(list((tmp_path / "fast").rglob("*.html"))) > 30


def test_a_rebuild_without_changes_writes_no_page(archive, content, tmp_path, monkeypatch):
    output = tmp_path / "site"
    fast(output, content)  # a cold build hashes each new file where it reads it
    before = mtimes(output)
    read = []
    real_read = CheckedMarkdownReader._read_checked
    monkeypatch.setattr(
        CheckedMarkdownReader,
        "_read_checked",
        lambda self, path: read.append(path) or real_read(self, path),
    )
    for source in content.rglob("*.md"):  # as a fresh checkout would: hashed again
        os.utime(source, ns=(source.stat().st_atime_ns, source.stat().st_mtime_ns + 10**9))
    fast(output, content)
    assert read == []  # every file was found in the read cache by its digest
    assert mtimes(output) == before
    fresh = tmp_path / "fresh"
    fast(fresh, content, CACHE_PATH=str(tmp_path / "other-cache"))
    assert_same_site(output, fresh)


def test_editing_a_body_rewrites_that_article_and_matches_a_fresh_build(archive, content, tmp_path):
    output = tmp_path / "site"
    fast(output, content)
    before = mtimes(output)
    edited = archive[5]
    edited.write_text(edited.read_text().replace("Body 5.", "Body 5, *rewritten*."))
    fast(output, content)
    after = mtimes(output)
    changed = {name for name in after if after[name] != before.get(name)}
    # the Russian translation links to another article ({filename}): it follows every
    # change, and so does the page of the article it translates (it lists it), and every
    # page of the Russian edition that shows it
    linked = {"ru/2020/01/article-0-the-talks-go-on.html", "2021/01/article-0-the-talks-go-on.html"}
    lists = ["index", "archives/index", "archives/2020/index", "categories/index"]
    lists += ["category/security/index", "tags/index", "search"]
    russian_lists = {f"ru/{name}.html" for name in lists}
    assert changed == {"2021/06/article-5-the-talks-go-on.html", *linked, *russian_lists}
    assert_like_a_fresh_build(output, content, tmp_path)
    assert "rewritten" in (output / "2021/06/article-5-the-talks-go-on.html").read_text()


def test_editing_tags_renders_the_pages_that_show_them(archive, content, tmp_path):
    output = tmp_path / "site"
    fast(output, content)
    assert (output / "tag/media/index.html").exists()
    for path in archive:  # "media" is dropped everywhere: its page and feed must go
        path.write_text(path.read_text().replace("- media", "- press freedom"))
    fast(output, content)
    assert not (output / "tag/media/index.html").exists()
    assert (output / "tag/press-freedom/index.html").exists()
    assert_like_a_fresh_build(output, content, tmp_path)


def test_editing_the_actors_registry_renders_the_pages_that_show_it(archive, content, tmp_path):
    """The actors plugin tells fast_build that every page may show the registry
    (fast_build/inputs.py): a description added there reaches the actor's page."""
    output = tmp_path / "site"
    fast(output, content)
    registry = content / "actors.yml"
    registry.write_text(
        registry.read_text(encoding="utf-8").replace(
            "- name: Poland\n  kind: person\n",
            "- name: Poland\n  kind: state\n  description: A neighbour to the west.\n",
        ),
        encoding="utf-8",
    )
    fast(output, content)
    assert "A neighbour to the west." in (output / "actor/poland/index.html").read_text()
    assert_like_a_fresh_build(output, content, tmp_path)


def test_a_deleted_article_leaves_the_site(archive, content, tmp_path):
    output = tmp_path / "site"
    fast(output, content)
    archive[3].unlink()
    fast(output, content)
    assert not (output / "2021/04/article-3-the-talks-go-on.html").exists()
    assert_like_a_fresh_build(output, content, tmp_path)


def test_a_page_changed_by_hand_is_written_again(archive, content, tmp_path):
    output = tmp_path / "site"
    fast(output, content)
    page = output / "2021/02/article-1-the-talks-go-on.html"
    original = page.read_bytes()
    page.write_text("edited by hand")
    fast(output, content)
    assert page.read_bytes() == original


def test_the_read_cache_follows_an_image_that_appears(content, tmp_path, caplog):
    fields = article_fields("With a picture", image="images/map.png", image_alt="A map")
    write_article(content, "pictured", **fields)
    output = tmp_path / "site"
    with pytest.raises(Exception, match=r"images/map\.png"):
        fast(output, content, CONTENT_WARNINGS_FATAL=True)
    (content / "images").mkdir()
    (content / "images" / "map.png").write_bytes(PIXEL)
    fast(output, content, CONTENT_WARNINGS_FATAL=True)
    assert (output / "2020/01/with-a-picture.html").exists()


def test_cached_articles_report_their_warnings_again(content, tmp_path):
    """Pelican logs a message once per process, so the warnings are seen where a
    publication sees them: CONTENT_WARNINGS_FATAL turns them into errors."""
    write_article(content, "vague", **article_fields("Vague", mood="grim"))
    output = tmp_path / "site"
    fast(output, content)
    for _ in range(2):  # the second time from the read cache
        with pytest.raises(ContentError, match="mood: unknown field"):
            fast(output, content, CONTENT_WARNINGS_FATAL=True)


def test_the_cache_is_kept_apart_from_the_output(archive, content, tmp_path):
    output = tmp_path / "site"
    fast(output, content)
    cache = tmp_path / "site.cache"  # CACHE_PATH, beside the output (conftest.build)
    kept = {p.relative_to(cache).parts[0] for p in cache.rglob("*") if p.is_file()}
    assert {"fast_build", "search-index"} <= kept  # what the build keeps is there...
    published = {p.relative_to(output) for p in output.rglob("*") if p.is_file()}
    assert not [p for p in published if p.suffix in (".pickle", ".rows", ".named")]
    assert not [p for p in published if {"fast_build", "search-index"} & set(p.parts)]
    # ...and the output does not depend on it: without it, the same site
    shutil.rmtree(cache)
    fast(tmp_path / "without-cache", content)
    assert_same_site(output, tmp_path / "without-cache")
