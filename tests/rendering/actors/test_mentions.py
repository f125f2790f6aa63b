"""actors/mentions.py: the registry's actors named in an article's text, as whole words, in
any of their spellings and (Russian, Belarusian) grammatical cases."""

from __future__ import annotations

from actors.mentions import Mentions
from actors.registry import load_registry

REGISTRY = """
- name: Sergei Lavrov
  kind: person
  names: {ru: Сергей Лавров, be: Сяргей Лаўроў}
  aliases: [Lavrov]
  forms: [Сяргея Лаўрова]
- name: Emmanuel Macron
  kind: person
  aliases: [Macron]
- name: European Union
  kind: organisation
  names: {ru: Европейский союз}
  aliases: [EU]
- name: Union
  kind: organisation
- name: Union State
  kind: organisation
"""


def mentions(tmp_path) -> Mentions:
    path = tmp_path / "actors.yml"
    path.write_text(REGISTRY, encoding="utf-8")
    return Mentions(load_registry(path))


def test_names_and_aliases_are_found_as_whole_words(tmp_path):
    found = mentions(tmp_path)(
        "Sergei Lavrov met Macron. Lavrov said the EU would wait; Macronism is no name."
    )
    assert found == {"Sergei Lavrov": 2, "Emmanuel Macron": 1, "European Union": 1}


def test_the_longest_name_wins_and_nothing_is_found_inside_another(tmp_path):
    found = mentions(tmp_path)("The European Union and the Union of Writers.")
    assert found == {"European Union": 1, "Union": 1}  # not a third: "Union" inside the first
    # where a shorter name begins a longer one, the longer is the one meant
    assert mentions(tmp_path)("The Union State budget.") == {"Union State": 1}


def test_russian_and_belarusian_names_in_other_cases(tmp_path):
    find = mentions(tmp_path)
    assert find("Встреча Сергея Лаврова с представителями Европейского союза.") == {
        "Sergei Lavrov": 1,
        "European Union": 1,
    }
    assert find("Сустрэча Сяргея Лаўрова.") == {"Sergei Lavrov": 1}  # the registry's form
    assert find("Лавровый лист") == {}  # a word that begins like a name is not the name
