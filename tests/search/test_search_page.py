"""The search page as a reader uses it: opened from disk (file://), every request outside
the site blocked, no console error. One ranking over the whole archive, filters, passages
around the words found, Russian stemming, typos in names, and queries that are not words.
"""

from __future__ import annotations

import re
from urllib.parse import urlencode

import pytest
from conftest import article_fields, build, write_article
from playwright.sync_api import expect


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    content = tmp_path_factory.mktemp("search") / "content"
    (content / "articles").mkdir(parents=True)
    filler = "The ministry reported on the region and its many neighbours. " * 12
    write_article(  # the oldest, with the word in its title: first for "potash"
        content,
        "title",
        f"{filler}",
        **article_fields(
            "Potash exports fall",
            "2018-03-01 10:00",
            category="Economy",
            tags=["trade"],
            actors=["Belaruskali"],
        ),
    )
    for number in range(6):  # newer, the word once in a long body
        write_article(
            content,
            f"body{number}",
            f"{filler} Potash came up once. {filler}",
            **article_fields(
                f"Quarterly review {number}",
                f"2021-0{number + 1}-05 09:00",
                category="Security",
                tags=["review"],
                actors=["Sergei Lavrov"],
            ),
        )
    for number in range(2):  # the same text: the newer first
        write_article(
            content,
            f"twin{number}",
            "Granite quarries near Mikashevichi.",
            **article_fields(
                f"Quarry report {number}", f"2019-0{number + 1}-01 08:00", category="Economy"
            ),
        )
    write_article(
        content,
        "ru",
        "Стороны провели переговоры в Минске о поставках калия.",
        **article_fields(
            "Встреча в Минске", "2020-06-01 12:00", category="Economy", actors=["Sergei Lavrov"]
        ),
    )
    output = tmp_path_factory.mktemp("search-site") / "site"
    build(content, output)
    return output


@pytest.fixture
def reader(reader_of, site):
    return reader_of(site)


def search(reader, query: str, **filters) -> list[str]:
    reader.open(f"search.html?{urlencode({'q': query, **filters})}")
    page = reader.page
    expect(page.locator("#search-page")).to_have_attribute("data-state", "done")
    return page.locator("#search-results > li h2").all_inner_texts()


def test_a_title_match_ranks_above_newer_body_matches(reader):
    titles = search(reader, "potash")
    assert titles[0] == "Potash exports fall"
    assert len(titles) == 7
    assert titles[1:] == [f"Quarterly review {n}" for n in (5, 4, 3, 2, 1, 0)]  # ties: newest


def test_equal_scores_are_ordered_newest_first_and_date_order_can_be_chosen(reader):
    assert search(reader, "granite") == ["Quarry report 1", "Quarry report 0"]
    by_date = search(reader, "potash", sort="date")
    assert by_date[0] == "Quarterly review 5" and by_date[-1] == "Potash exports fall"


def test_a_result_shows_date_category_and_a_passage_with_the_words_marked(reader):
    search(reader, "potash", category="Security")
    first = reader.page.locator("#search-results > li").first
    expect(first.locator("time")).to_have_attribute("datetime", "2021-06-05T09:00:00+03:00")
    expect(first.locator(".meta")).to_contain_text("Security")
    expect(first.locator(".search-passage mark")).to_have_text("Potash")
    expect(first.locator(".search-passage")).to_contain_text("came up once")


def test_filters_combine_with_the_query(reader):
    assert search(reader, "potash", category="Economy") == ["Potash exports fall"]
    assert search(reader, "potash", year="2021")[-1] == "Quarterly review 0"
    assert len(search(reader, "potash", year="2021")) == 6
    assert search(reader, "potash", actor="Belaruskali") == ["Potash exports fall"]
    assert search(reader, "ministry", tag="trade") == ["Potash exports fall"]
    reader.page.select_option("#search-category", "Economy")
    expect(reader.page.locator("#search-results > li")).to_have_count(1)


