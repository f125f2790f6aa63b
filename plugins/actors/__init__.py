"""Actors as a first-class taxonomy, like tags: article.actors, actor pages and feeds,
with a registry of canonical names, aliases, kinds and descriptions (content/actors.yml)."""

from functools import partial
from pathlib import Path

from article_lists import every_article
from content_checks import Problem, display_path, record_problem
from pelican import signals

from .actor import DEFAULT_SETTINGS, Actor, actors_from_metadata
from .generator import ActorsGenerator
from .registry import load_registry

__all__ = ["Actor", "register"]

REGISTRY_KEY = "ACTORS_REGISTRY_LOADED"
UNKNOWN_KEY = "unknown_actors"


def add_default_settings(pelican):
    for name, value in DEFAULT_SETTINGS.items():
        pelican.settings.setdefault(name, value)
    pelican.settings["PAGINATED_TEMPLATES"].setdefault("actor", None)
    path = Path(pelican.settings["PATH"]) / pelican.settings["ACTORS_REGISTRY"]
    pelican.settings[REGISTRY_KEY] = load_registry(path)


def convert_actors(generator, metadata):
    if "actors" in metadata:
        registry = generator.settings.get(REGISTRY_KEY)
        if not hasattr(generator, "_actors_by_name"):  # one Actor per name for the build
            generator._actors_by_name = {}
        actors, unknown = actors_from_metadata(
            metadata["actors"], generator.settings, registry, generator._actors_by_name
        )
        metadata["actors"] = actors
        if unknown:
            metadata[UNKNOWN_KEY] = unknown


def report_registry_problems(generator):
    """Unknown actors are warnings (errors under make publish); a broken registry, errors."""
    settings = generator.settings
    registry = settings.get(REGISTRY_KEY)
    if registry is None:
        return
    path = Path(settings["PATH"]) / settings["ACTORS_REGISTRY"]
    registry_file = display_path(str(path))
    if not registry and not registry.problems:
        record_problem(generator.context, _no_registry(path, registry_file))
    slug_of = partial(_slug, settings)
    for problem in [*registry.problems, *registry.slug_clashes(slug_of)]:
        record_problem(
            generator.context,
            Problem(registry_file, "", f"{problem.where}: {problem.message}", problem.fix),
        )
    for article in every_article(generator):
        for name in getattr(article, UNKNOWN_KEY, []):
            record_problem(generator.context, _unknown(article, name, registry, registry_file))


def _no_registry(path: Path, registry_file: str) -> Problem:
    """Without a registry no actor can be checked: a warning in the preview, an error for
    make publish (CONTENT_WARNINGS_FATAL)."""
    what = "is empty" if path.is_file() else "is missing"
    return Problem(
        registry_file,
        "",
        f"the actors registry {what}: no actor of any article can be checked, and none "
        "has a kind or a description.",
        f"restore it (git checkout {registry_file}) or list the actors in it; "
        "docs/authoring.md shows an entry.",
        warning=True,
    )


def _slug(settings, name: str) -> str:
    return Actor(name, settings).slug


def _unknown(article, name, registry, registry_file) -> Problem:
    close = registry.suggest(name)
    hint = f"did you mean {' or '.join(repr(c) for c in close)}? " if close else ""
    return Problem(
        display_path(article.source_path),
        "actors",
        f"{name!r} is not in {registry_file}.",
        f"{hint}write a listed name or alias, or add the actor to {registry_file}.",
        warning=True,
    )


def get_generators(pelican):
    return ActorsGenerator


def register():
    signals.initialized.connect(add_default_settings)
    signals.article_generator_context.connect(convert_actors)
    signals.article_generator_finalized.connect(report_registry_problems)
    signals.get_generators.connect(get_generators)
