"""pelican.utils.strftime with each format parsed once: the same text as Pelican's."""

import datetime as dt
import random

import pelican.utils
from patch_helpers import outcome, patched
from patches import pelican_strftime
from pelican.utils import get_date

PELICANS = pelican_strftime.PATCH.replacements[0].original
DATES = [
    get_date("2016-04-02 08:04+0300"),  # a SafeDatetime, as Pelican reads it
    get_date("2020-12-31 23:59"),
    dt.datetime(2001, 1, 9, 0, 5, 7, 1234),  # a plain datetime, as plugins make them
    dt.date(1999, 10, 1),
]
PIECES = [*(f"%{c}" for c in "aAbBcdfGHIjmMpSUuVwWxXyYzZ"), "%-d", "%-m", "%-H", "%-M"]
PIECES += ["%%", "%-%", "%e", "%-e", "%Q", "%-", "%", " ", ", ", "д", "%s", "-", "%\n"]


def test_random_formats_give_what_pelicans_strftime_gives():
    rng = random.Random(4)
    formats = ["%B %d, %Y %H:%M", "%-d %B %Y", "%Y-%m-%d", "", "plain"]
    formats += ["".join(rng.choices(PIECES, k=rng.randint(1, 8))) for _ in range(3000)]
    pelican_strftime._parsed_format.cache_clear()
    for date_format in formats:
        for date in DATES:
            expected = outcome(PELICANS, date, date_format)
            assert outcome(pelican_strftime.strftime, date, date_format) == expected, date_format
    assert pelican_strftime._parsed_format.cache_info().hits >= 3 * len(formats)


def test_pelicans_dates_format_through_it_while_installed():
    with patched(pelican_strftime, True):
        assert pelican.utils.strftime is pelican_strftime.strftime
        assert DATES[0].strftime("%-d %B") == "2 April"
    with patched(pelican_strftime, False):
        assert pelican.utils.strftime is PELICANS
        assert DATES[0].strftime("%-d %B") == "2 April"
