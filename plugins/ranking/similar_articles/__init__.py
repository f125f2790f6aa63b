"""Similar articles: Pelican glue around the pure ranking core in core.py.

Sets article.similar_articles to a list of SimilarArticle (article, score, shared, pinned)
for every article, draft and hidden article; only published articles of the same
language are ever listed.
"""

from blinker import signal
from pelican import signals

from .glue import attach_similar_articles, entries_as_page_input

__all__ = ["register"]


def register():
    signals.article_generator_finalized.connect(attach_similar_articles)
    # an article's page shows its entries: fast_build renders it again when they change
    signal("fast_build.subject_inputs").connect(entries_as_page_input)
