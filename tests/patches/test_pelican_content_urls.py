"""An article's URL settings, formatted once it is kept: the values Pelican formats."""

import random

from patch_helpers import outcome, patched
from patches import pelican_content_urls
from pelican.contents import Article
from pelican.settings import DEFAULT_CONFIG
from pelican.urlwrappers import Category
from pelican.utils import get_date

NAMES = ("url", "save_as")
PIECES = ["{slug}", "{date:%Y}", "{date:%-d}", "{category}", "{lang}", "/", "-", ".html", "{}"]


def article(rng, settings):
    metadata = {
        "title": "A title",
        "slug": rng.choice(["a", "b-c", "д"]),
        "date": get_date(
            f"20{rng.randint(10, 26)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)} 10:00"
        ),
        "lang": rng.choice(["en", "ru"]),
        "category": Category("Security", settings),
    }
    return Article("<p>Body</p>", metadata=metadata, settings=settings)


def values(made):
    return [outcome(getattr, made, name) for name in NAMES]


def test_random_url_settings_give_pelicans_values_and_are_formatted_once():
    rng = random.Random(3)
    kept_some = 0
    for _ in range(300):
        settings = dict(DEFAULT_CONFIG)
        for key in ("ARTICLE_URL", "ARTICLE_SAVE_AS", "ARTICLE_LANG_URL", "ARTICLE_LANG_SAVE_AS"):
            settings[key] = "".join(rng.choices(PIECES, k=rng.randint(1, 5)))
        seed = rng.random()
        with patched(pelican_content_urls, False):
            expected = values(article(random.Random(seed), settings))
        with patched(pelican_content_urls, True):
            made = article(random.Random(seed), settings)
            assert values(made) == expected  # not kept yet: Pelican's code each time
            if any(isinstance(value, type) for value in expected):
                continue  # a setting Pelican cannot format: nothing to keep
            pelican_content_urls.keep_urls(made)
            assert values(made) == expected
            made.settings = {}  # once kept, the settings are not read again
            assert values(made) == expected
            kept = pelican_content_urls.kept_urls(made)
            again = article(random.Random(seed), settings)
            pelican_content_urls.keep_urls(again, kept)  # from a cache
            again.settings = {}
            assert values(again) == expected
            kept_some += 1
    assert kept_some > 100
