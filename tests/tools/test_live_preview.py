"""make devserver: an open page reloads after a save, and shows a mistake until it is fixed."""

import socket
import subprocess
import sys

import pytest
from conftest import CHROMIUM, ROOT, article_fields, write_article
from conftest import CHROMIUM_FLAGS as FLAGS
from playwright.sync_api import expect, sync_playwright


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def devserver(content, tmp_path):
    write_article(content, "story", **article_fields("First title"))
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            str(ROOT / "tools/devserver.py"),
            str(content),
            "-o",
            str(tmp_path / "out"),
            "--serve",
            "-p",
            str(port),
        ],
        stdout=(tmp_path / "devserver.log").open("w"),
        stderr=subprocess.STDOUT,
    )
    yield f"http://127.0.0.1:{port}"
    server.terminate()
    server.wait(timeout=30)


def test_the_open_page_follows_the_file(devserver, content):
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page()
        for _ in range(100):  # the first build takes a moment
            try:
                page.goto(f"{devserver}/2020/01/first-title.html")
                break
            except Exception:
                page.wait_for_timeout(200)
        expect(page.locator("h1")).to_have_text("First title")
        read_the_build = page.locator("html[data-preview-build]")
        expect(read_the_build).to_have_count(1)  # the page knows which build it shows
        write_article(content, "story", body="Changed body.", **article_fields("First title"))
        expect(page.locator(".article-body")).to_have_text("Changed body.", timeout=20_000)
        expect(read_the_build).to_have_count(1)  # the reloaded page, too
        write_article(content, "story", **article_fields("First title", tags=[1984]))
        problems = page.locator("#preview-problems")
        expect(problems).to_contain_text(
            "tags: item 1 is read by YAML as the number 1984", timeout=20_000
        )
        write_article(content, "story", body="Mended.", **article_fields("First title"))
        expect(page.locator(".article-body")).to_have_text("Mended.", timeout=20_000)
        expect(problems).to_have_count(0)
        browser.close()
