"""plugins/ by pipeline stage: every plugin of PLUGINS is found in exactly one folder."""

from importlib.machinery import PathFinder
from pathlib import Path

import pelicanconf
from plugins.stages import HERE, PLUGIN_PATHS, STAGES


def _names_in(folder: Path) -> set[str]:
    return {
        path.stem if path.suffix == ".py" else path.name
        for path in folder.iterdir()
        if (path.suffix == ".py" and path.stem != "__init__") or (path / "__init__.py").exists()
    }


def test_every_stage_folder_exists_and_holds_plugins():
    for stage in STAGES:
        assert _names_in(HERE / stage), f"plugins/{stage} is empty"


def test_no_name_is_in_two_folders():
    seen = {}
    for folder in map(Path, PLUGIN_PATHS):
        for name in _names_in(folder):
            assert name not in seen, f"{name} is in {seen.get(name)} and in {folder}"
            seen[name] = folder


def test_pelican_finds_every_listed_plugin_in_its_stage_folder():
    for plugin in pelicanconf.PLUGINS:
        spec = PathFinder.find_spec(plugin, pelicanconf.PLUGIN_PATHS)
        assert spec is not None, f"{plugin} is in none of {pelicanconf.PLUGIN_PATHS}"
        assert HERE in Path(spec.origin).parents


def test_no_folder_is_left_outside_the_stages():
    folders = {p.name for p in HERE.iterdir() if p.is_dir() and p.name != "__pycache__"}
    assert folders == {*STAGES, "patches", "search"}
