"""Front-matter checks, one case per mistake, on text as an author would write it."""

import pytest
from content_checks.rules import ContentError, check_front_matter, load_front_matter
from pelican.utils import get_date

GOOD = """
title: A title
date: 2016-04-22 18:34
category: Security
tags: [defence, Belarus–Russia relations]
actors: [Sergei Lavrov]
"""


def problems(text):
    data, lines = load_front_matter(text, "a.md", first_line=2)
    return [str(p) for p in check_front_matter(data, "a.md", get_date, lines)]


def test_a_correct_front_matter_has_no_problem():
    assert problems(GOOD) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "date: 2016-04-22 18:34",
            "a.md: title: the title is missing. Fix: add a line",
        ),
        ("title: T", "a.md: date: the date is missing. Fix: add a line 'date: "),
        ("title: T\ndate: 22/22/2016", "a.md:3: date: '22/22/2016' is not a date."),
        ("title: T\ndate: 2016-04-22", "a.md:3: date: 2016-04-22 has no time of day."),
        (
            "title: T\ndate: 2016-04-22 18:34\ntags: [NO, ok]",
            "a.md:4: tags: item 1 is read by YAML as the boolean false (unquoted yes, "
            'no, on, off, true and false are booleans), not as text. Fix: quote it: "NO".',
        ),
        (
            "title: T\ndate: 2016-04-22 18:34\nactors:\n  - 1984",
            "a.md:4: actors: item 1 is read by YAML as the number 1984, not as text. "
            'Fix: quote it: "1984".',
        ),
        (
            "title: T\ndate: 2016-04-22 18:34\ntags: defence, army",
            "a.md:4: tags: is one piece of text, not a list. Fix: write a list: "
            "tags: [defence, army]",
        ),
        (
            "title: 1984\ndate: 2016-04-22 18:34",
            "a.md:2: title: the value is read by "
            'YAML as the number 1984, not as text. Fix: quote it: title: "1984".',
        ),
        (
            "title: T\ndate: 2016-04-22 18:34\nstatus: live",
            "a.md:4: status: 'live' is not a status. Fix: use one of: published, draft, hidden.",
        ),
        (
            "title: T\ndate: 2016-04-22 18:34\nrelated:\n  - a\n  -",
            "related: item 2 is empty",
        ),
    ],
)
def test_each_mistake_names_file_line_field_and_fix(text, expected):
    assert any(line.startswith(expected) or expected in line for line in problems(text)), problems(
        text
    )


def test_every_problem_of_a_file_is_reported_at_once():
    found = problems("tags: [yes, 2016]\nstatus: gone")
    assert len(found) == 5  # title, date, two tags, status


def test_invalid_yaml_names_the_line():
    with pytest.raises(ContentError) as error:
        load_front_matter("title: T\ntags: [a, b\ndate: x", "a.md", first_line=2)
    (problem,) = error.value.problems
    assert problem.line is not None and problem.line >= 3
    assert "not valid YAML" in str(problem) and "Fix:" in str(problem)


def test_front_matter_that_is_not_a_mapping_is_refused():
    with pytest.raises(ContentError, match="not a list of 'field: value' lines"):
        load_front_matter("- just\n- a list", "a.md")


def test_an_image_must_exist_and_have_a_text_alternative():
    data, lines = load_front_matter(
        "title: T\ndate: 2016-04-22 18:34\nimage: images/gone.jpg", "a.md", first_line=2
    )
    found = check_front_matter(data, "a.md", get_date, lines, lambda path: False)
    assert [(p.field, p.line) for p in found] == [("image", 4), ("image_alt", None)]
    assert "no file 'images/gone.jpg'" in str(found[0])
