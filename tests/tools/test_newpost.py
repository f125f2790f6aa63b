"""make newpost: a new article with every field, today's date, a draft; never overwrites."""

import datetime as dt
import subprocess
from zoneinfo import ZoneInfo

import pytest
import yaml
from conftest import ROOT
from pelican.settings import read_settings

from tools.check import check
from tools.newpost import NewPostError, new_post

NOW = dt.datetime(2026, 11, 26, 9, 5, tzinfo=ZoneInfo("Europe/Minsk"))


@pytest.fixture
def settings(content):
    return read_settings(str(ROOT / "pelicanconf.py"), override={"PATH": str(content)})


def test_a_new_post_has_every_field_a_draft_and_today(settings):
    path = new_post("Беларусь и Россия: новый договор", "Security", settings, NOW)
    assert path.relative_to(settings["PATH"]).as_posix() == (
        "articles/2026/belarus-i-rossiia-novyi-dogovor.md"
    )
    text = path.read_text(encoding="utf-8")
    header = yaml.safe_load(text.split("---")[1])
    assert header["title"] == "Беларусь и Россия: новый договор"
    assert header["date"] == "2026-11-26 09:05"
    assert header["status"] == "draft" and header["category"] == "Security"
    for field in (
        "tags",
        "actors",
        "summary",
        "image",
        "image_alt",
        "image_credit",
        "related",
        "similar",
        "lang",
    ):
        assert field in header
    assert text.count("  # ") >= 10  # every field explained


def test_it_passes_the_check_once_the_body_is_written(settings, content):
    path = new_post("A test", None, settings, NOW)
    problems, _ = check(content, ROOT / "pelicanconf.py")
    assert [p.field for p in problems] == ["body"]
    with path.open("a", encoding="utf-8") as body:
        body.write("The article.\n")
    assert check(content, ROOT / "pelicanconf.py") == ([], 0)  # a draft: 0 published


def test_it_never_overwrites(settings):
    path = new_post("Same", None, settings, NOW)
    path.write_text(path.read_text() + "Written.\n")
    with pytest.raises(NewPostError, match="already exists"):
        new_post("Same", None, settings, NOW)
    assert path.read_text().endswith("Written.\n")


def test_an_unknown_category_is_refused(settings):
    with pytest.raises(NewPostError, match="'Sport' is not a category; use one of: Foreign"):
        new_post("Title", "Sport", settings, NOW)


def test_a_translation_is_written_in_its_language_naming_its_original(settings, content):
    path = new_post("Министр в Москве", None, settings, NOW, "ru", "makey-in-moscow")
    assert path.name == "ministr-v-moskve.ru.md"
    text = path.read_text(encoding="utf-8")
    assert "\nlang: ru  # the language of the article: en, ru, be\n" in text
    assert '\ntranslation_of: "makey-in-moscow"  # the slug of the original\n' in text
    with pytest.raises(NewPostError, match="'de' is not a language of this site; use one of: en"):
        new_post("Titel", None, settings, NOW, "de")


def test_make_newpost_from_the_command_line(content):
    result = subprocess.run(
        ["make", "--no-print-directory", "newpost", "TITLE=Test", f"INPUTDIR={content}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    (created,) = (content / "articles").rglob("test.md")
    again = subprocess.run(
        ["make", "--no-print-directory", "newpost", "TITLE=Test", f"INPUTDIR={content}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert again.returncode != 0 and "already exists" in again.stderr
    assert created.exists()
