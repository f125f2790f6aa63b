"""Every mistake an author or editor makes is refused before anything is written, or
named in a warning, or (editors' lock and backup files) quietly left out: never a lost
article, a published secret, a crash or a damaged site.

Each case starts from a good site built once, makes one mistake in a copy of its content,
and checks what `make check` says (message and exit code), what the build says, and that
a refused build leaves the last good output byte for byte as it was.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest
from conftest import GROWING_REGISTRY, ROOT, build, parse
from content_checks import ContentError

from tools.check import main as check_main

GOOD = (
    "---\ntitle: A good article\ndate: 2020-01-01 10:00\ncategory: Security\n"
    "tags: [defence]\nactors: [OSCE]\n---\n\nText of the good article.\n"
)


def article(title: str, extra: str = "", body: str = "Text.", date="2020-02-01 10:00") -> str:
    return f"---\ntitle: {title}\ndate: {date}\ncategory: Security\n{extra}---\n\n{body}\n"


def write(content: Path, relative: str, text: str | bytes) -> Path:
    path = content / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def good_site(tmp_path_factory):
    """A small good content folder and its built site, made once for the module."""
    root = tmp_path_factory.mktemp("good")
    content = root / "content"
    write(content, "actors.yml", f"{GROWING_REGISTRY}\n- name: OSCE\n  kind: organisation\n")
    write(content, "articles/good.md", GOOD)
    write(content, "images/report.pdf", b"%PDF-1.4 a static file, published as it is")
    build(content, root / "output")
    return root


@pytest.fixture
def site(good_site, tmp_path):
    """A copy of the good site's content and output, to break."""
    shutil.copytree(good_site / "content", tmp_path / "content", symlinks=True)
    shutil.copytree(good_site / "output", tmp_path / "output")
    return tmp_path


def snapshot(folder: Path) -> dict:
    return {p.relative_to(folder): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def run_check(content: Path, capsys) -> tuple[int, list[str]]:
    code = check_main([str(content)])
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err
    return code, [line for line in out.out.splitlines() if line.strip()]


def refused(site: Path, capsys, expected: str) -> str:
    """The mistake stops `make check` and the build, before anything is written."""
    before = snapshot(site / "output")
    code, lines = run_check(site / "content", capsys)
    assert code == 1, lines
    said = [line for line in lines if expected in line]
    assert said, lines
    with pytest.raises(ContentError) as error:
        build(site / "content", site / "output")
    assert expected in str(error.value)
    assert snapshot(site / "output") == before
    return said[0]


def warned(site: Path, capsys, expected: str) -> str:
    """The mistake is a warning: the site builds (without the mistake published), and a
    publication (warnings are errors there) is refused."""
    code, lines = run_check(site / "content", capsys)
    assert code == 0, lines
    said = [line for line in lines if expected in line]
    assert said and "warning:" in said[0], lines
    build(site / "content", site / "output")
    with pytest.raises(ContentError, match=expected.replace("(", r"\(").replace(")", r"\)")):
        build(site / "content", site / "fatal", CONTENT_WARNINGS_FATAL=True)
    return said[0]


def messages_are_short(lines):
    assert all(len(line) < 400 for line in lines), max(lines, key=len)


# --- The last good site damaged by a failed build --------------------------------------


def test_a_slug_that_climbs_out_is_refused_before_writing(site, capsys):
    write(site / "content", "articles/bad.md", article("Bad slug", 'slug: "../../index"\n'))
    said = refused(site, capsys, "slug: the slug '../../index' holds '/'")
    assert "bad.md:5:" in said and "Fix: write letters, digits and hyphens" in said


@pytest.mark.parametrize(
    "field",
    ['save_as: "../outside.html"', "save_as: index.html", 'url: "/etc/x.html"'],
    ids=["save_as outside", "save_as over the home page", "absolute url"],
)
def test_a_save_as_or_url_that_escapes_or_overwrites_is_refused(site, capsys, field):
    write(site / "content", "articles/bad.md", article("Bad address", field + "\n"))
    name = field.split(":")[0]
    said = refused(site, capsys, f"bad.md:5: {name}:")
    assert "Fix:" in said


def test_a_very_long_title_makes_a_file_name_every_file_system_takes(site, capsys):
    title = " ".join(["Word"] * 62) + " end"
    write(site / "content", "articles/long.md", article(title))
    assert run_check(site / "content", capsys)[0] == 0
    built = build(site / "content", site / "output")
    (page,) = [p for p in (built.output / "2020" / "02").glob("*.html")]
    assert len(page.stem) <= 100 and page.stem.startswith("word-word") and "--" not in page.stem
    assert built.page(f"2020/02/{page.name}").h1.get_text().replace("\xa0", " ") == title


# --- Crashes and hangs -------------------------------------------------------------------


def test_an_editors_lock_file_is_ignored_without_a_crash(site, capsys):
    os.symlink("author@host.1234:1700000000", site / "content" / "articles" / ".#good.md")
    write(site / "content", "articles/#good.md#", "autosave")
    write(site / "content", "articles/good.md~", "backup")
    write(site / "content", "articles/.good.md.swp", "vim swap")
    code, lines = run_check(site / "content", capsys)
    assert code == 0 and lines == ["Content checked: 1 published articles, no problem."]
    built = build(site / "content", site / "output")
    names = {p.name for p in built.output.rglob("*")}
    assert not names & {".#good.md", "#good.md#", "good.md~", ".good.md.swp"}


BILLION_LAUGHS = (
    'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    + "".join(
        f"{b}: &{b} [{', '.join([f'*{a}'] * 9)}]\n"
        for a, b in zip("abcdefgh", "bcdefghi", strict=True)
    )
    + "tags: *i\n"
)


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        (BILLION_LAUGHS, "a YAML alias (*a) repeats another value"),
        ("tags: &t [a, b]\nactors: *t\n", "a YAML alias (*t) repeats another value"),
    ],
    ids=["billion laughs", "one alias"],
)
def test_yaml_aliases_are_refused_at_once_and_briefly(site, capsys, extra, expected):
    write(site / "content", "articles/bomb.md", article("Bomb", extra))
    started = time.monotonic()
    said = refused(site, capsys, expected)
    assert time.monotonic() - started < 30  # it was minutes and gigabytes
    messages_are_short([said])


