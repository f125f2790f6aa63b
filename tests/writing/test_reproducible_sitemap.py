"""The published sitemap: every page of this build, dated by the content, in any process."""

import xml.etree.ElementTree as ET

import pytest
from content_checks import ContentError

from tests.conftest import article_fields, build, write_article

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
SITEURL = "https://example.org"


@pytest.fixture
def publish(tmp_path, monkeypatch):
    monkeypatch.setenv("SITEURL", SITEURL)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)

    def run(content, name):
        build(content, tmp_path / name, conf="publishconf.py")
        return lastmods(tmp_path / name / "sitemap.xml")

    return run


def lastmods(path) -> dict[str, str]:
    root = ET.parse(path).getroot()
    return {
        url.findtext("s:loc", namespaces=NS): url.findtext("s:lastmod", namespaces=NS)
        for url in root.findall("s:url", NS)
    }


@pytest.fixture
def two_articles(content):
    write_article(content, "older", **article_fields("Older", "2020-01-01 12:00", tags=["x"]))
    write_article(content, "newer", **article_fields("Newer", "2021-03-04 10:30", tags=["x"]))
    return content


def test_index_pages_are_dated_by_the_newest_article(publish, two_articles):
    dates = publish(two_articles, "site")
    assert dates[f"{SITEURL}/2020/01/older.html"] == "2020-01-01T12:00:00+03:00"
    assert dates[f"{SITEURL}/"] == "2021-03-04T10:30:00+03:00"
    assert dates[f"{SITEURL}/tag/x/"] == "2021-03-04T10:30:00+03:00"


def test_source_date_epoch_dates_the_index_pages(publish, two_articles, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert publish(two_articles, "site")[f"{SITEURL}/"] == "2023-11-14T22:13:20+00:00"


def test_two_builds_in_one_process_give_the_same_sitemap(publish, two_articles, tmp_path):
    publish(two_articles, "first")
    publish(two_articles, "second")
    first, second = (tmp_path / name / "sitemap.xml" for name in ("first", "second"))
    assert first.read_bytes() == second.read_bytes()


def test_a_failed_build_does_not_keep_the_next_one_from_writing_its_sitemap(
    publish, two_articles, tmp_path
):
    broken = write_article(two_articles, "broken", **article_fields("Broken", "not a date"))
    with pytest.raises(ContentError):
        publish(two_articles, "failed")
    broken.unlink()
    dates = publish(two_articles, "fixed")
    assert {f"{SITEURL}/2020/01/older.html", f"{SITEURL}/2021/03/newer.html"} <= set(dates)
    assert not any("broken" in url for url in dates)
