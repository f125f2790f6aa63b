"""A reader with the offline copy: unzipped, opened from disk, every network request blocked.

Drives Debian's chromium through Playwright. Fails on any console error, page error, or
request that leaves the unzipped folder.
"""

import re
import zipfile
from pathlib import Path

import pytest
from conftest import Reader, article_fields, write_article
from playwright.sync_api import expect

from tools.offline import main as make_offline


@pytest.fixture(scope="module")
def offline_copy(tmp_path_factory) -> Path:
    content = tmp_path_factory.mktemp("offline") / "content"
    for number in range(14):
        write_article(
            content,
            f"a{number:02d}",
            body=f"Analysis number {number} of the security situation.",
            **article_fields(
                f"Border security review {number}",
                f"2019-{1 + number % 12:02d}-1{number % 9} 09:{number:02d}",
                tags=["border security", f"topic {number % 3}"],
                actors=["Sergei Lavrov", "OSCE"] if number % 2 else ["Vladimir Makey"],
                summary=f"Lead of review {number}.",
            ),
        )
    write_article(
        content,
        "ru",
        body="Министерство обороны провело учения вблизи границы.",
        **article_fields(
            "Учения у границы", "2020-02-02 10:00", tags=["армия"], actors=["Vladimir Makey"]
        ),
    )
    write_article(  # the Russian edition: a translation of review 3
        content,
        "a03.ru",
        body="Пограничники провели проверку на переходах в Гродно и Бресте.",
        **article_fields(
            "Обзор безопасности границы 3",
            "2019-04-13 09:03",
            lang="ru",
            slug="border-security-review-3",
            actors=["Sergei Lavrov"],
        ),
    )
    write_article(  # the Belarusian edition
        content,
        "be",
        body="Памежнікі правялі праверку на пераходах.",
        **article_fields("Праверка на мяжы", "2020-03-03 10:00", lang="be"),
    )
    dist = tmp_path_factory.mktemp("dist")
    archive = make_offline([str(content), "--dist", str(dist), "--date", "2026-11-26"])
    unpacked = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(archive) as zipped:
        zipped.extractall(unpacked)
    (folder,) = unpacked.iterdir()
    return folder


@pytest.fixture
def reader(reader_of, offline_copy):
    return reader_of(offline_copy)


def test_a_reader_clicks_from_home_to_articles_tags_and_actors(reader):
    page = reader.page
    reader.open("index.html")
    page.locator(".card-title a").first.click()
    expect(page.locator("h1")).to_have_text("Учения у границы")
    page.locator(".site-name a").click()
    page.locator(".card-title a").nth(1).click()
    expect(page.locator("h1")).to_contain_text("Border security review")
    page.locator("aside.similar h3 a").first.click()
    expect(page.locator("h1")).to_contain_text("Border security review")
    page.locator(".taxonomies .tags a", has_text="border security").click()
    expect(page.locator("h1")).to_have_text("border security")
    page.go_back()
    page.locator(".taxonomies .actors a").first.click()
    expect(page.locator(".list-kind")).to_have_text("Actor")
    page.locator(".site-nav a", has_text="Actors").click()
    expect(page.locator(".term-index a", has_text="Sergei Lavrov")).to_be_visible()
    page.locator(".site-nav a", has_text="Archives").click()
    page.locator(".archive-year h2 a").first.click()
    expect(page.locator("h1")).to_contain_text("Archives")
    assert page.url.endswith("/index.html")


def search_from_header(reader, words: str):
    page = reader.page
    reader.open("index.html")
    page.locator("#site-search-input").fill(words)
    page.locator("#site-search-input").press("Enter")
    expect(page.locator("#search-status")).to_contain_text(re.compile(r"articles? for"))
    return page


def test_search_finds_an_actor_and_opens_the_article(reader):
    page = search_from_header(reader, "Lavrov")
    results = page.locator(".search-result")
    expect(results).to_have_count(7)
    first = results.first
    expect(first.locator("time")).to_have_attribute("datetime", re.compile(r"^2019-"))
    expect(first.locator(".meta")).to_contain_text("Security")
    first.locator("h2 a").click()
    expect(page.locator(".taxonomies .actors")).to_contain_text("Sergei Lavrov")


def test_search_finds_a_cyrillic_word_in_the_text_despite_a_typo(reader):
    page = search_from_header(reader, "учния")  # "учения" with a letter missing
    expect(page.locator(".search-result h2 a mark")).to_have_text("Учения")
    page = search_from_header(reader, "границы")
    expect(page.locator(".search-result")).to_have_count(1)
    page.locator(".search-result h2 a").click()
    expect(page.locator("h1")).to_have_text("Учения у границы")


def test_search_is_tolerant_of_case_and_accents(reader):
    page = search_from_header(reader, "LÁVROV")
    expect(page.locator(".search-result")).to_have_count(7)


def test_without_javascript_the_search_page_says_so_and_links_to_the_archives(
    browser, offline_copy
):
    context = browser.new_context(java_script_enabled=False)
    visitor = Reader(context, offline_copy)
    visitor.open("search.html?q=Lavrov")
    expect(visitor.page.locator(".search-nojs")).to_contain_text("needs JavaScript")
    visitor.page.locator(".search-nojs a", has_text="Archives").click()
    expect(visitor.page.locator("h1")).to_have_text("Archives")
    context.close()
    assert not visitor.problems


def test_the_zip_holds_one_folder_named_after_the_site_and_date(offline_copy):
    assert offline_copy.name == "belarus-analysis-2026-11-26"
    for edition in ("", "ru/", "be/"):  # every language's edition, each with its search
        assert (offline_copy / edition / "index.html").is_file()
        assert (offline_copy / edition / "search" / "manifest.js").is_file()
    assert not (offline_copy / "drafts").exists()


def test_a_reader_switches_to_russian_and_searches_in_russian(reader):
    page = reader.page
    reader.open("2019/04/border-security-review-3.html")
    page.locator(".language-switcher a", has_text="Русский").click()
    expect(page.locator("h1")).to_have_text("Обзор безопасности границы\u00a03")
    page.locator("#site-search-input").fill("переходе")  # another form of "переходах"
    page.locator("#site-search-input").press("Enter")
    expect(page.locator("#search-status")).to_contain_text("1 статья по запросу «переходе»")
    expect(page.locator(".search-passage mark")).to_have_text("переходах")
    page.locator(".search-result h2 a").click()
    expect(page.locator("html")).to_have_attribute("lang", "ru")


def test_every_link_of_the_copy_names_a_file_inside_it(offline_copy):
    from conftest import Site
    from test_links import internal_links, resolve

    copy = Site(offline_copy)
    bad = [
        (str(page.relative_to(offline_copy)), target)
        for page, _, target in internal_links(copy)
        if target.startswith("/")
        or not resolve(page, target).is_file()
        or offline_copy.resolve() not in resolve(page, target).parents
    ]
    assert not bad
    external = [
        (str(page.relative_to(offline_copy)), tag.name, target)
        for page, tag, target in _all_links(copy)
        if tag.name != "a" and target.startswith(("http:", "https:", "//"))
    ]
    assert not external


def _all_links(site):
    from conftest import parse

    for page_path in site.pages():
        page = parse(page_path)
        for tag in page.find_all(["a", "link", "img", "script", "source", "iframe"]):
            target = tag.get("href") or tag.get("src")
            if target:
                yield page_path, tag, target
