"""Similar articles: Pelican glue around the pure ranking core in core.py.

Sets article.similar_articles to a list of SimilarArticle (article, score, shared, pinned)
for every article, draft and hidden article; only published articles of the same
language are ever listed.
"""

from pelican import signals

from .glue import attach_similar_articles

__all__ = ["register"]


def register():
    signals.article_generator_finalized.connect(attach_similar_articles)
