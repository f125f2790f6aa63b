"""Images in an article's Markdown, as the site shows them (a Python-Markdown extension).

An image alone in its paragraph is a figure, its title the caption and the credit, split
by a vertical bar:

    ![Independence Square](images/minsk.jpg "The square on the day of the vote | Фото: RFRM")

gives <figure><img ...><figcaption>The square on the day of the vote <span class="credit">
Фото: RFRM</span></figcaption></figure>. A path inside the content folder is written from
there, as the lead image's (images/minsk.jpg, or {static}/images/minsk.jpg); each such image
gets data-image="images/minsk.jpg", by which the images plugin puts its renditions in the
page (<picture>, srcset, width and height), and {static} (Pelican's link to the rendition
that feeds and old browsers get: the original is never published). Images from other hosts
are left as they are (the content checks name them).
"""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as etree

from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

DATA = "data-image"  # the attribute that names an image of the content folder
STATIC = "{static}/"


def content_path(src: str) -> str | None:
    """The path inside the content folder an image's src names; None for another host's."""
    if "://" in src or src.startswith(("//", "data:", "#")):
        return None
    for marker in ("{static}", "{attach}", "|static|", "|attach|"):
        if src.startswith(marker):
            src = src[len(marker) :]
            break
    path = posixpath.normpath(src.lstrip("/"))
    return None if path.startswith("..") or path == "." else path


class FiguresProcessor(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for parent in root.iter():
            for number, child in enumerate(list(parent)):
                if child.tag == "p" and _only_an_image(child):
                    parent[number] = _figure(child[0], child.tail)
        for image in root.iter("img"):
            path = content_path(image.get("src", ""))
            if path is not None:
                image.set("src", STATIC + path)
                image.set(DATA, path)


def _only_an_image(paragraph: etree.Element) -> bool:
    return (
        len(paragraph) == 1
        and paragraph[0].tag == "img"
        and not (paragraph.text or "").strip()
        and not (paragraph[0].tail or "").strip()
    )


def _figure(image: etree.Element, tail: str | None) -> etree.Element:
    figure = etree.Element("figure", {"class": "figure"})
    figure.tail = tail
    title = image.attrib.pop("title", "")
    caption, _, credit = (part.strip() for part in title.partition("|"))
    image.tail = None
    figure.append(image)
    if caption or credit:
        figcaption = etree.SubElement(figure, "figcaption")
        figcaption.text = caption
        if credit:
            span = etree.SubElement(figcaption, "span", {"class": "credit"})
            span.text = credit
            if caption:
                figcaption.text = caption + " "
    return figure


class FiguresExtension(Extension):
    def extendMarkdown(self, md):  # Python-Markdown's name
        # after the inline patterns (which make the <img>), before the prettifier
        md.treeprocessors.register(FiguresProcessor(md), "figures", 15)


def makeExtension(**kwargs):  # how Python-Markdown loads one by name
    return FiguresExtension(**kwargs)
