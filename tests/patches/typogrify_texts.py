"""Texts for the typogrify and smartypants patches' tests."""

import random
from pathlib import Path

from content_checks import typography
from markdown import Markdown
from patch_helpers import patched

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = sorted((ROOT / "content" / "articles").rglob("*.md")) + sorted(
    (ROOT / "tests" / "fixtures" / "18f-excerpt").glob("*.md")
)
TRICKY = [  # each guard's mark at a token's edge, in entities, in tags and in code
    '<p>"Quoted" and \'single\' &amp; the <a href="x">"linked"</a> word\'s end.</p>',
    "<p>'</p><p>\"</p><p>a'<em>'b'</em>'</p>",
    "<p>&quot;Escaped&quot; quotes, a &#8220;curly&#8221; one, &ldquo;named&rdquo;</p>",
    "<p>Salt & pepper, salt &amp; pepper, salt&nbsp;&&nbsp;pepper</p>",
    '<pre><code>print("quoted") & \'kept\'</code></pre><p>After "it"</p>',
    "<h2>'90s -- the ... decade</h2><li>\"List\"</li><dd>'Term'</dd>",
    "No tags at all, a 'quote' at the end'",
    "",
    "<p>Nothing to change here</p>",
    "<p>a -- b --- c - d ---- e -</p><p>--</p><code>x -- y</code>",
    "<p>wait... . . . .. . . ....</p><p>...</p><pre>x...</pre>",
    "<p>``double'' `single' ''' `` ''</p><p>``</p><p>two'' closing</p>",
    r"""<p>back\\slash \" \' \. \- \` \x end\</p><p>\</p><p>\\</p>""",
]


def html_of(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    if text.startswith("---"):
        text = text.split("---", 2)[2]
    return Markdown(extensions=["extra", "toc", "codehilite"], output_format="html5").convert(text)


def both_ways(module, text: str, settings: dict) -> tuple[str, str]:
    """text through typogrify as our reader applies it, with the library as it ships,
    then with module's patch installed."""
    apply = typography.typogrifier(settings)
    with patched(module, False):
        plain = apply(text)
    with patched(module, True):
        return plain, apply(text)


PIECES = [  # words, capitals, spaces of every kind, blocks, inline tags, broken markup
    *["word", "w", "é", "1", "٣", " ", "  ", "\n", "\t", "\xa0", "\u2009", "\x1c", "\u200b"],
    *["NATO", "EU", "U.S.", "U. S. ", "A.", "B", "KGB's", "2KU2", "H2O", "I", "OK.", "'", "."],
    *["<p>", "</p>", "<li>", "</li>", "<h1>", "</h1>", "</h2>", "</dd>", "</dt>", "</ul>"],
    *["<em>", "</em>", "<b>", "</b>", "<i", "</i>", "<strong>", "</strong>", "</span>"],
    *['<span class="c">', "<a href='x'>", "</a>", "<br>", "<img src=x>", "<code>", "</code>"],
    *["<kbd>", "</kbd>", "<script>", "</script>", "<KBD x>", "<!-- X -- Y -->", "<!-- AB -->"],
    *["<blockquote>", "</blockquote>", "<", ">", "x>", "</", "<b <i>", "&amp;"],
]


def assert_tricky_text_alike(module, dashes: str) -> None:
    for text in TRICKY:
        plain, patched_html = both_ways(module, text, {"TYPOGRIFY_DASHES": dashes})
        assert patched_html == plain, text


def assert_real_articles_alike(module) -> None:
    assert len(ARTICLES) >= 5
    changed = 0
    for path in ARTICLES:
        plain, patched_html = both_ways(module, html_of(path), {})
        assert patched_html == plain, path
        changed += patched_html != html_of(path)
    assert changed >= 4  # typogrify had quotes, dashes and capitals to work on


def assert_random_html_alike(module, step: str) -> None:
    theirs = module.PATCH.replacements[0].original
    ours = getattr(module, step)
    rng = random.Random(2026)
    changed = 0
    for _ in range(20_000):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 25)))
        expected = theirs(text)
        assert ours(text) == expected, repr(text)
        changed += expected != text
    assert changed > 500  # the random texts did give the step work
