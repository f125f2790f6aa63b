"""The theme's menu lists the categories that have articles, from theme_context."""

from types import SimpleNamespace

from theme_context import add_sections


def test_sections_are_the_categories_with_articles_in_pelicans_order():
    generator = SimpleNamespace(
        context={"categories": [("Economy", ["a"]), ("Security", ["b", "c"])]}
    )
    add_sections(generator)
    assert generator.context["sections"] == ["Economy", "Security"]


def test_the_menu_of_a_built_page_shows_them(seed_site):
    menu = [
        link.get_text(strip=True) for link in seed_site.page("index.html").select(".site-nav a")
    ]
    assert {"Foreign policy", "Security"} <= set(menu), menu
