"""`make zim`: the offline edition as ZIM files for Kiwix, one per language.

Takes the newest offline copy in dist/ (`make offline`; one is made if there is none) and
writes dist/<site>-<language>-<YYYY-MM-DD>.zim for each language edition in it, with
python-libzim: every page of the edition, its CSS, scripts and images (the offline
renditions), the edition's home as the main page, the metadata Kiwix shows (Title,
Description, LongDescription, Language in ISO 639-3, Creator, Publisher, Date, Tags, Name,
Flavour) and a 48x48 PNG illustration, Xapian full-text indexing with the language's
stemmer and title suggestions.

Inside a ZIM every link is relative and names a file, as in the offline copy; links to
another language's edition, and to the feeds (no Kiwix reads a feed; they were half of the
offline copy's bytes), lead to the published site. Search is Kiwix's own (its Xapian
index, stemmed, in every Kiwix app's search bar): our search page and its index are left
out, with the masthead's search box. Ours would work in kiwix-serve, but it would double the
index (a third of the offline copy), rely on browser features older phones' Kiwix lacks,
and sit beside the search box every Kiwix app already shows.

libzim is GPL-3.0: it is installed by `make install` for this step only, and nothing of
`make html` imports it. A ZIM is written beside its name and renamed into place: a failed
run leaves the last good file as it was.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import posixpath
import re
import sys
import zipfile
from dataclasses import dataclass
from html import unescape
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]
from plugins.stages import PLUGIN_PATHS  # noqa: E402

sys.path[:0] = PLUGIN_PATHS

from pelican.settings import read_settings  # noqa: E402
from pelican.utils import slugify  # noqa: E402

ISO_639_3 = {"en": "eng", "ru": "rus", "be": "bel"}
MIME = {
    ".html": "text/html",
    ".css": "text/css",
    ".js": "application/javascript",
    ".xml": "application/xml",
    ".json": "application/json",
    ".webp": "image/webp",
    ".avif": "image/avif",
    ".jpg": "image/jpeg",
    ".png": "image/png",
    ".svg": "image/svg+xml",
    ".txt": "text/plain",
    ".pdf": "application/pdf",
}
_TITLE = re.compile(r"<title>(.*?)</title>", re.S)
_LINK = re.compile(r'(\b(?:href|src)=")([^"#?:]+)((?:[#?][^"]*)?")')
_ARTICLE = '<article class="article">'
_SEARCH_BOX = re.compile(r'<form class="site-search".*?</form>\s*', re.S)


@dataclass(frozen=True)
class Edition:
    lang: str
    prefix: str  # "" for the default language, else "ru/"


def offline_files(archive: Path) -> dict[str, bytes]:
    """The files of an offline zip, by their path in the site (its top folder dropped)."""
    with zipfile.ZipFile(archive) as zipped:
        return {
            info.filename.split("/", 1)[1]: zipped.read(info)
            for info in zipped.infolist()
            if not info.is_dir() and "/" in info.filename
        }


def editions_in(files: dict[str, bytes], settings) -> list[Edition]:
    default = settings["DEFAULT_LANG"]
    found = [Edition(default, "")]
    for lang in settings.get("LANGUAGES") or []:
        if lang != default and f"{lang}/index.html" in files:
            found.append(Edition(lang, f"{lang}/"))
    return found


SHARED = ("theme/", "derived/")  # what every edition uses: the theme, the images


def edition_files(files: dict[str, bytes], edition: Edition, others: list[Edition]) -> dict:
    """The files of one edition: its own (under its prefix; the default edition's, under
    none of the others'), and the shared ones; not its search page and index (Kiwix's
    search stands for them)."""
    outside = tuple(e.prefix for e in others if e.prefix)
    left_out = (f"{edition.prefix}search.html", f"{edition.prefix}search/", *feeds_of([edition]))

    def belongs(path: str) -> bool:
        if path.startswith(left_out):
            return False
        if path.startswith(SHARED):
            return True
        if edition.prefix:
            return path.startswith(edition.prefix)
        return not (outside and path.startswith(outside))

    return {path: data for path, data in files.items() if belongs(path)}


def feeds_of(editions) -> tuple[str, ...]:
    return tuple(f"{e.prefix}feeds/" for e in editions)


def outward_links(html: str, page: str, others: tuple[str, ...], siteurl: str) -> str:
    """A page's links into another edition (not in this ZIM) lead to the published site."""
    if not others:
        return html

    def rewrite(match: re.Match) -> str:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page), match[2]))
        if target.startswith(others):
            return f"{match[1]}{siteurl}/{target}{match[3]}"
        return match[0]

    return _LINK.sub(rewrite, html)


def title_of(html: str, sitename: str) -> str:
    """A page's title as Kiwix lists it: plain text, no-break spaces as spaces."""
    found = _TITLE.search(html)
    title = unescape(re.sub(r"<[^>]+>", "", found[1])).strip() if found else ""
    title = re.sub(r"[\u00a0\u202f\u2009]", " ", title)
    suffix = f" · {sitename}"
    return title[: -len(suffix)] if title.endswith(suffix) else title


