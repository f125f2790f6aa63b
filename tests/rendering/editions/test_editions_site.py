"""A site in three languages (tests/fixtures/editions: one article in English, Russian and
Belarusian, one in English only, one in Russian only) built into three editions: each
edition's lists hold its language's articles only, in its words, dates and typography, and
every page links to the same page in the other editions where there is one."""

from __future__ import annotations

import posixpath
import shutil

import pytest
from conftest import FIXTURES, Site, build

EN_ARTICLE = "2020/03/eu-extends-sanctions.html"
RU_ARTICLE = "ru/2020/03/eu-extends-sanctions.html"
BE_ARTICLE = "be/2020/03/es-padouzhyu-sanktsyi-suprats-belarusi.html"
RU_ONLY = "ru/2022/01/tseny-na-kalii-vyrosli.html"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Site:
    content = tmp_path_factory.mktemp("editions") / "content"
    shutil.copytree(FIXTURES / "editions", content)
    return build(content, tmp_path_factory.mktemp("editions-site") / "site")


def titles(site: Site, page: str) -> list[str]:
    """The titles of a list's cards, no-break spaces read as spaces."""
    cards = site.page(page).select(".card-title")
    return [" ".join(h.get_text().replace("\u202f", " ").split()) for h in cards]


def alternates(site: Site, page: str) -> dict[str, str]:
    links = site.page(page).select('head link[rel="alternate"][hreflang]')
    return {link["hreflang"]: link["href"] for link in links}


def resolved(page: str, href: str) -> str:
    """A relative link of a page, as a path from the site's root."""
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), href))


def test_each_edition_lists_its_own_language_only(site):
    assert titles(site, "index.html") == [
        "Army reform enters its second stage",
        "EU extends sanctions against Belarus",
    ]
    assert titles(site, "ru/index.html") == [
        "Цены на калий выросли",
        "ЕС продлил санкции против Беларуси",
    ]
    assert titles(site, "be/index.html") == ["ЕС падоўжыў санкцыі супраць Беларусі"]
    feed = (site.output / "ru/feeds/all.atom.xml").read_text(encoding="utf-8")
    assert "Цены на калий" in feed and "Army reform" not in feed and "падоўжыў" not in feed


def test_an_edition_speaks_its_language(site):
    page = site.page(RU_ARTICLE)
    assert page.html["lang"] == "ru"
    assert page.select_one("time").get_text() == "1 марта 2020, 10:00"
    assert site.page(BE_ARTICLE).select_one("time").get_text() == "1 сакавіка 2020, 10:00"
    assert site.page(EN_ARTICLE).select_one("time").get_text() == "March 1, 2020 10:00"
    assert page.select_one(".skip-link").get_text() == "Перейти к содержанию"
    assert page.select_one(".actors .label").get_text() == "О ком:"
    body = page.select_one(".article-body").get_text()
    assert "«У\u00a0нас нет выбора»,\u202f—" in body  # «ёлочки», a bound dash
    assert "в\u00a0Брюсселе" in body  # a one-letter preposition bound to its word
    english = " ".join(site.page(EN_ARTICLE).select_one(".article-body").get_text().split())
    assert "“We have no choice,” said" in english  # typogrify's curly quotes


def test_names_of_sections_and_actors_are_the_editions(site):
    page = site.page(BE_ARTICLE)
    assert [a.get_text() for a in page.select(".actors a")] == [
        "Еўрапейскі саюз",
        "Уладзімір Макей",
    ]
    assert page.select_one(".article-category a").get_text() == "Знешняя палітыка"
    actor = site.page("ru/actor/european-union/index.html")
    assert actor.select_one("h1").get_text() == "Европейский союз"
    assert actor.select_one(".actor-description").get_text() == "Союз 27 европейских государств."
    first_actor = page.select_one(".actors a")["href"]
    assert first_actor.endswith("be/actor/european-union/index.html")


def test_an_article_links_its_translations_and_only_them(site):
    assert alternates(site, EN_ARTICLE) == {
        "en": f"../../{EN_ARTICLE}",
        "ru": f"../../{RU_ARTICLE}",
        "be": f"../../{BE_ARTICLE}",
        "x-default": f"../../{EN_ARTICLE}",
    }
    assert alternates(site, RU_ONLY) == {"ru": f"../../../{RU_ONLY}"}  # no x-default: no English
    switcher = site.page(RU_ONLY).select(".language-switcher a")
    assert [(a.get_text(), resolved(RU_ONLY, a["href"])) for a in switcher] == [
        ("English", "index.html"),  # no translation: that edition's home
        ("Беларуская", "be/index.html"),
    ]
    also = site.page(RU_ARTICLE).select(".translations a")
    assert [a.get_text() for a in also] == ["English", "Беларуская"]


def test_lists_link_the_same_list_in_the_editions_that_have_it(site):
    page = "ru/actor/sergei-lavrov/index.html"
    assert set(alternates(site, page)) == {"en", "ru", "x-default"}  # no Belarusian article of his
    switcher = {
        a.get_text(): resolved(page, a["href"])
        for a in site.page(page).select(".language-switcher a")
    }
    assert switcher == {"English": "actor/sergei-lavrov/index.html", "Беларуская": "be/index.html"}
    tag = "ru/tag/sanktsii/index.html"
    assert set(alternates(site, tag)) == {"ru"}  # a tag is a word of its own language
    assert set(alternates(site, "be/index.html")) == {"en", "ru", "be", "x-default"}
    named = [  # every hreflang of every page names a page that exists
        (relative, href)
        for relative in (page.relative_to(site.output).as_posix() for page in site.pages())
        for href in alternates(site, relative).values()
    ]
    assert len(named) > 100
    assert [link for link in named if not (site.output / resolved(*link)).is_file()] == []


def test_each_edition_has_its_search_index_and_404(site):
    for prefix, count in (("", 2), ("ru/", 2), ("be/", 1)):
        manifest = (site.output / f"{prefix}search/manifest.js").read_text(encoding="utf-8")
        assert f'"documents":{count},' in manifest
        assert site.exists(f"{prefix}404.html") and site.exists(f"{prefix}search.html")
    assert site.page("ru/404.html").select_one("h1").get_text() == "Страница не найдена"
