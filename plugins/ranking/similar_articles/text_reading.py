"""What the ranking reads in each article's text, kept between builds. Pure Python (no
Pelican): the glue gives the texts as HTML and the function that finds actors in them.

Reading a text (its plain text, the actors it names, its terms) costs about a millisecond;
the readings of the last build are kept in one pickle per language, by a digest of the
HTML read and of what reads it (the actors registry, this module's version), so a build
reads only the texts that changed.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .terms import CANDIDATES, TextTerms, term_counts

VERSION = "1"  # of what a reading holds and how it is made: readings of another are made again


@dataclass(frozen=True)
class TextReading:
    mentions: tuple[tuple[str, int], ...]  # (actor's canonical name, times the text names it)
    terms: TextTerms


class TextReadings:
    """Readings of texts in one language, as the last build kept them (`path`, or none)."""

    def __init__(
        self,
        path: Path | None,
        lang: str,
        find_actors: Callable[[str], dict],
        plain_text: Callable[[str], str],
        reader_key: str,
    ):
        self.path = path
        self.lang = lang
        self._find_actors = find_actors
        self._plain_text = plain_text
        self._salt = f"{VERSION}\0{CANDIDATES}\0{reader_key}\0{lang}\0".encode()
        self._kept = self._load()
        self._used: dict[bytes, TextReading] = {}
        self.made: dict[bytes, TextReading] = {}  # made ahead, in another process (ahead.py)

    def read(self, *htmls: str) -> TextReading:
        """The reading of the text these HTML fragments make (title, lead, body)."""
        key = self._key(htmls)
        reading = self._used.get(key) or self._kept.get(key) or self.made.get(key)
        if reading is None:
            text = "\n".join(self._plain_text(html) for html in htmls if html)
            found = self._find_actors(text)
            reading = TextReading(
                tuple(sorted(found.items(), key=lambda item: (-item[1], item[0]))),
                term_counts(text, self.lang),
            )
        self._used[key] = reading
        return reading

    def new(self) -> dict[bytes, TextReading]:
        """The readings made since this was loaded (not kept by the last build)."""
        return {key: reading for key, reading in self._used.items() if key not in self._kept}

    def save(self) -> None:
        """Keep this build's readings (only if any differ from those kept), written beside
        and renamed, so that a stopped build leaves the last good file."""
        if self.path is None or self._used.keys() == self._kept.keys():
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
        with partial.open("wb") as handle:
            pickle.dump(self._used, handle, pickle.HIGHEST_PROTOCOL)
        os.replace(partial, self.path)

    def _key(self, htmls) -> bytes:
        digest = hashlib.blake2b(self._salt, digest_size=16)
        for html in htmls:
            digest.update((html or "").encode())
            digest.update(b"\0")
        return digest.digest()

    def _load(self) -> dict[bytes, TextReading]:
        if self.path is None:
            return {}
        try:
            with self.path.open("rb") as handle:
                kept = pickle.load(handle)
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError):
            return {}  # none yet, or damaged: every text is read again
        return kept if isinstance(kept, dict) else {}
