"""Dates written as ours are read as Pelican (through dateutil) reads them."""

import random

import pelican.readers
from patch_helpers import patched
from patches import pelican_get_date

PELICANS = pelican_get_date.PATCH.replacements[0].original


def date_outcome(get_date, text):
    try:
        value = get_date(text)
        return type(value), repr(value), value.utcoffset()
    except ValueError as error:  # both fail alike (dateutil takes +25:00; its offset fails)
        return ValueError, str(error)


def test_random_dates_are_read_as_pelican_reads_them():
    rng = random.Random(11)
    texts = ["2016-04-22 18:34", "2016-04-22T18:34:56", "2016-04-22 18:34+0300"]
    texts += ["2016-04-22 18:34+03:00", "2016-04-22 18:34-0000", "2016-04-22 18:34+00:00"]
    texts += ["2016-02-30 10:00", "2016-04-22 24:00", "2016-04-22 18:34+2500", "2016-04-22"]
    texts += ["2016-04-22  18:34", "22 April 2016", "2016-04-22 18:34 +0300", "٢٠١٦-04-22 18:34"]
    for _ in range(3000):
        texts.append(
            f"{rng.randint(1, 9999):04}-{rng.randint(0, 13):02}-{rng.randint(0, 32):02}"
            f"{rng.choice(' T')}{rng.randint(0, 25):02}:{rng.randint(0, 60):02}"
            + rng.choice(["", f":{rng.randint(0, 60):02}"])
            + rng.choice(["", f"{rng.choice('+-')}{rng.randint(0, 24):02}:{rng.randint(0, 60):02}"])
        )
    for text in texts:
        expected = date_outcome(PELICANS, text)
        assert date_outcome(pelican_get_date.get_date, text) == expected, text


def test_pelicans_readers_read_through_it_while_installed():
    with patched(pelican_get_date, True):
        assert pelican.readers.get_date is pelican_get_date.get_date
    with patched(pelican_get_date, False):
        assert pelican.readers.get_date is PELICANS
