"""Offline copy settings: `make offline`. Only what differs from pelicanconf.py.

The copy is opened from disk (file://): relative links only, every link names a file, no
request leaves the folder; drafts stay out.
"""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *

SITEURL = os.environ.get("SITEURL", "https://example.org").rstrip("/")  # for feed entries
FEED_DOMAIN = SITEURL
RELATIVE_URLS = True
OUTPUT_PATH = "offline"
DELETE_OUTPUT_DIRECTORY = True

# Neither drafts nor articles dated in the future.
WITH_FUTURE_DATES = False
DRAFT_SAVE_AS = DRAFT_LANG_SAVE_AS = ""
SHOW_DRAFTS_PAGE = False
TEMPLATE_PAGES = {"404.html": "404.html"}

# One modest rendition per image, in WebP: the copy stays small (plugins/rendering/images).
IMAGE_WIDTHS = (800,)
IMAGE_FORMATS = ()
IMAGE_FALLBACK = "webp"