def test_deep_nesting_and_a_huge_front_matter_are_refused(site, capsys):
    write(site / "content", "articles/deep.md", article("Deep", "tags: " + "[" * 5000 + "\n"))
    write(site / "content", "articles/huge.md", article("Huge", "summary: " + "x" * 70000 + "\n"))
    refused(site, capsys, "deep.md:5: lists or mappings are nested more than 20 deep")
    said = refused(site, capsys, "more than the 64 KB a front matter may be")
    messages_are_short([said])


def test_a_thousand_bad_items_are_told_as_three_and_a_count(site, capsys):
    write(site / "content", "articles/many.md", article("Many", f"tags: {list(range(1000))}\n"))
    code, lines = run_check(site / "content", capsys)
    assert code == 1
    told = [line for line in lines if "many.md" in line]
    assert len(told) == 4 and any("tags: 997 more items like these" in line for line in told)
    messages_are_short(told)


# --- Silently lost or silently wrong -----------------------------------------------------


@pytest.mark.parametrize(
    ("relative", "expected"),
    [
        ("x.md", "x.md: warning: is not in an article folder (content/articles/)"),
        ("posts/y.md", "y.md: warning: is not in an article folder"),
        ("articles/upper.MD", "upper.MD: warning: the extension .MD is not read as Markdown"),
        ("articles/mixed.Md", "Fix: rename it mixed.md."),
        ("articles/plain.txt", "plain.txt: warning: is not a Markdown file (.txt)"),
        ("notes.pdf", "notes.pdf: warning: is in no folder the site publishes"),
    ],
    ids=["content root", "other folder", ".MD", ".Md", ".txt", "other file"],
)
def test_a_file_the_site_does_not_publish_is_named(site, capsys, relative, expected):
    write(site / "content", relative, article("Saved in the wrong place"))
    warned(site, capsys, expected)
    assert not (site / "output" / "2020" / "02").exists()


def test_markdown_in_the_images_folder_and_hidden_files_are_never_published(site, capsys):
    write(site / "content", "images/notes.md", article("Secret notes", "tags: [source]\n"))
    write(site / "content", "articles/.draft-notes.md", article("Hidden notes"))
    write(site / "content", "images/.source-contact.txt", "phone of a source")
    warned(site, capsys, "notes.md: warning: is a Markdown file in a folder of files published")
    published = {p.name for p in (site / "output").rglob("*")}
    assert not published & {"notes.md", ".draft-notes.md", ".source-contact.txt"}
    assert "report.pdf" in published
    assert not any("Hidden notes" in p.read_text() for p in (site / "output").rglob("*.html"))


def test_a_field_given_twice_is_refused(site, capsys):
    text = "---\ntitle: First\ntitle: Second\ndate: 2020-01-01 10:00\n---\nText\n"
    write(site / "content", "articles/twice.md", text)
    said = refused(site, capsys, "twice.md:3: title: is given twice (first on line 2)")
    assert "Fix: keep one of the two lines." in said


