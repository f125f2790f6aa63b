"""smartypants' steps giving back at once a text without their marks: the same output."""

import pytest
import smartypants
from patches import smartypants_marks as MODULE
from typogrify_texts import assert_real_articles_alike, assert_tricky_text_alike


@pytest.mark.parametrize("dashes", ["default", "oldschool", "oldschool_inverted"])
def test_tricky_text_is_typogrified_as_without_the_patch(dashes):
    assert_tricky_text_alike(MODULE, dashes)


def test_real_articles_are_typogrified_as_without_the_patch():
    assert_real_articles_alike(MODULE)


def test_a_step_runs_only_on_text_with_its_mark():
    calls = []
    guarded = MODULE.only_with(MODULE.QUOTES, lambda text: calls.append(text) or text)
    assert guarded("no quote here") == "no quote here"
    assert guarded('a "quote"') == 'a "quote"'
    assert calls == ['a "quote"']


def test_smartypants_gives_back_text_without_marks_unless_it_is_to_convert_entities():
    plain = next(r.original for r in MODULE.PATCH.replacements if r.name == "smartypants")
    calls = []
    guarded = MODULE._smartypants(lambda text, attr=None: calls.append(text) or plain(text, attr))
    assert guarded("<p>No mark at all</p>") == "<p>No mark at all</p>"
    assert calls == []
    to_characters = smartypants.Attr.set1 | smartypants.Attr.u
    text = "<p>&#8220;Curly&#8221; entities</p>"
    assert guarded(text, to_characters) == plain(text, to_characters) != text
    assert calls == [text]
