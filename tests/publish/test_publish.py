"""make publish is atomic, reproducible and checked; the deploy targets refuse a failed or
stale build, and deliver a good one."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT, article_fields, register_actors, write_article

from tools.deploy import DeployError, fresh_build
from tools.deploy import main as deploy
from tools.publish import main as publish
from tools.similar.synthetic import generate, write_markdown


@pytest.fixture(autouse=True)
def siteurl(monkeypatch):
    monkeypatch.setenv("SITEURL", "https://example.org")


def snapshot(folder: Path) -> dict:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


@pytest.fixture
def published(content, tmp_path):
    write_article(content, "one", **article_fields("One", tags=["t"], actors=["OSCE"]))
    write_article(content, "two", **article_fields("Two", "2020-02-01 10:00", tags=["t"]))
    output = tmp_path / "output"
    assert publish([str(content), "-o", str(output)]) == 0
    return output


def test_publish_writes_a_checked_site_and_its_stamp(published):
    assert (published / "sitemap.xml").is_file() and (published / "robots.txt").is_file()
    assert "https://example.org/sitemap.xml" in (published / "robots.txt").read_text()
    assert fresh_build(published)["siteurl"] == "https://example.org"


def test_a_failed_publish_leaves_the_old_site_byte_for_byte(published, content):
    before = snapshot(published)
    write_article(content, "bad", **article_fields("Bad", tags=[1984]))
    assert publish([str(content), "-o", str(published)]) == 1
    assert snapshot(published) == before
    assert not published.with_name("output.staging").exists()
    with pytest.raises(DeployError, match="not a successful publication"):
        fresh_build(published)


def test_a_publish_killed_in_the_middle_leaves_the_old_site_byte_for_byte(published, content):
    bulk = generate(600, body_paragraphs=3)
    write_markdown(bulk, content / "articles" / "bulk")
    register_actors(content, sorted({actor for article in bulk for actor in article.actors}))
    before = snapshot(published)
    run = subprocess.Popen(
        [sys.executable, str(ROOT / "tools/publish.py"), str(content), "-o", str(published)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    staging = published.with_name("output.staging")
    deadline = time.monotonic() + 60
    while not (staging.is_dir() and any(staging.rglob("*.html"))):  # in the middle of writing
        assert run.poll() is None and time.monotonic() < deadline, "the build ended too soon"
        time.sleep(0.05)
    os.kill(run.pid, signal.SIGKILL)
    run.wait()
    assert snapshot(published) == before


def test_two_publications_of_the_same_content_are_byte_identical(content, tmp_path):
    write_article(content, "one", **article_fields("One", tags=["t"], actors=["OSCE"]))
    write_article(content, "two", **article_fields("Two", tags=["t"]))
    first, second = tmp_path / "a" / "output", tmp_path / "b" / "output"
    assert publish([str(content), "-o", str(first)]) == 0
    time.sleep(1.1)  # another second, and another process
    subprocess.run(
        [sys.executable, str(ROOT / "tools/publish.py"), str(content), "-o", str(second)],
        check=True,
        capture_output=True,
    )
    assert snapshot(first) == snapshot(second)


def test_rsync_delivers_a_fresh_build_and_refuses_a_stale_one(published, content, tmp_path):
    target = tmp_path / "host"
    (target).mkdir()
    (target / "gone.html").write_text("an old page the site no longer has")
    assert deploy(["rsync", "-o", str(published), "--destination", str(target)]) == 0
    assert snapshot(target) == snapshot(published)
    write_article(content, "three", **article_fields("Three", tags=["t"]))
    with pytest.raises(DeployError, match="changed since make publish"):
        fresh_build(published)
    assert deploy(["rsync", "-o", str(published), "--destination", str(target)]) == 1


def test_rsync_refuses_an_output_changed_after_publishing(published, tmp_path):
    (published / "index.html").write_text("edited by hand")
    assert deploy(["rsync", "-o", str(published), "--destination", str(tmp_path)]) == 1


def test_github_pages_through_ghp_import_into_a_bare_repository(published, tmp_path):
    bare = tmp_path / "remote.git"
    subprocess.run(["git", "init", "-q", "--bare", str(bare)], check=True)
    checkout = tmp_path / "checkout"
    subprocess.run(
        ["git", "clone", "-q", str(bare), str(checkout)], check=True, capture_output=True
    )
    env = {
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@e",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@e",
    }
    os.environ.update(env)
    assert deploy(["github", "-o", str(published), "--repository", str(checkout)]) == 0
    files = subprocess.run(
        ["git", "ls-tree", "-r", "--name-only", "gh-pages"],
        cwd=bare,
        capture_output=True,
        text=True,
    ).stdout.split()
    assert {"index.html", ".nojekyll", "sitemap.xml"} - set(files) == set()


def test_s3_refuses_without_a_good_build(tmp_path):
    assert deploy(["s3", "-o", str(tmp_path / "never-built"), "--bucket", "s3://b"]) == 1


def test_publish_needs_a_site_url(monkeypatch, content, tmp_path):
    monkeypatch.delenv("SITEURL")
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools/publish.py"), str(content), "-o", str(tmp_path / "o")],
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0 and "SITEURL=https://example.org make publish" in result.stderr


def test_a_pelican_warning_stops_a_publication(content, tmp_path):
    write_article(content, "one", body="See [this]({filename}missing.md).", **article_fields("One"))
    output = tmp_path / "output"
    assert publish([str(content), "-o", str(output)]) == 1
    assert not output.exists()
