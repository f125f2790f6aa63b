"""Typography as each language is typeset, from our reader.

English (and any language not in RUSSIAN_TYPESETTING): typogrify, as Pelican's
Readers.read_file applies it. Pelican applies it after reading (TYPOGRIFY); our reader
applies it itself (READER_TYPOGRIFY), so that the read cache holds the finished HTML. The
quicker steps (early returns where a step's mark is absent, widont and caps tried only
where they can match) are patches of typogrify and smartypants: plugins/patches/.

Russian and Belarusian (RUSSIAN_TYPESETTING): typus's Russian rules (typus 0.2.2, the one
Python library for them): «ёлочки» with „лапки“ inside, an em dash with a no-break space
before it, a no-break space after one-letter prepositions and conjunctions (в, к, с, у, и,
а, і, ў), en dashes in number ranges; tags, attributes, <pre> and <code> untouched.
"""

from __future__ import annotations

import re

import smartypants
from typogrify import filters
from typus import RuTypus
from typus.chars import ANYSP, MDASH_PAIR, NDASH
from typus.processors import EnRuExpressions, EscapeHtml, EscapePhrases, RuQuotes

RUSSIAN_TYPESETTING = ("ru", "be")  # the default of the setting of that name


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


def typographer(settings):
    """lang -> the typography of that language (a function of HTML), or None if off."""
    english = typogrifier(settings)
    russian = frozenset(settings.get("RUSSIAN_TYPESETTING", RUSSIAN_TYPESETTING))

    def of_language(lang: str):
        return _russian if lang in russian else english

    return of_language


class _Expressions(EnRuExpressions):
    """typus's rules, with one written anew: the dash between a word and a number,
    `(\\b\\D+)\\s+-\\s+`, backtracks over the whole text before it at each dash (42 ms of
    a 3,000-character body, against 2 ms for every other rule); a look-behind, `(?<=\\D)`,
    says the same of the character before the dash at once."""

    SLOW = rf"(\b\D+){ANYSP}+[\-|{NDASH}]{ANYSP}+"

    @classmethod
    def expr_mdash(cls):
        return tuple(
            (rf"(?<=\D){ANYSP}+[\-|{NDASH}]{ANYSP}+", MDASH_PAIR, *flags)
            if pattern == cls.SLOW
            else (pattern, replace, *flags)
            for pattern, replace, *flags in EnRuExpressions.expr_mdash()
        )


class _RussianTypus(RuTypus):
    processors = (EscapePhrases, EscapeHtml, RuQuotes, _Expressions)


ru_typus = _RussianTypus()


def _russian(text: str) -> str:
    return _bind_dashes(ru_typus(text)) if text else text


# typus binds a dash to the word before it with a narrow no-break space, but not when a line
# break stands before the dash (Markdown keeps the author's line breaks inside a paragraph),
# and it joins a dash to a comma (",—"): there too the dash gets that no-break space before
# it, as Russian typesetting has it. Text only: not in tags, <pre> or <code>.
_TOKENS = re.compile(r"(<[^>]*>)")
_VERBATIM = re.compile(r"<(/?)(pre|code|kbd|samp|script|style)\b", re.IGNORECASE)
_LOOSE_DASH = re.compile(r"(?:(?<=,)|(?<=[^\s])[ \t\n]+)—")
NARROW_NO_BREAK_SPACE = "\u202f"


def _bind_dashes(html: str) -> str:
    if "—" not in html:
        return html
    parts = _TOKENS.split(html)
    verbatim = 0
    for number, part in enumerate(parts):
        if number % 2:  # a tag
            tag = _VERBATIM.match(part)
            if tag:
                verbatim = max(0, verbatim + (-1 if tag[1] else 1))
        elif not verbatim and "—" in part:
            parts[number] = _LOOSE_DASH.sub(NARROW_NO_BREAK_SPACE + "—", part)
    return "".join(parts)
