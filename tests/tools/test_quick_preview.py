"""make devserver after a series of saves: each saved page first, then the whole site, which
ends byte for byte as a cold build of the same content."""

from __future__ import annotations

import json
import subprocess
import sys
import time

from conftest import ROOT, article_fields, parse, pelican_command, write_article


def files(folder):
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in folder.rglob("*")
        if path.is_file() and path.relative_to(folder).parts[0] != "_preview"
    }


def wait_for(predicate, log, seconds=90):
    deadline = time.monotonic() + seconds
    while not predicate():
        assert time.monotonic() < deadline, f"timed out; the preview said:\n{log.read_text()}"
        time.sleep(0.05)


def state(output) -> dict:
    try:
        return json.loads((output / "_preview" / "build.json").read_text())
    except (OSError, ValueError):
        return {}


def shows(page, selector, text):
    def check():
        try:
            found = parse(page).select_one(selector)
        except OSError:
            return False
        return found is not None and text in " ".join(found.get_text(" ").split())

    return check


def test_after_a_series_of_saves_the_preview_is_a_cold_build(content, tmp_path):
    tags = ["Minsk", "Army"]
    for name in ("story", "other", "third"):
        write_article(
            content, name, f"Text of {name}.", **article_fields(name, tags=tags, slug=name)
        )
    write_article(content, "fourth", "Text.", **article_fields("Fourth", actors=["OSCE"]))
    output, log = tmp_path / "out", tmp_path / "devserver.log"
    command = [sys.executable, str(ROOT / "tools/devserver.py"), str(content), "-o", str(output)]
    cache = pelican_command(content, output)[-1]
    with log.open("w") as sink:
        preview = subprocess.Popen([*command, "-e", cache], stdout=sink, stderr=subprocess.STDOUT)
    try:
        wait_for(lambda: state(output).get("building") is False, log)
        pages = output / "2020" / "01"
        # built whole, here: a file removed, a file renamed
        (content / "articles" / "third.md").unlink()
        wait_for(lambda: not (pages / "third.html").exists(), log)
        last = state(output)["build"]
        (content / "articles" / "fourth.md").rename(content / "articles" / "renamed.md")
        wait_for(lambda: state(output)["build"] != last and not state(output)["building"], log)
        # shown first, then built whole behind, each save stopping the build of the last
        story = content / "articles" / "story.md"
        story.write_text(story.read_text().replace("Text of story.", "Edited body."))
        wait_for(shows(pages / "story.html", ".article-body", "Edited body."), log)
        other = content / "articles" / "other.md"
        other.write_text(other.read_text().replace("title: other", "title: New title"))
        wait_for(shows(pages / "other.html", "h1", "New title"), log)
        story.write_text(story.read_text().replace("- Army", "- Navy"))
        wait_for(shows(pages / "story.html", ".taxonomies .tags", "Navy"), log)
        story.write_text(story.read_text().replace("tags:", "actors:\n- OSCE\ntags:"))
        wait_for(shows(pages / "story.html", ".taxonomies .actors", "OSCE"), log)
        story.write_text(story.read_text().replace("2020-01-01", "2020-02-03"))
        wait_for(lambda: (output / "2020" / "02" / "story.html").is_file(), log)
        write_article(content, "fresh", "Fresh text.", **article_fields("Fresh"))
        wait_for(shows(pages / "fresh.html", "h1", "Fresh"), log)
        shown_first = state(output)["build"]
        assert state(output)["building"] is True
        wait_for(lambda: state(output)["build"] != shown_first, log)  # the whole build ended
        assert state(output) == {"build": state(output)["build"], "building": False,
                                 "problems": [], "warnings": []}  # fmt: skip
    finally:
        preview.terminate()
        preview.wait(timeout=30)
    cold = tmp_path / "cold"
    subprocess.run(pelican_command(content, cold), cwd=ROOT, check=True, capture_output=True)
    assert files(output) == files(cold)
    assert "Changed:" in log.read_text()
