"""Feeds whose entries are made once a build: the same XML as feedgenerator's."""

import datetime as dt
import io

import pytest
from conftest import article_fields, build, write_article
from feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed, get_tag_uri
from feedgenerator.django.utils.xmlutils import UnserializableContentError
from patches import pelican_feed_entries as feeds

FASTER = {Atom1Feed: feeds.AtomEntriesMadeOnce, Rss201rev2Feed: feeds.RssEntriesMadeOnce}
UTC = dt.UTC
MINSK = dt.timezone(dt.timedelta(hours=3))


def entry(number: int, **values) -> dict:
    date = values.pop("pubdate", dt.datetime(2026, 1, number, 12, 0, tzinfo=UTC))
    link = f"https://example.org/{number}.html"
    return {
        "title": f"Article {number} & <more>",
        "link": link,
        "unique_id": get_tag_uri(link, date),
        "description": f"<p>Lead {number} &amp; “quotes”</p>",
        "content": f"<p>Body {number}</p>" * 50,
        "categories": ["Belarus", f"tag {number}"],
        "author_name": "",
        "pubdate": date,
        "updateddate": None,
        **values,
    }


def written(feed_class, entries, title="Feed") -> str:
    feed = feed_class(title=title, link="https://example.org/", description="")
    for values in entries:
        feed.add_item(**values)
    out = io.StringIO()
    feed.write(out, "utf-8")
    return out.getvalue()


def both_ways(feed_class, feed_list):
    """Each feed of feed_list (lists of entries) written by feedgenerator, then with entries
    made once, in one build."""
    plain = [written(feed_class, entries, f"Feed {n}") for n, entries in enumerate(feed_list)]
    feeds.forget_entries()
    faster = [
        written(FASTER[feed_class], entries, f"Feed {n}") for n, entries in enumerate(feed_list)
    ]
    return plain, faster


@pytest.mark.parametrize("feed_class", [Atom1Feed, Rss201rev2Feed])
def test_feeds_sharing_entries_are_written_as_feedgenerator_writes_them(feed_class):
    shared = [entry(n) for n in range(1, 6)]
    feed_list = [
        shared,
        shared[1:4],
        [shared[2], entry(9), shared[0]],
        [entry(7, categories=[], description=None, author_name=None)],
    ]
    plain, faster = both_ways(feed_class, feed_list)
    assert faster == plain
    assert all("Article 3 &amp; &lt;more&gt;" in text for text in faster[:3])


def test_an_enclosure_and_an_author_are_part_of_the_entry():
    enclosure = Enclosure("https://example.org/a.mp3", "100", "audio/mpeg")
    feed_list = [[entry(1, enclosures=[enclosure], author_name="A")], [entry(1)]]
    for feed_class in (Atom1Feed, Rss201rev2Feed):
        plain, faster = both_ways(feed_class, feed_list)
        assert faster == plain
        assert plain[0] != plain[1].replace("Feed 1", "Feed 0")


def test_the_same_instant_in_two_zones_makes_two_entries():
    noon_utc = dt.datetime(2026, 1, 1, 12, 0, tzinfo=UTC)
    feed_list = [[entry(1, pubdate=noon_utc)], [entry(1, pubdate=noon_utc.astimezone(MINSK))]]
    for feed_class in (Atom1Feed, Rss201rev2Feed):
        plain, faster = both_ways(feed_class, feed_list)
        assert faster == plain
        assert "+03:00" in faster[1] or "+0300" in faster[1]


def test_an_entry_is_made_once_per_build(monkeypatch):
    made = []
    plain_elements = Atom1Feed.add_item_elements

    def counted(self, handler, item):
        made.append(item["title"])
        plain_elements(self, handler, item)

    monkeypatch.setattr(Atom1Feed, "add_item_elements", counted)
    feeds.forget_entries()
    shared = entry(1)
    for _ in range(3):
        written(feeds.AtomEntriesMadeOnce, [shared, entry(2)])
    assert made == ["Article 1 & <more>", "Article 2 & <more>"]
    feeds.forget_entries()  # a new build makes them again
    written(feeds.AtomEntriesMadeOnce, [shared])
    assert len(made) == 3


def test_an_entry_without_a_date_is_not_kept():
    undated = entry(1, pubdate=None)
    assert feeds._key(Atom1Feed, undated) is None
    assert feeds._key(Atom1Feed, entry(1)) is not None


def test_control_characters_fail_as_in_feedgenerator():
    broken = [entry(1, content="<p>a\x01b</p>")]
    for feed_class in (Atom1Feed, feeds.AtomEntriesMadeOnce):
        with pytest.raises(UnserializableContentError):
            written(feed_class, broken)


def test_pelicans_writer_makes_its_feeds_of_these_classes_while_installed(content, tmp_path):
    import pelican.writers
    from patch_helpers import patched

    with patched(feeds, True):
        assert pelican.writers.Atom1Feed is feeds.AtomEntriesMadeOnce
        assert pelican.writers.Rss201rev2Feed is feeds.RssEntriesMadeOnce
    with patched(feeds, False):
        assert pelican.writers.Atom1Feed is Atom1Feed
        assert pelican.writers.Rss201rev2Feed is Rss201rev2Feed


def test_each_feed_of_a_site_lists_its_articles(content, tmp_path):
    for n in range(3):
        write_article(content, f"a{n}", **article_fields(f"A{n}", tags=["t1", "t2"], actors=["X"]))
    site = build(content, tmp_path / "site")
    for feed in ("all", "category/security", "tag/t1", "tag/t2", "actor/x"):
        for kind in ("atom", "rss"):
            text = (site.output / "feeds" / f"{feed}.{kind}.xml").read_text()
            assert all(f"/a{n}.html" in text for n in range(3)), (feed, kind)
