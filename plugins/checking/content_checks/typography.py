"""typogrify, as Pelican's Readers.read_file applies it, from our reader.

Pelican applies typogrify after reading (TYPOGRIFY); our reader applies it itself
(READER_TYPOGRIFY), so that the read cache holds the finished HTML. The quicker steps
(early returns where a step's mark is absent, widont and caps tried only where they can
match) are patches of typogrify and smartypants: plugins/patches/.
"""

from __future__ import annotations

import smartypants
from typogrify import filters


def typogrifier(settings):
    """typogrify as Pelican's Readers.read_file applies it (TYPOGRIFY_IGNORE_TAGS,
    TYPOGRIFY_OMIT_FILTERS, TYPOGRIFY_DASHES and smart quotes for &quot;)."""
    dashes = settings.get("TYPOGRIFY_DASHES", "default")
    smartypants.Attr.default = {
        "oldschool": smartypants.Attr.set2,
        "oldschool_inverted": smartypants.Attr.set3,
    }.get(dashes, smartypants.Attr.set1) | smartypants.Attr.w
    ignore = settings.get("TYPOGRIFY_IGNORE_TAGS", [])
    omit = dict.fromkeys(settings.get("TYPOGRIFY_OMIT_FILTERS", []), False)
    return lambda text: filters.typogrify(text, ignore, **omit) if text else text
