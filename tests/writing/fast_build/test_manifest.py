"""fast_build/manifest.py: which pages of the last build can stay, and which are stale."""

from __future__ import annotations

import os

from fast_build.manifest import OutputManifest


def written(output, name: str, text: str = "<p>page</p>") -> str:
    path = output / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return str(path)


def last_build(tmp_path, pages: dict[str, str]) -> OutputManifest:
    """A manifest saved by a build that wrote pages ({name: fingerprint})."""
    output = tmp_path / "output"
    manifest = OutputManifest(tmp_path / "pages.pickle", str(output))
    for name, fingerprint in pages.items():
        manifest.record(name, fingerprint, written(output, name))
    manifest.save()
    return OutputManifest(tmp_path / "pages.pickle", str(output))


def test_a_page_stays_when_its_fingerprint_and_its_file_are_the_last_builds(tmp_path):
    manifest = last_build(tmp_path, {"a.html": "f1", "b.html": "f2", "c.html": "f3"})
    output = tmp_path / "output"
    assert manifest.unchanged("a.html", "f1", str(output / "a.html"))
    assert not manifest.unchanged("b.html", "other", str(output / "b.html"))  # inputs changed
    assert not manifest.unchanged("c.html", None, str(output / "c.html"))  # cannot be told
    assert not manifest.unchanged("new.html", "f4", str(output / "new.html"))  # not built before


def test_a_page_changed_or_removed_by_hand_is_written_again(tmp_path):
    manifest = last_build(tmp_path, {"a.html": "f1", "b.html": "f2"})
    output = tmp_path / "output"
    (output / "a.html").write_text("<p>edited by hand, longer</p>")
    os.remove(output / "b.html")
    assert not manifest.unchanged("a.html", "f1", str(output / "a.html"))
    assert not manifest.unchanged("b.html", "f2", str(output / "b.html"))


def test_pages_this_build_no_longer_makes_are_removed(tmp_path):
    manifest = last_build(tmp_path, {"a.html": "f1", "tag/old/index.html": "f2"})
    output = tmp_path / "output"
    assert manifest.unchanged("a.html", "f1", str(output / "a.html"))
    removed = []
    assert manifest.remove_stale(removed.append) == ["tag/old/index.html"]
    assert removed == [str(output / "tag/old/index.html")]
    manifest.save()
    again = OutputManifest(tmp_path / "pages.pickle", str(output))
    assert set(again.previous) == {"a.html"}  # what this build kept, for the next


def test_pages_written_by_the_other_processes_are_merged(tmp_path):
    manifest = last_build(tmp_path, {"a.html": "f1", "b.html": "f2"})
    output = tmp_path / "output"
    assert manifest.unchanged("a.html", "f1", str(output / "a.html"))
    other = OutputManifest(None, str(output))  # a forked process's share
    other.record("b.html", "f2b", written(output, "b.html", "<p>new</p>"))
    manifest.merge(other.current)
    assert manifest.remove_stale(lambda path: None) == []
    assert manifest.current["b.html"][0] == "f2b"


def test_a_manifest_of_another_folder_or_a_damaged_file_counts_for_nothing(tmp_path):
    last_build(tmp_path, {"a.html": "f1"})
    elsewhere = OutputManifest(tmp_path / "pages.pickle", str(tmp_path / "other"))
    assert elsewhere.previous == {}
    (tmp_path / "pages.pickle").write_bytes(b"not a pickle")
    assert OutputManifest(tmp_path / "pages.pickle", str(tmp_path / "output")).previous == {}
