"""Actors as a first-class taxonomy, like tags: article.actors, actor pages and feeds,
with a registry of canonical names, aliases, kinds and descriptions (content/actors.yml)."""

import hashlib
from dataclasses import dataclass, field
from functools import cached_property, partial
from pathlib import Path

from article_lists import every_article
from blinker import signal
from content_checks import Problem, display_path, record_problem
from pelican import signals

from .actor import DEFAULT_SETTINGS, Actor, actors_from_metadata
from .generator import ActorsGenerator
from .mentions import Mentions
from .registry import Registry, load_registry

__all__ = ["Actor", "ActorsOfBuild", "register"]

CONTEXT_KEY = "actors_of_build"  # context[CONTEXT_KEY]: the ActorsOfBuild
UNKNOWN_KEY = "unknown_actors"  # metadata: the names of an article not in the registry


@dataclass
class ActorsOfBuild:
    """The registry as this build read it, and the one Actor made for each name written
    in the articles. Owned by this plugin, kept in the context; others may read it."""

    path: Path
    registry: Registry
    made: dict = field(default_factory=dict)  # name: (Actor, known), see actors_from_metadata

    @classmethod
    def of(cls, context) -> "ActorsOfBuild | None":
        return context.get(CONTEXT_KEY)

    @cached_property
    def mentions(self) -> Mentions:
        """Finds the registry's actors in a text (mentions.py), made when first asked."""
        return Mentions(self.registry)

    @cached_property
    def digest(self) -> str:
        """Of the registry file as read: what was found in a text with it may be kept."""
        try:
            return hashlib.blake2b(self.path.read_bytes(), digest_size=16).hexdigest()
        except OSError:
            return "none"

    def actor(self, name: str, settings) -> "Actor":
        """The build's one Actor for a name (made as for an article's actors)."""
        actors, _ = actors_from_metadata([name], settings, self.registry, self.made)
        return actors[0]


def add_default_settings(pelican):
    for name, value in DEFAULT_SETTINGS.items():
        pelican.settings.setdefault(name, value)
    pelican.settings["PAGINATED_TEMPLATES"].setdefault("actor", None)


def registry_path(settings) -> Path:
    return Path(settings["PATH"]) / settings["ACTORS_REGISTRY"]


def read_registry(generator):
    """Once a build, before the articles are read."""
    path = registry_path(generator.settings)
    generator.context[CONTEXT_KEY] = ActorsOfBuild(path, load_registry(path))


def registry_as_site_input(settings) -> list[Path]:
    """Every page that shows an actor may show its kind or description (fast_build)."""
    return [registry_path(settings)]


def convert_actors(generator, metadata):
    actors_of_build = ActorsOfBuild.of(generator.context)
    if "actors" in metadata and actors_of_build is not None:
        actors, unknown = actors_from_metadata(
            metadata["actors"], generator.settings, actors_of_build.registry, actors_of_build.made
        )
        metadata["actors"] = actors
        if unknown:
            metadata[UNKNOWN_KEY] = unknown


def report_registry_problems(generator):
    """Unknown actors are warnings (errors under make publish); a broken registry, errors."""
    settings = generator.settings
    actors_of_build = ActorsOfBuild.of(generator.context)
    if actors_of_build is None:
        return
    registry, path = actors_of_build.registry, actors_of_build.path
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


def edition_generator(settings):
    """Each edition of the site has the actors' pages of its own articles (editions)."""
    return ActorsGenerator


def register():
    signals.initialized.connect(add_default_settings)
    signals.article_generator_init.connect(read_registry)
    signal("fast_build.site_inputs").connect(registry_as_site_input)
    signals.article_generator_context.connect(convert_actors)
    signals.article_generator_finalized.connect(report_registry_problems)
    signals.get_generators.connect(get_generators)
    signal("editions.generators").connect(edition_generator)
