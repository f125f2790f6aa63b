"""An article's Atom id, made once per URL and day: feedgenerator's get_tag_uri."""

import pelican.writers
from feedgenerator import get_tag_uri
from patch_helpers import patched
from patches import pelican_feed_ids
from pelican.utils import get_date


def test_an_atom_id_is_feedgenerators_made_once_per_url_and_day():
    pelican_feed_ids.forget()
    cases = [
        ("https://example.org/2016/04/a.html", get_date("2016-04-22 18:34+0300")),
        ("https://example.org/2016/04/a.html", get_date("2016-04-22 23:59+0300")),
        ("https://example.org/2016/04/a.html", get_date("2016-04-23 00:01+0300")),
        ("https://example.org/b.html#part", get_date("2017-10-02 11:57")),
        ("https://example.org/c.html", None),
    ]
    for url, date in cases:
        assert pelican_feed_ids.tag_uri(url, date) == get_tag_uri(url, date)
    assert len(pelican_feed_ids._MADE) == 4  # two times of one day share one id


def test_pelicans_writer_makes_ids_through_it_while_installed():
    with patched(pelican_feed_ids, True):
        assert pelican.writers.get_tag_uri is pelican_feed_ids.tag_uri
    with patched(pelican_feed_ids, False):
        assert pelican.writers.get_tag_uri is get_tag_uri
        assert pelican_feed_ids._MADE == {}  # a new build starts afresh
