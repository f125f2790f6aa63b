"""pelican-sitemap, one build at a time and dated by the content: two builds, the same bytes.

pelican-sitemap 1.2.2 keeps one generator per process. It dates the index pages (home,
tags...) with the time its module was imported, and after a build that failed it keeps that
build's Pelican instance, so that no later build in the same process (the live preview, the
tests) writes a sitemap. This plugin registers the library's own generator class, subclassed:
each build starts it afresh through the library's constructor, and the index pages get the
date of the newest article (or SOURCE_DATE_EPOCH, when set). List it in PLUGINS instead of
"sitemap"; the fix proposed upstream is in docs/upstream.md.

Pelican reads the sources in the order of a set, which changes from process to process:
that is patched in plugins/patches/pelican_sorted_files.py, with the other patches.

The library writes an article's translations as `<xhtml:link ... ref="...">` (the attribute
is href; search engines ignore the link) and leaves out the page itself and x-default,
which hreflang needs. Once it has written the sitemap, each URL with translations gets
its alternates anew: itself, each translation, and the default language's as x-default
(docs/upstream.md proposes the fix).
"""

import datetime as dt
import os
import re
from pathlib import Path

from pelican import signals
from pelican.plugins.sitemap.sitemap import SitemapGenerator

__all__ = ["SitemapOfOneBuild", "register"]


class SitemapOfOneBuild(SitemapGenerator):
    """pelican-sitemap's generator, holding one build's pages only, dated by its content."""

    def start(self, pelican):
        """A new build: nothing kept of the last one (a failed build kept its instance)."""
        SitemapGenerator.__init__(self)
        self._default_lang = pelican.settings["DEFAULT_LANG"]

    def date_index_pages(self, generators):
        self.now = content_date(generators) or self.now

    def finalize(self, pelican):
        contents = {o.url: o for _, o in self.page_queue if getattr(o, "translations", None)}
        super().finalize(pelican)
        sitemap = Path(pelican.output_path) / "sitemap.xml"
        if contents and sitemap.is_file():
            siteurl = pelican.settings["SITEURL"]
            text = sitemap.read_text(encoding="utf-8")
            fixed = _URL.sub(lambda m: _alternates(m, contents, siteurl, self._default_lang), text)
            sitemap.write_text(fixed, encoding="utf-8")


_URL = re.compile(r"<url>\n<loc>(?P<loc>[^<]*)</loc>\n(?P<rest>.*?)</url>", re.S)
_ALTERNATE = re.compile(r'<xhtml:link rel="alternate"[^>]*/>\n')


def _alternates(match, contents, siteurl: str, default_lang) -> str:
    """One <url> of the sitemap with its alternates: itself, its translations, x-default."""
    url = match["loc"][len(siteurl) + 1 :] if match["loc"].startswith(siteurl) else None
    content = contents.get(url)
    if content is None:
        return match[0]
    versions = sorted([content, *content.translations], key=lambda c: c.lang)
    links = [(version.lang, version.url) for version in versions]
    default = next((v.url for v in versions if v.lang == default_lang), None)
    links += [("x-default", default)] if default else []
    rest = _ALTERNATE.sub("", match["rest"]) + "".join(
        f'<xhtml:link rel="alternate" hreflang="{lang}" href="{siteurl}/{link}"/>\n'
        for lang, link in links
    )
    return f"<url>\n<loc>{match['loc']}</loc>\n{rest}</url>"


def content_date(generators) -> dt.datetime | None:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC)
    articles = [a for g in generators for a in getattr(g, "articles", [])]
    return max((getattr(a, "modified", None) or a.date for a in articles), default=None)


# One per process, as the library's own: blinker holds receivers weakly and connects the
# same bound method once, however many Pelican instances register the plugin.
SITEMAP = SitemapOfOneBuild()


def register():
    signals.initialized.connect(SITEMAP.start)
    signals.get_generators.connect(SITEMAP.init)
    signals.content_written.connect(SITEMAP.queue_page)
    signals.all_generators_finalized.connect(SITEMAP.date_index_pages)
    signals.finalized.connect(SITEMAP.finalize)
