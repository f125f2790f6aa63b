"""journal.py: a build that fails or is killed while writing leaves the last good site."""

import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest
from conftest import ROOT, article_fields, build, pelican_command, register_actors, write_article
from fast_build.journal import OutputJournal, journal_folder, recover

from tools.similar.synthetic import generate, write_markdown


def snapshot(folder: Path) -> dict:
    return {p.relative_to(folder): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.fixture
def output(tmp_path):
    folder = tmp_path / "output"
    (folder / "2020").mkdir(parents=True)
    (folder / "index.html").write_text("old home")
    (folder / "2020" / "a.html").write_text("old a")
    (folder / "gone.html").write_text("old gone")
    return folder


def rewrite(journal, path: Path, text: str):
    journal.before_write(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


def test_a_rollback_puts_back_what_was_written_over_created_or_removed(output):
    before = snapshot(output)
    journal = OutputJournal(output).begin()
    rewrite(journal, output / "index.html", "new home")
    rewrite(journal, output / "index.html", "newer home")  # twice: the first save stands
    rewrite(journal, output / "2021" / "new.html", "new page")
    journal.remove(output / "gone.html")
    assert not (output / "gone.html").exists()
    journal.rollback()
    assert snapshot(output) == before
    assert not (output / "2021").exists()
    assert not journal_folder(output).exists()


def test_a_commit_keeps_the_new_site_and_drops_the_journal(output):
    journal = OutputJournal(output).begin()
    rewrite(journal, output / "index.html", "new home")
    journal.remove(output / "gone.html")
    journal.commit()
    assert (output / "index.html").read_text() == "new home"
    assert not (output / "gone.html").exists()
    assert not journal_folder(output).exists()
    assert recover(output) is False


def test_a_journal_left_by_a_killed_process_is_rolled_back_by_the_next_build(output):
    before = snapshot(output)
    pid = os.fork()
    if pid == 0:  # a build that writes and dies without a word
        journal = OutputJournal(output).begin()
        rewrite(journal, output / "index.html", "half")
        rewrite(journal, output / "2020" / "b.html", "half")
        os.kill(os.getpid(), signal.SIGKILL)
    os.waitpid(pid, 0)
    assert (output / "index.html").read_text() == "half"
    OutputJournal(output).begin().commit()  # the next build starts from the last good site
    assert snapshot(output) == before


def test_processes_forked_by_a_build_write_into_its_journal(output):
    before = snapshot(output)
    journal = OutputJournal(output).begin()
    children = []
    for number in range(3):
        pid = os.fork()
        if pid == 0:
            rewrite(journal, output / f"share-{number}.html", "new")
            rewrite(journal, output / "2020" / "a.html", "new") if number == 0 else None
            os._exit(0)
        children.append(pid)
    for pid in children:
        os.waitpid(pid, 0)
    assert len(list(output.glob("share-*.html"))) == 3
    journal.rollback()
    assert snapshot(output) == before


def test_paths_outside_the_output_are_left_alone(output, tmp_path):
    journal = OutputJournal(output).begin()
    outside = tmp_path / "elsewhere.txt"
    outside.write_text("x")
    journal.before_write(outside)
    journal.remove(outside)
    assert outside.read_text() == "x"
    journal.commit()


def make_html(content, output, *options):
    return subprocess.run(
        ["make", "--no-print-directory", f"INPUTDIR={content}", f"OUTPUTDIR={output}", "html"]
        + ([f"PELICANOPTS={' '.join(options)}"] if options else []),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_make_html_that_fails_while_writing_leaves_the_last_good_site(content, tmp_path):
    for number in range(6):
        write_article(content, f"a{number}", **article_fields(f"Article {number}", tags=["t"]))
    output = tmp_path / "output"
    assert make_html(content, output).returncode == 0
    before = snapshot(output)
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    tag = theme / "templates" / "tag.html"  # written after every article page
    tag.write_text(
        tag.read_text().replace("{% block content %}", "{% block content %}{{ 1 // 0 }}")
    )
    for number in range(6):
        write_article(content, f"a{number}", **article_fields(f"Edited {number}", tags=["t"]))
    result = make_html(content, output, f"-e THEME='\"{theme}\"'")
    assert result.returncode != 0
    assert "holds the last good site again" in result.stderr
    assert snapshot(output) == before
    assert not journal_folder(output).exists()


def _saved_a_page(output) -> bool:
    """Whether the build has begun replacing pages (the journal keeps the old ones)."""
    try:
        return any((journal_folder(output) / "saved").rglob("*.html"))
    except FileNotFoundError:  # not made yet, or removed while read: the build ended
        return False


def test_a_killed_make_html_is_undone_before_the_next_build(content, tmp_path):
    bulk = generate(250, body_paragraphs=2)
    write_markdown(bulk, content / "articles" / "bulk")
    register_actors(content, sorted({actor for article in bulk for actor in article.actors}))
    output = tmp_path / "output"
    build(content, output)
    before = snapshot(output)
    edited = list((content / "articles" / "bulk").rglob("*.md"))  # (in folders by year)
    assert len(edited) == len(bulk)
    for path in edited:  # every page changes
        path.write_text(path.read_text() + "\nMore.\n")
    run = subprocess.Popen(
        pelican_command(content, output),
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    while not _saved_a_page(output):
        assert run.poll() is None and time.monotonic() < deadline, "the build ended too soon"
        time.sleep(0.01)
    run.send_signal(signal.SIGKILL)
    run.wait()
    assert snapshot(output) != before  # half written
    write_article(content, "broken", **article_fields("Broken", tags=[1984]))
    from content_checks import ContentError

    with pytest.raises(ContentError):  # refused, before writing: the last good site is back
        build(content, output)
    assert snapshot(output) == before
