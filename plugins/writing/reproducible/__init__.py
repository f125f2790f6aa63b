"""The published output depends on the content only: two builds, byte for byte the same.

pelican-sitemap dates index pages (home, tags...) with the time its module was imported,
and keeps the Pelican instance of a build that failed, so that no later build in the same
process writes a sitemap. Here the index pages get the date of the newest article (or
SOURCE_DATE_EPOCH, when set) and the plugin's state is reset at each build.

Pelican reads the sources in the order of a set, which changes from process to process:
that is patched in plugins/patches/pelican_sorted_files.py, with the other patches.
"""

import datetime as dt
import os

from pelican import signals

__all__ = ["register"]


def _sitemap():
    try:
        from pelican.plugins.sitemap.sitemap import generator
    except ImportError:
        return None
    return generator


def reset_sitemap(pelican):
    sitemap = _sitemap()
    if sitemap is not None:
        sitemap._main_pelican = None
        sitemap.page_queue = []


def date_index_pages(generators):
    sitemap = _sitemap()
    if sitemap is None:
        return
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        sitemap.now = dt.datetime.fromtimestamp(int(epoch), dt.UTC)
        return
    articles = [a for g in generators for a in getattr(g, "articles", [])]
    dates = [getattr(a, "modified", None) or a.date for a in articles]
    if dates:
        sitemap.now = max(dates)


def register():
    signals.initialized.connect(reset_sitemap)
    signals.all_generators_finalized.connect(date_index_pages)
