"""make zim: the offline copy as a ZIM file per language, served by kiwix-serve (Debian's
kiwix-tools) on 127.0.0.1 as a reader's Kiwix would: the main page, an article, a similar
article, a tag and an actor page; every link of a few pages resolves inside the file; its
full-text search finds an actor's name and a Russian word; the metadata read back with
libzim; two builds hold the same entries; a failed build leaves the last good file."""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from pathlib import Path

import pytest
from conftest import article_fields, write_article

from tools.offline import main as make_offline
from tools.zim import main as make_zim

DATE = "2026-11-26"


@pytest.fixture(scope="module")
def zims(tmp_path_factory) -> dict[str, Path]:
    content = tmp_path_factory.mktemp("zim") / "content"
    for number in range(6):
        write_article(
            content,
            f"a{number}",
            f"Analysis number {number} of the border. See the [first]({{filename}}a0.md).",
            **article_fields(
                f"Border review {number}",
                f"2019-0{number + 1}-10 09:00",
                tags=["border security"],
                actors=["Sergei Lavrov"] if number % 2 else ["Vladimir Makey"],
                summary=f"Lead of review {number}.",
            ),
        )
    write_article(
        content,
        "ru",
        "Министерство обороны провело учения вблизи границы.",
        **article_fields(
            "Учения у границы", "2020-02-02 10:00", lang="ru", actors=["Vladimir Makey"]
        ),
    )
    dist = tmp_path_factory.mktemp("dist")
    archive = make_offline([str(content), "--dist", str(dist), "--date", DATE])
    made = make_zim([str(content), "--dist", str(dist), "--offline", str(archive)])
    return {path.name.split("-")[-4]: path for path in made}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def kiwix(zims):
    if not shutil.which("kiwix-serve"):
        pytest.fail("kiwix-serve is missing: apt-get install kiwix-tools (.ci/run does)")
    port = free_port()
    server = subprocess.Popen(
        ["kiwix-serve", "--address", "127.0.0.1", "--port", str(port), *map(str, zims.values())],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base, timeout=1)
            break
        except OSError:
            time.sleep(0.05)
    yield base
    server.terminate()
    server.wait(timeout=10)


def fetch(url: str) -> str:
    """A page as text, no-break spaces as spaces (typography binds a title's last words)."""
    with urllib.request.urlopen(url, timeout=10) as answer:
        return re.sub("\u00a0|&nbsp;", " ", answer.read().decode("utf-8"))


def book(zims, lang: str) -> str:
    return zims[lang].stem  # kiwix-serve names a book by its file


def test_one_zim_per_language_named_by_site_language_and_date(zims):
    assert sorted(p.name for p in zims.values()) == [
        f"belarus-analysis-en-{DATE}.zim",
        f"belarus-analysis-ru-{DATE}.zim",
    ]
    assert not list(zims["en"].parent.glob("*.partial"))


def test_kiwix_serves_the_main_page_an_article_a_similar_one_a_tag_and_an_actor(kiwix, zims):
    content = f"{kiwix}/{book(zims, 'en')}"  # kiwix-serve 3.3: /<book>/<path>
    home = fetch(f"{content}/")
    assert "Border review 5" in home
    article = fetch(f"{content}/2019/02/border-review-1.html")
    similar = re.search(r'<aside class="similar".*?<h3><a href="([^"]+)"', article, re.S)
    assert similar, "the article lists similar articles"
    target = urllib.parse.urljoin(f"{content}/2019/02/border-review-1.html", similar[1])
    assert "Border review" in fetch(target)
    assert "Border review" in fetch(f"{content}/tag/border-security/index.html")
    assert "Sergei Lavrov" in fetch(f"{content}/actor/sergei-lavrov/index.html")


def test_every_link_of_a_few_pages_resolves_inside_the_zim(kiwix, zims):
    content = f"{kiwix}/{book(zims, 'en')}"  # kiwix-serve 3.3: /<book>/<path>
    pages = ["index.html", "2019/02/border-review-1.html", "tags/index.html", "404.html"]
    checked = 0
    for page in pages:
        url = f"{content}/{page}"
        for target in re.findall(r'(?:href|src)="([^"#]+)', fetch(url)):
            if target.startswith(("http:", "https:", "mailto:")):
                continue  # the published site (another language's edition), not the ZIM
            with urllib.request.urlopen(urllib.parse.urljoin(url, target), timeout=10) as answer:
                assert answer.status == 200, (page, target)
            checked += 1
    assert checked > 50


def test_search_is_kiwixs_own_and_ours_is_left_out(kiwix, zims):
    home = fetch(f"{kiwix}/{book(zims, 'en')}/index.html")
    assert 'class="site-search"' not in home and "search.html" not in home
    with pytest.raises(urllib.error.HTTPError):
        fetch(f"{kiwix}/{book(zims, 'en')}/search/manifest.js")


def test_kiwix_full_text_search_finds_an_actor_and_a_russian_word(kiwix, zims):
    def search(lang, pattern):
        query = urllib.parse.urlencode({"content": book(zims, lang), "pattern": pattern})
        return fetch(f"{kiwix}/search?{query}")

    assert "Border review 1" in search("en", "Lavrov")
    assert "Учения у границы" in search("ru", "учениях")  # another form: Russian stemming


def test_the_metadata_kiwix_shows_is_read_back(zims):
    from libzim.reader import Archive

    archive = Archive(zims["ru"])
    meta = {
        name: bytes(archive.get_metadata(name)).decode()
        for name in archive.metadata_keys
        if not name.startswith("Illustration")
    }
    assert meta["Language"] == "rus" and meta["Name"] == "belarus-analysis_ru_all"
    assert meta["Title"] == "Belarus Analysis" and meta["Date"] == DATE
    assert meta["Description"] == "Политика и безопасность в Беларуси и регионе"
    for name in ("LongDescription", "Creator", "Publisher", "Tags", "Flavour"):
        assert meta[name], name
    assert archive.has_fulltext_index and archive.has_title_index
    assert archive.main_entry.get_item().path == "ru/index.html"
    assert bytes(archive.get_illustration_item(48).content).startswith(b"\x89PNG")


def entries(path: Path, paths) -> dict[str, bytes]:
    """The content of each of paths in a ZIM (None where it holds none)."""
    from libzim.reader import Archive

    archive = Archive(path)
    return {
        p: bytes(archive.get_entry_by_path(p).get_item().content)
        if archive.has_entry_by_path(p)
        else None
        for p in paths
    }


def test_two_builds_hold_the_same_entries_and_a_failed_one_keeps_the_last(
    zims, tmp_path, monkeypatch
):
    offline = next(zims["en"].parent.glob("*.zip"))
    paths = [name.split("/", 1)[1] for name in zipfile.ZipFile(offline).namelist()]
    first = entries(zims["en"], paths)
    assert first["index.html"] and first["theme/css/site.css"] and first["ru/index.html"] is None
    again = make_zim(["--dist", str(tmp_path), "--offline", str(offline)])
    assert entries(next(p for p in again if "-en-" in p.name), paths) == first
    good = zims["en"].read_bytes()
    import tools.zim

    def broken(*args, **kwargs):
        raise RuntimeError("the disk filled up")

    monkeypatch.setattr(tools.zim, "illustration", broken)
    with pytest.raises(RuntimeError):
        make_zim(["--dist", str(zims["en"].parent), "--offline", str(offline)])
    assert zims["en"].read_bytes() == good
    assert not list(zims["en"].parent.glob("*.partial"))
