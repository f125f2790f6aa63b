"""Actors as a first-class taxonomy, like tags: article.actors, actor pages and feeds."""

from pelican import signals

from .actor import DEFAULT_SETTINGS, Actor, actors_from_metadata
from .generator import ActorsGenerator

__all__ = ["Actor", "register"]


def add_default_settings(pelican):
    for name, value in DEFAULT_SETTINGS.items():
        pelican.settings.setdefault(name, value)
    pelican.settings["PAGINATED_TEMPLATES"].setdefault("actor", None)


def convert_actors(generator, metadata):
    if "actors" in metadata:
        metadata["actors"] = actors_from_metadata(metadata["actors"], generator.settings)


def get_generators(pelican):
    return ActorsGenerator


def register():
    signals.initialized.connect(add_default_settings)
    signals.article_generator_context.connect(convert_actors)
    signals.get_generators.connect(get_generators)
