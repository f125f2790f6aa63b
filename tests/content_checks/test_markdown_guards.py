"""Markdown's inline step skipped on runs of text that hold no mark of its patterns, and
plain paragraphs given to the paragraph's processor at once: the same HTML as plain
Markdown."""

import random
from pathlib import Path

import pytest
from content_checks.markdown_guards import (
    MARKS,
    PLAIN_PARAGRAPH,
    guard_inline,
    guard_markdown,
    guard_paragraphs,
    unguard_inline,
    unguard_paragraphs,
)
from markdown import Markdown

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = sorted((ROOT / "content" / "articles").rglob("*.md")) + sorted(
    (ROOT / "tests" / "fixtures" / "18f-excerpt").glob("*.md")
)
CONFIGS = {  # pelicanconf.py's MARKDOWN, with the extensions Pelican's reader adds to it
    "markdown.extensions.codehilite": {"css_class": "highlight"},
    "markdown.extensions.extra": {},
    "markdown.extensions.meta": {},
    "markdown.extensions.toc": {},
}
SETTINGS = {"extension_configs": CONFIGS, "extensions": list(CONFIGS), "output_format": "html5"}
TRICKY = [  # each pattern's mark at a run's edge, in every block the inline step visits
    "`code` and `` tick ` inside `` and \\`escaped\\` and a lone `",
    "\\*not em\\* \\\\ \\[not a link\\] \\_ \\<",
    "[link](http://x.org) [ref][r] [r] ![image](a.png) ![ref image][r] [^1]\n\n"
    "[r]: http://r.org\n[^1]: A footnote with *em*.",
    "<http://auto.link> <mail@example.org> <b>inline html</b> <!-- comment --> a < b > c",
    "a line  \nbroken, one with a single space \nnot, and one ending in two  ",
    "&amp; &copy; &#169; &#xA9; & alone, AT&T",
    "*em* _em_ **strong** __strong__ ***both*** snake_case_word 2 * 3",
    "# Heading with *em* {: #custom }\n\nPlain heading below\n---------------------",
    "| a | *b* |\n|---|-----|\n| `c` | plain |",
    "Term\n: definition with [link](x)\n\nOther\n: plain",
    "The HTML spec.\n\n*[HTML]: Hyper Text Markup Language",
    '<div markdown="1">*inside* html</div>\n\nplain after',
    "- plain item\n- item with **strong**\n    - nested `code`",
    "> quoted *em*\n> plain quote line",
    "```\nfenced *not em*\n```\n\n    indented <code>",
    "A paragraph of plain words only, nothing to find.",
    "",
    # each block processor's mark at the start of a line after a plain one
    "Plain\n# not a heading?\n\nPlain\n===\n\nPlain\n- - -\n\nPlain\n1. one\n\nPlain\n> q",
    "Plain\n: def\n\nPlain\n    code\n\nPlain\n\tcode\n\nPlain\n[r]: http://x\n\nPlain\n*[P]: x",
    "- item\n\n    continued item\n\nplain after the list\n\n2. two\nlazy line",
    "Plain | not a table\n\na | b\n--|--\n1 | 2\n\nPlain\n+ plus\n\nPlain\n_ _ _",
    "Plain\n[^n]: note\n\nuses [^n]\n\n* star\n\nplain\n\n\n\nafter blank lines\n",
]
ALPHABET = list("ab cd\n") * 6 + list("`\\[]()!<>&*_#-:|{}.@/^;=+>\t0") + ["  \n", "\n\n"]
ALPHABET += ["1. ", "- ", "* ", "    ", "\n> ", "\n: ", "\n===", "\n---", "[^1]: ", "*[A]: "]
ALPHABET += ["[r]: http://r", "| a |", "<div>", "</div>", "```\n", "_ _ _", "\n\t"]


