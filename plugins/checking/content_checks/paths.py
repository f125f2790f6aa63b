"""Paths an article makes or names, checked before anything is written. Pure Python.

An article's slug, a tag's or an actor's name and an image path all end up as file names
in the output folder or as links in its pages. Each must stay inside its folder, name a
file a reader's system can hold (a Windows zip, a phone's SD card), and not write over
another page.
"""

from __future__ import annotations

import posixpath
import re

MAX_SLUG = 100  # characters of a slug: far below the 255 bytes of a file name anywhere,
# and short enough that year/month/slug.html inside an unzipped copy stays under Windows'
# 260-character path limit.
MAX_NAME_BYTES = 255  # of one path component: ext4, NTFS, APFS and FAT all hold this much
# Characters that no slug may hold: folder separators, what Windows refuses in a file
# name, and what a URL would have to escape.
_UNSAFE = re.compile(r'[/\\:*?"<>|#%\x00-\x1f\x7f\s]')
_URL = re.compile(r"^[a-z][a-z0-9+.-]*://|^//", re.IGNORECASE)
# Names Windows keeps for devices, with any extension: an offline copy unzipped there
# could not hold tag/con/index.html or con.html.
_RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$", re.IGNORECASE)


def windows_refuses(name: str) -> str | None:
    """Why Windows cannot hold a file or folder of this name, or None."""
    if _RESERVED.match(name):
        return f"{name!r} is a name Windows keeps for a device"
    if name.endswith((".", " ")):
        return f"{name!r} ends with a dot or a space, which Windows drops"
    return None


def slug_problem(slug: str, max_length: int = MAX_SLUG) -> str | None:
    """Why a slug cannot name a page's file, or None."""
    if not slug.strip():
        return "is empty"
    bad = sorted(set(_UNSAFE.findall(slug)))
    if bad:
        shown = " ".join("a space" if c.isspace() else repr(c) for c in bad)
        return f"{_cut(slug)!r} holds {shown}, which a file name or an address cannot hold"
    if slug.startswith("."):
        return f"{slug!r} starts with a dot: the page would be a hidden file"
    if len(slug) > max_length:
        return f"is {len(slug)} characters long, more than the {max_length} a slug may be"
    refused = windows_refuses(slug)
    if refused:
        return f"{refused}: the offline copy could not be unzipped there"
    return None


def cap_slug(slug: str, max_length: int = MAX_SLUG) -> str:
    """A slug made from a long title, cut at the last word boundary within max_length."""
    if len(slug) <= max_length:
        return slug
    cut = slug[: max_length + 1]
    boundary = cut.rfind("-")
    return (cut[:boundary] if boundary > max_length // 2 else cut[:max_length]).strip("-")


def output_path_problem(save_as: str) -> str | None:
    """Why a file name relative to the output folder is unsafe to write, or None."""
    if not save_as:
        return None  # not written at all
    if save_as.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", save_as):
        return f"{_cut(save_as)!r} is an absolute path"
    parts = save_as.replace("\\", "/").split("/")
    if ".." in parts:
        return f"{_cut(save_as)!r} climbs out of the output folder ('..')"
    for part in parts:
        if part in ("", "."):
            return f"{_cut(save_as)!r} has an empty folder or file name"
        if part.startswith("."):
            return f"{_cut(save_as)!r} is a hidden file (its name starts with a dot)"
        if len(part.encode("utf-8")) > MAX_NAME_BYTES:
            return f"a name in {_cut(save_as)!r} is longer than {MAX_NAME_BYTES} bytes"
        refused = windows_refuses(part)
        if refused:
            return f"{_cut(save_as)!r} holds {refused}"
    stem = posixpath.splitext(parts[-1])[0]
    if not stem or stem in ("-", "_"):
        return f"{_cut(save_as)!r} has no name before its extension"
    return None


def image_path_problem(value: str, static_paths) -> tuple[str, str] | None:
    """(message, fix) if an image path cannot be published as written, or None.

    A lead image is a file of the content folder inside one of its static folders
    (STATIC_PATHS), written from the content folder: images/photo.jpg.
    """
    folder = (list(static_paths) or ["images"])[0]
    example = f"{folder}/photo.jpg"
    if _URL.match(value):
        return (
            f"{_cut(value)!r} is an address on another host: the site's Content Security "
            "Policy blocks it, and readers of the offline copy have no network",
            f"save the picture in content/{folder}/ and write image: {example}.",
        )
    if "\\" in value:
        return (
            f"{_cut(value)!r} separates folders with '\\'",
            f"write '/' between folders: image: {value.replace(chr(92), '/')}.",
        )
    if value.startswith("/"):
        return (
            f"{_cut(value)!r} is an absolute path, outside the content folder",
            f"write the path from the content folder, e.g. image: {example}.",
        )
    normal = posixpath.normpath(value)
    if normal == ".." or normal.startswith("../"):
        return (
            f"{_cut(value)!r} climbs out of the content folder",
            f"put the picture in content/{folder}/ and write image: {example}.",
        )
    if any(part.startswith(".") for part in normal.split("/")):
        return (
            f"{_cut(value)!r} is a hidden file, which is never published",
            "rename it without the leading dot.",
        )
    inside = [p for p in static_paths if normal == p or normal.startswith(p.rstrip("/") + "/")]
    if not inside:
        return (
            f"{_cut(value)!r} is not in a folder that is published "
            f"({', '.join(f'content/{p}/' for p in static_paths)})",
            f"move the picture to content/{folder}/ and write image: {example}.",
        )
    return None


def is_remote(address: str) -> bool:
    """Whether an address points at another host (http://, https://, //host)."""
    return bool(_URL.match(address.strip()))


def _cut(text: str, length: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1] + "…"
