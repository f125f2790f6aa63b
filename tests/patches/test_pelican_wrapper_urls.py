"""Tag, category and actor URLs made once a build: what Pelican's URLWrapper makes."""

from actors.actor import Actor
from patch_helpers import outcome, patched
from patches import pelican_wrapper_urls
from pelican.urlwrappers import Category, Tag

URL_NAMES = ("url", "save_as", "page_name")
SETTINGS = {
    "TAG_URL": "tag/{slug}/",
    "TAG_SAVE_AS": "tag/{slug}/index.html",
    "CATEGORY_URL": "{name}-{slug}.html",
    "CATEGORY_SAVE_AS": "c/{slug!s}/{name[0]}.html",
    "ACTOR_URL": "actor/{lang}/{slug}.html",  # reads another attribute: not kept
    "ACTOR_SAVE_AS": "actor/{}.html",  # positional: fails as in Pelican
    "SLUG_REGEX_SUBSTITUTIONS": [],
}


def urls_of(wrapper):
    return [outcome(getattr, wrapper, name) for name in URL_NAMES]


def test_urls_are_pelicans_made_once_per_build():
    made = [
        Tag("Belarus", SETTINGS),
        Tag("belarus", SETTINGS),  # the same slug, another name
        Category("Security", SETTINGS),
        Actor("Aliaksandr Lukashenka", SETTINGS),
        Actor("Aliaksandr Lukashenka", SETTINGS),
    ]
    made[3].lang, made[4].lang = "be", "ru"
    with patched(pelican_wrapper_urls, False):
        expected = [urls_of(wrapper) for wrapper in made]
    with patched(pelican_wrapper_urls, True):
        assert [urls_of(wrapper) for wrapper in made] == expected
        assert [urls_of(wrapper) for wrapper in made] == expected  # from the memo
        assert len(pelican_wrapper_urls._MADE) == 9  # the tags' and the category's three each
    assert pelican_wrapper_urls._MADE == {}
