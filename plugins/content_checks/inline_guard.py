"""Python-Markdown's inline step, with the same output for less work.

The inline step tries every inline pattern in turn on each run of text (a paragraph, a
heading, a list item, a table cell), and each try is a regular expression search over the
whole run: on a plain paragraph it is most of the time Markdown takes. Every match of every
pattern holds one of a few marks (a backtick, a backslash, a bracket, a pointed bracket, an
ampersand, an asterisk or underscore, two spaces before a line break), so a run that holds
none of them comes out as it went in, and is given back at once.

Only Markdown's own patterns are known here. A Markdown with any other inline pattern (an
extension's) is left unguarded.
"""

from __future__ import annotations

import re

from markdown import Markdown

MARKS = {  # inline pattern name -> a regular expression found in every match of it
    "backtick": "`",
    "escape": r"\\",
    "footnote": r"\[",
    "reference": r"\[",
    "link": r"\[",
    "image_link": r"\[",
    "image_reference": r"\[",
    "short_reference": r"\[",
    "short_image_ref": r"\[",
    "autolink": "<",
    "automail": "<",
    "linebreak": "  \n",
    "html": "<",
    "entity": "&",
    "em_strong": "[*_]",
}


def guard_inline(md: Markdown) -> bool:
    """Make md's inline step give back at once the runs of text that hold no mark of its
    patterns. Returns whether it did (not when md has a pattern that is not Markdown's own,
    or is already guarded)."""
    inline = md.treeprocessors["inline"]
    if hasattr(inline, "unguarded"):
        return False
    patterns = [(item.name, md.inlinePatterns[item.name]) for item in md.inlinePatterns._priority]
    if not all(name in MARKS and _is_markdowns(pattern) for name, pattern in patterns):
        return False
    marks = re.compile("|".join(sorted({MARKS[name] for name, _ in patterns})))
    handle = inline._InlineProcessor__handleInline

    def handle_inline(data, patternIndex=0):
        if marks.search(data) is None:
            return data
        return handle(data, patternIndex)

    inline.unguarded = handle
    inline._InlineProcessor__handleInline = handle_inline
    return True


def unguard_inline(md: Markdown) -> None:
    inline = md.treeprocessors["inline"]
    if hasattr(inline, "unguarded"):
        del inline._InlineProcessor__handleInline
        del inline.unguarded


def _is_markdowns(pattern) -> bool:
    """Made by Markdown or one of its own extensions (footnotes), not by a third party."""
    return type(pattern).__module__.partition(".")[0] == "markdown"