def test_a_title_of_no_letter_is_refused_not_written_to_a_hidden_file(site, capsys):
    write(site / "content", "articles/marks.md", article('"???"'))
    refused(site, capsys, "marks.md:2: title: '???' has no letter or digit")


@pytest.mark.parametrize(
    ("tags", "expected"),
    [
        ('["!!!"]', "tags: the tag '!!!' has no letter or digit to make its page's name."),
        (f"[{'x' * 150}]", "characters long. Fix: name the tag in a few words"),
    ],
    ids=["no letter", "too long"],
)
def test_a_tag_that_makes_no_page_name_is_refused(site, capsys, tags, expected):
    write(site / "content", "articles/tagged.md", article("Tagged", f"tags: {tags}\n"))
    refused(site, capsys, expected)


def test_two_tags_with_one_page_name_are_refused(site, capsys):
    write(site / "content", "articles/cpp.md", article("Cpp", 'tags: ["C++"]\n'))
    write(site / "content", "articles/c.md", article("C lang", 'tags: ["C"]\n'))
    said = refused(site, capsys, "make the same page name ('c')")
    assert "'C++'" in said and "'C'" in said


def test_a_tag_written_in_two_cases_is_a_warning(site, capsys):
    write(site / "content", "articles/upper.md", article("Upper", "tags: [Defence]\n"))
    warned(site, capsys, "the tag 'Defence' is written 'defence' in")


def test_two_registered_actors_with_one_page_name_are_refused(site, capsys):
    with (site / "content" / "actors.yml").open("a") as registry:
        registry.write("- name: A.B. Group\n  kind: organisation\n")
        registry.write("- name: AB Group\n  kind: organisation\n")
    write(site / "content", "articles/ab.md", article("AB", 'actors: ["A.B. Group", "AB Group"]\n'))
    refused(site, capsys, "AB Group: makes the same page name as 'A.B. Group'")
    refused(site, capsys, "ab.md:5: actors: the actor 'AB Group' and 'A.B. Group'")


def test_the_same_slug_in_two_years_is_refused(site, capsys):
    write(site / "content", "articles/one.md", article("One", "slug: same\n"))
    write(
        site / "content", "articles/two.md", article("Two", "slug: same\n", date="2021-03-01 10:00")
    )
    said = refused(site, capsys, "two.md:5: slug: the slug 'same' is also the slug of")
    assert "one.md" in said


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("EN", "lang: 'EN' is written in capitals. Fix: write it lang: en."),
        ("xx", "lang: 'xx' is not a language of this site. Fix: use one of: en, ru, be"),
    ],
    ids=["capitals", "unknown"],
)
def test_a_language_the_site_does_not_have_is_refused(site, capsys, lang, expected):
    write(site / "content", "articles/lang.md", article("Lang", f"lang: {lang}\n"))
    refused(site, capsys, expected)


def test_an_article_pinned_under_itself_is_a_warning(site, capsys):
    write(
        site / "content", "articles/self.md", article("Self", "related: [self, a-good-article]\n")
    )
    said = warned(site, capsys, "self.md:5: warning: related: lists the article itself")
    assert "Fix: remove it from the list." in said
    page = parse(site / "output" / "2020" / "02" / "self.html")
    pinned = [h.get_text().replace("\xa0", " ") for h in page.select(".similar-entry.pinned h3")]
    assert pinned == ["A good article"]


def test_a_draft_pinned_in_related_says_it_is_a_draft(site, capsys):
    write(site / "content", "articles/draft.md", article("Draft one", "status: draft\n"))
    write(site / "content", "articles/pin.md", article("Pinner", "related: [draft-one]\n"))
    refused(site, capsys, "pin.md:5: related: 'draft-one' is a draft")


@pytest.mark.parametrize("change", ["delete", "empty"])
def test_a_missing_or_empty_actors_registry_is_named(site, capsys, change):
    registry = site / "content" / "actors.yml"
    registry.unlink() if change == "delete" else registry.write_text("# nothing yet\n")
    warned(
        site,
        capsys,
        f"actors.yml: warning: the actors registry is {change.replace('delete', 'missing')}",
    )


@pytest.mark.parametrize(
    ("image", "expected"),
    [
        ("../../../etc/passwd", "image: '../../../etc/passwd' climbs out of the content folder"),
        ("/etc/hostname", "image: '/etc/hostname' is an absolute path"),
        ("https://example.org/a.jpg", "is an address on another host"),
        ("articles/good.md", "is not in a folder that is published (content/images/)"),
        ("images\\photo.png", "separates folders with '\\'"),
    ],
    ids=["climbs out", "absolute", "remote", "not static", "backslash"],
)
def test_an_image_path_outside_the_published_images_is_refused(site, capsys, image, expected):
    extra = f"image: '{image}'\nimage_alt: A picture\n"
    write(site / "content", "articles/pic.md", article("Pic", extra))
    refused(site, capsys, expected)


