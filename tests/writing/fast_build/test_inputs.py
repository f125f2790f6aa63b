"""Plugins tell fast_build what their pages depend on through two named signals."""

from types import SimpleNamespace

import pytest
from fast_build.inputs import SITE_INPUTS, SUBJECT_INPUTS, site_files, subject_parts
from similar_articles.glue import SimilarArticle, entries_as_page_input


@pytest.fixture
def connected():
    receivers = []

    def connect(signal, receiver):
        signal.connect(receiver, weak=False)
        receivers.append((signal, receiver))

    yield connect
    for signal, receiver in receivers:
        signal.disconnect(receiver)


def test_the_files_every_page_may_show_come_from_each_receiver(connected, tmp_path):
    settings = {"PATH": str(tmp_path), "ACTORS_REGISTRY": "actors.yml"}
    baseline = site_files(settings)  # what the plugins the suite registered already say
    connected(SITE_INPUTS, lambda settings: [tmp_path / "a.yml"])
    connected(SITE_INPUTS, lambda settings: None)  # a plugin with nothing to say
    assert site_files(settings) == [*baseline, tmp_path / "a.yml"]


def test_what_a_plugin_added_to_an_article_is_part_of_its_subject(connected):
    article = SimpleNamespace(extra="x")
    before = subject_parts(article)
    connected(SUBJECT_INPUTS, lambda content: [content.extra, "more"])
    assert subject_parts(article) == [*before, "x", "more"]


def test_similar_entries_are_given_with_their_kind_article_and_reasons():
    shown, tag = object(), SimpleNamespace(name="energy")
    article = SimpleNamespace(
        similar_articles=[
            SimilarArticle(shown, 1.5, (tag,)),
            SimilarArticle(shown, 0.0, (), pinned=True, fallback=True),
        ]
    )
    assert entries_as_page_input(article) == ["100", shown, tag, "011", shown]
    assert entries_as_page_input(SimpleNamespace()) == []
