"""Production settings: `make publish`. Only what differs from pelicanconf.py."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *

SITEURL = os.environ.get("SITEURL", "https://example.org").rstrip("/")
RELATIVE_URLS = False
FEED_DOMAIN = SITEURL
DELETE_OUTPUT_DIRECTORY = True
CONTENT_WARNINGS_FATAL = True  # an unknown field or actor stops a publication

# Neither drafts nor articles dated in the future.
WITH_FUTURE_DATES = False
DRAFT_SAVE_AS = DRAFT_LANG_SAVE_AS = ""
SHOW_DRAFTS_PAGE = False
TEMPLATE_PAGES = {"404.html": "404.html"}
