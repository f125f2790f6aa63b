"""Generator.get_files, its files given in the order of their paths.

Checked against pelican 4.12.0. Pelican reads the sources in the order of a set, which
changes from process to process (Python salts string hashes): articles that share a date,
or a slug (Pelican takes those for translations of one another), came out in another
order at each build, and two builds of one content differed. The set is kept (callers may
use it as one); it is iterated in the order of the paths. Proposed upstream:
docs/upstream.md.
"""

from __future__ import annotations

import functools

from pelican.generators import Generator

from .patching import patch


class SortedFiles(set):
    """The set of files Pelican's get_files returns, iterated in the order of the paths."""

    def __iter__(self):
        return iter(sorted(set.__iter__(self)))


def get_files_in_order(self, *args, **kwargs):
    return SortedFiles(ORIGINAL(self, *args, **kwargs))


PATCH = patch("pelican", "4.12.0", (Generator, "get_files", get_files_in_order))
ORIGINAL = PATCH.replacements[0].original
functools.update_wrapper(get_files_in_order, ORIGINAL)
install, restore = PATCH.install, PATCH.restore
