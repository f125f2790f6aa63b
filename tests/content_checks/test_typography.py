"""typogrify with its steps skipped where they cannot change the text, and widont and caps
tried only where a match can start: the same output as plain typogrify."""

import random
from pathlib import Path

import pytest
from content_checks import typography
from markdown import Markdown

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


def both_ways(text: str, settings: dict) -> tuple[str, str]:
    apply = typography.typogrifier(settings)
    try:
        typography.remove_guards()
        plain = apply(text)
        typography.install_guards()
        return plain, apply(text)
    finally:
        typography.install_guards()


@pytest.mark.parametrize("dashes", ["default", "oldschool", "oldschool_inverted"])
def test_tricky_text_is_typogrified_as_without_the_guards(dashes):
    for text in TRICKY:
        plain, guarded = both_ways(text, {"TYPOGRIFY_DASHES": dashes})
        assert guarded == plain, text


def test_real_articles_are_typogrified_as_without_the_guards():
    assert len(ARTICLES) >= 5
    changed = 0
    for path in ARTICLES:
        plain, guarded = both_ways(html_of(path), {})
        assert guarded == plain, path
        changed += guarded != html_of(path)
    assert changed >= 4  # typogrify had quotes, dashes and capitals to work on


def test_a_guard_runs_its_step_only_on_text_with_its_mark():
    calls = []
    guarded = typography._only_with(typography.QUOTES, lambda text: calls.append(text) or text)
    assert guarded("no quote here") == "no quote here"
    assert guarded('a "quote"') == 'a "quote"'
    assert calls == ['a "quote"']


def test_smartypants_gives_back_text_without_marks_unless_it_is_to_convert_entities():
    typography.install_guards()
    plain = typography.smartypants.smartypants.unguarded
    calls = []
    guarded = typography._smartypants_only_with_marks(
        lambda text, attr=None: calls.append(text) or plain(text, attr)
    )
    assert guarded("<p>No mark at all</p>") == "<p>No mark at all</p>"
    assert calls == []
    to_characters = typography.smartypants.Attr.set1 | typography.smartypants.Attr.u
    text = "<p>&#8220;Curly&#8221; entities</p>"
    assert guarded(text, to_characters) == plain(text, to_characters) != text
    assert calls == [text]


def test_guards_are_installed_once_and_removed():
    typography.install_guards()
    typography.install_guards()
    for step in (
        typography.smartypants.smartypants,
        typography.smartypants.convert_quotes,
        typography.filters.widont,
        typography.filters.caps,
    ):
        assert not hasattr(step.unguarded, "unguarded")
    typography.remove_guards()
    assert not hasattr(typography.filters.widont, "unguarded")
    assert not hasattr(typography.filters.caps, "unguarded")
    assert not hasattr(typography.smartypants.smartypants, "unguarded")
    typography.install_guards()


PIECES = [  # words, capitals, spaces of every kind, blocks, inline tags, broken markup
    *["word", "w", "é", "1", "٣", " ", "  ", "\n", "\t", "\xa0", "\u2009", "\x1c", "\u200b"],
    *["NATO", "EU", "U.S.", "U. S. ", "A.", "B", "KGB's", "2KU2", "H2O", "I", "OK.", "'", "."],
    *["<p>", "</p>", "<li>", "</li>", "<h1>", "</h1>", "</h2>", "</dd>", "</dt>", "</ul>"],
    *["<em>", "</em>", "<b>", "</b>", "<i", "</i>", "<strong>", "</strong>", "</span>"],
    *['<span class="c">', "<a href='x'>", "</a>", "<br>", "<img src=x>", "<code>", "</code>"],
    *["<kbd>", "</kbd>", "<script>", "</script>", "<KBD x>", "<!-- X -- Y -->", "<!-- AB -->"],
    *["<blockquote>", "</blockquote>", "<", ">", "x>", "</", "<b <i>", "&amp;"],
]


@pytest.mark.parametrize("step", ["widont", "caps"])
def test_the_quicker_steps_give_what_typogrifys_give_on_random_html(step):
    quicker = getattr(typography, step)
    rng = random.Random(2026)
    changed = 0
    for _ in range(20_000):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 25)))
        expected = quicker.unguarded(text)
        assert quicker(text) == expected, repr(text)
        changed += expected != text
    assert changed > 500  # the random texts did give the step work