def test_media_from_another_host_is_named_and_allowed_by_a_setting(site, capsys):
    body = (
        '<img src="https://charts.example.org/a.png" alt="A chart">\n\n'
        '<iframe src="https://video.example.com/embed/1"></iframe>'
    )
    write(site / "content", "articles/remote.md", article("Remote", body=body))
    said = warned(site, capsys, "remote.md:7: warning: body: an <img> is loaded from charts")
    assert "ALLOWED_MEDIA_HOSTS = ['charts.example.org']" in said
    hosts = ["charts.example.org", "video.example.com"]
    built = build(
        site / "content", site / "allowed", ALLOWED_MEDIA_HOSTS=hosts, CONTENT_WARNINGS_FATAL=True
    )
    policy = built.page("2020/02/remote.html").find(
        "meta", attrs={"http-equiv": "Content-Security-Policy"}
    )["content"]
    assert "img-src 'self' data: https://charts.example.org https://video.example.com;" in policy
    assert "frame-src 'self' https://charts.example.org https://video.example.com;" in policy


def test_an_unclosed_table_stays_inside_its_article(site, capsys):
    body = "First paragraph.\n\n<table><tr><td>cell\n\nMore text after the table."
    write(site / "content", "articles/table.md", article("Table", "tags: [defence]\n", body))
    warned(
        site,
        capsys,
        "table.md:10: warning: body: the HTML of the body is not balanced: "
        "<table> is opened once and never closed",
    )
    page = parse(site / "output" / "2020" / "02" / "table.html")
    assert page.select_one(".article-body table td").get_text(strip=True).startswith("cell")
    assert page.select_one(".site-footer").find_parent(class_="article-body") is None
    assert page.select_one(".similar").find_parent(class_="article-body") is None
    home = parse(site / "output" / "index.html")
    assert home.select_one(".site-footer").find_parent("table") is None


def test_a_link_to_a_missing_article_or_file_is_refused_with_its_line(site, capsys):
    body = "See [that]({filename}/articles/nope.md).\n\n![chart]({static}/images/gone.png)"
    write(site / "content", "articles/links.md", article("Links", body=body))
    refused(site, capsys, "links.md:7: body: the link '{filename}/articles/nope.md' names no")
    refused(site, capsys, "links.md:9: body: the link '{static}/images/gone.png' names no file")


def test_a_link_that_climbs_out_of_the_content_folder_is_refused(site, capsys):
    body = "![x]({static}../../../../etc/passwd)"
    write(site / "content", "articles/climb.md", article("Climb", body=body))
    refused(site, capsys, "climbs out of the content folder")


# --- Messages that help -------------------------------------------------------------------


def test_a_folder_link_that_loops_is_one_message_naming_the_loop(site, capsys):
    os.symlink(".", site / "content" / "articles" / "loop")
    code, lines = run_check(site / "content", capsys)
    assert code == 1
    problems = [line for line in lines if "content/" in line]
    assert len(problems) == 1 and "articles/loop: is a link to '.' that makes a loop" in problems[0]


@pytest.mark.parametrize(
    ("setup", "expected"),
    [
        (
            lambda c: write(c, "articles/ru.md", article("Привет").encode("cp1251")),
            "ru.md:2: the file is not UTF-8 text (byte 0xcf is not UTF-8). Fix: save the file",
        ),
        (
            lambda c: os.symlink("gone.md", c / "articles" / "link.md"),
            "link.md: the file cannot be read: it is a link to 'gone.md', which does not exist",
        ),
        (
            lambda c: os.symlink("gone.png", c / "images" / "pic.png"),
            "pic.png: is a link to 'gone.png', which does not exist.",
        ),
    ],
    ids=["not UTF-8", "dangling article", "dangling image"],
)
def test_a_file_that_cannot_be_read_says_why(site, capsys, setup, expected):
    setup(site / "content")
    refused(site, capsys, expected)


