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
DRAFT_SAVE_AS = DRAFT_LANG_SAVE_AS = ""
OUTPUT_PATH = "offline"
DELETE_OUTPUT_DIRECTORY = True
