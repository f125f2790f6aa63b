"""Every change this project makes inside a library, in one place.

Each module replaces one function of a library (or a family of functions that share one
reason), with the same results for less work, and says in its docstring which pinned
version it was checked against and why it is needed; each has a test comparing it with
the library's own function (tests/patches/). They are installed together at the start of
a build with FAST_BUILD (plugins/writing/fast_build) and restored together without it, so that a
build with FAST_BUILD = False is Pelican, Markdown, typogrify and feedgenerator as they
ship. The changes proposed to each project are in docs/upstream.md.
"""

from __future__ import annotations

from . import (
    markdown_inline_marks,
    markdown_plain_paragraphs,
    pelican_content_urls,
    pelican_feed_entries,
    pelican_feed_ids,
    pelican_file_stamps,
    pelican_get_date,
    pelican_ignore_files,
    pelican_period_archives,
    pelican_sorted_files,
    pelican_strftime,
    pelican_taxonomy_pages,
    pelican_translations,
    pelican_wrapper_urls,
    smartypants_marks,
    typogrify_caps,
    typogrify_marks,
    typogrify_widont,
)

PATCHES = (
    pelican_sorted_files,  # reproducible: the sources in the order of their paths
    pelican_file_stamps,
    pelican_ignore_files,
    pelican_get_date,
    pelican_strftime,
    pelican_content_urls,
    pelican_wrapper_urls,
    pelican_translations,
    pelican_period_archives,
    pelican_taxonomy_pages,
    pelican_feed_ids,
    pelican_feed_entries,
    markdown_inline_marks,
    markdown_plain_paragraphs,
    smartypants_marks,
    typogrify_marks,
    typogrify_widont,
    typogrify_caps,
)


def install_all() -> None:
    for module in PATCHES:
        module.install()


def restore_all() -> None:
    for module in reversed(PATCHES):
        module.restore()


def installed() -> list[str]:
    return [module.__name__ for module in PATCHES if module.PATCH.installed]