def test_a_file_without_permission_says_why(site, capsys, monkeypatch):
    from content_checks import reader

    def no_permission(path, *args, **kwargs):
        if str(path).endswith("locked.md"):
            raise PermissionError(13, "Permission denied", path)
        return real_open(path, *args, **kwargs)

    real_open = reader.pelican_open
    monkeypatch.setattr(reader, "pelican_open", no_permission)
    write(site / "content", "articles/locked.md", article("Locked"))
    refused(site, capsys, "locked.md: the file cannot be read: Permission denied.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "---\ntitle: T\ndate: 2020-01-01 10:00\ntags:\n\t- a\n---\nText\n",
            "tabs.md:5: the front matter is not valid YAML (a tab where YAML allows only "
            "spaces). Fix: indent that line with spaces, not tabs",
        ),
        (
            '+++\ntitle = "T"\ndate = 2020-01-01T10:00:00\n+++\nText\n',
            "toml.md:1: the front matter is TOML (between '+++' lines)",
        ),
        (
            "---\ntitle: T\ndate: 2020-01-01 10:00\nactors:\n  - name: OSCE\n---\nText\n",
            "mapping.md:4: actors: item 1: is written as 'name: OSCE', a field of its own, not "
            "a name. Fix: write the name alone: - OSCE",
        ),
        (
            "---\ntitle: T\ndate: 2020-01-01 10:00\ntags: [Minsk: talks]\n---\nText\n",
            "colon.md:4: tags: item 1: is read by YAML as a 'field: value' mapping",
        ),
        (
            "---\ntitle: T\ndate: 2020-01-01 10:00\n\nText without the closing line\n",
            "open.md:1: the front matter opened by '---' on line 1 is never closed",
        ),
    ],
    ids=["tabs", "toml", "actor as mapping", "colon in a list item", "unclosed front matter"],
)
def test_the_fix_given_fixes_it(site, capsys, text, expected):
    name = expected.split(".md")[0]
    write(site / "content", f"articles/{name}.md", text)
    refused(site, capsys, expected)


def test_many_problems_come_in_one_run_sorted_by_file(site, capsys):
    content = site / "content"
    write(content, "articles/a.md", article("A", "lang: EN\n"))
    write(content, "articles/b.md", article('"!!!"'))
    write(content, "articles/c.md", article("C", 'slug: "../x"\n'))
    write(content, "stray.md", article("Stray"))
    code, lines = run_check(content, capsys)
    assert code == 1
    files = [line.split(":")[0].rsplit("/", 1)[-1] for line in lines if "content/" in line]
    assert files == ["a.md", "b.md", "c.md", "stray.md"]
    assert lines[-1] == "4 problems: 3 errors, 1 warning."


def test_the_project_content_has_no_problem(capsys):
    code, lines = run_check(ROOT / "content", capsys)
    assert code == 0, lines


# --- Cases of our own -----------------------------------------------------------------------


def test_an_empty_file_is_named_as_empty(site, capsys):
    write(site / "content", "articles/empty.md", "")
    refused(site, capsys, "empty.md: the file is empty. Fix: write the front matter")


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        ("slug: con\n", "slug: the slug 'con' is a name Windows keeps for a device"),
        ("tags: [Aux]\n", "tags: the tag 'Aux' makes the page name 'aux' is a name Windows"),
    ],
    ids=["slug", "tag"],
)
def test_names_windows_keeps_for_devices_are_refused(site, capsys, extra, expected):
    write(site / "content", "articles/dev.md", article("Device names", extra))
    refused(site, capsys, expected)


def test_a_title_that_makes_a_device_name_asks_for_a_slug(site, capsys):
    write(site / "content", "articles/nul.md", article("NUL"))
    refused(site, capsys, "nul.md:2: title: 'NUL' makes the page's address 'nul' is a name")


def test_two_pages_that_differ_only_in_case_are_refused(site, capsys):
    write(site / "content", "articles/a.md", article("A", "slug: Makey-Visit\n"))
    write(site / "content", "articles/b.md", article("B", "slug: makey-visit\n"))
    refused(site, capsys, "differs only in case from 2020/02/Makey-Visit.html")


def test_a_yaml_tag_is_refused_with_a_fix_that_fixes_it(site, capsys):
    write(
        site / "content", "articles/tag.md", article("Py", "tags: !!python/object:os.system [x]\n")
    )
    refused(site, capsys, "a YAML tag '!!python/object:os.system', which is not read). Fix: remove")


def test_a_build_that_stopped_early_leaves_no_filter_on_pelicans_loggers(site, capsys):
    import logging

    from content_checks.pelican_warnings import LOGGERS, PelicanWarnings

    for _ in range(2):
        PelicanWarnings(str(site / "content")).attach()  # never detached, as by a crash
    build(site / "content", site / "output")
    for name in LOGGERS:
        assert not [f for f in logging.getLogger(name).filters if isinstance(f, PelicanWarnings)]
