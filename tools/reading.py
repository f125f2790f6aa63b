"""Read a site's content with its settings and plugins, and stop before writing anything."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]
from plugins.stages import PLUGIN_PATHS  # noqa: E402

sys.path[:0] = PLUGIN_PATHS

from article_lists import PUBLISHED, every_article  # noqa: E402
from pelican import Pelican, signals  # noqa: E402
from pelican.settings import read_settings  # noqa: E402


class _Gathered(Exception):
    def __init__(self, generators):
        super().__init__("gathered")
        self.generators = generators


def read_site(content: Path, settings_file: Path, **overrides) -> list:
    """The generators once every plugin has seen the content: articles, similar lists...

    Content problems raise content_checks.ContentError, as in a build.
    """

    def stop(generators):
        raise _Gathered(generators)

    with tempfile.TemporaryDirectory() as output:
        settings = read_settings(
            str(settings_file),
            override={
                "PATH": str(Path(content).resolve()),
                "OUTPUT_PATH": output,
                "SEARCH_INDEX": False,  # nothing is written: no index to build
                **overrides,
            },
        )
        pelican = Pelican(settings)  # registers the plugins: their handlers run first
        signals.all_generators_finalized.connect(stop)
        try:
            pelican.run()
        except _Gathered as gathered:
            return gathered.generators
        finally:
            signals.all_generators_finalized.disconnect(stop)
    raise RuntimeError("the build ended before its content was gathered")


def published_articles(generators) -> list:
    return [article for g in generators for article in every_article(g, PUBLISHED)]
