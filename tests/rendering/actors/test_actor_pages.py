"""Actors: a page per actor listing its articles newest first, a feed, and an index."""

import feedparser
import pytest
from conftest import article_fields, write_article


@pytest.fixture
def actors_site(content, build_site):
    write_article(
        content,
        "old",
        **article_fields("Old", "2015-01-01 10:00", actors=["OSCE", "Belarus"]),
    )
    write_article(content, "new", **article_fields("New", "2019-05-05 10:00", actors=["OSCE"]))
    write_article(
        content,
        "mid",
        **article_fields("Mid", "2017-03-03 10:00", actors=["Belarus", "Alyaksandr Lukashenka"]),
    )
    write_article(content, "none", **article_fields("No actors", "2018-01-01 10:00"))
    write_article(
        content,
        "draft",
        **article_fields("Draft", "2018-02-02 10:00", actors=["OSCE"], status="draft"),
    )
    return build_site(content)


def titles(page):
    return [a.get_text() for a in page.select(".card-title a")]


def test_an_actor_page_lists_its_published_articles_newest_first(actors_site):
    page = actors_site.page("actor/osce/index.html")
    assert page.h1.get_text() == "OSCE"
    assert titles(page) == ["New", "Old"]


def test_the_actors_index_lists_every_actor_with_its_count(actors_site):
    entries = [
        (a.get_text(), a["href"])
        for a in actors_site.page("actors/index.html").select(".term-index a")
    ]
    assert entries == [
        ("Alyaksandr Lukashenka", "../actor/alyaksandr-lukashenka/index.html"),
        ("Belarus", "../actor/belarus/index.html"),
        ("OSCE", "../actor/osce/index.html"),
    ]


def test_each_actor_has_an_atom_feed_of_its_articles(actors_site):
    feed = feedparser.parse((actors_site.output / "feeds/actor/belarus.atom.xml").read_bytes())
    assert not feed.bozo
    assert [e.title for e in feed.entries] == ["Mid", "Old"]
    page = actors_site.page("actor/belarus/index.html")
    assert page.select_one('link[rel="alternate"]')


def test_an_actor_page_is_paginated(content, build_site):
    for number in range(5):
        write_article(
            content,
            f"a{number}",
            **article_fields(f"A{number}", f"2019-0{number + 1}-01 10:00", actors=["OSCE"]),
        )
    site = build_site(content, DEFAULT_PAGINATION=2)
    assert titles(site.page("actor/osce/index.html")) == ["A4", "A3"]
    assert titles(site.page("actor/osce/page/3/index.html")) == ["A0"]


def test_templates_get_actors_as_objects_with_name_slug_and_url():
    from actors import Actor
    from actors.actor import DEFAULT_SETTINGS, actors_from_metadata
    from pelican.settings import DEFAULT_CONFIG

    settings = {**DEFAULT_CONFIG, **DEFAULT_SETTINGS}
    actors, unknown = actors_from_metadata("Sergei Lavrov, OSCE, Sergei Lavrov", settings)
    assert unknown == []
    assert [(a.name, a.slug, a.url) for a in actors] == [
        ("Sergei Lavrov", "sergei-lavrov", "actor/sergei-lavrov/index.html"),
        ("OSCE", "osce", "actor/osce/index.html"),
    ]
    assert isinstance(actors[0], Actor)
