"""The HTML of an image with its renditions: a <picture> with a source per modern format
and the fallback <img>, each with srcset and sizes, and the width and height of the image
so that the page does not move as it loads. Pure Python (no Pelican)."""

from __future__ import annotations

import re
from html import escape, unescape

from markupsafe import Markup

from .derive import MIME
from .figures import DATA

# How wide an image is shown: the text column (var(--measure), about 37em), or the screen.
SIZES = "(min-width: 40em) 37em, 100vw"
_IMG = re.compile(rf"<img\b[^>]*\b{DATA}=\"[^\"]*\"[^>]*>")
_ATTRIBUTE = re.compile(r'\b([a-z-]+)="([^"]*)"')


def picture_markup(of_build, path: str, siteurl: str, alt: str = "", eager: bool = False) -> Markup:
    """The <picture> of an image of the content folder; "" if it has no renditions."""
    derived = of_build.derived.get(path)
    if derived is None:
        return Markup("")
    sources = []
    for format in derived.formats()[:-1]:
        srcset = _srcset(of_build, path, derived, format, siteurl)
        sources.append(f'<source type="{MIME[format]}" srcset="{srcset}" sizes="{SIZES}">')
    fallback = derived.fallback
    loading = ' fetchpriority="high"' if eager else ' loading="lazy" decoding="async"'
    image = (
        f'<img src="{siteurl}/{of_build.url(path, fallback)}" '
        f'srcset="{_srcset(of_build, path, derived, fallback.format, siteurl)}" sizes="{SIZES}" '
        f'width="{derived.width}" height="{derived.height}" alt="{escape(alt)}"{loading}>'
    )
    return Markup(f"<picture>{''.join(sources)}{image}</picture>")


def _srcset(of_build, path, derived, format: str, siteurl: str) -> str:
    return ", ".join(
        f"{siteurl}/{of_build.url(path, r)} {r.width}w" for r in derived.in_format(format)
    )


def with_pictures(of_build, html: str, siteurl: str) -> Markup:
    """An article's HTML, each image of the content folder (figures.py marks them) shown as
    its <picture>, lazily loaded."""
    if DATA not in (html or ""):
        return Markup(html or "")

    def picture(match: re.Match) -> str:
        attributes = dict(_ATTRIBUTE.findall(match[0]))
        made = picture_markup(
            of_build, attributes[DATA], siteurl, unescape(attributes.get("alt", ""))
        )
        return str(made) or match[0]

    return Markup(_IMG.sub(picture, html))
