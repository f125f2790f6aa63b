"""typogrify's widont, its pattern tried only where a match can start.

Checked against typogrify 2.1.0. widont (&nbsp; between the last two words of each
paragraph, heading and list item) tries its regular expression at every character of the
text, though a match can only end at the close of a paragraph, heading or list item (or
at the very end). Here the same pattern is matched, as re.sub would, at each place a match
can start, leftmost first, and nowhere else. typogrify.filters.typogrify calls it by its
module name. Proposed upstream: docs/upstream.md.
"""

from __future__ import annotations

import re

from typogrify import filters

from .patching import patch

# typogrify 2.1.0's widont pattern, verbatim.
WIDONT = re.compile(
    r"""((?:</?(?:a|em|span|strong|i|b)[^>]*>)|[^<>\s]) # must be proceeded by an approved inline opening or closing tag or a nontag/nonspace
                                   \s+                                             # the space to replace
                                   ([^<>\s]+                                       # must be flollowed by non-tag non-space characters
                                   \s*                                             # optional white space!
                                   (</(a|em|span|strong|i|b)>\s*)*                 # optional closing inline tags with optional white space after each
                                   ((</(p|h[1-6]|li|dt|dd)>)|$))                   # end with a closing p, h1-6, li or the end of the string
                                   """,  # noqa: E501
    re.VERBOSE,
)
BLOCK_CLOSE = re.compile(r"</(?:p|h[1-6]|li|dt|dd)>")
INLINE_CLOSES = tuple(f"</{name}>" for name in ("a", "em", "span", "strong", "i", "b"))


def widont(text: str) -> str:
    """typogrify's widont: &nbsp; between the last two words of each paragraph, heading and
    list item. The pattern is matched, as re.sub would, at each place a match can start,
    leftmost first (_starts), instead of at every character."""
    out, done = [], 0
    for start in _starts(text):
        if start < done:
            continue
        match = WIDONT.match(text, start)
        if match:
            out += [text[done:start], match[1], "&nbsp;", match[2]]  # r"\1&nbsp;\2"
            done = match.end()
    return "".join(out) + text[done:] if out else text


def _starts(text: str) -> list[int]:
    """Every place a match can start, in order: before the end of each block (and of the
    text), back over closing inline tags and spaces, the last word, the spaces before it,
    then the character or inline tag before them."""
    ends = [found.start() for found in BLOCK_CLOSE.finditer(text)] + [len(text)]
    starts = set()
    for end in ends:
        word_end = _before_closes(text, end)
        word_start = word_end
        while word_start and not _space_or_bracket(text[word_start - 1]):
            word_start -= 1
        space_start = word_start
        while space_start and text[space_start - 1].isspace():
            space_start -= 1
        if word_start == word_end or space_start == word_start or not space_start:
            continue
        last = space_start - 1  # the last character of what comes before the spaces
        if text[last] == ">":  # an inline tag: it starts at a "<" after the previous ">"
            tag_from = text.rfind(">", 0, last) + 1
            starts.update(i for i in range(tag_from, last) if text[i] == "<")
        elif text[last] != "<":
            starts.add(last)
    return sorted(starts)


def _before_closes(text: str, end: int) -> int:
    """end, moved back over spaces and closing inline tags."""
    while True:
        while end and text[end - 1].isspace():
            end -= 1
        close = next((c for c in INLINE_CLOSES if text.endswith(c, 0, end)), None)
        if close is None:
            return end
        end -= len(close)


def _space_or_bracket(char: str) -> bool:
    return char in "<>" or char.isspace()


PATCH = patch("typogrify", "2.1.0", (filters, "widont", widont))
install, restore = PATCH.install, PATCH.restore
