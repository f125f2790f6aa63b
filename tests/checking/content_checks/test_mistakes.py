"""One fixture per kind of mistake: the message names file, line, field and fix, and
`make check` reports all of them in one run, the same text as the build."""

import subprocess
import sys

import pytest
from conftest import ROOT, article_fields, write_article
from content_checks import ContentError

from tools.check import check

GOOD = "---\ntitle: A good one\ndate: 2020-01-01 10:00\ncategory: Security\n---\n\nText.\n"

# (file name, file text, what its message says)
MISTAKES = [
    (
        "yaml",
        "---\ntitle: Minsk: the view\ndate: 2020-01-01 10:00\n---\nText\n",
        "yaml.md:2: the front matter is not valid YAML",
    ),
    (
        "no-title",
        "---\ndate: 2020-01-01 10:00\n---\nText\n",
        "no-title.md: title: the title is missing. Fix: add a line 'title: ",
    ),
    (
        "bad-date",
        "---\ntitle: T\ndate: 2020-13-45 10:00\n---\nText\n",
        "bad-date.md:3: date: '2020-13-45 10:00' is not a date. Fix: write it as date: ",
    ),
    (
        "category",
        "---\ntitle: T\ndate: 2020-01-01 10:00\ncategory: Securty\n---\nText\n",
        "category.md:4: category: 'Securty' is not a category of this site. Fix: did you mean "
        "'Security'?",
    ),
    (
        "norway",
        "---\ntitle: T\ndate: 2020-01-01 10:00\ntags: [NO, oil]\n---\nText\n",
        "norway.md:4: tags: item 1 is read by YAML as the boolean false (unquoted yes, no, on, "
        'off, true and false are booleans), not as text. Fix: quote it: "NO".',
    ),
    (
        "number",
        "---\ntitle: T\ndate: 2020-01-01 10:00\nactors:\n  - 1984\n---\nText\n",
        "number.md:4: actors: item 1 is read by YAML as the number 1984, not as text. Fix: "
        'quote it: "1984".',
    ),
    (
        "pin",
        "---\ntitle: Pins\ndate: 2020-01-01 10:00\nrelated: [no-such-slug]\n---\nText\n",
        "pin.md:4: related: no published article has the slug 'no-such-slug'.",
    ),
    (
        "image",
        "---\ntitle: T\ndate: 2020-01-01 10:00\nimage: images/gone.jpg\n"
        "image_alt: Gone\n---\nText\n",
        "image.md:4: image: there is no file 'images/gone.jpg' in the content folder.",
    ),
    (
        "empty",
        "---\ntitle: Empty\ndate: 2020-01-01 10:00\n---\n\n",
        "empty.md: body: the article has no text. Fix: write the article below",
    ),
    (
        "twin",
        GOOD.replace("Text.", "Another text."),
        "is written to the same file (2020/01/a-good-one.html)",
    ),
    (
        "unknown-field",
        "---\ntitle: Fields\ndate: 2020-01-01 10:00\nactor: [OSCE]\n---\nText\n",
        "unknown-field.md:4: warning: actor: unknown field; did you mean 'actors'? Fix: rename "
        "it 'actors:'.",
    ),
]


def folder_with(content, *names):
    (content / "articles" / "good.md").write_text(GOOD, encoding="utf-8")
    for name, text, _ in MISTAKES:
        if name in names:
            (content / "articles" / f"{name}.md").write_text(text, encoding="utf-8")
    return content


@pytest.mark.parametrize(("name", "text", "expected"), MISTAKES, ids=[m[0] for m in MISTAKES])
def test_each_mistake_is_named_with_its_fix(content, name, text, expected):
    problems, _ = check(folder_with(content, name), ROOT / "pelicanconf.py")
    messages = [str(p) for p in problems]
    assert any(expected in m for m in messages), messages
    assert not any("good.md" in m and "twin" not in name for m in messages)


def test_eleven_mistakes_in_one_run_of_make_check(content):
    folder_with(content, *[m[0] for m in MISTAKES])
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools/check.py"), str(content)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    lines = [line for line in result.stdout.splitlines() if ".md" in line]
    assert len(lines) == len(MISTAKES), result.stdout
    for _, _, expected in MISTAKES:
        assert any(expected in line for line in lines), expected
    assert "11 problems: 10 errors, 1 warning." in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_a_warning_does_not_stop_the_build_but_stops_a_publication(content, build_site):
    folder_with(content, "unknown-field")
    site = build_site(content, expect_clean=False)
    assert site.exists("2020/01/fields.html")
    with pytest.raises(ContentError, match="unknown field; did you mean 'actors'"):
        build_site(content, expect_clean=False, CONTENT_WARNINGS_FATAL=True)


def test_an_empty_optional_field_is_no_field(content, build_site):
    write_article(content, "e", **article_fields("Empty fields", image="", summary="", tags=[]))
    page = build_site(content).page("2020/01/empty-fields.html")
    assert page.select_one(".lead") is None and page.select_one(".lead-image") is None
