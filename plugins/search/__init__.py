"""Search that works without a server: an index split by term, written as scripts that the
search page loads as a query needs them (tools/search/index_builder.cjs)."""

from pelican import signals
from plugin_order import warn_of_order

from .generator import CONTEXT_KEY, SearchIndexGenerator

__all__ = ["register"]


def add_default_settings(pelican):
    pelican.settings.setdefault("SEARCH_INDEX_DIR", "search")
    pelican.settings.setdefault("SEARCH_INDEX", True)  # False: no index (make check, reports)
    pelican.settings.setdefault("SEARCH_INDEX_CACHE", True)  # parts kept in CACHE_PATH
    # from this many articles read anew (fast_build), their text is made in another process
    pelican.settings.setdefault("SEARCH_TEXTS_AHEAD_FROM", 500)
    # from this many articles, the builder's input is made in another process
    pelican.settings.setdefault("SEARCH_INPUT_AHEAD_FROM", 500)


def get_generators(pelican):
    return SearchIndexGenerator if pelican.settings["SEARCH_INDEX"] else None


def start_early(articles_generator):
    """As soon as an edition's articles are read, start its index: its Node process uses
    the core that Pelican leaves idle until the pages are written. (A build that then fails
    its content checks leaves the index unwritten.)"""
    search = articles_generator.context.get(CONTEXT_KEY)
    if search is not None:
        search.start(articles_generator)


def make_texts_ahead(articles_generator):
    """Pelican sends article_generator_preread before reading each source; at the first,
    fast_build has read them all ahead, into context["read_ahead"]."""
    search = articles_generator.context.get(CONTEXT_KEY)
    if search is not None:
        search.make_texts_ahead()


def register():
    signals.initialized.connect(add_default_settings)
    signals.initialized.connect(warn_of_order)  # search must come before similar_articles
    signals.get_generators.connect(get_generators)
    signals.article_generator_preread.connect(make_texts_ahead)
    signals.article_generator_finalized.connect(start_early)
