"""smartypants' steps, each giving back at once a text without its mark.

Checked against smartypants 2.0.2. Its quotes need a quote, its dashes two hyphens, its
ellipses three dots, its backticks two, its escapes a backslash, and smartypants() itself
runs every step over each run of text between tags: most of a page's text holds none of
the marks, so each step returns its input where its mark is absent (and smartypants()
where no step's mark is, unless it is to turn entities into characters, a mode typogrify
does not use). The functions are called by their module names, hence a patch. Proposed
upstream: docs/upstream.md.
"""

from __future__ import annotations

import functools

import smartypants

from .patching import patch

QUOTES = ("'", '"')
DASHES = ("--",)  # every dash pattern of smartypants holds two hyphens
STEPS = (  # (function, marks without which it returns its input)
    ("convert_quotes", QUOTES),
    ("process_escapes", ("\\",)),
    ("convert_dashes", DASHES),
    ("convert_dashes_oldschool", DASHES),
    ("convert_dashes_oldschool_inverted", DASHES),
    ("convert_ellipses", ("...", ". . .")),
    ("convert_backticks", ("``", "''")),
)
# A mark of any of the steps, in any of its modes (single backticks, all dashes)
ANY_MARK = (*QUOTES, "\\", "--", "...", ". . .", "`", "&quot;")


def only_with(marks: tuple[str, ...], convert):
    @functools.wraps(convert)
    def guarded(text):
        return convert(text) if any(mark in text for mark in marks) else text

    return guarded


def _smartypants(convert):
    @functools.wraps(convert)
    def guarded(text, attr=None):
        mode = smartypants.Attr.default if attr is None else attr
        if mode & smartypants.Attr.mask_o or any(mark in text for mark in ANY_MARK):
            return convert(text, attr)
        return text

    return guarded


PATCH = patch(
    "smartypants",
    "2.0.2",
    *((smartypants, name, only_with(marks, vars(smartypants)[name])) for name, marks in STEPS),
    (smartypants, "smartypants", _smartypants(smartypants.smartypants)),
)
install, restore = PATCH.install, PATCH.restore
