"""Python-Markdown, with the same output for less work on plain paragraphs.

- The inline step tries every inline pattern in turn on each run of text (a paragraph, a
  heading, a list item, a table cell), and each try is a regular expression search over
  the whole run. Every match of every pattern holds one of a few marks (a backtick, a
  backslash, a bracket, a pointed bracket, an ampersand, an asterisk or underscore, two
  spaces before a line break), so a run that holds none of them comes out as it went in,
  and is given back at once.
- The block parser asks each block processor in turn whether it takes a block (sixteen of
  them before the paragraph's). Each of those needs a mark at the start of a line (a space
  or tab, #, *, +, -, =, _, >, :, [ or a digit), a | (a table) or a stashed HTML block;
  a block without any is a paragraph, and goes to the paragraph's processor at once.

Only Markdown's own patterns and processors are known here. A Markdown with any other (an
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


BLOCK_PROCESSORS = {  # the names of Markdown's block processors and its extra extensions'
    "markdown_block",  # md_in_html: a stashed HTML block (\x02 placeholder)
    "empty",
    "indent",
    "defindent",
    "code",
    "table",
    "hashheader",
    "setextheader",
    "hr",
    "olist",
    "ulist",
    "deflist",
    "quote",
    "footnote",
    "abbr",
    "reference",
    "paragraph",
}
# A block that none of the processors before the paragraph's can take: no line empty or
# starting with a mark of theirs, no | and no stashed HTML block anywhere.
PLAIN_PARAGRAPH = re.compile(
    r"[^\n \t#*+\-=_>:\[0-9|\x02][^\n|\x02]*(?:\n[^\n \t#*+\-=_>:\[0-9|\x02][^\n|\x02]*)*\Z"
)


def guard_markdown(md: Markdown) -> None:
    """Both guards, on a Markdown as made (processors registered later are not known)."""
    guard_inline(md)
    guard_paragraphs(md)


def guard_paragraphs(md: Markdown) -> bool:
    """Make md's block parser give a plain paragraph to the paragraph's processor at once.
    Returns whether it did (not when md has a block processor that is not Markdown's own,
    or is already guarded)."""
    parser = md.parser
    if hasattr(parser, "unguarded_parse_blocks"):
        return False
    processors = list(parser.blockprocessors)  # in the order they are tried
    names = {item.name for item in parser.blockprocessors._priority}
    if not names <= BLOCK_PROCESSORS or "paragraph" not in names:
        return False
    paragraph = parser.blockprocessors["paragraph"]
    if processors[-1] is not paragraph or not all(map(_is_markdowns, processors)):
        return False

    def parse_blocks(parent, blocks):  # BlockParser.parseBlocks, but for the first test
        while blocks:
            if PLAIN_PARAGRAPH.match(blocks[0]):
                paragraph.run(parent, blocks)
                continue
            for processor in parser.blockprocessors:
                if processor.test(parent, blocks[0]) and processor.run(parent, blocks) is not False:
                    break  # run returns True or None when it took the block

    parser.unguarded_parse_blocks = parser.parseBlocks
    parser.parseBlocks = parse_blocks
    return True


def unguard_paragraphs(md: Markdown) -> None:
    parser = md.parser
    if hasattr(parser, "unguarded_parse_blocks"):
        del parser.parseBlocks
        del parser.unguarded_parse_blocks


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


def _is_markdowns(part) -> bool:
    """Made by Markdown or one of its own extensions (footnotes), not by a third party."""
    return type(part).__module__.partition(".")[0] == "markdown"
