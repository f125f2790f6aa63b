from fast_build.store import ReadCache, _shard, file_digest


def test_an_entry_is_found_for_the_same_bytes_only(tmp_path):
    cache = ReadCache(tmp_path / "cache")
    cache.put("a.md", file_digest(b"one"), [], b"result", "card")
    assert cache.get("a.md", file_digest(b"one"), lambda path: True) == b"result"
    assert cache.get("a.md", file_digest(b"two"), lambda path: True) is None
    assert cache.get("b.md", file_digest(b"one"), lambda path: True) is None


def test_an_entry_is_dropped_when_a_file_it_looked_at_appears(tmp_path):
    cache = ReadCache(None)
    cache.put("a.md", "d", [("images/map.png", False)], b"result", "card")
    assert cache.get("a.md", "d", lambda path: False) == b"result"
    assert cache.get("a.md", "d", lambda path: True) is None


def test_saved_entries_are_those_of_the_last_build(tmp_path):
    path = tmp_path / "cache"
    first = ReadCache(path)
    first.put("kept.md", "k", [], b"kept", "card")
    first.put("deleted.md", "d", [], b"deleted", "card")
    first.save()
    second = ReadCache(path)
    assert second.get("kept.md", "k", bool) == b"kept"
    second.save()  # deleted.md was not read in this build
    third = ReadCache(path)
    assert third.get("kept.md", "k", bool) == b"kept"
    assert third.get("deleted.md", "d", bool) is None
    assert third.digests() == {"kept.md": ("k", "card")}


def test_a_damaged_shard_is_an_empty_one(tmp_path):
    path = tmp_path / "cache"
    cache = ReadCache(path)
    other = next(f"{n}.md" for n in range(100) if _shard(f"{n}.md") != _shard("a.md"))
    for name in ("a.md", other):
        cache.put(name, "d", [], name.encode(), "card")
    cache.save()
    (path / f"{_shard('a.md')}.pickle").write_bytes(b"not a pickle")
    reloaded = ReadCache(path)
    assert reloaded.get("a.md", "d", bool) is None
    assert reloaded.get(other, "d", bool) == other.encode()


def test_an_edit_rewrites_one_shard(tmp_path):
    path = tmp_path / "cache"
    cache = ReadCache(path)
    for number in range(100):
        cache.put(f"{number}.md", "d", [], b"x", "card")
    cache.save()
    before = {shard.name: shard.stat().st_mtime_ns for shard in path.iterdir()}
    again = ReadCache(path)
    for number in range(100):
        again.get(f"{number}.md", "d", bool)
    again.put("7.md", "new", [], b"y", "card")
    again.save()
    after = {shard.name: shard.stat().st_mtime_ns for shard in path.iterdir()}
    assert sum(before[name] != after[name] for name in before) == 1


def test_a_file_with_the_same_signature_need_not_be_hashed_again():
    cache = ReadCache(None)
    cache.put("a.md", "digest", [], b"result", "card", (10, 1, 2, 3))
    assert cache.known_digest("a.md", (10, 1, 2, 3)) == "digest"
    assert cache.known_digest("a.md", (10, 1, 5, 3)) is None  # changed since: hash it
    assert cache.known_digest("b.md", (10, 1, 2, 3)) is None
    assert cache.knows("a.md") and not cache.knows("b.md")  # b.md: new, hashed where read
