"""theme/strings.yml read by the interface plugin: every string in every language, plural
forms for the languages' plural categories, the same placeholders everywhere."""

from __future__ import annotations

from pathlib import Path

import pytest
from interface.strings import load_strings, plural_categories, plural_text

ROOT = Path(__file__).resolve().parents[3]
LANGUAGES = ["en", "ru", "be"]


def strings_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "strings.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_themes_strings_are_complete_in_every_language():
    strings, problems = load_strings(ROOT / "theme" / "strings.yml", LANGUAGES)
    assert problems == []
    assert set(strings) == set(LANGUAGES)
    assert len({frozenset(texts) for texts in strings.values()}) == 1  # the same keys
    assert strings["ru"]["similar"] == "Похожие статьи"
    assert strings["be"]["similar"] == "Падобныя артыкулы"


def test_a_string_missing_in_one_language_is_named_with_its_fix(tmp_path):
    path = strings_file(tmp_path, "home:\n  en: Home\n  ru: Главная\n")
    _, problems = load_strings(path, LANGUAGES)
    assert [(p.key, p.message, p.fix) for p in problems] == [
        ("home", "has no text in 'be'", "add `be: ...` under home.")
    ]


def test_plural_forms_follow_each_languages_categories(tmp_path):
    assert plural_categories("en") == {"one", "other"}
    assert plural_categories("ru") == {"one", "few", "many", "other"}
    path = strings_file(
        tmp_path,
        "found:\n  en: {one: '{count} article', other: '{count} articles'}\n"
        "  ru: {one: '{count} статья', other: '{count} статьи'}\n"
        "  be: {one: '{count} артыкул', few: '{count} артыкулы', many: '{count} артыкулаў',"
        " other: '{count} артыкула'}\n",
    )
    strings, problems = load_strings(path, LANGUAGES)
    assert [p.message for p in problems] == ["lacks the 'ru' plural forms few, many"]
    be = strings["be"]["found"]
    assert [plural_text(be, n, "be") for n in (1, 3, 5, 21)] == [
        "{count} артыкул",
        "{count} артыкулы",
        "{count} артыкулаў",
        "{count} артыкул",
    ]


def test_placeholders_must_be_the_same_in_every_language(tmp_path):
    path = strings_file(
        tmp_path, "more_in:\n  en: More in {0}\n  ru: Ещё в рубрике\n  be: Яшчэ ў {0}\n"
    )
    _, problems = load_strings(path, LANGUAGES)
    assert [p.key for p in problems] == ["more_in"]
    assert "placeholders [] in 'ru'" in problems[0].message


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("home:\n  en: Home\nhome:\n  en: Again\n", "given twice"),
        ("home: Home\n", "not given per language"),
        ("home: [\n", "not valid YAML"),
    ],
)
def test_a_broken_strings_file_is_named(tmp_path, text, words):
    _, problems = load_strings(strings_file(tmp_path, text), ["en"])
    assert problems and words in f"{problems[0].message} {problems[0].fix}"
