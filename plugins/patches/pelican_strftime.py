"""pelican.utils.strftime, with each format taken apart once instead of at every call.

Checked against pelican 4.12.0. Every date of a page, a URL or a feed goes through it
(SafeDatetime.strftime and the templates' strftime filter call it by its module name), and
it parses its format with two regular expressions each time: some 25 calls per article.
Here the parse is kept per format, and a format of C89 directives only (no '%-d') goes to
datetime.strftime in one call. Proposed upstream: docs/upstream.md.
"""

from __future__ import annotations

import functools
import re

import pelican.utils
from pelican.utils import SafeDatetime

from .patching import patch

_DIRECTIVE = re.compile("%[-]?.")  # pelican.utils.strftime's, as is the list below
_C89_DIRECTIVES = "aAbBcdfGHIjmMpSUuVwWxXyYzZ%"


@functools.lru_cache(maxsize=256)
def _parsed_format(date_format: str) -> tuple[str, tuple, bool]:
    """Pelican's template and, for each directive it found, (what datetime.strftime is
    asked, strip leading zeros) or, for one it keeps as written, (the text, None); and
    whether datetime.strftime gives the same in one call (every directive a C89 one, none
    with '-', no other '%')."""
    steps = tuple(
        (f"%{found[-1]}", len(found) == 3) if found[-1] in _C89_DIRECTIVES else (found, None)
        for found in _DIRECTIVE.findall(date_format)
    )
    in_one_call = all(strip is False for _, strip in steps)
    in_one_call = in_one_call and "%" not in _DIRECTIVE.sub("", date_format)
    return _DIRECTIVE.sub("%s", date_format), steps, in_one_call


def strftime(date, date_format: str) -> str:
    """pelican.utils.strftime: directives with a '-' (%-d) give no leading zeros."""
    template, steps, in_one_call = _parsed_format(date_format)
    safe = isinstance(date, SafeDatetime)
    if in_one_call:
        return date.strftime(date_format, safe=False) if safe else date.strftime(date_format)
    parts = []
    for directive, strip in steps:
        if strip is None:
            parts.append(directive)
            continue
        text = date.strftime(directive, safe=False) if safe else date.strftime(directive)
        parts.append((text.lstrip("0") or "0") if strip else text)
    return template % tuple(parts)


PATCH = patch("pelican", "4.12.0", (pelican.utils, "strftime", strftime))
install, restore = PATCH.install, PATCH.restore
