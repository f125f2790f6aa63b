"""The theme's Jinja filters."""

import datetime as dt
from types import SimpleNamespace

import template_filters
from pelican.utils import SafeDatetime, get_date
from template_filters import date_text, split_by, without_empty


def test_date_text_is_babels_in_each_language_made_once_per_date(monkeypatch):
    monkeypatch.setattr(template_filters, "_date_texts", {})
    date = SafeDatetime(2016, 4, 2, 8, 5)
    assert date_text(date, "MMMM d, y HH:mm", "en") == "April 2, 2016 08:05"
    assert date_text(date, "d MMMM y, HH:mm", "ru") == "2 апреля 2016, 08:05"
    assert date_text(date, "d MMMM y, HH:mm", "be") == "2 красавіка 2016, 08:05"
    assert date_text(date, "y-MM-dd", "en") == "2016-04-02"  # the pattern is part of the key
    assert len(template_filters._date_texts) == 4


def test_the_same_instant_in_another_zone_prints_its_own_time():
    minsk = SafeDatetime(2016, 4, 2, 12, 0, tzinfo=dt.timezone(dt.timedelta(hours=3)))
    utc = SafeDatetime(2016, 4, 2, 9, 0, tzinfo=dt.UTC)
    assert minsk == utc
    assert date_text(minsk, "HH:mm") == "12:00"
    assert date_text(utc, "HH:mm") == "09:00"


def test_a_date_written_with_an_offset_is_printed():
    date = get_date("2016-04-02 12:00+0300")  # a dateutil zone, which cannot be hashed
    assert date_text(date, "MMMM d, y HH:mm xx", "en") == "April 2, 2016 12:00 +0300"


def test_the_texts_kept_are_bounded(monkeypatch):
    monkeypatch.setattr(template_filters, "_date_texts", {})
    monkeypatch.setattr(template_filters, "MAX_DATE_TEXTS", 3)
    for day in range(1, 8):
        date_text(SafeDatetime(2016, 4, day), "d")
    assert len(template_filters._date_texts) <= 3


def test_without_empty_keeps_falsy_values_that_say_something():
    assert without_empty({"a": "", "b": None, "c": [], "d": {}, "e": 0, "f": "x"}) == {
        "e": 0,
        "f": "x",
    }


def test_split_by_gives_what_rejectattr_and_selectattr_give():
    items = [SimpleNamespace(n=n, fallback=n % 3 == 0) for n in range(10)]
    without, having = split_by(items, "fallback")
    assert [i.n for i in without] == [1, 2, 4, 5, 7, 8]
    assert [i.n for i in having] == [0, 3, 6, 9]
    assert split_by([], "fallback") == ([], [])
