"""fast_build/writer.py: Pelican's writer that renders a page only when what it is made
from changed, and only the pages of its share when the pages are split between processes.
Driven with small templates, the real manifest, digester and template reads."""

from __future__ import annotations

import zlib
from types import SimpleNamespace

import pytest
from fast_build.fingerprints import Digester, TemplateReads
from fast_build.manifest import OutputManifest
from fast_build.progress import Progress
from fast_build.writer import FastWriter
from jinja2 import DictLoader, Environment
from pelican.settings import DEFAULT_CONFIG

TEMPLATES = {
    "page.html": "<h1>{{ title }}</h1>{% for item in items %}<p>{{ item }}</p>{% endfor %}"
}


class Build:
    """What the writer asks of a build's plan, made of the real parts."""

    def __init__(self, tmp_path, output):
        environment = Environment(loader=DictLoader(TEMPLATES))
        reads = TemplateReads(environment)
        self.template = environment.get_template("page.html")
        self.plan = SimpleNamespace(
            site="site digest",
            digester=Digester([]),
            progress=Progress(enabled=False),
            manifest=OutputManifest(tmp_path / "pages.pickle", str(output)),
            reads=lambda template: reads.of(template.name),
        )
        self.plan.manifest_unchanged = self.plan.manifest.unchanged

    def write(self, output, name, share=(0, 1), splitting=False, **context):
        settings = {**DEFAULT_CONFIG, "PAGINATED_TEMPLATES": {}}
        writer = FastWriter(str(output), settings, self.plan, share=share)
        writer.splitting = splitting
        writer.write_file(name, self.template, {"items": [], **context})
        return writer


@pytest.fixture
def output(tmp_path):
    return tmp_path / "output"


def written(build, output, tmp_path, name="a.html", **context):
    """Write one page in a build of its own; whether it was rendered, and the manifest."""
    writer = build.write(output, name, **context)
    build.plan.manifest.save()
    rendered = writer.rendered
    build.__init__(tmp_path, output)  # the next build reads the manifest this one saved
    return rendered


def test_a_page_is_rendered_again_only_when_what_it_reads_changed(tmp_path, output):
    build = Build(tmp_path, output)
    assert written(build, output, tmp_path, title="One", items=["x"]) == 1
    stamp = (output / "a.html").stat().st_mtime_ns
    assert written(build, output, tmp_path, title="One", items=["x"]) == 0
    assert (output / "a.html").stat().st_mtime_ns == stamp  # the file was not opened
    assert written(build, output, tmp_path, title="One", items=["x"], unread="y") == 0
    assert written(build, output, tmp_path, title="One", items=["x", "z"]) == 1
    assert (output / "a.html").read_text() == "<h1>One</h1><p>x</p><p>z</p>"


def test_a_value_it_cannot_digest_renders_the_page_every_time(tmp_path, output):
    build = Build(tmp_path, output)
    unknown = object()  # no handler for it: the page cannot be told unchanged
    assert written(build, output, tmp_path, title=unknown) == 1
    assert written(build, output, tmp_path, title=unknown) == 1


def test_a_file_changed_outside_the_build_is_written_again(tmp_path, output):
    build = Build(tmp_path, output)
    written(build, output, tmp_path, title="One")
    (output / "a.html").write_text("edited by hand")
    assert written(build, output, tmp_path, title="One") == 1
    assert (output / "a.html").read_text() == "<h1>One</h1>"


def test_each_process_writes_its_share_of_the_pages(tmp_path, output):
    build = Build(tmp_path, output)
    names = [f"page-{n}.html" for n in range(12)]
    mine = {n for n in names if zlib.crc32(n.encode()) % 2 == 1}
    for name in names:
        build.write(output, name, share=(1, 2), splitting=True, title=name)
    assert {p.name for p in output.glob("*.html")} == mine and 0 < len(mine) < len(names)
