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
