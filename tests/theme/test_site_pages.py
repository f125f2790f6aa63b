"""Home, archives, 404, drafts and typography of a built site."""

from conftest import PIXEL, article_fields, write_article

CODE = """Some "quoted" text -- with dashes.

    code "stays" -- as written

And `inline "code" -- too`.
"""


def test_typogrify_improves_text_but_leaves_code_alone(content, build_site):
    write_article(content, "typo", body=CODE, **article_fields("Typography"))
    page = build_site(content).page("2020/01/typography.html")
    body = page.select_one(".article-body")
    assert "“quoted”" in body.p.get_text()
    assert body.pre.get_text().strip() == 'code "stays" -- as written'
    assert body.select_one("p code").get_text() == 'inline "code" -- too'


def test_home_lists_latest_articles_with_their_leads(seed_site):
    cards = seed_site.page("index.html").select(".card")
    assert [c.select_one(".card-title a").get_text().split()[0:2] for c in cards] == [
        ["Belarusian", "and"],
        ["Belarusian", "Foreign"],
    ]
    assert cards[0].select_one(".card-lead").get_text().strip().startswith("Over the past year")


def test_navigation_names_every_category(seed_site):
    nav = [a.get_text() for a in seed_site.page("index.html").select(".site-nav a")]
    assert {"Foreign policy", "Security", "Actors", "Archives"} <= set(nav)


def test_archives_are_grouped_by_year_with_year_pages(seed_site):
    page = seed_site.page("archives/index.html")
    assert [h.get_text() for h in page.select(".archive-year h2")] == ["2017", "2016"]
    assert [c.get_text() for c in page.select(".archive-year .count")] == ["(1)", "(1)"]
    year = seed_site.page("archives/2016/index.html")
    assert len(year.select(".archive-list li")) == 1


def test_there_is_a_404_page(seed_site):
    assert seed_site.page("404.html").h1.get_text() == "Page not found"


def test_drafts_are_marked_and_kept_out_of_lists(content, build_site):
    write_article(content, "pub", **article_fields("Published", tags=["t"]))
    write_article(content, "dr", **article_fields("Work in progress", tags=["t"], status="draft"))
    site = build_site(content)
    assert site.page("drafts/work-in-progress.html").select_one(".status-flag")
    listed = [a.get_text() for a in site.page("tag/t/index.html").select(".card-title a")]
    assert listed == ["Published"]


def test_a_lead_image_shows_with_its_alt_text_and_credit(content, build_site):
    (content / "images").mkdir()
    (content / "images" / "minsk.png").write_bytes(PIXEL)
    write_article(
        content,
        "pic",
        **article_fields(
            "With a picture",
            image="images/minsk.png",
            image_alt="Independence Square in Minsk",
            image_credit="Photo: Editorial team",
        ),
    )
    site = build_site(content)
    figure = site.page("2020/01/with-a-picture.html").select_one("figure.lead-image")
    assert figure.img["alt"] == "Independence Square in Minsk"
    assert (site.output / "2020/01" / figure.img["src"]).resolve().is_file()
    assert figure.figcaption.get_text() == "Photo: Editorial team"
    images = [img for page in site.pages() for img in site.page(str(page)).find_all("img")]
    assert images and all(img.get("alt") for img in images)  # every picture says what it shows


def test_navigation_marks_where_the_reader_is(seed_site):
    def current(path):
        return [a.get_text() for a in seed_site.page(path).select(".site-nav [aria-current]")]

    assert current("index.html") == ["Home"]
    assert current("archives/index.html") == ["Archives"]
    assert current("actors/index.html") == ["Actors"]
    assert current("category/security/index.html") == ["Security"]
    # the masthead is made once per depth, section and menu page: pages of the same depth
    tag_page = next(seed_site.output.glob("tag/*/index.html")).relative_to(seed_site.output)
    assert current(str(tag_page)) == []
    articles = sorted(seed_site.output.glob("20*/*/*.html"))
    assert len(articles) == 2
    for article in articles:
        category = seed_site.page(str(article.relative_to(seed_site.output)))
        section = category.select_one(".article-category a").get_text()
        assert current(str(article.relative_to(seed_site.output))) == [section]


def test_dates_written_with_an_offset_print_their_own_local_time(content, build_site):
    # Pelican gives these dateutil zones; the same instant in two zones prints two times.
    write_article(content, "kyiv", **article_fields("Kyiv", date="2020-01-01 12:00+02:00"))
    write_article(content, "minsk", **article_fields("Minsk", date="2020-01-01 13:00+03:00"))
    site = build_site(content)
    stamps = {
        page.h1.get_text(): page.select_one(".article-header time").get_text()
        for page in map(site.page, ["2020/01/kyiv.html", "2020/01/minsk.html"])
    }
    assert stamps == {"Kyiv": "January 1, 2020 12:00", "Minsk": "January 1, 2020 13:00"}
