"""The actors an article's text names: each name, alias and case form of the registry found
as whole words in the text. Pure Python (no Pelican).

A text is read as a run of words (letters and digits, lower case, ё as е); at each word the
longest name that begins there is taken, and reading goes on after it: "Sergei Lavrov" is
one mention of Sergei Lavrov, never also one of an actor called "Lavrov", and a name is
never found inside another word ("Macron" in "Macronism"). Russian and Belarusian names are
also found in their other grammatical cases (inflection.py: "Сергея Лаврова"). A spelling
that two actors share stands for neither.
"""

from __future__ import annotations

import re
from collections import Counter

from .inflection import name_forms
from .registry import Registry

_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def words_of(text: str) -> list[str]:
    return _WORD.findall(text.casefold().replace("ё", "е"))


class Mentions:
    """Finds the registry's actors in texts (made once a build, used for every article)."""

    def __init__(self, registry: Registry):
        self._names: dict[tuple[str, ...], str | None] = {}  # words -> actor (None: two)
        for entry in registry.entries:
            spellings = {*entry.spellings(), *entry.forms}
            for spelling in list(spellings):
                spellings |= name_forms(spelling)
            for spelling in spellings:
                key = tuple(words_of(spelling))
                if key:
                    known = self._names.setdefault(key, entry.name)
                    if known != entry.name:
                        self._names[key] = None
        self._longest = max((len(key) for key in self._names), default=0)
        self._firsts = {key[0] for key in self._names}

    def __call__(self, text: str) -> Counter:
        """How many times the text names each actor (by its canonical name)."""
        found: Counter = Counter()
        words = words_of(text)
        after = 0  # the words before this one belong to a name found
        for at in [at for at, word in enumerate(words) if word in self._firsts]:
            if at < after:
                continue
            for length in range(min(self._longest, len(words) - at), 0, -1):
                name = self._names.get(tuple(words[at : at + length]), False)
                if name is not False:
                    if name is not None:
                        found[name] += 1
                    after = at + length
                    break
        return found
