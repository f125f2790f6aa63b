"""typogrify's caps, its pattern tried only on the runs of text that can hold a match.

Checked against typogrify 2.1.0. caps (<span class="caps"> around runs of capitals) tries
its regular expression on every run of text between tags, though a match needs two
capitals in a row (or dotted, as in U.S.): a quicker pattern finds the runs that have
them, and only those are tried; the loop is typogrify's own. typogrify.filters.typogrify
calls it by its module name. Proposed upstream: docs/upstream.md.
"""

from __future__ import annotations

import re

import smartypants
from typogrify import filters

from .patching import patch

# typogrify 2.1.0's caps pattern, verbatim; every match holds a CAPS_HINT.
CAP_FINDER = re.compile(
    r"""(
                            (\b[A-Z\d]*        # Group 2: Any amount of caps and digits
                            [A-Z]\d*[A-Z]      # A cap string much at least include two caps (but they can have digits between them)
                            [A-Z\d']*\b)       # Any amount of caps and digits or dumb apostsrophes
                            | (\b[A-Z]+\.\s?   # OR: Group 3: Some caps, followed by a '.' and an optional space
                            (?:[A-Z]+\.\s?)+)  # Followed by the same thing at least once more
                            (?:\s|\b|$))
                            """,  # noqa: E501
    re.VERBOSE,
)
CAPS_HINT = re.compile(r"[A-Z](?:\d*|\.\s?)[A-Z]")
CAPS_SKIPPED_TAG = re.compile("<(/)?(?:kbd|script)[^>]*>", re.IGNORECASE)


def caps(text: str) -> str:
    """typogrify's caps (<span class="caps"> around runs of capitals), its loop as in
    typogrify 2.1.0, with CAP_FINDER tried only on the runs of text that hold a CAPS_HINT."""
    result = []
    in_skipped_tag = False
    for kind, value in smartypants._tokenize(text):
        if kind == "tag":
            result.append(value)
            opening = CAPS_SKIPPED_TAG.match(value)
            in_skipped_tag = bool(opening and opening.group(1) is None)
        elif in_skipped_tag or not CAPS_HINT.search(value):
            result.append(value)
        else:
            result.append(CAP_FINDER.sub(_cap_wrapper, value))
    return "".join(result)


def _cap_wrapper(match) -> str:
    if match.group(2):
        return f'<span class="caps">{match.group(2)}</span>'
    dotted = match.group(3)
    if dotted[-1] == " ":  # the space after dotted capitals stays outside the span
        return f'<span class="caps">{dotted[:-1]}</span> '
    return f'<span class="caps">{dotted}</span>'


PATCH = patch("typogrify", "2.1.0", (filters, "caps", caps))
install, restore = PATCH.install, PATCH.restore
