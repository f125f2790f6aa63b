"""Every internal link of a built site resolves to a file, on a static host and from disk."""

from pathlib import Path
from urllib.parse import unquote, urldefrag, urlsplit

import feedparser
import pytest
from conftest import article_fields, parse, write_article

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
    missing = [
        (str(page.relative_to(any_site.output)), target)
        for page, _, target in internal_links(any_site)
        if not resolve(page, target).exists()
    ]
    assert not missing


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
    for feed_path in feeds(any_site):
        parsed = feedparser.parse(feed_path.read_bytes())
        assert not parsed.bozo, (feed_path, parsed.get("bozo_exception"))
        assert parsed.entries, feed_path
        for entry in parsed.entries:
            path = urlsplit(entry.link).path.lstrip("/")
            assert (any_site.output / path).is_file(), (feed_path, entry.link)


def test_feeds_exist_for_all_categories_tags_and_actors(rich_site):
    for name in (
        "all.atom.xml",
        "all.rss.xml",
        "category/security.atom.xml",
        "tag/tag1.atom.xml",
        "actor/sergei-lavrov.atom.xml",
    ):
        assert (rich_site.output / "feeds" / name).is_file(), name
