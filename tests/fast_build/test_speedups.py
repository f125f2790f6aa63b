"""Pelican's slow steps, made once: the same results."""

from fast_build import speedups
from feedgenerator import get_tag_uri
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
