"""paths.py: what a slug, a save_as and an image path may be, case by case."""

import pytest
from content_checks.paths import (
    MAX_SLUG,
    cap_slug,
    image_path_problem,
    is_remote,
    output_path_problem,
    slug_problem,
)


@pytest.mark.parametrize(
    ("slug", "expected"),
    [
        ("makey-in-moscow", None),
        ("v2.0-release", None),
        ("", "is empty"),
        (".hidden", "starts with a dot"),
        ("a/b", "holds '/'"),
        ("a b", "holds a space"),
        ("what?", "holds '?'"),
        ("x" * (MAX_SLUG + 1), f"more than the {MAX_SLUG} a slug may be"),
    ],
)
def test_a_slug_names_one_file_in_its_folder(slug, expected):
    found = slug_problem(slug)
    assert found is None if expected is None else expected in found


def test_a_long_slug_is_cut_at_a_word():
    slug = "-".join(["word"] * 40)
    cut = cap_slug(slug)
    assert len(cut) <= MAX_SLUG and cut.endswith("word") and slug.startswith(cut)
    assert cap_slug("short-one") == "short-one"
    assert len(cap_slug("x" * 300)) == MAX_SLUG  # one word: cut where it must be


@pytest.mark.parametrize(
    ("save_as", "expected"),
    [
        ("2020/01/a.html", None),
        ("", None),
        ("/etc/passwd", "absolute path"),
        ("C:/x.html", "absolute path"),
        ("2020/../../x.html", "climbs out"),
        ("2020/01/.html", "hidden file"),
        ("2020//a.html", "empty folder or file name"),
        ("tag/-/index.html", None),
        (f"2020/{'x' * 300}.html", "longer than 255 bytes"),
        ("2020/01/-.html", "no name before its extension"),
    ],
)
def test_an_output_path_stays_inside_and_is_a_plain_file(save_as, expected):
    found = output_path_problem(save_as)
    assert found is None if expected is None else expected in found


@pytest.mark.parametrize(
    ("image", "expected"),
    [
        ("images/a.jpg", None),
        ("images/sub/a.jpg", None),
        ("https://x.org/a.jpg", "another host"),
        ("//x.org/a.jpg", "another host"),
        ("/etc/passwd", "absolute path"),
        ("../secret.jpg", "climbs out"),
        ("images/../../x.jpg", "climbs out"),
        ("images/.private.jpg", "hidden file"),
        ("articles/a.jpg", "not in a folder that is published"),
        ("imagesX/a.jpg", "not in a folder that is published"),
        ("images\\a.jpg", "separates folders"),
    ],
)
def test_a_lead_image_is_a_published_file_of_the_content_folder(image, expected):
    found = image_path_problem(image, ["images"])
    assert found is None if expected is None else expected in found[0]


def test_remote_addresses():
    assert is_remote("https://a.org/x") and is_remote("//a.org/x") and is_remote("HTTP://a")
    assert not is_remote("images/x.png") and not is_remote("data:image/png;base64,AA")
