"""Parts of pages made once per build (`{% call cached(...) %}`): an article's card and its
entry in a similar list show the same wherever they are, but what a page says of the pair
(why it is similar, whether pinned) and the links (relative to each page) are the page's."""

import jinja2
import template_filters
from conftest import article_fields, write_article


def test_a_block_is_made_once_per_key_and_environment():
    made = []

    def environment():
        env = jinja2.Environment(autoescape=True)
        env.globals["cached"] = template_filters.cached
        env.globals["made"] = lambda name: made.append(name) or name
        return env

    source = (
        '{% for n in [1, 2, 1] %}{% call cached("k", n) %}<b>{{ made(n) }}</b>{% endcall %}'
        "{% endfor %}"
    )
    first = environment()
    assert first.from_string(source).render() == "<b>1</b><b>2</b><b>1</b>"
    assert first.from_string(source).render() == "<b>1</b><b>2</b><b>1</b>"
    assert made == [1, 2]
    environment().from_string(source).render()  # a new build, a new environment
    assert made == [1, 2, 1, 2]


def reasons_and_pins(site, path):
    entries = site.page(path).select("aside.similar:not(.similar-more) .similar-entry")
    return {
        entry.select_one("h3 a").get_text(): (
            entry.select_one(".reasons").get_text() if entry.select_one(".reasons") else None,
            "pinned" in entry["class"],
            entry.select_one("h3 a")["href"],
        )
        for entry in entries
    }


def test_each_page_says_why_an_article_is_similar_to_it(content, build_site):
    write_article(content, "shared", **article_fields("Shared", tags=["t1", "t2"], actors=["X"]))
    write_article(content, "one", **article_fields("One", "2020-01-02 10:00", tags=["t1"]))
    write_article(
        content,
        "two",
        **article_fields("Two", "2020-01-03 10:00", tags=["t2"], actors=["X"], related=["shared"]),
    )
    site = build_site(content)
    assert reasons_and_pins(site, "2020/01/one.html")["Shared"] == (
        "Shared: t1",
        False,
        "../../2020/01/shared.html",
    )
    assert reasons_and_pins(site, "2020/01/two.html")["Shared"] == (
        "Shared: X, t2",
        True,
        "../../2020/01/shared.html",
    )


def test_a_card_links_from_each_page_it_is_on(content, build_site):
    write_article(content, "a", **article_fields("Card", tags=["t"]))
    site = build_site(content)
    home = site.page("index.html").select_one(".card .card-title a")
    tag = site.page("tag/t/index.html").select_one(".card .card-title a")
    assert home["href"] == "./2020/01/card.html"
    assert tag["href"] == "../../2020/01/card.html"
    assert home.get_text() == tag.get_text() == "Card"
