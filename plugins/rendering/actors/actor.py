"""Actors: the people, organisations and states an article is about.

Modelled on Pelican's Tag: a URLWrapper, so ACTOR_URL and ACTOR_SAVE_AS are read by name
as TAG_URL and TAG_SAVE_AS are. With a registry, each name or alias an author writes
becomes the registered actor, with its kind and description.
"""

import copy

from pelican.urlwrappers import URLWrapper

from .registry import Registry

DEFAULT_SETTINGS = {
    "ACTOR_URL": "actor/{slug}/index.html",
    "ACTOR_SAVE_AS": "actor/{slug}/index.html",
    "ACTORS_URL": "actors/index.html",
    "ACTORS_SAVE_AS": "actors/index.html",
    "ACTOR_FEED_ATOM": "feeds/actor/{slug}.atom.xml",
    "ACTOR_FEED_RSS": None,
    "ACTORS_REGISTRY": "actors.yml",  # in the content folder
}


class Actor(URLWrapper):
    def __init__(self, name, *args, kind="", description="", names=(), descriptions=(), **kwargs):
        super().__init__(name.strip(), *args, **kwargs)
        self.kind = kind
        self.names = dict(names)  # {lang: the actor's name in that language}
        self.descriptions = dict(descriptions)
        self.description = self.descriptions.get(self.settings.get("DEFAULT_LANG")) or description

    def in_language(self, lang: str, settings) -> "Actor":
        """The actor as the edition of lang shows it (plugins/rendering/editions): its name
        and description in lang where the registry gives them, its pages under the
        edition's settings, and the same slug: one actor, one page name in every edition."""
        made = copy.copy(self)
        made.settings = settings
        name = self.names.get(lang)
        if name:
            slug = self.slug
            made.name = name
            made.slug = slug
        made.description = self.descriptions.get(lang) or self.description
        return made


def actors_from_metadata(value, settings, registry: Registry | None = None, made=None):
    """(actors, unknown names) from a YAML list or a native 'Actors: a, b' header.

    Names and aliases of the registry become its actors; repeats are dropped. Without a
    registry every name is taken as it is and none is unknown. made: {name: (actor,
    known)} kept by the caller, so that each name is looked up and slugified once.
    """
    names = value.split(",") if isinstance(value, str) else value
    made = {} if made is None else made
    actors, unknown = [], []
    for name in (str(n).strip() for n in names):
        if not name:
            continue
        if name not in made:
            made[name] = _actor(name, settings, registry)
        actor, known = made[name]
        actors.append(actor)
        if not known:
            unknown.append(name)
    # By name, not by slug (an Actor equals any other of its slug): two names that make
    # one slug both stay, for the checks to name them, instead of the second vanishing.
    return list({actor.name: actor for actor in actors}.values()), unknown


def _actor(name, settings, registry) -> tuple[Actor, bool]:
    entry = registry.find(name) if registry else None
    if entry:
        actor = Actor(
            entry.name,
            settings,
            kind=entry.kind,
            description=entry.description,
            names=entry.names,
            descriptions=entry.descriptions,
        )
        return actor, True
    return Actor(name, settings), not registry
