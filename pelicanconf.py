"""Development settings: `make html`, `make serve`, `make devserver`.

publishconf.py imports everything from here and overrides only what production needs.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent

SITENAME = "Belarus Analysis"
SITESUBTITLE = "Politics and security in Belarus and its region"
SITEURL = "http://localhost:8000"  # feeds need absolute links; pages use relative ones
RELATIVE_URLS = True  # pages link relatively, so the output also works from file://
AUTHOR = "Editorial team"
TIMEZONE = "Europe/Minsk"
# The languages of the publication, each with its name in itself: an article says `lang: ru`
# (no `lang`: the default). Each has an edition of its own (plugins/rendering/editions):
# the default at the root of the site, the others under ru/ and be/.
DEFAULT_LANG = "en"
LANGUAGES = {"en": "English", "ru": "Русский", "be": "Беларуская"}
# Dates as each language writes them (CLDR patterns, formatted by Babel): "April 22, 2016
# 18:34", "22 апреля 2016, 18:34", "22 красавіка 2016, 18:34".
DATE_PATTERNS = {"en": "MMMM d, y HH:mm", "ru": "d MMMM y, HH:mm", "be": "d MMMM y, HH:mm"}
# What differs in another language's edition, beyond its interface strings.
EDITION_SETTINGS = {
    "ru": {"SITESUBTITLE": "Политика и безопасность в Беларуси и регионе"},
    "be": {"SITESUBTITLE": "Палітыка і бяспека ў Беларусі і рэгіёне"},
}
DEFAULT_DATE_FORMAT = "%B %d, %Y %H:%M"  # Pelican's own (feeds); pages use DATE_PATTERNS

# The sections of the site: an article's category must be one of them (make check).
CATEGORIES = [
    "Foreign policy",
    "Security",
    "Domestic politics",
    "Economy",
    "Society",
    "Military",
    "Regional",
    "Opinion",
]
# Each section's name in the other languages: the same section, one page name, in every
# edition (an article's `category:` is the English name, in any language).
CATEGORY_NAMES = {
    "Foreign policy": {"ru": "Внешняя политика", "be": "Знешняя палітыка"},
    "Security": {"ru": "Безопасность", "be": "Бяспека"},
    "Domestic politics": {"ru": "Внутренняя политика", "be": "Унутраная палітыка"},
    "Economy": {"ru": "Экономика", "be": "Эканоміка"},
    "Society": {"ru": "Общество", "be": "Грамадства"},
    "Military": {"ru": "Армия", "be": "Войска"},
    "Regional": {"ru": "Регион", "be": "Рэгіён"},
    "Opinion": {"ru": "Мнения", "be": "Меркаванні"},
}

PATH = "content"
ARTICLE_PATHS = ["articles"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["images"]
READERS = {"rst": None, "html": None, "htm": None}  # articles are Markdown, and checked
# Never read, never published, never warned of: hidden files and folders, and what editors
# leave beside a file (Emacs locks and autosaves, Vim swap files, backups, Office locks).
# Pelican matches these against each file's and folder's own name.
IGNORE_FILES = [".*", "*~", "#*#", "*.swp", "*.swo", "*.swx", "*.bak", "*.orig", "*.rej"]
IGNORE_FILES += ["*.tmp", "~$*", "Thumbs.db", "desktop.ini", "__pycache__"]
SLUG_MAX_LENGTH = 100  # a slug made from a longer title is cut at a word (every file system)
# Hosts whose pictures, frames and video a body may load: the Content-Security-Policy of
# every page allows them, and `make check` warns of media from any other host.
ALLOWED_MEDIA_HOSTS = []
OUTPUT_PATH = "output"
DELETE_OUTPUT_DIRECTORY = False  # a failed build must not remove the last good site
THEME = str(ROOT / "theme")

# plugins/ has a folder per stage of the build (plugins/stages.py); plugins import one
# another by package name (similar_articles reports problems through content_checks).
sys.path.insert(0, str(ROOT / "plugins"))
from stages import PLUGIN_PATHS  # noqa: E402

sys.path[:0] = [path for path in PLUGIN_PATHS if path not in sys.path]
from template_filters import cached, date_text, split_by, without_empty  # noqa: E402

# search before similar_articles: the search index starts (in Node, on the other core) as
# soon as the articles are read, while the similar lists are ranked (plugins/plugin_order.py
# warns of the other order). theme_context: what the theme's menu shows.
PLUGINS = [
    "interface",
    "theme_context",
    "content_checks",
    "actors",
    "search",
    "similar_articles",
    "preview",
    "editions",
    "images",
    "fast_build",
]

# Fast builds (plugins/writing/fast_build, docs/build-speed.md): a read cache keyed on contents,
# reading and rendering on all cores, and only the pages whose inputs changed rendered again.
FAST_BUILD = True
CACHE_PATH = str(ROOT / ".cache")

# Typography (typogrify) is applied by our reader (plugins/checking/content_checks) instead of after
# it as Pelican's TYPOGRIFY does, so that the read cache holds the finished HTML.
TYPOGRIFY = False
READER_TYPOGRIFY = True
TYPOGRIFY_IGNORE_TAGS = ["pre", "code", "kbd", "samp", "script", "style"]

MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.codehilite": {"css_class": "highlight"},
        "markdown.extensions.extra": {},
        "markdown.extensions.meta": {},
        "markdown.extensions.toc": {},
        "images.figures": {},  # an image alone in a paragraph: a figure, caption | credit
    },
    "output_format": "html5",
}

# Every internal link names a file (index.html or name.html): from file:// a link to a
# folder shows a directory listing, not the page.
# An article in another language than the default is in its language's edition ({lang}/).
ARTICLE_URL = ARTICLE_SAVE_AS = "{date:%Y}/{date:%m}/{slug}.html"
ARTICLE_LANG_URL = ARTICLE_LANG_SAVE_AS = "{lang}/{date:%Y}/{date:%m}/{slug}.html"
DRAFT_URL = DRAFT_SAVE_AS = "drafts/{slug}.html"
DRAFT_LANG_URL = DRAFT_LANG_SAVE_AS = "{lang}/drafts/{slug}.html"
PAGE_URL = PAGE_SAVE_AS = "pages/{slug}.html"
PAGE_LANG_URL = PAGE_LANG_SAVE_AS = "{lang}/pages/{slug}.html"
# Translations are linked across the editions by the editions plugin (the same slug, or
# `translation_of: <slug>`), not by Pelican within one language.
ARTICLE_TRANSLATION_ID = None
INDEX_URL = INDEX_SAVE_AS = "index.html"
CATEGORY_URL = CATEGORY_SAVE_AS = "category/{slug}/index.html"
CATEGORIES_URL = CATEGORIES_SAVE_AS = "categories/index.html"
TAG_URL = TAG_SAVE_AS = "tag/{slug}/index.html"
TAGS_URL = TAGS_SAVE_AS = "tags/index.html"
ACTOR_URL = ACTOR_SAVE_AS = "actor/{slug}/index.html"
ACTORS_URL = ACTORS_SAVE_AS = "actors/index.html"
ARCHIVES_URL = ARCHIVES_SAVE_AS = "archives/index.html"
YEAR_ARCHIVE_URL = YEAR_ARCHIVE_SAVE_AS = "archives/{date:%Y}/index.html"
MONTH_ARCHIVE_SAVE_AS = DAY_ARCHIVE_SAVE_AS = ""
AUTHOR_SAVE_AS = AUTHORS_SAVE_AS = ""  # the publication signs as a team
DIRECT_TEMPLATES = ["index", "categories", "tags", "archives", "search"]
SEARCH_URL = SEARCH_SAVE_AS = "search.html"
TEMPLATE_PAGES = {
    "404.html": "404.html",
    "drafts.html": "drafts/index.html",
    # the similar lists' report for editors (plugins/ranking/similar_articles/report.py)
    "similar-report.html": "drafts/similar-report.html",
}

# Page N of any list lives in .../page/N/index.html: Pelican's default pattern
# ("{name}{number}") makes page 12 of tag "tag1" the same file as tag "tag112".
DEFAULT_PAGINATION = 10
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/index.html", "{base_name}/page/{number}/index.html"),
)

FEED_DOMAIN = SITEURL
FEED_MAX_ITEMS = 20  # the newest 20 in each feed: feed readers want news, not archives
# Each edition's feed of its own articles (Pelican's FEED_ALL_* would add every translation).
FEED_ATOM = "feeds/all.atom.xml"
FEED_RSS = "feeds/all.rss.xml"
FEED_ALL_ATOM = FEED_ALL_RSS = None
CATEGORY_FEED_ATOM = "feeds/category/{slug}.atom.xml"
CATEGORY_FEED_RSS = "feeds/category/{slug}.rss.xml"
TAG_FEED_ATOM = "feeds/tag/{slug}.atom.xml"
TAG_FEED_RSS = "feeds/tag/{slug}.rss.xml"
ACTOR_FEED_ATOM = "feeds/actor/{slug}.atom.xml"
ACTOR_FEED_RSS = "feeds/actor/{slug}.rss.xml"
AUTHOR_FEED_ATOM = AUTHOR_FEED_RSS = None
TRANSLATION_FEED_ATOM = None

# Similar articles (plugins/ranking/similar_articles); docs/similar-articles.md explains each one.
SIMILAR_ARTICLES = {
    "max_results": 5,  # entries per article, editor-pinned ones included
    # What one shared keyword adds, before rarity: a shared actor says more than a shared
    # tag; "category": > 0 makes being in the same category count too. Read in the text,
    # weaker: "mentions", an actor the text names (or lists); "terms", a distinctive word.
    "weights": {"actors": 1.25, "tags": 1.0, "category": 0.0, "mentions": 0.5, "terms": 0.5},
    "terms_per_article": 8,  # distinctive words per article, among its 64 most frequent...
    "terms_max_held": 1.0,  # ...held by two articles at least, by at most 1 x √N of the N
    "terms_min_documents": 50,  # ...once there are 50 (among fewer, rarity means little)
    "max_share": 0.03,  # no article in the lists of more than 3% of the articles...
    "max_share_min_documents": 500,  # ...once there are 500
    "rarity": True,  # a keyword carried by many articles weighs little: ln(1 + N / count)
    "common_share": 0.5,  # a keyword on more than half of the articles counts nothing...
    "common_min_documents": 50,  # ...once there are at least 50 articles
    "half_life_days": 730,  # recency: two years apart, the recency part of a score halves
    "recency_weight": 0.3,  # ...and it is 30% of the score (0: off, 1: all of it)
    "min_score": 0.0,  # list only candidates scoring above this
    "fallback": True,  # top short lists up with "More in <category>", the closest in date
    "workers": 2,  # processes ranking in parallel (from 4,000 articles on)
}

# The local preview builds drafts (drafts/) and scheduled articles, marked, and lists them on
# drafts/index.html; publishconf.py and offlineconf.py leave them all out.
WITH_FUTURE_DATES = True
SHOW_DRAFTS_PAGE = True

# Photographs (plugins/rendering/images, docs/images.md): renditions at these widths (never
# wider than the original), in AVIF and WebP, with a JPEG (PNG if transparent) to fall back
# on; no metadata; the original is never published.
IMAGE_WIDTHS = (480, 800, 1200, 1600)
IMAGE_FORMATS = ("avif", "webp")
IMAGE_FALLBACK = "jpg"

# Theme settings.
MENU_CATEGORIES = True
SHOW_ACTORS_IN_MENU = True

JINJA_FILTERS = {"without_empty": without_empty, "date_text": date_text, "split_by": split_by}
JINJA_GLOBALS = {"cached": cached}  # {% call cached(key) %}: a fragment made once per key

# Autoescape everything; templates mark the HTML that Pelican renders (content, summary,
# typogrified title) with |safe. No auto_reload: each build makes a new Environment, and
# checking the templates' mtimes on every include and import cost seconds on a large site.
JINJA_ENVIRONMENT = {
    "trim_blocks": True,
    "lstrip_blocks": True,
    "autoescape": True,
    "auto_reload": False,
}
