"""Python-Markdown's inline step, giving back at once a run of text with no mark of its
patterns.

Checked against Markdown 3.11.3. InlineProcessor.__handleInline tries every inline
pattern in turn on each run of text (a paragraph, a heading, a list item, a table cell),
each try a regular expression search over the whole run. Every match of every pattern of
Markdown's own holds one of a few marks (a backtick, a backslash, a bracket, a pointed
bracket, an ampersand, an asterisk or underscore, two spaces before a line break), so a
run that holds none comes out as it went in. A Markdown with any other pattern (an
extension's) is not guarded. The method is name-mangled (private), hence a patch, not a
subclass: Markdown makes its InlineProcessor itself.
"""

from __future__ import annotations

import re

from markdown.treeprocessors import InlineProcessor

from .patching import patch

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
KNOWN = "_marks_known"  # in the processor's own __dict__: (patterns seen, marks or None)


def marks_of(processor) -> re.Pattern | None:
    """A pattern of the marks of the processor's inline patterns, or None when one of
    them is not Markdown's own (kept until patterns are added or removed)."""
    patterns = processor.inlinePatterns
    known = processor.__dict__.get(KNOWN)
    if known is None or known[0] != len(patterns):
        named = [(item.name, patterns[item.name]) for item in patterns._priority]
        own = all(name in MARKS and _is_markdowns(pattern) for name, pattern in named)
        marks = re.compile("|".join(sorted({MARKS[name] for name, _ in named}))) if own else None
        known = processor.__dict__[KNOWN] = (len(patterns), marks)
    return known[1]


def handle_inline(self, data, patternIndex=0):
    marks = marks_of(self)
    if marks is not None and marks.search(data) is None:
        return data
    return ORIGINAL(self, data, patternIndex)


def _is_markdowns(part) -> bool:
    """Made by Markdown or one of its own extensions, not by a third party."""
    return type(part).__module__.partition(".")[0] == "markdown"


PATCH = patch(
    "markdown", "3.11.3", (InlineProcessor, "_InlineProcessor__handleInline", handle_inline)
)
ORIGINAL = PATCH.replacements[0].original
install, restore = PATCH.install, PATCH.restore
