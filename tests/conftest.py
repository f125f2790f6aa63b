"""Shared helpers: write fixture articles, build a site with the project's settings, parse it."""

from __future__ import annotations

import logging
import shutil
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from pelican import Pelican
from pelican.settings import read_settings
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"  # Debian's: the browser tests never download one
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# A small valid PNG: one transparent pixel (as Pillow writes it, and decodes it).
PIXEL = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000d49444154789c6360606060000000050001a5f645400000000049454e44ae426082"
)


# The first line of the actors registry that the `content` fixture writes: write_article
# adds to such a registry every actor it writes (a test that checks the registry itself
# writes a registry of its own, without this line, and gets the warnings an author would).
GROWING_REGISTRY = "# test registry: write_article adds the actors of each article"


def write_article(content: Path, name: str, body: str = "Body text.", **fields) -> Path:
    """Write content/articles/<name>.md with YAML front matter made of fields."""
    path = content / "articles" / f"{name}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    header = yaml.safe_dump(fields, allow_unicode=True, sort_keys=False)
    path.write_text(f"---\n{header}---\n\n{body}\n", encoding="utf-8")
    register_actors(content, fields.get("actors") or [])
    return path


def register_actors(content: Path, names) -> None:
    registry = content / "actors.yml"
    if not registry.is_file() or not registry.read_text(encoding="utf-8").startswith(
        GROWING_REGISTRY
    ):
        return
    known = yaml.safe_load(registry.read_text(encoding="utf-8")) or []
    spellings = {entry["name"].casefold() for entry in known}
    new = [
        {"name": str(name).strip(), "kind": "person"}
        for name in dict.fromkeys(names)
        if isinstance(name, str) and name.strip() and name.strip().casefold() not in spellings
    ]
    if new:
        with registry.open("a", encoding="utf-8") as handle:
            handle.write(yaml.safe_dump(new, allow_unicode=True, sort_keys=False))


def article_fields(title: str, date: str = "2020-01-01 12:00", **fields) -> dict:
    return {"title": title, "date": date, "category": "Security", **fields}


class Site:
    """A built site: its output folder and parsed pages."""

    def __init__(self, output: Path):
        self.output = output

    def page(self, relative: str) -> BeautifulSoup:
        return parse(self.output / relative)

    def pages(self):
        return sorted(self.output.rglob("*.html"))

    def exists(self, relative: str) -> bool:
        return (self.output / relative).is_file()


def parse(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def build(content: Path, output: Path, conf: str = "pelicanconf.py", **overrides) -> Site:
    """Run Pelican with the project's settings on content into output."""
    settings = read_settings(
        str(ROOT / conf),
        override={
            "PATH": str(content),
            "OUTPUT_PATH": str(output),
            "CACHE_CONTENT": False,
            "LOAD_CONTENT_CACHE": False,
            "CACHE_PATH": str(output.parent / f"{output.name}.cache"),  # not the project's
            **overrides,
        },
    )
    Pelican(settings).run()
    return Site(output)


def pelican_command(content: Path, output: Path, *options: str) -> list[str]:
    """Pelican's command line, as `make html` runs it, with a cache beside the output."""
    return [
        sys.executable,
        "-m",
        "pelican",
        str(content),
        "-o",
        str(output),
        "-s",
        str(ROOT / "pelicanconf.py"),
        "-e",
        f'CACHE_PATH="{output}.cache"',
        *options,
    ]


@pytest.fixture
def build_site(tmp_path, caplog):
    """Build content into a fresh folder; a clean build must log no warning."""

    def run(content: Path, expect_clean: bool = True, conf="pelicanconf.py", **overrides) -> Site:
        output = tmp_path / f"output-{len(list(tmp_path.glob('output-*')))}"
        caplog.clear()
        with caplog.at_level(logging.WARNING):
            site = build(content, output, conf, **overrides)
        if expect_clean:
            noisy = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
            assert not noisy, f"the build logged warnings: {noisy}"
        return site

    return run


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory) -> Site:
    """The default content (the two seed articles), built once."""
    output = tmp_path_factory.mktemp("seed-site")
    return build(ROOT / "content", output)


@pytest.fixture
def content(tmp_path) -> Path:
    """An empty content folder laid out as the project's."""
    folder = tmp_path / "content"
    (folder / "articles").mkdir(parents=True)
    (folder / "actors.yml").write_text(
        f"{GROWING_REGISTRY}\n- name: OSCE\n  kind: organisation\n", encoding="utf-8"
    )
    return folder


@pytest.fixture
def fixture_content(tmp_path):
    """Copy a named folder of tests/fixtures to a writable content folder."""

    def copy(name: str) -> Path:
        target = tmp_path / name
        shutil.copytree(FIXTURES / name, target)
        return target

    return copy


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (.ci/run does)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


class Reader:
    """A page that records what must never happen: errors and requests outside the copy."""

    def __init__(self, context, folder: Path):
        self.folder = folder.resolve().as_uri()
        self.problems: list[str] = []
        context.route("**/*", self._only_the_copy)
        self.page = context.new_page()
        self.page.set_default_timeout(5000)
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.problems.append(f"page error: {error}"))

    def _only_the_copy(self, route):
        url = route.request.url
        if url.startswith(self.folder + "/"):
            route.continue_()
        else:
            self.problems.append(f"request outside the copy: {url}")
            route.abort()

    def _console(self, message):
        if message.type == "error":
            self.problems.append(f"console error: {message.text}")

    def open(self, relative: str):
        self.page.goto(f"{self.folder}/{relative}")


@pytest.fixture
def reader_of(browser):
    """reader_of(folder): a Reader of a site on disk, in a context of its own; the test
    fails at the end if the page logged an error or asked for anything outside folder."""
    readers = []

    def open_reader(folder: Path) -> Reader:
        context = browser.new_context()
        readers.append((context, Reader(context, folder)))
        return readers[-1][1]

    yield open_reader
    for context, visitor in readers:
        context.close()
        assert not visitor.problems
