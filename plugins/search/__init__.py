"""Search that works without a server: an index written as scripts, read by MiniSearch."""

from pelican import signals

from .generator import SearchIndexGenerator

__all__ = ["register"]


def add_default_settings(pelican):
    pelican.settings.setdefault("SEARCH_INDEX_DIR", "search")
    pelican.settings.setdefault("SEARCH_INDEX", True)  # False: no index (make check, reports)
    pelican.settings.setdefault("SEARCH_INDEX_CACHE", True)  # parts kept in CACHE_PATH


def get_generators(pelican):
    return SearchIndexGenerator if pelican.settings["SEARCH_INDEX"] else None


def start_early(generators):
    """Once the content is known (and checked), start the index beside the page writing."""
    for generator in generators:
        if isinstance(generator, SearchIndexGenerator):
            generator.start()


def register():
    signals.initialized.connect(add_default_settings)
    signals.get_generators.connect(get_generators)
    signals.all_generators_finalized.connect(start_early)
