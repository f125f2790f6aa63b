"""The article page of the default content carries every element of the seed page."""

import re

FIRST = "2016/04/belarusian-foreign-ministry-requests-kremlins-support-at-international-fora.html"
SECOND = "2017/10/belarusian-and-ukrainian-defence-ministries-entangle-in-confrontation-spiral.html"


def text(node):
    return re.sub(r"\s+", " ", node.get_text(" ")).replace("\xa0", " ").strip()


def test_title_category_date_and_time_as_the_publication_prints_them(seed_site):
    page = seed_site.page(FIRST)
    assert text(page.h1) == (
        "Belarusian Foreign Ministry requests Kremlin’s support at international fora"
    )
    assert text(page.select_one(".article-category")) == "Category: Foreign policy"
    stamp = page.select_one(".article-header time")
    assert text(stamp) == "April 22, 2016 18:34"
    assert stamp["datetime"] == "2016-04-22T18:34:00+03:00"


def test_lead_and_body_are_the_seed_text(seed_site):
    page = seed_site.page(FIRST)
    assert text(page.select_one(".lead")).startswith("On July 10th, Belarus’ Foreign")
    body = text(page.select_one(".article-body"))
    assert body.startswith("The Belarusian Foreign Ministry is trying to enlist")
    assert body.endswith("should not be anticipated.")


def test_the_first_article_lists_the_second_as_similar_with_date_credit_and_reasons(
    seed_site,
):
    block = seed_site.page(FIRST).select_one("aside.similar")
    assert text(block.h2) == "Similar articles"
    (entry,) = block.select(".similar-entry")
    link = entry.select_one("h3 a")
    assert text(link) == (
        "Belarusian and Ukrainian Defence Ministries entangle in confrontation spiral"
    )
    assert link["href"] == "../../" + SECOND
    assert text(entry.select_one("time")) == "October 2, 2017 11:57"
    assert text(entry.select_one(".credit")) == "Фото: RFRM"
    assert text(entry.select_one(".reasons")).startswith("Shared: ")
    assert {"Russia", "Belarus–Russia relations"} <= set(
        text(entry.select_one(".reasons")).removeprefix("Shared: ").split(", ")
    )
    assert text(entry.select_one(".similar-lead")).startswith("Over the past year")


def test_the_second_article_lists_the_first_and_shows_its_credit_without_a_photo(
    seed_site,
):
    page = seed_site.page(SECOND)
    assert page.select_one(".lead-image") is None
    assert text(page.select_one(".article .credit")) == "Фото: RFRM"
    (entry,) = page.select("aside.similar .similar-entry")
    assert entry.select_one("h3 a")["href"] == "../../" + FIRST
    assert entry.select_one(".credit") is None  # the first article has no credit


def test_tags_and_actors_link_to_their_pages(seed_site):
    page = seed_site.page(FIRST)
    actors = {text(a): a["href"] for a in page.select(".taxonomies .actors a")}
    assert actors["Sergei Lavrov"] == "../../actor/sergei-lavrov/index.html"
    tags = {text(a): a["href"] for a in page.select(".taxonomies .tags a")}
    assert tags["Belarus–Russia relations"] == "../../tag/belarus-russia-relations/index.html"


def test_pages_have_landmarks_skip_link_and_one_h1(seed_site):
    for path in seed_site.pages():
        page = seed_site.page(str(path.relative_to(seed_site.output)))
        assert page.html.get("lang"), path
        assert page.select_one("a.skip-link")["href"] == "#main", path
        assert page.select_one("main#main") and page.select_one("header.masthead"), path
        assert page.select_one("footer.site-footer"), path
        assert len(page.find_all("h1")) == 1, path


def test_no_page_requests_anything_from_another_host(seed_site):
    for path in seed_site.pages():
        page = seed_site.page(str(path.relative_to(seed_site.output)))
        for tag in page.find_all(["script", "img", "iframe", "source", "video", "audio"]):
            assert not tag.get("src", "").startswith(("http:", "https:", "//")), path
        for tag in page.find_all("link"):
            if "alternate" not in tag.get("rel", []):
                assert not tag["href"].startswith(("http:", "https:", "//")), path


def test_the_theme_has_dark_mode_and_print_styles(seed_site):
    css = "".join(
        p.read_text(encoding="utf-8") for p in (seed_site.output / "theme").rglob("*.css")
    )
    assert "prefers-color-scheme: dark" in css
    page = seed_site.page("index.html")
    assert page.select_one('link[rel="stylesheet"][media="print"]')
