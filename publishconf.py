"""Production settings: `make publish`. Only what differs from pelicanconf.py."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *

SITEURL = os.environ.get("SITEURL", "").rstrip("/")
if not SITEURL.startswith(("https://", "http://")):
    sys.exit(
        "publishconf.py: say where the site lives, e.g. SITEURL=https://example.org make publish"
    )
RELATIVE_URLS = False
FEED_DOMAIN = SITEURL
DELETE_OUTPUT_DIRECTORY = True
CONTENT_WARNINGS_FATAL = True  # an unknown field or actor stops a publication

# Neither drafts nor articles dated in the future.
WITH_FUTURE_DATES = False
DRAFT_SAVE_AS = DRAFT_LANG_SAVE_AS = ""
SHOW_DRAFTS_PAGE = False

# Published only: a sitemap (pelican-sitemap, through plugins/writing/reproducible_sitemap:
# one build at a time, dated by the content) and robots.txt pointing at it.
PLUGINS = [*PLUGINS, "reproducible_sitemap"]  # noqa: F405
SITEMAP = {
    "format": "xml",
    "priorities": {"articles": 0.8, "indexes": 0.5, "pages": 0.5},
    "changefreqs": {"articles": "monthly", "indexes": "daily", "pages": "monthly"},
}
TEMPLATE_PAGES = {"404.html": "404.html", "robots.txt": "robots.txt"}
