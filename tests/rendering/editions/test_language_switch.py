"""A reader switches language in a browser, from disk (file://), every request outside the
site blocked: on the home page, an article and a tag page, the switcher leads to the same
page in the other language where there is one, else to that edition's home, and the page
reached speaks its language (interface, dates, quotes, hreflang)."""

from __future__ import annotations

import shutil

import pytest
from conftest import FIXTURES, build
from playwright.sync_api import expect


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    content = tmp_path_factory.mktemp("switch") / "content"
    shutil.copytree(FIXTURES / "editions", content)
    return build(content, tmp_path_factory.mktemp("switch-site") / "site").output


def switch(reader, language: str):
    reader.page.locator(".language-switcher").get_by_role("link", name=language).click()


def test_the_home_page_switches_to_the_other_editions_home(reader_of, site):
    reader = reader_of(site)
    reader.open("index.html")
    switch(reader, "Русский")
    expect(reader.page).to_have_url(f"{reader.folder}/ru/index.html")
    expect(reader.page.locator("html")).to_have_attribute("lang", "ru")
    expect(reader.page.locator(".site-nav")).to_contain_text("Главная")
    expect(reader.page.locator(".card-title").first).to_contain_text("Цены на калий")
    expect(reader.page.locator(".card time").first).to_have_text("15 января 2022, 12:00")
    switch(reader, "Беларуская")
    expect(reader.page).to_have_url(f"{reader.folder}/be/index.html")
    expect(reader.page.locator(".site-nav")).to_contain_text("Галоўная")


def test_an_article_switches_to_its_translation(reader_of, site):
    reader = reader_of(site)
    reader.open("2020/03/eu-extends-sanctions.html")
    switch(reader, "Беларуская")
    expect(reader.page).to_have_url(
        f"{reader.folder}/be/2020/03/es-padouzhyu-sanktsyi-suprats-belarusi.html"
    )
    page = reader.page
    expect(page.locator("h1")).to_have_text("ЕС падоўжыў санкцыі супраць Беларусі")
    expect(page.locator(".article-header time")).to_have_text("1 сакавіка 2020, 10:00")
    expect(page.locator(".article-body")).to_contain_text("«У\u00a0нас няма выбару»")
    hreflangs = page.locator('head link[rel="alternate"][hreflang]')
    expect(hreflangs).to_have_count(4)  # en, ru, be and x-default
    switch(reader, "Русский")
    expect(page).to_have_url(f"{reader.folder}/ru/2020/03/eu-extends-sanctions.html")
    expect(page.locator(".similar, .article-body").first).to_be_visible()
    expect(page.locator(".actors")).to_contain_text("Европейский союз")


def test_a_tag_page_switches_to_the_other_editions_home(reader_of, site):
    reader = reader_of(site)
    reader.open("ru/tag/sanktsii/index.html")
    expect(reader.page.locator(".list-kind")).to_have_text("Тег")
    switch(reader, "English")
    expect(reader.page).to_have_url(f"{reader.folder}/index.html")
    expect(reader.page.locator("html")).to_have_attribute("lang", "en")
