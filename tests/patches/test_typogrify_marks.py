"""typogrify's amp and initial_quotes giving back at once a text without their marks."""

import pytest
from patches import typogrify_marks as MODULE
from typogrify_texts import assert_real_articles_alike, assert_tricky_text_alike


@pytest.mark.parametrize("dashes", ["default", "oldschool", "oldschool_inverted"])
def test_tricky_text_is_typogrified_as_without_the_patch(dashes):
    assert_tricky_text_alike(MODULE, dashes)


def test_real_articles_are_typogrified_as_without_the_patch():
    assert_real_articles_alike(MODULE)
