"""Mistakes of a site in several languages, named by `make check` and the build with file,
field and fix, nothing dropped: a `lang` the site does not have, a `translation_of` that
names no article or one of the same language, two articles claiming to be one article's
translation, and an interface string missing in one language."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
from conftest import ROOT, article_fields, write_article
from content_checks import ContentError

from tools.check import check

ORIGINAL = article_fields("EU extends sanctions", "2020-03-01 10:00", slug="eu-sanctions")


def translation(title: str, lang: str, of: str) -> dict:
    return article_fields(title, lang=lang, translation_of=of)


def messages(content, settings=ROOT / "pelicanconf.py") -> list[str]:
    problems, _ = check(content, settings)
    return [str(problem) for problem in problems]


def test_a_language_the_site_does_not_have(content):
    write_article(content, "de", **article_fields("Sanktionen", lang="de"))
    [message] = messages(content)
    assert "articles/de.md:5: lang: 'de' is not a language of this site." in message
    assert "Fix: use one of: en, ru, be (LANGUAGES in pelicanconf.py)" in message


def test_a_translation_of_an_article_that_does_not_exist(content):
    write_article(content, "ru", **translation("Санкции", "ru", "eu-sanctons"))
    [message] = messages(content)
    assert "ru.md:6: translation_of: names 'eu-sanctons', but no article has that slug." in message
    assert "Fix: write the slug of the article this one translates" in message


def test_a_translation_of_an_article_in_its_own_language(content):
    write_article(content, "en", **ORIGINAL)
    write_article(content, "en2", **article_fields("Again", translation_of="eu-sanctions"))
    [message] = messages(content)
    assert "en2.md:5: translation_of: names 'eu-sanctions', an article in this one's own" in message


def test_two_articles_claiming_to_be_the_same_translation(content):
    write_article(content, "en", **ORIGINAL)
    write_article(content, "ru1", **translation("Санкции", "ru", "eu-sanctions"))
    write_article(content, "ru2", **translation("Ещё санкции", "ru", "eu-sanctions"))
    [message] = messages(content)
    assert "ru2.md:6: translation_of: is a second ru translation of 'eu-sanctions'" in message
    assert "ru1.md is one already. Fix: keep one of the two" in message


def test_an_interface_string_missing_in_a_language(content, tmp_path):
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    strings = theme / "strings.yml"
    text = strings.read_text(encoding="utf-8")
    strings.write_text(text.replace("  be: Падобныя артыкулы\n", ""), encoding="utf-8")
    settings = tmp_path / "settings.py"
    settings.write_text(f"from pelicanconf import *\nTHEME = {str(theme)!r}\n", encoding="utf-8")
    write_article(content, "en", **ORIGINAL)
    sys.path.insert(0, str(ROOT))
    try:
        [message] = messages(content, settings)
    finally:
        sys.path.remove(str(ROOT))
    assert message == (f"{strings}: similar: has no text in 'be' Fix: add `be: ...` under similar.")


def test_make_check_names_every_language_mistake_at_once(content):
    write_article(content, "en", **ORIGINAL)
    write_article(content, "de", **article_fields("Sanktionen", lang="de"))
    write_article(content, "ru1", **translation("Санкции", "ru", "eu-sanctions"))
    write_article(content, "ru2", **translation("Ещё", "ru", "eu-sanctions"))
    write_article(content, "be", **translation("Санкцыі", "be", "nowhere"))
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools/check.py"), str(content)], capture_output=True, text=True
    )
    assert result.returncode == 1
    assert "3 problems: 3 errors, 0 warnings." in result.stdout, result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_a_translation_mistake_stops_the_build_and_nothing_is_written(content, build_site):
    write_article(content, "en", **ORIGINAL)
    write_article(content, "ru", **translation("Санкции", "ru", "nowhere"))
    with pytest.raises(ContentError, match="translation_of: names 'nowhere'"):
        build_site(content, expect_clean=False)
