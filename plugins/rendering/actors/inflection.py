"""The case forms of an actor's Cyrillic names: Russian and Belarusian decline names
("Лавров": "Лаврова", "Лаврову", "Лавровым"; "Макей": "Макея"), and an author may write one
of those forms where the registry has the nominative. Pure Python (no Pelican).

The forms come from pymorphy3 with its Russian dictionary (OpenCorpora): for a word it
knows (Russian first names, many surnames, places) its own paradigm, for one it does not
(most surnames, Belarusian spellings) the paradigm it predicts from the word's ending. No
kept library has a Belarusian dictionary: for Belarusian the prediction holds for names
ending like Russian ones ("Уладзімір": "Уладзіміра", "Сяргей": "Сяргея") and misses those
with Belarusian endings ("Лаўроў"); the registry's `forms:` list takes the forms it misses.
"""

from __future__ import annotations

import re
from functools import lru_cache

CYRILLIC = re.compile(r"[\u0400-\u04ff]")
DECLINED = ("NOUN", "ADJF")  # a name is a noun, or an adjective ("Европейский союз")


@lru_cache(maxsize=1)
def _analyzer():
    import pymorphy3  # loaded the first time a Cyrillic name is declined (0.1 s)

    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=20_000)
def word_forms(word: str) -> frozenset[str]:
    """The singular case forms of one word, in lower case (the word itself included)."""
    lower = word.lower().replace("ё", "е")
    if not CYRILLIC.search(lower):
        return frozenset({lower})
    forms = {lower}
    for parse in _analyzer().parse(lower)[:3]:
        if parse.tag.POS in DECLINED:
            forms |= {
                form.word.replace("ё", "е") for form in parse.lexeme if "plur" not in form.tag
            }
    return frozenset(forms)


def name_forms(name: str, limit: int = 64) -> set[str]:
    """The other forms of a Cyrillic name, in lower case: every combination of its words'
    forms (more than the one case at a time a name is declined in, but a combination of two
    cases names the same actor all the same); none if they are more than limit."""
    words = name.split()
    if not words or not CYRILLIC.search(name):
        return set()
    combined = {""}
    for word in words:
        combined = {f"{before} {form}".strip() for before in combined for form in word_forms(word)}
        if len(combined) > limit:
            return set()
    return combined - {name.lower()}
