"""Pelican's slow steps, made once: the same results."""

import datetime as dt
import random

import pelican.readers
import pelican.utils
from actors.actor import Actor
from fast_build import speedups
from feedgenerator import get_tag_uri
from pelican.urlwrappers import Category, Tag, URLWrapper
from pelican.utils import get_date


def test_an_atom_id_is_feedgenerators_made_once_per_url_and_day():
    speedups.forget_tag_uris()
    cases = [
        ("https://example.org/2016/04/a.html", get_date("2016-04-22 18:34+0300")),
        ("https://example.org/2016/04/a.html", get_date("2016-04-22 23:59+0300")),
        ("https://example.org/2016/04/a.html", get_date("2016-04-23 00:01+0300")),
        ("https://example.org/b.html#part", get_date("2017-10-02 11:57")),
        ("https://example.org/c.html", None),
    ]
    for url, date in cases:
        assert speedups.tag_uri(url, date) == get_tag_uri(url, date)
    assert len(speedups._TAG_URIS) == 4  # two times of one day share one id


DATES = [
    get_date("2016-04-02 08:04+0300"),  # a SafeDatetime, as Pelican reads it
    get_date("2020-12-31 23:59"),
    dt.datetime(2001, 1, 9, 0, 5, 7, 1234),  # a plain datetime, as plugins make them
    dt.date(1999, 10, 1),
]
PIECES = [*(f"%{c}" for c in "aAbBcdfGHIjmMpSUuVwWxXyYzZ"), "%-d", "%-m", "%-H", "%-M"]
PIECES += ["%%", "%-%", "%e", "%-e", "%Q", "%-", "%", " ", ", ", "д", "%s", "-", "%\n"]


def outcome(strftime, date, date_format):
    try:
        return strftime(date, date_format)
    except Exception as error:  # both must fail alike
        return type(error)


def test_strftime_takes_a_format_apart_once_and_formats_as_pelicans():
    rng = random.Random(4)
    formats = ["%B %d, %Y %H:%M", "%-d %B %Y", "%Y-%m-%d", "", "plain"]
    formats += ["".join(rng.choices(PIECES, k=rng.randint(1, 8))) for _ in range(3000)]
    speedups._parsed_format.cache_clear()
    for date_format in formats:
        for date in DATES:
            expected = outcome(speedups.PELICAN_STRFTIME, date, date_format)
            assert outcome(speedups.strftime, date, date_format) == expected, date_format
    assert speedups._parsed_format.cache_info().hits >= 3 * len(formats)


def test_pelicans_dates_use_the_quicker_strftime_while_it_is_on():
    date = DATES[0]
    try:
        speedups.quicker_strftime(True)
        assert pelican.utils.strftime is speedups.strftime
        assert date.strftime("%-d %B") == "2 April"
    finally:
        speedups.quicker_strftime(False)
    assert pelican.utils.strftime is speedups.PELICAN_STRFTIME
    assert date.strftime("%-d %B") == "2 April"


def wrapper_urls(wrapper):
    return [outcome(lambda w, name: getattr(w, name), wrapper, name) for name in URL_NAMES]


URL_NAMES = ("url", "save_as", "page_name")


def test_tag_category_and_actor_urls_are_pelicans_made_once_per_build():
    settings = {
        "TAG_URL": "tag/{slug}/",
        "TAG_SAVE_AS": "tag/{slug}/index.html",
        "CATEGORY_URL": "{name}-{slug}.html",
        "CATEGORY_SAVE_AS": "c/{slug!s}/{name[0]}.html",
        "ACTOR_URL": "actor/{lang}/{slug}.html",  # reads another attribute: not kept
        "ACTOR_SAVE_AS": "actor/{}.html",  # positional: fails as in Pelican
        "SLUG_REGEX_SUBSTITUTIONS": [],
    }
    made = [
        Tag("Belarus", settings),
        Tag("belarus", settings),  # the same slug, another name
        Category("Security", settings),
        Actor("Aliaksandr Lukashenka", settings),
        Actor("Aliaksandr Lukashenka", settings),
    ]
    made[3].lang, made[4].lang = "be", "ru"
    try:
        speedups.quicker_wrapper_urls(False)
        expected = [wrapper_urls(wrapper) for wrapper in made]
        speedups.quicker_wrapper_urls(True)
        assert vars(URLWrapper)["url"] is not speedups.PELICAN_URL_PROPERTIES["url"]
        assert [wrapper_urls(wrapper) for wrapper in made] == expected
        assert [wrapper_urls(wrapper) for wrapper in made] == expected  # from the memo
        assert len(speedups._WRAPPER_URLS) == 9  # the tags' and the category's three each
    finally:
        speedups.quicker_wrapper_urls(False)
    assert vars(URLWrapper)["url"] is speedups.PELICAN_URL_PROPERTIES["url"]
    assert speedups._WRAPPER_URLS == {}


def date_outcome(get_date, text):
    try:
        value = get_date(text)
        return type(value), repr(value), value.utcoffset()
    except ValueError as error:  # both fail alike (dateutil takes +25:00; its offset fails)
        return ValueError, str(error)


def test_dates_written_as_ours_are_read_as_dateutil_reads_them():
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
        expected = date_outcome(speedups.PELICAN_GET_DATE, text)
        assert date_outcome(speedups.get_date, text) == expected, text


def test_pelicans_readers_use_the_quicker_dates_while_they_are_on():
    try:
        speedups.quicker_dates(True)
        assert pelican.readers.get_date is speedups.get_date
    finally:
        speedups.quicker_dates(False)
    assert pelican.readers.get_date is speedups.PELICAN_GET_DATE
