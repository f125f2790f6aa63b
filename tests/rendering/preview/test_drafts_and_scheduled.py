"""Drafts and scheduled articles: in the preview, marked and listed; never published."""

import pytest
from conftest import article_fields, write_article


@pytest.fixture
def unpublished(content):
    write_article(content, "live", **article_fields("Live", "2020-01-01 10:00", tags=["t"]))
    write_article(
        content, "draft", **article_fields("Work in progress", tags=["t"], status="draft")
    )
    write_article(
        content, "future", **article_fields("Tomorrow's news", "2099-01-01 10:00", tags=["t"])
    )
    return content


def test_the_preview_marks_and_lists_them(unpublished, build_site):
    site = build_site(unpublished)
    assert "Scheduled" in site.page("2099/01/tomorrows-news.html").select_one(".status-flag").text
    assert "Draft" in site.page("drafts/work-in-progress.html").select_one(".status-flag").text
    page = site.page("drafts/index.html")
    listed = [a.get_text().replace("\xa0", " ") for a in page.select(".archive-list a")]
    assert listed == ["Work in progress", "Tomorrow’s news"]
    assert site.page("index.html").select_one(".card .status-flag")


def test_publish_leaves_them_out_everywhere(unpublished, build_site, monkeypatch):
    monkeypatch.setenv("SITEURL", "https://example.org")
    site = build_site(unpublished, conf="publishconf.py", SITEURL="https://example.org")
    files = [p.relative_to(site.output).as_posix() for p in site.output.rglob("*") if p.is_file()]
    assert "2020/01/live.html" in files
    assert not [f for f in files if f.startswith(("drafts/", "2099/"))]
    everything = "".join(
        p.read_text(encoding="utf-8", errors="ignore")
        for p in site.output.rglob("*")
        if p.is_file() and p.suffix in (".html", ".xml", ".js")
    )
    assert "Work in progress" not in everything and "Tomorrow" not in everything
