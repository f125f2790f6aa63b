"""Every internal link of a built site resolves to a file, on a static host and from disk:
the gates of tools/gates.py (which make publish runs) on built sites, and each kind of
broken link or feed they must catch."""

from pathlib import Path
from urllib.parse import unquote, urldefrag, urlsplit

import pytest
from conftest import article_fields, parse, write_article

from tools.gates import broken_links, feed_problems

DEV_SITEURL = "http://localhost:8000"  # pelicanconf.py: feeds link to it

LINK_ATTRIBUTES = {"a": "href", "link": "href", "img": "src", "script": "src"}


def internal_links(site):
    """(page, tag name, target) for every link that stays inside the site."""
    for page_path in site.pages():
        page = parse(page_path)
        for name, attribute in LINK_ATTRIBUTES.items():
            for tag in page.find_all(name):
                target = tag.get(attribute)
                if target and not urlsplit(target).scheme and not target.startswith("#"):
                    yield page_path, tag, target


def resolve(page_path: Path, target: str) -> Path:
    path = unquote(urldefrag(target).url)
    return (page_path.parent / path).resolve()


@pytest.fixture(scope="module")
def rich_site(tmp_path_factory):
    """A site with every page type: several categories, tags, actors, years, pages."""
    from conftest import build

    content = tmp_path_factory.mktemp("rich") / "content"
    for number in range(25):
        write_article(
            content,
            f"a{number}",
            body=f"Text of article {number}. See [the first]({{filename}}a0.md).",
            **article_fields(
                f"Article {number}",
                date=f"{2014 + number % 4}-0{1 + number % 9}-1{number % 10} 10:{number:02d}",
                category=["Security", "Foreign policy", "Economy"][number % 3],
                tags=[f"tag{number % 4}", "Belarus"],
                actors=[["Sergei Lavrov", "OSCE", "Russia"][number % 3], "Belarus"],
            ),
        )
    write_article(content, "ru", **article_fields("Беларусь и Россия", tags=["армия"]))
    return build(content, tmp_path_factory.mktemp("rich-out"))


@pytest.fixture(params=["seed", "rich"])
def any_site(request, seed_site, rich_site):
    return {"seed": seed_site, "rich": rich_site}[request.param]


def test_no_page_links_to_a_missing_file(any_site):
    assert broken_links(any_site.output) == []


def test_the_link_gate_catches_each_kind_of_broken_link(tmp_path):
    (tmp_path / "there.html").write_text("<p>here</p>")
    (tmp_path / "folder").mkdir()
    (tmp_path / "folder" / "index.html").write_text("<p>folder</p>")
    links = {
        "a page": '<a href="gone.html">x</a>',
        "a stylesheet": '<link rel="stylesheet" href="theme/css/gone.css">',
        "an image": '<img src="images/gone.png" alt="">',
        "a script": '<script src="theme/js/gone.js"></script>',
        "a source": '<picture><source src="images/gone.webp"></picture>',
        "a root-relative page": '<a href="/folder/gone.html">x</a>',
        "the site's own address": f'<a href="{DEV_SITEURL}/gone-too.html">x</a>',
    }
    fine = (
        '<a href="there.html#top">x</a> <a href="folder/">x</a> <a href="https://other.org/">x</a>'
    )
    (tmp_path / "index.html").write_text(fine + "".join(links.values()))
    found = broken_links(tmp_path, DEV_SITEURL)
    assert [target for _, target in found] == [
        "gone.html",
        "/folder/gone.html",
        f"{DEV_SITEURL}/gone-too.html",
        "theme/css/gone.css",
        "images/gone.png",
        "theme/js/gone.js",
        "images/gone.webp",
    ]
    assert {page for page, _ in found} == {"index.html"}


def test_with_relative_urls_every_link_names_a_file_and_none_starts_with_a_slash(
    any_site,
):
    bad = [
        (str(page.relative_to(any_site.output)), target)
        for page, _, target in internal_links(any_site)
        if target.startswith("/") or target.endswith("/") or resolve(page, target).is_dir()
    ]
    assert not bad


def test_in_page_anchors_exist(any_site):
    for page_path in any_site.pages():
        page = parse(page_path)
        for anchor in page.select('a[href^="#"]'):
            assert page.find(id=anchor["href"][1:]), (page_path, anchor["href"])


def test_cyrillic_titles_and_tags_are_transliterated_in_urls(rich_site):
    assert rich_site.exists("2020/01/belarus-i-rossiia.html")
    assert rich_site.exists("tag/armiia/index.html")


def test_pagination_uses_page_folders(rich_site):
    assert rich_site.exists("page/2/index.html")
    assert rich_site.exists("actor/belarus/page/3/index.html")
    second = rich_site.page("actor/belarus/page/2/index.html")
    assert second.select_one('a[rel="prev"]')["href"] == "../../../../actor/belarus/index.html"


def test_page_twelve_of_tag1_is_not_the_page_of_tag112(content, build_site):
    for number in range(12):
        write_article(content, f"t{number}", **article_fields(f"T {number}", tags=["tag1"]))
    write_article(content, "other", **article_fields("Only in tag112", tags=["tag112"]))
    site = build_site(content, DEFAULT_PAGINATION=1)
    assert site.exists("tag/tag1/page/12/index.html")
    titles = [
        a.get_text().replace("\xa0", " ")
        for a in site.page("tag/tag112/index.html").select(".card-title a")
    ]
    assert titles == ["Only in tag112"]


def feeds(site):
    return sorted((site.output / "feeds").rglob("*.xml"))


def test_every_feed_parses_and_links_to_existing_pages(any_site):
    assert feeds(any_site)
    assert feed_problems(any_site.output, DEV_SITEURL) == []


def test_the_feed_gate_catches_each_kind_of_broken_feed(tmp_path):
    (tmp_path / "feeds").mkdir()
    (tmp_path / "there.html").write_text("<p>here</p>")

    def atom(*links):
        entries = "".join(
            f"<entry><title>{n}</title><link href='{DEV_SITEURL}/{link}'/><id>{n}</id>"
            "<updated>2020-01-01T00:00:00Z</updated></entry>"
            for n, link in enumerate(links)
        )
        return (
            "<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'>"
            f"<title>t</title><id>f</id><updated>2020-01-01T00:00:00Z</updated>{entries}</feed>"
        )

    (tmp_path / "feeds" / "good.atom.xml").write_text(atom("there.html"))
    (tmp_path / "feeds" / "empty.atom.xml").write_text(atom())
    (tmp_path / "feeds" / "dangling.atom.xml").write_text(atom("there.html", "gone.html"))
    (tmp_path / "feeds" / "broken.atom.xml").write_text(atom("there.html")[:-20])
    problems = feed_problems(tmp_path, DEV_SITEURL)
    assert [problem.split(":")[0] for problem in problems] == [
        "feeds/broken.atom.xml",
        "feeds/dangling.atom.xml",
        "feeds/empty.atom.xml",
    ]
    assert "does not parse" in problems[0]
    assert "entry '1' links to" in problems[1] and "gone.html" in problems[1]
    assert problems[2].endswith("no entry")


def test_feeds_exist_for_all_categories_tags_and_actors(rich_site):
    for name in (
        "all.atom.xml",
        "all.rss.xml",
        "category/security.atom.xml",
        "tag/tag1.atom.xml",
        "actor/sergei-lavrov.atom.xml",
    ):
        assert (rich_site.output / "feeds" / name).is_file(), name
