"""process_translations in linear time: the same index, translations and links as Pelican's."""

import random
from types import SimpleNamespace

from patches import pelican_translations

PELICANS = pelican_translations.PATCH.replacements[0].original
OURS = pelican_translations.process_translations


def contents(rng, count):
    made = []
    for number in range(count):
        lang = rng.choice(["en", "en", "ru", "be"])
        made.append(
            SimpleNamespace(
                slug=f"s{rng.randint(0, count // 2)}",
                lang=lang,
                in_default_lang=lang == "en",
                metadata={"translation": rng.choice(["false", "false", "true"])},
                source_path=f"/content/{number}.md",
                number=number,
            )
        )
    return made


def linked(item):
    return getattr(item, "translations", [])


def summary(result):
    index, translations = result
    return (
        [item.number for item in index],
        [item.number for item in translations],
        {item.number: sorted(t.number for t in linked(item)) for item in index},
    )


def test_random_archives_are_split_as_pelican_splits_them():
    rng = random.Random(5)
    for _ in range(200):
        count = rng.randint(0, 40)
        seed = rng.random()
        theirs = PELICANS(contents(random.Random(seed), count), "slug")
        ours = OURS(contents(random.Random(seed), count), "slug")
        assert summary(ours) == summary(theirs)
    for translation_id in (None, "", {"slug", "lang"}):
        items = contents(rng, 10)
        assert summary(OURS(list(items), translation_id)) == (
            summary(PELICANS(list(items), translation_id))
        )
