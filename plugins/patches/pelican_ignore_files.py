"""Generator._include_path, IGNORE_FILES matched by one regular expression.

Checked against pelican 4.12.0. Pelican tries each IGNORE_FILES pattern in turn with
fnmatch for every file it finds, and it does so again at every rebuild: with the fourteen
patterns of pelicanconf.py (editors' lock, swap and backup files) and 10,000 sources, that is
140,000 fnmatch calls per build. The patterns are joined once, per list of patterns, into the
one expression fnmatch itself would build from each (fnmatch.translate), so the answer is the
same for every name. Proposed upstream: docs/upstream.md.
"""

from __future__ import annotations

import fnmatch
import functools
import os
import re

from pelican.generators import Generator

from .patching import patch


@functools.lru_cache(maxsize=8)
def ignored_names(patterns: tuple[str, ...]) -> re.Pattern:
    """One expression matching a name that any of the patterns matches, as fnmatch does."""
    if not patterns:
        return re.compile(r"(?!)")  # matches nothing
    return re.compile("|".join(f"(?:{fnmatch.translate(pattern)})" for pattern in patterns))


def include_path(self, path, extensions=None):
    if extensions is None:
        extensions = tuple(self.readers.extensions)
    basename = os.path.basename(path)
    if ignored_names(tuple(self.settings["IGNORE_FILES"])).match(os.path.normcase(basename)):
        return False
    ext = os.path.splitext(basename)[1][1:]
    return extensions is False or ext in extensions


PATCH = patch("pelican", "4.12.0", (Generator, "_include_path", include_path))
functools.update_wrapper(include_path, PATCH.replacements[0].original)
install, restore = PATCH.install, PATCH.restore
