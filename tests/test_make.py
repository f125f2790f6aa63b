"""The README's commands, run as an editor runs them."""

import os
import signal
import socket
import subprocess
import time
import urllib.request

import pytest
from conftest import ROOT, article_fields, write_article


def make(*args, **kwargs):
    return subprocess.run(
        ["make", "--no-print-directory", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        **kwargs,
    )


def test_make_alone_lists_the_targets():
    result = make()
    assert result.returncode == 0
    for target in ("html", "serve", "devserver", "publish", "test", "install", "clean"):
        assert f"make {target} " in result.stdout


def test_make_html_on_a_broken_article_fails_and_names_it(content, tmp_path):
    write_article(content, "fine", **article_fields("Fine"))
    write_article(content, "broken", **article_fields("Broken", tags=["army", True]))
    result = make(f"INPUTDIR={content}", f"OUTPUTDIR={tmp_path / 'out'}", "html")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "broken.md" in output and "tags: item 2" in output and "Fix: quote it" in output
    assert "Traceback" not in output
    assert not (tmp_path / "out" / "index.html").exists()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str, seconds: float = 60) -> str:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return response.read().decode("utf-8")
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


@pytest.fixture
def served(tmp_path):
    port = free_port()
    server = subprocess.Popen(
        ["make", "--no-print-directory", f"OUTPUTDIR={tmp_path / 'out'}", f"PORT={port}", "serve"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        yield f"http://localhost:{port}"
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def test_make_serve_builds_the_default_content_and_serves_it(served):
    home = fetch(f"{served}/index.html")
    assert "Belarusian Foreign Ministry requests Kremlin’s support" in home
    assert "Belarusian and Ukrainian Defence Ministries" in home
    article = fetch(
        f"{served}/2017/10/"
        "belarusian-and-ukrainian-defence-ministries-entangle-in-confrontation-spiral.html"
    )
    assert "Similar articles" in article and "Shared:" in article


BROKEN_FOR_EVERY_COMMAND = {
    "articles/tabs.md": "---\ntitle: T\ndate: 2020-01-01 10:00\ntags:\n\t- a\n---\nText\n",
    "articles/pins.md": "---\ntitle: Pins\ndate: 2020-01-01 10:00\nrelated: [draft-one]\n---\nT\n",
    "articles/draft.md": "---\ntitle: Draft one\ndate: 2020-01-01 10:00\nstatus: draft\n---\nT\n",
    "articles/field.md": "---\ntitle: Field\ndate: 2020-01-01 10:00\nactor: [OSCE]\n---\nT\n",
    "actors.yml": "- name: [unclosed\n",
}


@pytest.fixture
def broken(content):
    for relative, text in BROKEN_FOR_EVERY_COMMAND.items():
        (content / relative).write_text(text, encoding="utf-8")
    return content


def tool(*args, **env):
    return subprocess.run(
        [str(ROOT / ".venv" / "bin" / "python"), *map(str, args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, **env},
    )


EXPECTED = (
    "tabs.md:5: the front matter is not valid YAML (a tab where YAML allows only spaces)",
    "pins.md:4: related: 'draft-one' is a draft",
    "actors.yml: line 2: not valid YAML",
)


def test_make_offline_prints_every_problem_and_no_traceback(broken, tmp_path):
    result = tool(ROOT / "tools/offline.py", broken, "-d", tmp_path / "dist")
    said = result.stdout + result.stderr
    assert result.returncode == 1
    assert all(expected in said for expected in EXPECTED), said
    assert "Traceback" not in said and "No offline copy was made." in said
    assert not (tmp_path / "dist").exists()


def test_make_publish_prints_every_problem_warnings_included(broken, tmp_path):
    result = tool(
        ROOT / "tools/publish.py", broken, "-o", tmp_path / "out", SITEURL="https://example.org"
    )
    said = result.stdout + result.stderr
    assert result.returncode == 1
    assert all(expected in said for expected in EXPECTED), said
    assert "field.md:4: warning: actor: unknown field; did you mean 'actors'?" in said
    assert "Warning or error encountered" not in said and "Traceback" not in said
    assert "output/ was left as it was." in said and not (tmp_path / "out").exists()


def test_make_check_html_and_publish_tell_the_same_problems(broken, tmp_path):
    check = tool(ROOT / "tools/check.py", broken)
    html = make(f"INPUTDIR={broken}", f"OUTPUTDIR={tmp_path / 'out'}", "html")
    publish = tool(
        ROOT / "tools/publish.py", broken, "-o", tmp_path / "pub", SITEURL="https://example.org"
    )
    told = [
        {line.strip() for line in (r.stdout + r.stderr).splitlines() if "content/" in line}
        for r in (check, html, publish)
    ]
    assert told[0] == told[2]  # warnings are errors in both
    assert {line for line in told[0] if ": warning:" not in line} <= told[1]
    assert check.returncode == 1 and html.returncode != 0 and publish.returncode == 1
