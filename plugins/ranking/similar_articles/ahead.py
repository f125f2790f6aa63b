"""The texts of a cold build read ahead, in a forked process, while Pelican makes the
articles on the other core (reading a text costs about a millisecond: ten seconds at
10,000 articles, on the build's critical path if read when the lists are ranked)."""

from __future__ import annotations

import os
import shutil
import weakref
from pathlib import Path

from actors import ActorsOfBuild
from fast_build import forking
from search.documents import plain_text

from .text_reading import TextReadings

CONTEXT_KEY = "similar_articles_texts_ahead"  # context[CONTEXT_KEY]: the TextsAhead
AHEAD_FROM = 500  # fewer new texts than this are read when needed (a fork costs more)


def text_readings(settings, lang: str, actors_of_build) -> TextReadings:
    """The readings of texts in a language, kept in CACHE_PATH unless
    SIMILAR_ARTICLES_CACHE is off."""
    cached = settings.get("SIMILAR_ARTICLES_CACHE", True) and settings.get("CACHE_PATH")
    path = (
        Path(settings["CACHE_PATH"]).resolve() / "similar-articles" / f"texts-{lang}.pickle"
        if cached
        else None
    )
    find_actors = actors_of_build.mentions if actors_of_build else _no_actors
    registry_key = actors_of_build.digest if actors_of_build else "none"
    return TextReadings(path, lang, find_actors, plain_text, registry_key)


def _no_actors(text: str) -> dict:
    return {}


class TextsAhead:
    """The readings made ahead in one build. Owned by similar_articles, kept in the
    context; started once, at the first article_generator_preread."""

    def __init__(self):
        self._run: tuple[int, str] | None = None  # the forked process and its folder
        self._made: dict[str, dict] = {}

    @classmethod
    def of(cls, context) -> TextsAhead | None:
        return context.get(CONTEXT_KEY)

    @classmethod
    def none(cls, context) -> None:
        """No texts are read ahead in this build."""
        context.setdefault(CONTEXT_KEY, cls())

    @classmethod
    def start(cls, generator) -> None:
        """Read ahead the texts fast_build has just read (not those of its cache)."""
        if CONTEXT_KEY in generator.context:
            return
        ahead = generator.context[CONTEXT_KEY] = cls()
        read_ahead = generator.context.get("read_ahead", {}).get("ArticlesGenerator")
        fresh = read_ahead.fresh_results() if read_ahead is not None else []
        if len(fresh) < AHEAD_FROM:
            return
        settings = generator.settings
        actors_of_build = ActorsOfBuild.of(generator.context)
        if actors_of_build is not None:
            actors_of_build.mentions  # noqa: B018 - made once, before the fork, for both
        texts = [
            (
                meta.get("lang") or settings["DEFAULT_LANG"],
                meta.get("title"),
                meta.get("summary"),
                html,
            )
            for html, meta, _ in fresh
        ]
        folder = forking.scratch_folder("similar-texts")
        weakref.finalize(ahead, shutil.rmtree, folder, True)
        read = _reader(settings, actors_of_build, texts)
        ahead._run = (forking.start(read, os.path.join(folder, "readings")), folder)

    def collect(self) -> dict[str, dict]:
        """{language: {key: TextReading}} of the texts read ahead ({} if none were, or if
        the process failed: they are read now instead)."""
        if self._run is not None:
            pid, folder = self._run
            self._run = None
            try:
                self._made = forking.collect(pid, os.path.join(folder, "readings"))
            except forking.WorkerError:
                self._made = {}
        return self._made


def _reader(settings, actors_of_build, texts):
    def read() -> dict[str, dict]:
        by_language: dict[str, TextReadings] = {}
        for lang, title, summary, html in texts:
            if lang not in by_language:
                by_language[lang] = text_readings(settings, lang, actors_of_build)
            by_language[lang].read(title or "", summary or "", html or "")
        return {lang: readings.new() for lang, readings in by_language.items()}

    return read
