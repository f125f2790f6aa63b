"""Markdown's inline step, skipped on runs of text that hold no mark of its patterns: the
same HTML as plain Markdown."""

import random
from pathlib import Path

import pytest
from content_checks.inline_guard import MARKS, guard_inline, unguard_inline
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
]
ALPHABET = list("ab cd\n") * 6 + list("`\\[]()!<>&*_#-:|{}.@/^;") + ["  \n", "\n\n", "1. ", "- "]


def both_ways(text: str) -> tuple[str, str]:
    plain = Markdown(**SETTINGS).convert(text)
    guarded = Markdown(**SETTINGS)
    assert guard_inline(guarded)
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


def test_random_text_converts_as_without_the_guard():
    generator = random.Random(7)
    plain_md, guarded_md = Markdown(**SETTINGS), Markdown(**SETTINGS)
    guard_inline(guarded_md)
    for _ in range(3000):
        text = "".join(generator.choices(ALPHABET, k=generator.randint(1, 60)))
        assert guarded_md.reset().convert(text) == plain_md.reset().convert(text), repr(text)


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
