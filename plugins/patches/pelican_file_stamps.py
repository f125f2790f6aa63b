"""Pelican's FileStampDataCacher, which stamps a file only when a stamp can be used.

Checked against pelican 4.12.0. With the read cache of fast_build, Pelican's own content
caches are off (CACHE_CONTENT False, LOAD_CONTENT_CACHE False), yet get_cached_data and
cache_data still read and hash each source once more (CHECK_MODIFIED_METHOD, md5 by
default) for a cache that holds nothing and keeps nothing. Here get_cached_data gives the
default at once for a file the cache does not hold, and cache_data returns at once when
the policy is not to cache: the results Pelican's would give. Proposed upstream:
docs/upstream.md.
"""

from __future__ import annotations

from pelican.cache import FileStampDataCacher

from .patching import patch


def get_cached_data(self, filename, default=None):
    if filename not in self._cache:
        return default
    return GET_CACHED_DATA(self, filename, default)


def cache_data(self, filename, data):
    if self._cache_data_policy:
        CACHE_DATA(self, filename, data)


PATCH = patch(
    "pelican",
    "4.12.0",
    (FileStampDataCacher, "get_cached_data", get_cached_data),
    (FileStampDataCacher, "cache_data", cache_data),
)
GET_CACHED_DATA, CACHE_DATA = (item.original for item in PATCH.replacements)
install, restore = PATCH.install, PATCH.restore
