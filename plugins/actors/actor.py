"""Actors: the people, organisations and states an article is about.

Modelled on Pelican's Tag: a URLWrapper, so ACTOR_URL and ACTOR_SAVE_AS are read by name
as TAG_URL and TAG_SAVE_AS are.
"""

from pelican.urlwrappers import URLWrapper

DEFAULT_SETTINGS = {
    "ACTOR_URL": "actor/{slug}/index.html",
    "ACTOR_SAVE_AS": "actor/{slug}/index.html",
    "ACTORS_URL": "actors/index.html",
    "ACTORS_SAVE_AS": "actors/index.html",
    "ACTOR_FEED_ATOM": "feeds/actor/{slug}.atom.xml",
    "ACTOR_FEED_RSS": None,
}


class Actor(URLWrapper):
    def __init__(self, name, *args, **kwargs):
        super().__init__(name.strip(), *args, **kwargs)


def actors_from_metadata(value, settings) -> list[Actor]:
    """Actor objects from a YAML list or a native 'Actors: a, b' header, repeats dropped."""
    names = value.split(",") if isinstance(value, str) else value
    actors = [Actor(str(name), settings) for name in names if str(name).strip()]
    return list(dict.fromkeys(actors))
