"""Similar articles: Pelican glue around the pure ranking core in core.py.

Sets article.similar_articles to a list of SimilarArticle (article, score, shared, pinned)
for every article, draft and hidden article; only published articles of the same
language are ever listed.
"""

from blinker import signal
from pelican import signals

from .ahead import TextsAhead
from .glue import attach_similar_articles, entries_as_page_input, reads_text, settings_of

__all__ = ["register"]


def read_texts_ahead(generator):
    """At the first article_generator_preread fast_build has read every source ahead (the
    signal comes before each source: only the first does anything)."""
    if TextsAhead.of(generator.context) is not None:
        return
    if reads_text(settings_of(generator.settings)[0]):
        TextsAhead.start(generator)
    else:
        TextsAhead.none(generator.context)


def register():
    signals.article_generator_preread.connect(read_texts_ahead)
    signals.article_generator_finalized.connect(attach_similar_articles)
    # an article's page shows its entries: fast_build renders it again when they change
    signal("fast_build.subject_inputs").connect(entries_as_page_input)
