"""The actors registry: aliases resolve to one actor; unknown actors are named with the
closest known ones; a broken registry stops the build."""

import logging

import pytest
from actors.registry import load_registry
from conftest import article_fields, write_article
from content_checks import ContentError

REGISTRY = """
- name: Vladimir Makey
  kind: person
  aliases: [Makey, Vladimir Makei, Уладзімір Макей]
  description: Belarus’ Foreign Minister in the articles of this site.
- name: OSCE
  kind: organisation
"""


@pytest.fixture
def registered(content):
    (content / "actors.yml").write_text(REGISTRY, encoding="utf-8")
    return content


def test_aliases_in_front_matter_become_the_registered_actor(registered, build_site):
    write_article(registered, "a", **article_fields("One", "2020-01-03 10:00", actors=["Makey"]))
    write_article(
        registered,
        "b",
        **article_fields("Two", "2020-01-02 10:00", actors=["Уладзімір Макей", "osce"]),
    )
    write_article(
        registered, "c", **article_fields("Three", "2020-01-01 10:00", actors=["vladimir makei"])
    )
    site = build_site(registered)
    page = site.page("actor/vladimir-makey/index.html")
    assert [a.get_text() for a in page.select(".card-title a")] == ["One", "Two", "Three"]
    assert page.select_one(".actor-description").get_text(strip=True).startswith("Belarus’")
    assert page.select_one(".list-kind").get_text() == "Person"
    index = [a.get_text() for a in site.page("actors/index.html").select(".term-index a")]
    assert index == ["OSCE", "Vladimir Makey"]
    similar = site.page("2020/01/one.html").select_one(".reasons").get_text()
    assert similar == "Shared: Vladimir Makey"


def test_an_unknown_actor_is_a_warning_naming_the_closest(registered, build_site, caplog):
    write_article(registered, "a", **article_fields("One", actors=["Vladimir Makej"]))
    with caplog.at_level(logging.WARNING):
        site = build_site(registered, expect_clean=False)
    assert site.exists("2020/01/one.html")
    (warning,) = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert "a.md: warning: actors: 'Vladimir Makej' is not in" in warning
    assert "did you mean 'Vladimir Makey'?" in warning


def test_an_unknown_actor_stops_a_publication(registered, build_site):
    write_article(registered, "a", **article_fields("One", actors=["Vladimir Makej"]))
    with pytest.raises(ContentError, match="'Vladimir Makej' is not in"):
        build_site(registered, expect_clean=False, CONTENT_WARNINGS_FATAL=True)


def test_a_broken_registry_stops_the_build(registered, build_site):
    (registered / "actors.yml").write_text(REGISTRY + "- name: Lukashenka\n  kind: dictator\n")
    write_article(registered, "a", **article_fields("One", actors=["OSCE"]))
    with pytest.raises(ContentError, match=r"actors.yml: entry 3 \(Lukashenka\): kind 'dictator'"):
        build_site(registered, expect_clean=False)


def test_one_alias_for_two_actors_is_refused(tmp_path):
    path = tmp_path / "actors.yml"
    path.write_text(REGISTRY + "- name: Makey Junior\n  kind: person\n  aliases: [Makey]\n")
    registry = load_registry(path)
    (problem,) = registry.problems
    assert "'Makey' already names 'Vladimir Makey'" in problem.message


def test_suggestions_come_from_names_and_aliases(tmp_path):
    path = tmp_path / "actors.yml"
    path.write_text(REGISTRY)
    registry = load_registry(path)
    assert registry.suggest("Makei") == ["Vladimir Makey"]
    assert registry.find("vladimir makei").name == "Vladimir Makey"
    assert registry.find("Lukashenka") is None


LANGUAGES_REGISTRY = """
- name: Sergei Lavrov
  kind: person
  names: {ru: Сергей Лавров, be: Сяргей Лаўроў}
  forms: [Сяргея Лаўрова]
- name: European Union
  kind: organisation
  names: {ru: Европейский союз}
  aliases: [ЕС]
- name: Anna Lavrova
  kind: person
  aliases: [Лаврова]
- name: Lavrov
  kind: person
  aliases: [Лавров]
"""


def test_a_name_in_any_language_or_grammatical_case_is_the_actor(tmp_path):
    path = tmp_path / "actors.yml"
    path.write_text(LANGUAGES_REGISTRY, encoding="utf-8")
    registry = load_registry(path)
    found = {s: registry.find(s) for s in ("Сергей Лавров", "сяргей лаўроў", "ЕС")}
    assert {s: e.name for s, e in found.items()} == {
        "Сергей Лавров": "Sergei Lavrov",
        "сяргей лаўроў": "Sergei Lavrov",
        "ЕС": "European Union",
    }
    # Russian case forms (pymorphy3), and a Belarusian one the registry lists
    for inflected in (
        "Сергея Лаврова",
        "Сергеем  Лавровым",
        "Европейского союза",
        "Сяргея Лаўрова",
    ):
        assert registry.find(inflected) is not None, inflected
    assert registry.find("Сергея Лаврова").name == "Sergei Lavrov"
    assert registry.find("Европейским союзом").name == "European Union"
    assert registry.find("Сергея") is None  # a part of a name is not the name
    assert registry.find("Лаврова").name == "Anna Lavrova"  # as written, first
    assert registry.find("Лаврову") is None  # a form of two actors' names is neither's
