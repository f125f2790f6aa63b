"""Texts and settings for the Markdown patches' tests."""

import random
from pathlib import Path

from markdown import Markdown
from patch_helpers import patched

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


def source_of(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    return text.split("---", 2)[2] if text.startswith("---") else text


def converted(module, text: str, settings=SETTINGS) -> tuple[str, str]:
    """text through Markdown as it ships, then with module's patch installed (the other
    Markdown patch as it is)."""
    with patched(module, False):
        plain = Markdown(**settings).convert(text)
    with patched(module, True):
        return plain, Markdown(**settings).convert(text)


def assert_real_articles_alike(module) -> None:
    assert len(ARTICLES) >= 5
    for path in ARTICLES:
        plain, patched_html = converted(module, source_of(path))
        assert patched_html == plain, path


def assert_random_text_alike(module) -> list[str]:
    """1,500 random texts convert alike; returns them."""
    rng = random.Random(7)
    texts = ["".join(rng.choices(ALPHABET, k=rng.randint(1, 60))) for _ in range(1500)]
    with patched(module, False):
        md = Markdown(**SETTINGS)
        plain = [md.reset().convert(text) for text in texts]
    with patched(module, True):
        md = Markdown(**SETTINGS)
        assert [md.reset().convert(text) for text in texts] == plain
    return texts
