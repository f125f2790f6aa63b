"""quick_page.py: the page of a saved article, rendered from the build held in memory."""

from __future__ import annotations

import pytest
from conftest import article_fields, build, parse, write_article

from tools.quick_page import LastBuild, QuickPage


@pytest.fixture
def held(content, tmp_path):
    """A site of three articles built in this process, and the build it holds."""
    for name, title in (("story", "First story"), ("other", "Second story"), ("third", "Third")):
        write_article(
            content, name, f"Text of {title}.", **article_fields(title, tags=["Minsk", "Army"])
        )
    last_build = LastBuild()
    output = tmp_path / "output"
    build(content, output)
    yield QuickPage(last_build, str(output)), output
    last_build.close()


def text_of(element) -> str:
    return " ".join(element.get_text().split())  # (typogrify's no-break spaces as spaces)


def similar_titles(page) -> list[str]:
    return [entry.get_text(" ", strip=True) for entry in page.select(".similar-entry")]


def test_a_body_edit_is_rendered_from_the_held_build(held, content):
    quick, output = held
    page_path = output / "2020" / "01" / "first-story.html"
    before = parse(page_path)
    source = write_article(
        content, "story", "A new sentence.", **article_fields("First story", tags=["Minsk", "Army"])
    )
    result = quick.render(source)
    assert result.problems == [] and result.path == "2020/01/first-story.html"
    after = parse(page_path)
    assert text_of(after.select_one(".article-body")) == "A new sentence."
    assert similar_titles(after) == similar_titles(before) != []  # the held build's list
    assert after.select_one("nav") == before.select_one("nav")


def test_a_title_edit_shows_at_once(held, content):
    quick, output = held
    fields = article_fields("First story", tags=["Minsk", "Army"], slug="first-story")
    fields["title"] = "A better title"
    quick.render(write_article(content, "story", "Text.", **fields))
    page = parse(output / "2020" / "01" / "first-story.html")
    assert text_of(page.select_one("h1")) == "A better title"


def test_a_mistake_comes_back_as_problems_and_the_page_stays(held, content):
    quick, output = held
    page_path = output / "2020" / "01" / "first-story.html"
    before = page_path.read_bytes()
    source = write_article(content, "story", "Text.", **article_fields("First story", tags=[1984]))
    result = quick.render(source)
    assert result.path is None
    [problem] = result.problems
    assert "story.md" in problem and "tags" in problem
    assert page_path.read_bytes() == before


def test_a_new_article_gets_its_page_and_an_orphan_goes_after_a_whole_build(held, content):
    quick, output = held
    source = write_article(content, "fresh", "New text.", **article_fields("Fresh news"))
    assert quick.can_render(source)
    result = quick.render(source)
    page = output / result.path
    assert text_of(parse(page).select_one("h1")) == "Fresh news"
    source.write_text(source.read_text().replace("2020-01-01", "2021-03-01"))
    moved = output / quick.render(source).path
    assert moved != page and moved.is_file() and page.is_file()
    build(content, output)  # the whole build writes the page at its new address again...
    quick.remove_orphans()  # ...and the one it did not write goes
    assert moved.is_file() and not page.exists()


def test_only_markdown_files_in_the_article_folders_are_rendered(held, content):
    quick, _ = held
    assert not quick.can_render(content / "actors.yml")
    assert not quick.can_render(content / "pages" / "about.md")
    assert quick.can_render(content / "articles" / "story.md")


def test_a_page_rendered_first_is_byte_for_byte_the_builds_own(held, content):
    quick, output = held
    page_path = output / "2020" / "01" / "first-story.html"
    built = page_path.read_bytes()
    page_path.write_bytes(b"")
    result = quick.render(content / "articles" / "story.md")  # saved again, as it was
    assert result.path == "2020/01/first-story.html"
    assert page_path.read_bytes() == built
