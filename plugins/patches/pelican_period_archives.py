"""ArticlesGenerator._build_period_archives with each period's articles found by a set.

Checked against pelican 4.12.0. It lists each year's, month's and day's articles with `[a
for a in articles if a in dates]`, a list lookup per article per period. Here Pelican's
own method builds the archives without that list (given no articles), and each is then
made in the same order with a set of the period's articles. Proposed upstream:
docs/upstream.md.
"""

from __future__ import annotations

from pelican.generators import ArticlesGenerator

from .patching import patch


def build_period_archives(self, sorted_articles, articles, settings):
    archives = ORIGINAL(self, sorted_articles, [], settings)
    for periods in archives.values():
        for archive in periods:
            members = {id(article) for article in archive["dates"]}
            archive["articles"] = [a for a in articles if id(a) in members]
    return archives


PATCH = patch(
    "pelican", "4.12.0", (ArticlesGenerator, "_build_period_archives", build_period_archives)
)
ORIGINAL = PATCH.replacements[0].original
install, restore = PATCH.install, PATCH.restore
