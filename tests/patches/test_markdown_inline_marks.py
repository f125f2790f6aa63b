"""Markdown's inline step skipped on runs of text that hold no mark of its patterns: the
same HTML as Markdown as it ships."""

import pytest
from markdown import Markdown
from markdown_texts import (
    CONFIGS,
    SETTINGS,
    TRICKY,
    assert_random_text_alike,
    assert_real_articles_alike,
    converted,
)
from patch_helpers import patched
from patches import markdown_inline_marks
from patches.markdown_inline_marks import MARKS, marks_of


def test_real_articles_convert_as_without_the_patch():
    assert_real_articles_alike(markdown_inline_marks)


@pytest.mark.parametrize("text", TRICKY)
def test_tricky_text_converts_as_without_the_patch(text):
    plain, patched_html = converted(markdown_inline_marks, text)
    assert patched_html == plain


@pytest.mark.parametrize("extension", ["legacy_em", "smarty"])
def test_markdowns_own_replacements_of_its_patterns(extension):
    """legacy_em registers em_strong again, for underscores; smarty registers html again
    (and runs its own patterns in a step of its own)."""
    settings = dict(SETTINGS, extensions=[*CONFIGS, extension])
    assert marks_of(Markdown(**settings).treeprocessors["inline"]) is not None
    for text in TRICKY:
        plain, patched_html = converted(markdown_inline_marks, text, settings)
        assert patched_html == plain, text


def test_random_text_converts_as_without_the_patch():
    assert_random_text_alike(markdown_inline_marks)


def test_plain_runs_skip_the_patterns_and_marked_runs_do_not(monkeypatch):
    from markdown.treeprocessors import InlineProcessor

    tried = []
    apply = InlineProcessor._InlineProcessor__applyPattern
    monkeypatch.setattr(
        InlineProcessor,
        "_InlineProcessor__applyPattern",
        lambda *args: tried.append(args) or apply(*args),
    )
    with patched(markdown_inline_marks, True):
        md = Markdown(**SETTINGS)
        md.convert("# A plain heading\n\nA plain paragraph.\n\n- a plain item")
        assert tried == []
        md.reset().convert("A paragraph with *emphasis*.")
        assert tried


def test_an_unknown_pattern_leaves_markdown_as_it_ships():
    md = Markdown(**dict(SETTINGS, extensions=[*CONFIGS, "nl2br"]))
    assert "nl" not in MARKS
    assert marks_of(md.treeprocessors["inline"]) is None
    plain, patched_html = converted(
        markdown_inline_marks, "a\nb *c*", dict(SETTINGS, extensions=[*CONFIGS, "nl2br"])
    )
    assert patched_html == plain == "<p>a<br>\nb <em>c</em></p>"
