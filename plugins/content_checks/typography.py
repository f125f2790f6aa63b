"""typogrify, as Pelican's Readers.read_file applies it, with the same output for less work.

- Most of typogrify's steps only ever change text that holds a given mark: smartypants'
  quotes need a quote, its dashes two hyphens, its ellipses three dots, its backticks two,
  its escapes a backslash; `amp` needs an ampersand, `initial_quotes` an opening quote.
  Each runs regular expressions over the whole text (smartypants over each run of text
  between tags), and most of a page's text holds none of the marks, so each step is
  skipped where its mark is absent.
- `widont` tries its regular expression at every character of the text, though a match can
  only end at the close of a paragraph, heading or list item (or at the very end). Here it
  is tried only where a match can start: before the last word of each such block.
- `caps` tries its regular expression on every run of text between tags, though a match
  needs two capitals in a row (or dotted, as in U.S.): a quicker pattern finds the runs that
  have them, and only those are tried.

All are tested against plain typogrify, on real articles and on random HTML-like text.
On the 18F articles, typogrify (half of reading an article) costs less than half.
"""

from __future__ import annotations

import functools
import re

import smartypants
from typogrify import filters

QUOTES = ("'", '"')
OPENING_QUOTES = (*QUOTES, "&ldquo;", "&#8220;", "&lsquo;", "&#8216;")  # initial_quotes' regex
DASHES = ("--",)  # every dash pattern of smartypants holds two hyphens
GUARDS = (  # (module, function, marks without which the function returns its input)
    (smartypants, "convert_quotes", QUOTES),
    (smartypants, "process_escapes", ("\\",)),
    (smartypants, "convert_dashes", DASHES),
    (smartypants, "convert_dashes_oldschool", DASHES),
    (smartypants, "convert_dashes_oldschool_inverted", DASHES),
    (smartypants, "convert_ellipses", ("...", ". . .")),
    (smartypants, "convert_backticks", ("``", "''")),
    (filters, "amp", ("&",)),
    (filters, "initial_quotes", OPENING_QUOTES),
)


def typogrifier(settings):
    """typogrify as Pelican's Readers.read_file applies it (TYPOGRIFY_IGNORE_TAGS,
    TYPOGRIFY_OMIT_FILTERS, TYPOGRIFY_DASHES and smart quotes for &quot;)."""
    dashes = settings.get("TYPOGRIFY_DASHES", "default")
    smartypants.Attr.default = {
        "oldschool": smartypants.Attr.set2,
        "oldschool_inverted": smartypants.Attr.set3,
    }.get(dashes, smartypants.Attr.set1) | smartypants.Attr.w
    install_guards()
    ignore = settings.get("TYPOGRIFY_IGNORE_TAGS", [])
    omit = dict.fromkeys(settings.get("TYPOGRIFY_OMIT_FILTERS", []), False)
    return lambda text: filters.typogrify(text, ignore, **omit) if text else text


# A mark of any of smartypants' steps, in any of its modes (single backticks, all dashes)
SMARTYPANTS_MARKS = (*QUOTES, "\\", "--", "...", ". . .", "`", "&quot;")


def install_guards() -> None:
    for module, name, marks in GUARDS:
        function = getattr(module, name)
        if not hasattr(function, "unguarded"):
            setattr(module, name, _only_with(marks, function))
    if not hasattr(smartypants.smartypants, "unguarded"):
        smartypants.smartypants = _smartypants_only_with_marks(smartypants.smartypants)
    for name, replacement in (("widont", widont), ("caps", caps)):
        if not hasattr(getattr(filters, name), "unguarded"):
            replacement.unguarded = getattr(filters, name)
            setattr(filters, name, replacement)


def remove_guards() -> None:
    patched = [(module, name) for module, name, _ in GUARDS] + [(smartypants, "smartypants")]
    for module, name in [*patched, (filters, "widont"), (filters, "caps")]:
        function = getattr(module, name)
        setattr(module, name, getattr(function, "unguarded", function))


def _only_with(marks: tuple[str, ...], convert):
    @functools.wraps(convert)
    def guarded(text):
        return convert(text) if any(mark in text for mark in marks) else text

    guarded.unguarded = convert
    return guarded


def _smartypants_only_with_marks(convert):
    """smartypants, which gives back text without a mark of any step as it is (unless it
    is to turn entities into characters, a mode typogrify does not use)."""

    @functools.wraps(convert)
    def guarded(text, attr=None):
        mode = smartypants.Attr.default if attr is None else attr
        if mode & smartypants.Attr.mask_o or any(mark in text for mark in SMARTYPANTS_MARKS):
            return convert(text, attr)
        return text

    guarded.unguarded = convert
    return guarded


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
