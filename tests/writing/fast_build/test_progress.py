import io
import os
import pty
import subprocess

from conftest import article_fields, pelican_command, write_article
from fast_build.progress import Progress


def test_the_line_counts_each_stage():
    stream = io.StringIO()
    progress = Progress(stream, enabled=True)
    progress.add_total("read", 3)
    progress.advance("read")
    assert progress.line() == "read 1/3"
    progress.advance("pages", 2)
    assert progress.line() == "read 1/3 · pages 2"
    progress.finish()
    assert stream.getvalue().startswith("\rread 0/3")


def test_nothing_is_drawn_when_not_enabled():
    stream = io.StringIO()
    progress = Progress(stream, enabled=False)
    progress.add_total("read", 3)
    progress.advance("read")
    progress.finish()
    assert stream.getvalue() == ""


def run_pelican(content, output, terminal: bool) -> str:
    command = pelican_command(content, output, "-q")
    environment = {k: v for k, v in os.environ.items() if k != "CI"}
    if not terminal:
        return subprocess.run(
            command, capture_output=True, text=True, env=environment, check=True
        ).stderr
    leader, follower = pty.openpty()
    process = subprocess.Popen(command, stdout=follower, stderr=follower, env=environment)
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    assert process.wait() == 0
    return b"".join(chunks).decode()


def test_a_build_shows_progress_on_a_terminal_and_not_in_a_log(content, tmp_path):
    for number in range(3):
        write_article(content, f"a{number}", **article_fields(f"Article {number}"))
    on_terminal = run_pelican(content, tmp_path / "tty", terminal=True)
    assert "\rread 0/3" in on_terminal and "pages" in on_terminal
    in_log = run_pelican(content, tmp_path / "log", terminal=False)
    assert "read" not in in_log and "\r" not in in_log
