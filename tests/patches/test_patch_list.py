"""One place lists every patch; each names the version it was checked against; installed
and restored together; no change inside a library anywhere else."""

import re
from pathlib import Path

import patches
import pytest
from conftest import article_fields, build, write_article

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "plugins" / "patches"


def test_every_patch_module_is_listed_and_has_a_test_of_its_own():
    modules = {p.stem for p in FOLDER.glob("*.py")} - {"__init__", "patching"}
    assert {m.__name__.rpartition(".")[2] for m in patches.PATCHES} == modules
    for name in modules:
        assert (ROOT / "tests" / "patches" / f"test_{name}.py").is_file(), name


@pytest.mark.parametrize("module", patches.PATCHES, ids=lambda m: m.__name__)
def test_each_patch_says_why_and_was_checked_against_the_pinned_version(module):
    patch = module.PATCH
    doc = " ".join(module.__doc__.split())
    assert f"Checked against {patch.library} {patch.checked_against}".lower() in doc.lower()
    assert patch.version_installed == patch.checked_against, (
        f"{module.__name__} was checked against {patch.library} {patch.checked_against}; "
        f"{patch.version_installed} is installed: compare the patch with the new code"
    )
    pins = (ROOT / "requirements.txt").read_text().lower()
    assert f"{patch.library.lower()}=={patch.checked_against}" in pins


@pytest.mark.parametrize("module", patches.PATCHES, ids=lambda m: m.__name__)
def test_each_patch_installs_and_restores_the_librarys_own_objects(module):
    was = module.PATCH.installed
    try:
        module.restore()
        for item in module.PATCH.replacements:
            assert vars(item.owner)[item.name] is item.original
        module.install()
        module.install()  # twice: still one layer
        for item in module.PATCH.replacements:
            assert vars(item.owner)[item.name] is item.replacement
        module.restore()
        for item in module.PATCH.replacements:
            assert vars(item.owner)[item.name] is item.original
    finally:
        module.install() if was else module.restore()


def test_a_build_without_fast_build_runs_the_libraries_as_they_ship(content, tmp_path):
    write_article(content, "a", body="Some *text*.", **article_fields("A"))
    build(content, tmp_path / "fast")
    assert len(patches.installed()) == len(patches.PATCHES)
    build(content, tmp_path / "plain", FAST_BUILD=False)
    assert patches.installed() == []
    build(content, tmp_path / "fast-again")
    assert len(patches.installed()) == len(patches.PATCHES)


# Changes from inside a library: a class swapped, a name-mangled attribute, a library's
# private registry, a module function replaced by assignment.
INSIDE_A_LIBRARY = re.compile(
    r"\.__class__\s*=[^=]|\._[A-Z]\w*__\w+|\._priority\b|"
    r"\b(?:pelican|markdown|smartypants|typogrify|feedgenerator|filters|sitemap)(?:\.\w+)+"
    r"\s*(?:\|=|=[^=])"
)
# Lines known to look like such a change and not be one (none today).
KNOWN: dict[str, set[str]] = {}


def test_no_library_is_changed_from_inside_outside_the_patches_folder():
    found = []
    for path in sorted((ROOT / "plugins").rglob("*.py")):
        if FOLDER in path.parents:
            continue
        for number, line in enumerate(path.read_text().splitlines(), 1):
            relative = str(path.relative_to(ROOT))
            if line.strip() in KNOWN.get(relative, ()):
                continue
            if INSIDE_A_LIBRARY.search(line.split("#")[0]):
                found.append(f"{relative}:{number}: {line.strip()}")
    assert found == []


def test_the_known_exceptions_are_still_there_and_caught_by_the_check():
    for relative, lines in KNOWN.items():
        text = [line.strip() for line in (ROOT / relative).read_text().splitlines()]
        for line in lines:
            assert line in text, f"{relative} no longer has {line!r}: drop it from KNOWN"
            assert INSIDE_A_LIBRARY.search(line), line