def test_each_category_and_year_shows_how_many_results_it_would_give(reader):
    search(reader, "potash")
    categories = reader.page.locator("#search-category option").all_inner_texts()
    assert categories == ["Any", "Economy (1)", "Security (6)"]
    years = reader.page.locator("#search-year option").all_inner_texts()
    assert years == ["Any", "2018 (1)", "2019 (0)", "2020 (0)", "2021 (6)"]
    # a category's count keeps the other filters, not its own
    search(reader, "potash", year="2018", category="Security")
    categories = reader.page.locator("#search-category option").all_inner_texts()
    assert categories == ["Any", "Economy (1)", "Security (0)"]
    years = reader.page.locator("#search-year option").all_inner_texts()
    assert years == ["Any", "2018 (0)", "2019 (0)", "2020 (0)", "2021 (6)"]


def test_filters_alone_list_their_articles_newest_first(reader):
    titles = search(reader, "", actor="Sergei Lavrov")
    assert titles == [*(f"Quarterly review {n}" for n in range(5, -1, -1)), "Встреча в Минске"]
    expect(reader.page.locator("#search-status")).to_have_text("7 articles.")
    assert search(reader, "", category="Economy", year="2019") == [
        "Quarry report 1",
        "Quarry report 0",
    ]
    assert search(reader, "", tag="nothing of the kind") == []
    expect(reader.page.locator("#search-status")).to_have_text("No article has all of these.")


def suggestions(reader, box: str, typed: str) -> list[tuple[str, str]]:
    """(name, label) of what the box suggests once `typed` is typed into it."""
    field = reader.page.locator(f"#search-{box}")
    field.fill(typed)
    options = reader.page.locator(f"#search-{box}s-names option")
    expect(options.first).to_have_attribute("label", re.compile(r"^\d+ article"))
    return [(o.get_attribute("value"), o.get_attribute("label")) for o in options.all()]


def test_the_actor_box_suggests_names_with_how_many_results_each_gives(reader):
    search(reader, "potash")
    assert suggestions(reader, "actor", "ser") == [("Sergei Lavrov", "6 articles")]
    search(reader, "")
    assert suggestions(reader, "actor", "Sergei La") == [("Sergei Lavrov", "7 articles")]
    search(reader, "ministry")  # every article but the Russian one and the quarries
    # the word being typed is kept, even a single letter
    assert suggestions(reader, "actor", "b") == [("Belaruskali", "1 article")]
    search(reader, "ministry")
    assert suggestions(reader, "tag", "re") == [("review", "6 articles")]


def test_russian_words_are_found_in_other_forms(reader):
    assert search(reader, "переговорах") == ["Встреча в Минске"]
    assert search(reader, "минск") == ["Встреча в Минске"]


def test_a_typo_in_an_actor_or_title_word_is_forgiven(reader):
    assert "Встреча в Минске" in search(reader, "Lavrof")
    assert search(reader, "Potahs exports")[0] == "Potash exports fall"


def test_a_query_in_two_scripts_finds_what_either_finds(reader):
    found = search(reader, "Минск 🙂 Belaruskali")
    assert sorted(found) == ["Potash exports fall", "Встреча в Минске"]


def test_a_word_being_typed_finds_the_words_it_begins(reader):
    assert search(reader, "pota")[0] == "Potash exports fall"


@pytest.mark.parametrize(
    "query",
    [
        "x" * 10_000,
        "(.*)[<script>alert(1)</script>",
        "the and of",
        "🙂🙂🙂",
        "zzzqqq xxyyzz",
        "%",
    ],
)
def test_queries_that_are_not_words_say_no_results_without_an_error(reader, query):
    assert search(reader, query) == []
    expect(reader.page.locator("#search-status")).to_contain_text("No article found")


def test_an_archive_with_no_articles_answers_no_results(reader_of, content, tmp_path):
    empty = build(content, tmp_path / "empty")
    reader = reader_of(empty.output)
    assert search(reader, "potash") == []
    expect(reader.page.locator("#search-status")).to_contain_text("No article found")
