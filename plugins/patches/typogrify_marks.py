"""typogrify's amp and initial_quotes, each giving back at once a text without its mark.

Checked against typogrify 2.1.0. `amp` only changes text with an ampersand,
`initial_quotes` text with an opening quote, yet each runs its regular expressions over
the whole page. typogrify.filters.typogrify calls them by their module names. Proposed
upstream: docs/upstream.md.
"""

from __future__ import annotations

from typogrify import filters

from .patching import patch
from .smartypants_marks import QUOTES, only_with

OPENING_QUOTES = (*QUOTES, "&ldquo;", "&#8220;", "&lsquo;", "&#8216;")  # initial_quotes' regex

PATCH = patch(
    "typogrify",
    "2.1.0",
    (filters, "amp", only_with(("&",), filters.amp)),
    (filters, "initial_quotes", only_with(OPENING_QUOTES, filters.initial_quotes)),
)
install, restore = PATCH.install, PATCH.restore
