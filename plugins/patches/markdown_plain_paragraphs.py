"""Python-Markdown's block parser, giving a plain paragraph to the paragraph's processor
at once.

Checked against Markdown 3.11.3. BlockParser.parseBlocks asks each block processor in
turn whether it takes a block (sixteen of them before the paragraph's). Each of those
needs a mark at the start of a line (a space or tab, #, *, +, -, =, _, >, :, [ or a
digit), a | (a table) or a stashed HTML block; a block with none of them is a paragraph.
Only when every processor is Markdown's own (or of its extra extensions) and the
paragraph's is tried last; otherwise Markdown's own loop runs.
"""

from __future__ import annotations

import re

from markdown.blockparser import BlockParser

from .markdown_inline_marks import _is_markdowns
from .patching import patch

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
KNOWN = "_paragraph_known"  # in the parser's own __dict__: (processors seen, paragraph)


def paragraph_of(parser):
    """The paragraph's processor, when plain paragraphs may go to it at once, or None."""
    registry = parser.blockprocessors
    known = parser.__dict__.get(KNOWN)
    if known is None or known[0] != len(registry):
        processors = list(registry)  # in the order they are tried
        names = {item.name for item in registry._priority}
        paragraph = registry["paragraph"] if "paragraph" in registry else None  # noqa: SIM401
        usable = (
            names <= BLOCK_PROCESSORS
            and paragraph is not None
            and processors[-1] is paragraph
            and all(map(_is_markdowns, processors))
        )
        known = parser.__dict__[KNOWN] = (len(registry), paragraph if usable else None)
    return known[1]


def parse_blocks(self, parent, blocks):
    """BlockParser.parseBlocks, but for the first test."""
    paragraph = paragraph_of(self)
    if paragraph is None:
        return ORIGINAL(self, parent, blocks)
    while blocks:
        if PLAIN_PARAGRAPH.match(blocks[0]):
            paragraph.run(parent, blocks)
            continue
        for processor in self.blockprocessors:
            if processor.test(parent, blocks[0]) and processor.run(parent, blocks) is not False:
                break  # run returns True or None when it took the block
    return None


PATCH = patch("markdown", "3.11.3", (BlockParser, "parseBlocks", parse_blocks))
ORIGINAL = PATCH.replacements[0].original
install, restore = PATCH.install, PATCH.restore
