"""The editions of the site (pure): their settings, and which page of one edition stands
for a page of another."""

from __future__ import annotations

from types import SimpleNamespace

from editions.edition import (
    Edition,
    counterpart_path,
    edition_settings,
    editions_of,
    first_page,
    language_links,
)

EN, RU, BE = editions_of({"en": "English", "ru": "Русский", "be": "Беларуская"}, "en")


def test_the_default_language_is_the_root_and_the_others_have_a_folder():
    assert [
        Edition("en", "English", ""),
        Edition("ru", "Русский", "ru/"),
        Edition("be", "Беларуская", "be/"),
    ] == [EN, RU, BE]
    assert RU.home == "ru/index.html" and EN.home == "index.html"
    assert editions_of(["ru", "en"], "en")[0].lang == "en"  # the default first, whatever the order


def test_an_editions_lists_feeds_and_pages_are_under_its_prefix():
    settings = {
        "DEFAULT_LANG": "en",
        "INDEX_SAVE_AS": "index.html",
        "TAG_URL": "tag/{slug}/index.html",
        "ACTOR_SAVE_AS": "actor/{slug}/index.html",
        "FEED_ALL_ATOM": "feeds/all.atom.xml",
        "TAG_FEED_RSS": None,
        "SEARCH_INDEX_DIR": "search",
        "MONTH_ARCHIVE_SAVE_AS": "",
        "TEMPLATE_PAGES": {"404.html": "404.html", "drafts.html": "drafts/index.html"},
        "ARTICLE_LANG_SAVE_AS": "{lang}/{slug}.html",
        "SITESUBTITLE": "Politics",
        "EDITION_SETTINGS": {"ru": {"SITESUBTITLE": "Политика"}},
    }
    ru = edition_settings(settings, RU)
    assert ru["DEFAULT_LANG"] == "ru" and ru["ARTICLE_TRANSLATION_ID"] is None
    assert ru["INDEX_SAVE_AS"] == "ru/index.html"
    assert ru["TAG_URL"] == "ru/tag/{slug}/index.html"
    assert ru["ACTOR_SAVE_AS"] == "ru/actor/{slug}/index.html"
    assert ru["FEED_ALL_ATOM"] == "ru/feeds/all.atom.xml"
    assert ru["SEARCH_INDEX_DIR"] == "ru/search"
    assert ru["TAG_FEED_RSS"] is None and ru["MONTH_ARCHIVE_SAVE_AS"] == ""  # none stays none
    assert ru["TEMPLATE_PAGES"] == {"404.html": "ru/404.html"}  # the drafts page: once
    assert ru["ARTICLE_LANG_SAVE_AS"] == "{lang}/{slug}.html"  # Pelican's own {lang}
    assert ru["SITESUBTITLE"] == "Политика"  # EDITION_SETTINGS
    assert edition_settings(settings, BE)["SITESUBTITLE"] == "Politics"
    assert settings["INDEX_SAVE_AS"] == "index.html"  # the build's settings untouched


def test_a_page_of_one_edition_stands_for_the_same_page_of_another():
    assert counterpart_path("ru/tag/x/index.html", RU, EN) == "tag/x/index.html"
    assert counterpart_path("archives/2020/index.html", EN, BE) == "be/archives/2020/index.html"
    assert counterpart_path("ru/actor/a/page/3/index.html", RU, BE) == "be/actor/a/index.html"
    assert first_page("category/x/page/12/index.html") == "category/x/index.html"
    assert first_page("page/2/index.html") == "index.html"  # the home's second page
    assert first_page("ru/page/2/index.html") == "ru/index.html"
    assert first_page("tag/page/index.html") == "tag/page/index.html"  # a tag named "page"


def article(lang, url, translations=()):
    return SimpleNamespace(lang=lang, url=url, translations=list(translations))


def test_an_article_is_in_the_editions_of_its_translations_only():
    ru = article("ru", "ru/2020/03/a.html")
    en = article("en", "2020/03/a.html", [ru])
    assert language_links([EN, RU, BE], "en", "2020/03/a.html", en) == [
        (EN, "2020/03/a.html"),
        (RU, "ru/2020/03/a.html"),
        (BE, None),
    ]


def test_a_list_is_in_the_editions_that_have_it_and_a_home_in_all():
    page = "ru/actor/a/page/2/index.html"
    links = language_links([EN, RU, BE], "ru", page, present=["ru", "en"])
    assert links == [(EN, "actor/a/index.html"), (RU, "ru/actor/a/page/2/index.html"), (BE, None)]
    assert language_links([EN, RU], "en", "index.html") == [
        (EN, "index.html"),
        (RU, "ru/index.html"),
    ]
    assert language_links([EN], "ru", "ru/index.html") == []  # not an edition of this site
