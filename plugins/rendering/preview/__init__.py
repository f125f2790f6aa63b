"""Preview of what is not published yet: drafts and scheduled (future-dated) articles.

In the local preview (pelicanconf.py) scheduled articles are built and marked, and a
drafts page lists both; make publish (publishconf.py: WITH_FUTURE_DATES = False,
DRAFT_SAVE_AS = "") leaves them all out.
"""

import datetime as dt

from article_lists import PUBLISHED, every_article
from pelican import signals

__all__ = ["register"]


def mark_scheduled(generator):
    now = dt.datetime.now(dt.UTC)
    for article in every_article(generator):
        article.scheduled = article.date > now
    published = every_article(generator, PUBLISHED)
    scheduled = [article for article in published if article.scheduled]
    generator.context["scheduled_articles"] = sorted(scheduled, key=lambda a: a.date)


def register():
    signals.article_generator_finalized.connect(mark_scheduled)
