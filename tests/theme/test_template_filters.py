"""The theme's Jinja filters."""

import datetime as dt

from pelican.utils import SafeDatetime
from template_filters import _date_text, date_text, without_empty


def test_date_text_is_pelicans_strftime_made_once_per_date():
    date = SafeDatetime(2016, 4, 2, 8, 5)
    _date_text.cache_clear()
    assert date_text(date, "%B %-d, %Y %H:%M") == date.strftime("%B %-d, %Y %H:%M")
    assert date_text(date, "%B %-d, %Y %H:%M") == "April 2, 2016 08:05"
    assert date_text(date, "%Y-%m-%d") == "2016-04-02"  # the format is part of the key
    assert _date_text.cache_info().hits == 1


def test_the_same_instant_in_another_zone_prints_its_own_time():
    minsk = SafeDatetime(2016, 4, 2, 12, 0, tzinfo=dt.timezone(dt.timedelta(hours=3)))
    utc = SafeDatetime(2016, 4, 2, 9, 0, tzinfo=dt.UTC)
    assert minsk == utc
    assert date_text(minsk, "%H:%M") == "12:00"
    assert date_text(utc, "%H:%M") == "09:00"


def test_without_empty_keeps_falsy_values_that_say_something():
    assert without_empty({"a": "", "b": None, "c": [], "d": {}, "e": 0, "f": "x"}) == {
        "e": 0,
        "f": "x",
    }
