"""Every file under the content folder, accounted for. Pure Python: no Pelican import.

Pelican reads what its settings point it at and passes over the rest without a word: an
article saved one folder too high, or named post.MD, is simply not on the site. Here each
file is an article, a page, a static file, the actors registry, ignored (hidden files and
editors' lock, swap and backup files), or the subject of a warning that says why it is
not published and what to do.
"""

from __future__ import annotations

import fnmatch
import functools
import os
import posixpath
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

MARKDOWN = ("md", "markdown", "mkd", "mdown")  # the extensions the Markdown reader takes
TEXT_LIKE = ("txt", "text", "mdx", "rst", "html", "htm", "docx", "doc", "odt", "rtf")


@dataclass(frozen=True)
class Layout:
    """Where the settings say each kind of file lives (folders relative to content/)."""

    articles: Sequence[str] = ("articles",)
    pages: Sequence[str] = ("pages",)
    static: Sequence[str] = ("images",)
    registry: str = "actors.yml"
    ignore: Sequence[str] = (".*",)  # IGNORE_FILES: patterns matched against a name


@dataclass(frozen=True)
class Unused:
    """A file that will not be published as it lies, and why."""

    path: str  # relative to the content folder
    message: str
    fix: str
    error: bool = False


@dataclass
class Inventory:
    files: list[str] = field(default_factory=list)  # relative, '/'-separated, sorted
    ignored: list[str] = field(default_factory=list)
    loops: list[tuple[str, str]] = field(default_factory=list)  # (folder link, its target)
    dangling: list[tuple[str, str]] = field(default_factory=list)  # (file link, its target)


def take_inventory(root: Path, layout: Layout) -> Inventory:
    """Walk root as Pelican does (following links), but never twice into one folder."""
    inventory = Inventory()
    root = Path(root)
    if root.is_dir():
        _walk(root, "", layout, inventory, {_identity(root)})
    inventory.files.sort()
    return inventory


def _walk(folder: Path, relative: str, layout, inventory, above: set) -> None:
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError:
        return
    for entry in entries:
        path = posixpath.join(relative, entry.name) if relative else entry.name
        if _ignored(entry.name, layout.ignore):
            inventory.ignored.append(path)
            continue
        try:
            is_folder = entry.is_dir()  # through a link, as Pelican's walk goes
        except OSError:
            is_folder = False
        if is_folder:
            identity = _identity(Path(entry.path))
            if identity in above:  # a link back to this folder or one above it
                target = os.readlink(entry.path) if entry.is_symlink() else entry.path
                inventory.loops.append((path, target))
                continue
            _walk(Path(entry.path), path, layout, inventory, above | {identity})
        elif entry.is_symlink() and not os.path.exists(entry.path):
            inventory.dangling.append((path, os.readlink(entry.path)))
            inventory.files.append(path)
        else:
            inventory.files.append(path)


def _identity(folder: Path) -> tuple[int, int]:
    status = folder.stat()
    return status.st_dev, status.st_ino


def _ignored(name: str, patterns: Iterable[str]) -> bool:
    return bool(_pattern(tuple(patterns)).match(name))


@functools.cache
def _pattern(patterns: tuple[str, ...]) -> re.Pattern:
    """The patterns as one expression, matched as fnmatch matches each (case as the
    machine's file names: fnmatch.fnmatch folds case only on Windows)."""
    return re.compile("|".join(fnmatch.translate(os.path.normcase(p)) for p in patterns) or "(?!)")


def markdown_in_static(inventory: Inventory, layout: Layout) -> list[str]:
    """Markdown files inside a static folder: Pelican would publish them as files, front
    matter and all."""
    return [
        path
        for path in inventory.files
        if _inside(path, layout.static) and _extension(path).lower() in MARKDOWN
    ]


def unused_files(inventory: Inventory, used: set[str], layout: Layout) -> list[Unused]:
    """Each file that Pelican has not taken as content or as a static file, with why."""
    found = [
        Unused(
            link,
            f"is a link to {target!r} that makes a loop: it leads back to a folder that "
            "holds it, so everything under it would be read again and again.",
            "remove the link.",
            error=True,
        )
        for link, target in inventory.loops
    ]
    dangling = dict(inventory.dangling)
    private = set(markdown_in_static(inventory, layout))  # never published, even if taken
    for path in inventory.files:
        if path == layout.registry or (path in used and path not in {*dangling, *private}):
            continue
        if path in dangling:
            if _extension(path) not in MARKDOWN:  # a Markdown one: told of by the reader
                found.append(
                    Unused(
                        path,
                        f"is a link to {dangling[path]!r}, which does not exist.",
                        "remove the link, or put back the file it names.",
                        error=True,
                    )
                )
            continue
        found.append(_why_unused(path, layout))
    return found


def _why_unused(path: str, layout: Layout) -> Unused:
    extension = _extension(path)
    stem = posixpath.splitext(posixpath.basename(path))[0]
    articles = f"content/{layout.articles[0]}/" if layout.articles else "content/articles/"
    if extension.lower() in MARKDOWN and extension not in MARKDOWN:
        return Unused(
            path,
            f"the extension .{extension} is not read as Markdown (only lower case is): "
            "the file is not published.",
            f"rename it {stem}.{extension.lower()}.",
        )
    if extension.lower() in MARKDOWN and _inside(path, layout.static):
        return Unused(
            path,
            "is a Markdown file in a folder of files published as they are: it is left "
            "out, or its front matter would be public.",
            f"move it to {articles} if it is an article, or out of content/.",
        )
    if extension.lower() in MARKDOWN:
        return Unused(
            path,
            f"is not in an article folder ({articles}), so it is not published: moved?",
            f"move it into {articles} (or content/pages/ for a page).",
        )
    in_text_folder = _inside(path, [*layout.articles, *layout.pages])
    if in_text_folder and extension.lower() in TEXT_LIKE:
        return Unused(
            path,
            f"is not a Markdown file (.{extension}): it is not published.",
            f"if it is an article, write it in Markdown and name it {stem}.md; "
            f"otherwise move it out of {articles}.",
        )
    if in_text_folder:
        return Unused(
            path,
            "lies beside the articles, but no article links it with {static}, so it is "
            "not published.",
            "move it to content/images/, or link it from an article: "
            f"![what it shows]({{static}}{posixpath.basename(path)}).",
        )
    static = ", ".join(f"content/{folder}/" for folder in layout.static) or "content/images/"
    return Unused(
        path,
        f"is in no folder the site publishes ({articles}, {static}): it is not published.",
        f"move it to {static.split(', ')[0]} to publish it, or out of content/.",
    )


def _inside(path: str, folders: Iterable[str]) -> bool:
    return any(path.startswith(folder.rstrip("/") + "/") for folder in folders if folder)


def _extension(path: str) -> str:
    return posixpath.splitext(path)[1][1:]
