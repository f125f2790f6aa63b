"""Search that works without a server: an index written as scripts, read by MiniSearch."""

from pelican import signals

from .generator import SearchIndexGenerator

__all__ = ["register"]


def add_default_settings(pelican):
    pelican.settings.setdefault("SEARCH_INDEX_DIR", "search")


def get_generators(pelican):
    return SearchIndexGenerator


def register():
    signals.initialized.connect(add_default_settings)
    signals.get_generators.connect(get_generators)
