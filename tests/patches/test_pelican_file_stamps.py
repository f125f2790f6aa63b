"""Pelican's file caches, asked nothing they cannot answer: the same answers, no hashing."""

from patch_helpers import both_ways
from patches import pelican_file_stamps
from pelican.cache import FileStampDataCacher


def cacher(tmp_path, caching: bool, loading: bool):
    settings = {"CACHE_PATH": str(tmp_path / "cache"), "GZIP_CACHE": False}
    settings["CHECK_MODIFIED_METHOD"] = "md5"
    made = FileStampDataCacher(settings, "c", caching, loading)
    stamped = []
    stamp = made._filestamp_func
    made._filestamp_func = lambda name: stamped.append(name) or stamp(name)
    return made, stamped


def test_the_answers_are_pelicans_and_a_file_is_stamped_only_when_it_is_used(tmp_path):
    source = tmp_path / "a.md"
    source.write_text("text")
    for caching in (True, False):

        def use(caching=caching):
            made, stamped = cacher(tmp_path, caching, loading=False)
            missing = made.get_cached_data(str(source), "default")
            made.cache_data(str(source), "data")
            kept = made.get_cached_data(str(source), "default")
            return missing, kept, dict(made._cache), len(stamped)

        plain, patched = both_ways(pelican_file_stamps, use)
        assert patched[:3] == plain[:3]
        assert patched[3] == (2 if caching else 0) < plain[3]
