"""Tag, category and author pages written in linear time: the same calls as Pelican's."""

import random
from types import SimpleNamespace

import pytest
from patches import pelican_taxonomy_pages
from pelican.generators import ArticlesGenerator
from pelican.writers import FileOverwriteFailedError


class Item(SimpleNamespace):
    __hash__ = object.__hash__  # a key of the tags' dict, as Pelican's Tag is


PELICANS = {item.name: item.original for item in pelican_taxonomy_pages.PATCH.replacements}
OURS = {item.name: item.replacement for item in pelican_taxonomy_pages.PATCH.replacements}


def generator(rng, least_groups=0):
    made = ArticlesGenerator.__new__(ArticlesGenerator)
    articles = [SimpleNamespace(number=n) for n in range(rng.randint(1, 50))]
    made.articles = articles
    made.dates = rng.sample(articles, len(articles))
    groups = []
    for number in range(rng.randint(least_groups, 8)):
        item = Item(
            save_as=f"t/{number}.html", url=f"t/{number}/", page_name=f"t/{number}", slug="s"
        )
        groups.append((item, rng.sample(articles, rng.randint(1, len(articles)))))
    made.tags = dict(groups)
    made.categories = groups
    made.authors = groups[::-1]
    made.context = {"SITENAME": "x"}
    made.get_template = lambda name: f"template {name}"
    return made


def calls_of(method, made):
    calls = []
    method(made, lambda *args, **kwargs: calls.append((args, kwargs)))
    return [
        (args, {k: [a.number for a in v] if isinstance(v, list) else v for k, v in kw.items()})
        for args, kw in calls
    ]


@pytest.mark.parametrize("name", ["generate_tags", "generate_categories", "generate_authors"])
def test_random_archives_get_the_calls_pelican_makes(name):
    rng = random.Random(name)
    for _ in range(100):
        made = generator(rng)
        assert calls_of(OURS[name], made) == calls_of(PELICANS[name], made)


def test_a_page_over_another_fails_as_in_pelican_unless_its_slug_is_empty():
    made = generator(random.Random(1), least_groups=2)

    def refuse(*args, **kwargs):
        raise FileOverwriteFailedError("taken")

    for item, _ in made.categories:
        item.slug = ""
    OURS["generate_tags"](made, refuse)  # skipped, as Pelican skips an empty slug
    made.categories[-1][0].slug = "s"
    with pytest.raises(FileOverwriteFailedError):
        OURS["generate_tags"](made, refuse)