def both_ways(text: str) -> tuple[str, str]:
    plain = Markdown(**SETTINGS).convert(text)
    guarded = Markdown(**SETTINGS)
    guard_markdown(guarded)
    assert hasattr(guarded.treeprocessors["inline"], "unguarded")
    assert hasattr(guarded.parser, "unguarded_parse_blocks")
    return plain, guarded.convert(text)


def source_of(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    return text.split("---", 2)[2] if text.startswith("---") else text


def test_real_articles_convert_as_without_the_guard():
    assert len(ARTICLES) >= 5
    for path in ARTICLES:
        plain, guarded = both_ways(source_of(path))
        assert guarded == plain, path


@pytest.mark.parametrize("text", TRICKY)
def test_tricky_text_converts_as_without_the_guard(text):
    plain, guarded = both_ways(text)
    assert guarded == plain


@pytest.mark.parametrize("extension", ["legacy_em", "smarty"])
def test_markdowns_own_replacements_of_its_patterns(extension):
    """legacy_em registers em_strong again, for underscores; smarty registers html again
    (and runs its own patterns in a step of its own)."""
    settings = dict(SETTINGS, extensions=[*CONFIGS, extension])
    assert guard_inline(Markdown(**settings))
    for text in TRICKY:
        plain = Markdown(**settings).convert(text)
        guarded = Markdown(**settings)
        guard_inline(guarded)
        assert guarded.convert(text) == plain, text


def test_random_text_converts_as_without_the_guards():
    generator = random.Random(7)
    plain_md, guarded_md = Markdown(**SETTINGS), Markdown(**SETTINGS)
    guard_markdown(guarded_md)
    plain_blocks = 0
    for _ in range(5000):
        text = "".join(generator.choices(ALPHABET, k=generator.randint(1, 60)))
        assert guarded_md.reset().convert(text) == plain_md.reset().convert(text), repr(text)
        plain_blocks += sum(bool(PLAIN_PARAGRAPH.match(block)) for block in text.split("\n\n"))
    assert plain_blocks > 1000  # the quick way was taken often


def test_plain_runs_skip_the_patterns_and_marked_runs_do_not():
    md = Markdown(**SETTINGS)
    guard_inline(md)
    inline = md.treeprocessors["inline"]
    tried = []
    apply = inline._InlineProcessor__applyPattern
    inline._InlineProcessor__applyPattern = lambda *args: tried.append(args) or apply(*args)
    md.convert("# A plain heading\n\nA plain paragraph.\n\n- a plain item")
    assert tried == []
    md.reset().convert("A paragraph with *emphasis*.")
    assert tried


def test_plain_paragraphs_skip_the_other_block_processors():
    md = Markdown(**SETTINGS)
    guard_paragraphs(md)
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


def test_an_unknown_block_processor_leaves_the_parser_unguarded():
    md = Markdown(**dict(SETTINGS, extensions=[*CONFIGS, "admonition"]))
    assert not guard_paragraphs(md)
    assert not hasattr(md.parser, "unguarded_parse_blocks")
    assert guard_paragraphs(Markdown())  # Markdown without extensions has fewer of them


def test_paragraphs_guarded_once_and_unguarded():
    md = Markdown(**SETTINGS)
    assert guard_paragraphs(md)
    assert not guard_paragraphs(md)
    unguard_paragraphs(md)
    assert not hasattr(md.parser, "unguarded_parse_blocks")
    assert md.convert("a\n\n# b") == '<p>a</p>\n<h1 id="b">b</h1>'


def test_an_unknown_pattern_leaves_markdown_unguarded():
    md = Markdown(**dict(SETTINGS, extensions=[*CONFIGS, "nl2br"]))
    assert "nl" not in MARKS
    assert not guard_inline(md)
    assert not hasattr(md.treeprocessors["inline"], "unguarded")


def test_guarded_once_and_unguarded():
    md = Markdown(**SETTINGS)
    assert guard_inline(md)
    assert not guard_inline(md)
    unguard_inline(md)
    assert not hasattr(md.treeprocessors["inline"], "unguarded")
    assert md.convert("*a*") == "<p><em>a</em></p>"
