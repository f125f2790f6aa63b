"""Sources are read in the order of their paths, so that articles sharing a date, or a slug
(translations), come out in the same order in every build, whatever the string hashes."""

import os
import subprocess
import sys

from conftest import ROOT, article_fields, write_article
from patch_helpers import both_ways
from patches import pelican_sorted_files
from pelican.generators import Generator


def test_the_files_pelican_finds_are_the_same_set_in_the_order_of_their_paths(content):
    names = [f"article-{n:02}" for n in range(30)]
    for name in reversed(names):
        write_article(content, name, **article_fields(name.title()))
    (content / "articles" / "notes.txt").write_text("not Markdown")
    generator = Generator.__new__(Generator)
    generator.path = str(content)
    generator.settings = {"IGNORE_FILES": []}

    def found():
        return generator.get_files(["articles"], extensions=("md",))

    plain, ordered = both_ways(pelican_sorted_files, found)
    assert ordered == plain and isinstance(ordered, set)
    assert list(ordered) == [f"articles/{name}.md" for name in names]


def build_with_hash_seed(content, output, seed: str) -> None:
    pelican = [sys.executable, "-m", "pelican", "-q", str(content), "-s", "pelicanconf.py"]
    subprocess.run(
        [*pelican, "-o", str(output), "-e", f'CACHE_PATH="{output}.cache"', 'SITEURL=""'],
        cwd=ROOT,
        env={**os.environ, "PYTHONHASHSEED": seed},
        check=True,
        capture_output=True,
    )


def files_of(folder):
    return {
        path.relative_to(folder): path.read_bytes() for path in folder.rglob("*") if path.is_file()
    }


def test_articles_sharing_a_date_or_a_slug_come_out_alike_in_every_build(content, tmp_path):
    for n in range(4):
        write_article(content, f"same-date-{n}", **article_fields(f"Same date {n}"))
    for n, lang in enumerate(("en", "ru", "be")):  # translations of one another
        write_article(
            content,
            f"same-slug-{n}",
            **article_fields("Same title", f"2021-0{n + 1}-01 12:00", lang=lang),
        )
    outputs = [tmp_path / f"output-{seed}" for seed in ("1", "2")]
    for output in outputs:
        build_with_hash_seed(content, output, output.name.split("-")[1])
    first = files_of(outputs[0])
    assert (outputs[0] / "index.html").is_file()
    for output in outputs[1:]:
        assert files_of(output) == first, output
