"""The rebuild loop: a broken article is reported once, and fixing it rebuilds the site."""

import subprocess
import sys
import time

from conftest import ROOT, article_fields, write_article


def wait_for(predicate, log, seconds=60):
    deadline = time.monotonic() + seconds
    while not predicate():
        assert time.monotonic() < deadline, f"timed out; the loop said:\n{log.read_text()}"
        time.sleep(0.2)


def test_a_broken_article_is_reported_once_and_a_fix_rebuilds(content, tmp_path):
    broken = write_article(content, "broken", **article_fields("Broken", tags=[1984]))
    output, log = tmp_path / "out", tmp_path / "log.txt"
    with log.open("w") as sink:
        loop = subprocess.Popen(
            [sys.executable, str(ROOT / "tools/devserver.py"), str(content), "-o", str(output)],
            cwd=tmp_path,
            stdout=sink,
            stderr=subprocess.STDOUT,
        )
    try:
        wait_for(lambda: "content problem" in log.read_text(), log)
        time.sleep(2)  # a busy loop would print the problems again meanwhile
        assert log.read_text().count("content problem") == 1, log.read_text()
        assert not (output / "index.html").exists()
        write_article(content, "broken", **article_fields("Mended", tags=["1984"]))
        home = output / "index.html"  # read once written whole
        wait_for(lambda: home.exists() and "</html>" in home.read_text(encoding="utf-8"), log)
        assert "Mended" in home.read_text(encoding="utf-8")
        assert broken.exists()
    finally:
        loop.terminate()
        loop.wait(timeout=30)


def test_a_good_build_with_warnings_tells_the_open_pages(content, tmp_path):
    import json

    write_article(content, "fine", **article_fields("Fine", tags=["t"]))
    (content / "stray.md").write_text("---\ntitle: Stray\ndate: 2020-01-01 10:00\n---\nText\n")
    output = tmp_path / "out"
    from tools.devserver import build_once

    build_once(
        str(ROOT / "pelicanconf.py"),
        {
            "PATH": str(content),
            "OUTPUT_PATH": str(output),
            "CACHE_PATH": str(tmp_path / "cache"),
        },
    )
    state = json.loads((output / "_preview" / "build.json").read_text())
    assert state["problems"] == [] and (output / "index.html").is_file()
    (warning,) = state["warnings"]
    assert "stray.md: warning: is not in an article folder" in warning
