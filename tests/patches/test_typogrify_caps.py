"""typogrify's caps, its pattern tried only where it can match: the same output."""

import pytest
from patches import typogrify_caps as MODULE
from typogrify_texts import (
    assert_random_html_alike,
    assert_real_articles_alike,
    assert_tricky_text_alike,
)


@pytest.mark.parametrize("dashes", ["default", "oldschool", "oldschool_inverted"])
def test_tricky_text_is_typogrified_as_without_the_patch(dashes):
    assert_tricky_text_alike(MODULE, dashes)


def test_real_articles_are_typogrified_as_without_the_patch():
    assert_real_articles_alike(MODULE)


def test_random_html_gives_what_typogrifys_caps_gives():
    assert_random_html_alike(MODULE, "caps")
