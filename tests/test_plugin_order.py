"""PLUGINS in an order that makes builds slower is told at start, with the fix."""

import logging
from types import SimpleNamespace

from plugin_order import order_warnings, plugin_name, warn_of_order

import pelicanconf


def test_the_projects_own_order_has_nothing_to_warn_of():
    assert order_warnings(pelicanconf.PLUGINS) == []


def test_similar_articles_before_search_is_named_with_the_fix(caplog):
    plugins = ["content_checks", "similar_articles", "plugins.search", "fast_build"]
    with caplog.at_level(logging.WARNING):
        warn_of_order(SimpleNamespace(settings={"PLUGINS": plugins}))
    (message,) = [record.getMessage() for record in caplog.records]
    assert message.startswith("PLUGINS lists 'similar_articles' before 'search'")
    assert message.endswith("list 'search' before 'similar_articles'.")


def test_a_plugin_is_known_by_its_last_name_whether_a_string_or_a_module():
    import similar_articles

    assert plugin_name("pelican.plugins.sitemap") == "sitemap"
    assert plugin_name(similar_articles) == "similar_articles"
    assert order_warnings([similar_articles, "search"]) != []
    assert order_warnings(["search"]) == []
