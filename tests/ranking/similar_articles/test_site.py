"""Similar articles in a built site: pins, drafts, languages and the hidden empty block."""

import logging

import pytest
from conftest import GROWING_REGISTRY, article_fields, build, write_article
from content_checks import ContentError


def titles(site, path, block):
    page = site.page(path)
    return [a.get_text().replace("\xa0", " ") for a in page.select(f"{block} h3 a")]


def similar_titles(site, path):
    return titles(site, path, "aside.similar:not(.similar-more)")


@pytest.fixture(scope="module")
def related_site(tmp_path_factory):
    """The site of related_content, built once for the tests that only read it; a clean
    build logs no warning."""
    content = tmp_path_factory.mktemp("related") / "content"
    (content / "articles").mkdir(parents=True)
    (content / "actors.yml").write_text(f"{GROWING_REGISTRY}\n", encoding="utf-8")
    warnings = []
    handler = logging.Handler(logging.WARNING)
    handler.emit = warnings.append
    logging.getLogger().addHandler(handler)
    try:
        site = build(write_related(content), tmp_path_factory.mktemp("related-site") / "site")
    finally:
        logging.getLogger().removeHandler(handler)
    assert not warnings, [record.getMessage() for record in warnings]
    return site


@pytest.fixture
def related_content(content):
    return write_related(content)


def write_related(content):
    write_article(
        content,
        "q",
        **article_fields("Query", actors=["OSCE"], tags=["t"], related=["pinned-one"]),
    )
    write_article(content, "close", **article_fields("Close", actors=["OSCE"], tags=["t"]))
    write_article(
        content,
        "pinned",
        **article_fields("Pinned", "2010-01-01 10:00", slug="pinned-one"),
    )
    write_article(content, "alone", **article_fields("Alone", tags=["nothing-shared"]))
    write_article(
        content,
        "draft",
        **article_fields("Draft", actors=["OSCE"], tags=["t"], status="draft"),
    )
    write_article(
        content,
        "hidden",
        **article_fields("Hidden", actors=["OSCE"], tags=["t"], status="hidden"),
    )
    return content


def test_pinned_articles_come_first_then_the_ranking(related_site):
    assert similar_titles(related_site, "2020/01/query.html") == ["Pinned", "Close"]
    assert related_site.page("2020/01/query.html").select_one(".similar-entry.pinned")


def test_drafts_and_hidden_articles_are_never_listed(related_site):
    assert similar_titles(related_site, "2020/01/close.html") == ["Query"]


def test_a_draft_preview_shows_what_would_be_similar(related_site):
    assert similar_titles(related_site, "drafts/draft.html") == ["Close", "Query"]


def test_an_article_sharing_nothing_has_no_similar_block(related_content, build_site):
    site = build_site(related_content, SIMILAR_ARTICLES={"fallback": False})
    assert site.page("2020/01/alone.html").select_one("aside.similar") is None


def test_a_short_list_is_topped_up_with_more_in_its_category(content, build_site):
    write_article(content, "q", **article_fields("Query", "2020-05-01 10:00", tags=["t"]))
    write_article(content, "twin", **article_fields("Twin", "2015-01-01 10:00", tags=["t"]))
    for month in range(1, 10):
        date = f"2020-0{month}-02 10:00"
        write_article(content, f"m{month}", **article_fields(f"Month {month}", date))
    write_article(
        content, "other", **article_fields("Other", "2020-05-02 10:00", category="Economy")
    )
    site = build_site(content)
    assert similar_titles(site, "2020/05/query.html") == ["Twin"]
    more = site.page("2020/05/query.html").select_one("aside.similar-more")
    assert more.h2.get_text() == "More in Security"
    assert titles(site, "2020/05/query.html", "aside.similar-more") == [
        "Month 5",
        "Month 4",
        "Month 6",
        "Month 3",
    ]
    assert not site.page("2020/05/query.html").select("aside.similar-more .reasons")


def test_an_article_can_opt_out_of_the_block(content, build_site):
    write_article(content, "q", **article_fields("Query", tags=["t"], similar=False))
    write_article(content, "p", **article_fields("Peer", tags=["t"]))
    site = build_site(content)
    assert site.page("2020/01/query.html").select_one("aside.similar") is None
    assert similar_titles(site, "2020/01/peer.html") == ["Query"]


def test_same_category_counts_only_when_weighted(content, build_site):
    write_article(content, "q", **article_fields("Query", tags=["t"]))
    write_article(content, "same", **article_fields("Same section", "2019-01-01 10:00", tags=["t"]))
    write_article(
        content,
        "else",
        **article_fields("Elsewhere", "2020-01-02 10:00", category="Economy", tags=["t"]),
    )
    plain = build_site(content)
    assert similar_titles(plain, "2020/01/query.html") == ["Elsewhere", "Same section"]
    weighted = build_site(
        content, SIMILAR_ARTICLES={"weights": {"tags": 1, "actors": 1, "category": 0.5}}
    )
    assert similar_titles(weighted, "2020/01/query.html") == ["Same section", "Elsewhere"]
    reasons = weighted.page("2020/01/query.html").select_one(".reasons").get_text()
    assert reasons == "Shared: t"  # the category counts but is not a reason shown


def test_an_unknown_pinned_slug_fails_the_build_naming_the_file(content, build_site):
    write_article(content, "q", **article_fields("Query", related=["no-such-article"]))
    with pytest.raises(ContentError) as error:
        build_site(content, expect_clean=False)
    message = str(error.value)
    assert "q.md:5: related: no published article has the slug 'no-such-article'" in message


def test_translations_are_matched_within_their_language(content, build_site):
    write_article(content, "en", **article_fields("English", tags=["t"], slug="story"))
    write_article(content, "ru", **article_fields("Русский", tags=["t"], slug="story", lang="ru"))
    write_article(content, "en2", **article_fields("English two", tags=["t"]))
    write_article(
        content,
        "ru2",
        **article_fields("Русский два", tags=["t"], lang="ru", slug="vtoroi"),
    )
    site = build_site(content)
    assert similar_titles(site, "2020/01/story.html") == ["English two"]
    assert similar_titles(site, "ru/2020/01/story.html") == ["Русский два"]  # its edition
    assert site.page("2020/01/story.html").select_one('.translations a[hreflang="ru"]')


def test_weights_come_from_the_settings(content, build_site):
    write_article(content, "q", **article_fields("Query", actors=["OSCE"], tags=["t"]))
    write_article(content, "by-tag", **article_fields("By tag", tags=["t"]))
    write_article(content, "by-actor", **article_fields("By actor", actors=["OSCE"]))
    default = build_site(content)
    assert similar_titles(default, "2020/01/query.html") == ["By actor", "By tag"]
    tags_first = build_site(content, SIMILAR_ARTICLES={"weights": {"actors": 1, "tags": 5}})
    assert similar_titles(tags_first, "2020/01/query.html") == ["By tag", "By actor"]