def illustration(sitename: str) -> bytes:
    """A 48x48 PNG: the site's initials, white on the theme's accent."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (48, 48), (138, 28, 28))
    initials = "".join(word[0] for word in sitename.split()[:2]).upper()
    draw = ImageDraw.Draw(image)
    box = draw.textbbox((0, 0), initials, font_size=22)
    draw.text(
        ((48 - box[2] - box[0]) / 2, (48 - box[3] - box[1]) / 2),
        initials,
        fill="white",
        font_size=22,
    )
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def write_zim(target: Path, files: dict[str, bytes], edition: Edition, settings, date: str) -> Path:
    """One edition as a ZIM at target (written beside it, then renamed into place)."""
    from libzim.writer import Creator, Hint, Item, StringProvider

    class Entry(Item):
        def __init__(self, path, title, mimetype, content, front):
            super().__init__()
            self.path, self.title, self.mimetype = path, title, mimetype
            self.content, self.front = content, front

        def get_path(self):
            return self.path

        def get_title(self):
            return self.title

        def get_mimetype(self):
            return self.mimetype

        def get_contentprovider(self):
            return StringProvider(self.content)

        def get_hints(self):
            return {Hint.FRONT_ARTICLE: self.front}

    sitename = settings["SITENAME"]
    others = tuple(e for e in editions_in(files, settings) if e != edition)
    outside = (*(e.prefix for e in others if e.prefix), *feeds_of([edition, *others]))
    language = ISO_639_3.get(edition.lang, edition.lang)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        creator = Creator(str(partial)).config_indexing(True, language).config_verbose(False)
        with creator:
            creator.set_mainpath(f"{edition.prefix}index.html")
            creator.add_illustration(48, illustration(sitename))
            for path, data in sorted(edition_files(files, edition, list(others)).items()):
                mimetype = MIME.get(Path(path).suffix.lower(), "application/octet-stream")
                title, front = "", False
                if mimetype == "text/html":
                    html = _SEARCH_BOX.sub("", data.decode("utf-8"))
                    html = outward_links(html, path, outside, settings["SITEURL"])
                    data = html.encode("utf-8")
                    title, front = title_of(html, sitename), _ARTICLE in html
                creator.add_item(Entry(path, title, mimetype, data, front))
            for name, value in metadata(settings, edition, date).items():
                creator.add_metadata(name, value)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return target


def metadata(settings, edition: Edition, date: str) -> dict[str, str]:
    subtitle = (
        (settings.get("EDITION_SETTINGS") or {})
        .get(edition.lang, {})
        .get("SITESUBTITLE", settings.get("SITESUBTITLE", ""))
    )
    name = slugify(settings["SITENAME"], regex_subs=settings["SLUG_REGEX_SUBSTITUTIONS"])
    return {
        "Title": settings["SITENAME"][:30],
        "Description": subtitle[:80],
        "LongDescription": (
            f"{settings['SITENAME']}: {subtitle}. Every article of the publication in "
            f"{(settings.get('LANGUAGES') or {}).get(edition.lang, edition.lang)}, its sections, "
            "tags, actors and archives, with their similar articles and photographs."
        )[:4000],
        "Language": ISO_639_3.get(edition.lang, edition.lang),
        "Creator": settings.get("AUTHOR") or settings["SITENAME"],
        "Publisher": settings["SITENAME"],
        "Date": date,
        "Tags": "_category:news;_pictures:yes;_videos:no;_details:yes;politics;security;belarus",
        "Name": f"{name}_{edition.lang}_all",
        "Flavour": "maxi",
    }


def newest_offline(dist: Path, site: str) -> Path | None:
    found = sorted(dist.glob(f"{site}-????-??-??.zip"))
    return found[-1] if found else None


def main(argv=None) -> list[Path] | None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("content", nargs="?", type=Path, default=ROOT / "content")
    parser.add_argument("-s", "--settings", type=Path, default=ROOT / "offlineconf.py")
    parser.add_argument("-d", "--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--offline", type=Path, help="the offline zip (default: the newest)")
    args = parser.parse_args(argv)
    settings = read_settings(str(args.settings), override={"PATH": str(args.content.resolve())})
    site = slugify(settings["SITENAME"], regex_subs=settings["SLUG_REGEX_SUBSTITUTIONS"])
    archive = args.offline or newest_offline(args.dist, site)
    if archive is None:
        from tools.offline import main as make_offline

        archive = make_offline(
            [str(args.content), "-s", str(args.settings), "--dist", str(args.dist)]
        )
        if archive is None:
            return None
    date = re.search(r"(\d{4}-\d\d-\d\d)\.zip$", archive.name)
    date = date[1] if date else dt.date.today().isoformat()
    files = offline_files(archive)
    made = []
    for edition in editions_in(files, settings):
        target = args.dist / f"{site}-{edition.lang}-{date}.zim"
        made.append(write_zim(target, files, edition, settings, date))
        print(f"ZIM for Kiwix: {target}")
    return made


if __name__ == "__main__":
    sys.exit(0 if main() else 1)
