"""Typography as each language is typeset: typogrify for English, Russian typesetting
(typus, and our rule for dashes) for Russian and Belarusian; tags, attributes, <pre> and
<code> untouched."""

from __future__ import annotations

import pytest
import smartypants
from content_checks.typography import NARROW_NO_BREAK_SPACE as NNBSP
from content_checks.typography import typographer, typogrifier
from typogrify import filters

NBSP = "\u00a0"
SETTINGS = {"TYPOGRIFY_IGNORE_TAGS": ["pre", "code"], "TYPOGRIFY_DASHES": "default"}
typeset = typographer(SETTINGS)


@pytest.mark.parametrize("lang", ["ru", "be"])
def test_quotes_are_guillemets_with_low_quotes_inside(lang):
    html = typeset(lang)('<p>Он сказал: "Это "наш" ответ".</p>')
    assert "«Это „наш“ ответ»" in html


def test_a_dash_is_bound_to_the_word_before_it():
    russian = typeset("ru")
    assert f"Минск{NNBSP}— столица".replace(" ", "\u2009") in russian("<p>Минск - столица</p>")
    after_comma = russian('<p>"Нет выбора", - сказал он.</p>')
    assert f"»,{NNBSP}—" in after_comma
    at_line_end = russian("<p>Нет выбора,\n- сказал он.</p>")  # Markdown keeps line breaks
    assert "\n—" not in at_line_end and f"{NNBSP}—" in at_line_end


def test_one_letter_prepositions_and_conjunctions_keep_to_their_word():
    assert f"в{NBSP}Минске и{NBSP}Москве" in typeset("ru")("<p>в Минске и Москве</p>")
    assert f"і{NBSP}ў{NBSP}Мінску" in typeset("be")("<p>і ў Мінску</p>")


def test_code_attributes_and_tags_are_untouched():
    html = '<p><a href="/a-b" title="a - b">x</a> <code>"x" - y</code></p><pre>"a" - b</pre>'
    typeset_html = typeset("ru")(html)
    assert 'title="a - b"' in typeset_html and 'href="/a-b"' in typeset_html
    assert '<code>"x" - y</code>' in typeset_html and '<pre>"a" - b</pre>' in typeset_html


def test_english_is_typogrify():
    english = typeset("en")('<p>"Russian" - and <code>"code"</code></p>')
    assert '<span class="dquo">&#8220;</span>Russian&#8221;' in english  # typogrify's quotes
    assert "«" not in english and '<code>"code"</code>' in english


def test_our_typus_is_typus_without_its_quadratic_dash_rule():
    from content_checks.typography import _Expressions, ru_typus
    from typus import ru_typus as library
    from typus.processors import EnRuExpressions

    ours = [pattern for pattern, *_ in _Expressions.expr_mdash()]
    theirs = [pattern for pattern, *_ in EnRuExpressions.expr_mdash()]
    assert _Expressions.SLOW in theirs and _Expressions.SLOW not in ours
    assert len(ours) == len(theirs)
    texts = [
        '<p>Минск - 5 раз, слово - 2000 год, "цитата" - и всё. В 1990 - 2000 гг.</p>',
        "<p>" + "Длинный текст без тире и с цифрами 12 и 13. " * 200 + "Итог - 7.</p>",
        '<p>"Мы - за", - сказал он. <a href="x" title="a - 1">ссылка - 2</a></p>',
    ]
    for text in texts:
        assert ru_typus(text) == library(text)


ENGLISH = [
    "<p>\"Quoted\" -- and --- dashes... ``backticks'' &quot;entities&quot; KGB & NATO's</p>",
    "<h2>'Single' quotes, a U.S. court and one last word</h2>",
    '<p>Code: <code>"--"</code></p><pre>"kept -- as written"</pre><p>"after" it</p>',
    "",
    "<p>plain text, no mark at all</p>",
]


@pytest.mark.parametrize("dashes", ["default", "oldschool", "oldschool_inverted"])
@pytest.mark.parametrize("omit", [[], ["widont", "caps"], ["smartypants"]])
def test_english_is_typogrify_as_pelican_applies_it_and_the_library_keeps_its_default(dashes, omit):
    settings = {
        "TYPOGRIFY_IGNORE_TAGS": ["pre", "code"],
        "TYPOGRIFY_DASHES": dashes,
        "TYPOGRIFY_OMIT_FILTERS": omit,
    }
    ours = [typogrifier(settings)(text) for text in ENGLISH]
    default = smartypants.Attr.default
    try:  # as Pelican's Readers.read_file does with TYPOGRIFY (pelican 4.12.0)
        smartypants.Attr.default = {
            "oldschool": smartypants.Attr.set2,
            "oldschool_inverted": smartypants.Attr.set3,
        }.get(dashes, smartypants.Attr.set1) | smartypants.Attr.w
        omitted = dict.fromkeys(omit, False)
        pelicans = [filters.typogrify(text, ["pre", "code"], **omitted) for text in ENGLISH]
    finally:
        smartypants.Attr.default = default
    assert ours == pelicans
    assert smartypants.Attr.default == default  # nothing of the library changed


def test_an_unknown_filter_to_omit_is_named():
    with pytest.raises(ValueError, match=r"'spelling'.*amp, smartypants, caps"):
        typogrifier({"TYPOGRIFY_OMIT_FILTERS": ["spelling"]})
