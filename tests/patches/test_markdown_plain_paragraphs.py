"""Plain paragraphs given to the paragraph's processor at once: the same HTML as Markdown
as it ships."""

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
from patches import markdown_plain_paragraphs
from patches.markdown_plain_paragraphs import PLAIN_PARAGRAPH, paragraph_of


def test_real_articles_convert_as_without_the_patch():
    assert_real_articles_alike(markdown_plain_paragraphs)


@pytest.mark.parametrize("text", TRICKY)
def test_tricky_text_converts_as_without_the_patch(text):
    plain, patched_html = converted(markdown_plain_paragraphs, text)
    assert patched_html == plain


def test_random_text_converts_as_without_the_patch():
    texts = assert_random_text_alike(markdown_plain_paragraphs)
    blocks = [block for text in texts for block in text.split("\n\n")]
    assert sum(bool(PLAIN_PARAGRAPH.match(block)) for block in blocks) > 250  # often taken


def test_plain_paragraphs_skip_the_other_block_processors():
    with patched(markdown_plain_paragraphs, True):
        md = Markdown(**SETTINGS)
        tested = []
        for processor in md.parser.blockprocessors:
            test = processor.test
            processor.test = lambda parent, block, test=test: (
                tested.append(block) or test(parent, block)
            )
        md.convert("A plain paragraph.\nIts second line.\n\nAnother one, with a - and a 1.")
        assert [block for block in tested if block.strip()] == []  # the paragraphs were not
        md.reset().convert("- a list item")
        assert tested


def test_an_unknown_block_processor_leaves_the_parser_as_it_ships():
    settings = dict(SETTINGS, extensions=[*CONFIGS, "admonition"])
    assert paragraph_of(Markdown(**settings).parser) is None
    assert paragraph_of(Markdown().parser) is not None  # fewer processors, all Markdown's
    text = "!!! note\n    An admonition\n\nplain"
    plain, patched_html = converted(markdown_plain_paragraphs, text, settings)
    assert patched_html == plain and "admonition" in plain
