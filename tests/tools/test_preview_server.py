"""The preview writes what `make html` writes and puts the live reload script into pages only
as it serves them: a preview started after `make html` renders no page again."""

import json
import subprocess
import sys
import time
import urllib.request

from conftest import ROOT, article_fields, pelican_command, write_article
from test_live_preview import free_port

from tools.preview_server import SCRIPT, script_url, with_live_reload


def files_with_times(folder):
    return {
        path.relative_to(folder).as_posix(): (path.read_bytes(), path.stat().st_mtime_ns)
        for path in folder.rglob("*")
        if path.is_file()
    }


def test_a_preview_after_make_html_writes_nothing_and_serves_the_script(content, tmp_path):
    write_article(content, "story", **article_fields("Story", tags=["t"]))
    write_article(content, "other", **article_fields("Другая", tags=["t"], lang="ru"))
    output = tmp_path / "output"
    make_html = pelican_command(content, output)
    subprocess.run(make_html, cwd=ROOT, check=True, capture_output=True)
    made = files_with_times(output)
    assert not any(SCRIPT.encode() in data for data, _ in made.values())
    port = free_port()
    cache = make_html[make_html.index("-e") + 1]  # make devserver, with the cache make html used
    devserver = [sys.executable, str(ROOT / "tools/devserver.py"), str(content)]
    preview = subprocess.Popen(
        [*devserver, "-o", str(output), "--serve", "-p", str(port), "-e", cache],
        stdout=(tmp_path / "devserver.log").open("w"),
        stderr=subprocess.STDOUT,
    )
    try:
        url = f"http://127.0.0.1:{port}"
        page = fetch(f"{url}/2020/01/story.html")
        after = files_with_times(output)
        assert json.loads(after.pop("_preview/build.json")[0])["building"] is False
        assert {name: data for name, (data, _) in after.items()} == {
            name: data for name, (data, _) in made.items()
        }
        pages = [name for name in made if name.endswith(".html")]
        assert len(pages) > 10
        # not one page rendered again (Pelican copies the theme's static files at every build)
        assert [name for name in pages if after[name][1] != made[name][1]] == []

        on_disk = (output / "2020" / "01" / "story.html").read_bytes()
        assert page.count(SCRIPT.encode()) == 1 and page != on_disk
        assert page.index(SCRIPT.encode()) < page.rindex(b"</body>")
        assert b"The last build failed" in page
        assert fetch(f"{url}/").count(SCRIPT.encode()) == 1  # a folder's index.html
        css = next(output.rglob("*.css"))
        assert fetch(f"{url}/{css.relative_to(output).as_posix()}") == css.read_bytes()
    finally:
        preview.terminate()
        preview.wait(timeout=30)


def fetch(url: str, seconds: float = 60) -> bytes:
    """The body at url, once the server answers (it starts after the first build)."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            return urllib.request.urlopen(url, timeout=10).read()
        except OSError:
            assert time.monotonic() < deadline, f"no answer from {url}"
            time.sleep(0.2)


def test_the_problems_heading_is_in_the_pages_language_and_escaped():
    headings = {"en": "Fix <these>:", "ru": "Исправьте:"}
    russian = with_live_reload(b'<html lang="ru"><body><p>x</p></body></html>', headings, "en")
    assert 'data-heading="Исправьте:"'.encode() in russian
    assert russian.endswith(b"</script></body></html>")
    unknown = with_live_reload(b'<html lang="de"><body></body></html>', headings, "en")
    assert b'data-heading="Fix &lt;these&gt;:"' in unknown
    no_body = with_live_reload(b"<p>a fragment</p>", headings, "en")
    assert no_body.startswith(b"<p>a fragment</p><script")
    elsewhere = with_live_reload(b"<body></body>", headings, "en", script_url("static/"))
    assert b'src="/static/js/live-reload.js"' in elsewhere
