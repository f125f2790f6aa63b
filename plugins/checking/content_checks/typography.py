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
    TYPOGRIFY_OMIT_FILTERS, TYPOGRIFY_DASHES and smart quotes for &quot;). Pelican sets the
    dashes as smartypants' module-wide default; here they are passed to each call, so that
    nothing of the library changes for the rest of the process."""
    dashes = settings.get("TYPOGRIFY_DASHES", "default")
    attr = {
        "oldschool": smartypants.Attr.set2,
        "oldschool_inverted": smartypants.Attr.set3,
    }.get(dashes, smartypants.Attr.set1) | smartypants.Attr.w
    ignore = settings.get("TYPOGRIFY_IGNORE_TAGS", [])
    omitted = set(settings.get("TYPOGRIFY_OMIT_FILTERS", []))
    unknown = sorted(omitted - set(TYPOGRIFY_STEPS))
    if unknown:  # as typogrify itself refuses them
        raise ValueError(
            f"TYPOGRIFY_OMIT_FILTERS names no typogrify filter: {unknown}; "
            f"the filters are {', '.join(TYPOGRIFY_STEPS)}"
        )
    steps = [name for name in TYPOGRIFY_STEPS if name not in omitted]

    def typogrify(text: str) -> str:
        if not text:
            return text
        parts = []
        for part, process in filters.process_ignores(text, ignore):
            for name in steps if process else ():
                part = _typogrify_step(name, part, attr)
            parts.append(part)
        return "".join(parts)

    return typogrify


# typogrify.filters.applyfilters' steps, in its order (typogrify 2.1.0)
TYPOGRIFY_STEPS = ("amp", "smartypants", "caps", "initial_quotes", "widont")


def _typogrify_step(name: str, text: str, attr: int) -> str:
    if name == "smartypants":
        return smartypants.smartypants(text, attr)
    return getattr(filters, name)(text)  # looked up at each call: plugins/patches replace some


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
