"""Period archives with each period's articles found by a set: Pelican's archives."""

import datetime as dt
import random
from types import SimpleNamespace

from patches import pelican_period_archives

PELICANS = pelican_period_archives.ORIGINAL
SETTINGS = {
    "YEAR_ARCHIVE_SAVE_AS": "{date:%Y}/index.html",
    "YEAR_ARCHIVE_URL": "{date:%Y}/",
    "MONTH_ARCHIVE_SAVE_AS": "{date:%Y}/{date:%m}/index.html",
    "MONTH_ARCHIVE_URL": "{date:%Y}/{date:%m}/",
    "DAY_ARCHIVE_SAVE_AS": "",
    "DAY_ARCHIVE_URL": "",
}


def test_random_archives_are_pelicans():
    rng = random.Random(8)
    for _ in range(50):
        articles = [
            SimpleNamespace(date=dt.datetime(2010, 1, 1) + dt.timedelta(days=rng.randint(0, 900)))
            for _ in range(rng.randint(1, 60))
        ]
        by_date = sorted(articles, key=lambda a: a.date, reverse=True)
        shuffled = rng.sample(articles, len(articles))
        for settings in (SETTINGS, {**SETTINGS, "DAY_ARCHIVE_SAVE_AS": "{date:%Y/%m/%d}.html"}):
            theirs = PELICANS(None, by_date, shuffled, settings)
            ours = pelican_period_archives.build_period_archives(None, by_date, shuffled, settings)
            assert ours == theirs
