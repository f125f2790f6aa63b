"""A broken article fails the whole build, names itself, and leaves the old site alone."""

import pytest
from conftest import article_fields, register_actors, write_article
from content_checks import ContentError


def good_article(content):
    write_article(content, "good", **article_fields("A good article", tags=["t"]))


def test_a_broken_article_fails_the_build_with_its_file_name(content, build_site):
    good_article(content)
    (content / "articles" / "broken.md").write_text(
        "---\ntitle: [unclosed\ndate: 2016-04-22 18:34\n---\nBody\n", encoding="utf-8"
    )
    with pytest.raises(ContentError) as error:
        build_site(content, expect_clean=False)
    message = str(error.value)
    assert "broken.md:3:" in message and "not valid YAML" in message
    assert "starts on line 2" in message
    assert "good.md" not in message


def test_all_problems_of_all_files_come_in_one_failure(content, build_site):
    write_article(content, "one", **article_fields("One", tags=[False, 1984]))
    write_article(content, "two", **{"date": "2016-04-22 18:34"})
    write_article(content, "three", **article_fields("Three", date="next week"))
    with pytest.raises(ContentError) as error:
        build_site(content, expect_clean=False)
    found = [str(p) for p in error.value.problems]
    assert len(found) == 4, found
    assert any("one.md" in p and "boolean false" in p for p in found)
    assert any("one.md" in p and "number 1984" in p for p in found)
    assert any("two.md" in p and "title is missing" in p for p in found)
    assert any("three.md" in p and "'next week' is not a date" in p for p in found)


def test_native_pelican_header_still_works_and_is_checked(content, build_site):
    (content / "articles" / "native.md").write_text(
        "Title: Native header\nDate: 2016-04-22 18:34\nTags: a, b\n"
        "Actors: Sergei Lavrov, OSCE\n\nBody\n",
        encoding="utf-8",
    )
    register_actors(content, ["Sergei Lavrov"])
    site = build_site(content)
    assert site.exists("actor/sergei-lavrov/index.html")
    assert site.exists("tag/b/index.html")
    (content / "articles" / "native-bad.md").write_text(
        "Title: No date here\n\nBody\n", encoding="utf-8"
    )
    with pytest.raises(ContentError, match=r"native-bad\.md: date: the date is missing"):
        build_site(content, expect_clean=False)


def test_a_failed_build_leaves_the_previous_output_as_it_was(content, tmp_path):
    from conftest import build

    good_article(content)
    output = tmp_path / "site"
    build(content, output)
    before = {p: p.read_bytes() for p in output.rglob("*") if p.is_file()}
    write_article(content, "bad", **article_fields("Bad", tags=["ok", None]))
    write_article(content, "good", **article_fields("Changed title", tags=["t"]))
    with pytest.raises(ContentError):
        build(content, output)
    after = {p: p.read_bytes() for p in output.rglob("*") if p.is_file()}
    assert after == before


def test_two_articles_written_to_one_file_fail_the_build_naming_both(content, build_site):
    write_article(content, "first", **article_fields("Same title", tags=["t"]))
    write_article(content, "second", **article_fields("Same title", tags=["t"]))
    with pytest.raises(ContentError) as error:
        build_site(content, expect_clean=False)
    (problem,) = error.value.problems
    assert problem.field == "slug"
    assert "is written to the same file (2020/01/same-title.html)" in problem.message
    assert "first.md" in str(problem) and "second.md" in str(problem)
