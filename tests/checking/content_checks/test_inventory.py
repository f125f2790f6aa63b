"""inventory.py: each file of a content folder accounted for, on small folders."""

import os

from content_checks.inventory import Layout, markdown_in_static, take_inventory, unused_files

LAYOUT = Layout(ignore=(".*", "*~", "#*#", "*.swp"))


def make(root, *names):
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x")


def test_hidden_and_editor_files_are_ignored_and_the_rest_listed(tmp_path):
    make(tmp_path, "articles/a.md", "articles/.hidden.md", "articles/a.md~", "articles/#a.md#")
    make(tmp_path, ".git/config", "images/p.png", "actors.yml")
    inventory = take_inventory(tmp_path, LAYOUT)
    assert inventory.files == ["actors.yml", "articles/a.md", "images/p.png"]
    assert sorted(inventory.ignored) == [
        ".git",
        "articles/#a.md#",
        "articles/.hidden.md",
        "articles/a.md~",
    ]


def test_what_pelican_did_not_take_is_named_with_a_reason(tmp_path):
    make(tmp_path, "articles/a.md", "articles/b.MD", "articles/c.txt", "articles/d.png")
    make(tmp_path, "x.md", "notes/y.md", "images/p.png", "images/q.md", "actors.yml", "z.pdf")
    inventory = take_inventory(tmp_path, LAYOUT)
    used = {"articles/a.md", "images/p.png", "images/q.md"}
    found = {u.path: u.message for u in unused_files(inventory, used, LAYOUT)}
    assert set(found) == {
        "articles/b.MD",
        "articles/c.txt",
        "articles/d.png",
        "images/q.md",
        "notes/y.md",
        "x.md",
        "z.pdf",
    }
    assert "extension .MD" in found["articles/b.MD"]
    assert "not a Markdown file (.txt)" in found["articles/c.txt"]
    assert "no article links it with {static}" in found["articles/d.png"]
    assert "Markdown file in a folder of files published" in found["images/q.md"]
    assert "not in an article folder" in found["notes/y.md"] and "moved?" in found["x.md"]
    assert "no folder the site publishes" in found["z.pdf"]
    assert markdown_in_static(inventory, LAYOUT) == ["images/q.md"]


def test_a_folder_link_that_loops_is_walked_once_and_named(tmp_path):
    make(tmp_path, "articles/a.md")
    os.symlink("..", tmp_path / "articles" / "up")
    os.symlink(".", tmp_path / "articles" / "here")
    inventory = take_inventory(tmp_path, LAYOUT)
    assert inventory.files == ["articles/a.md"]
    assert sorted(inventory.loops) == [("articles/here", "."), ("articles/up", "..")]
    errors = [u for u in unused_files(inventory, {"articles/a.md"}, LAYOUT) if u.error]
    assert len(errors) == 2 and all("makes a loop" in u.message for u in errors)


def test_a_link_to_nothing_is_an_error_unless_an_article_reader_tells_of_it(tmp_path):
    make(tmp_path, "articles/a.md")
    os.symlink("gone.png", tmp_path / "articles" / "pic.png")
    os.symlink("gone.md", tmp_path / "articles" / "post.md")
    inventory = take_inventory(tmp_path, LAYOUT)
    assert sorted(inventory.dangling) == [
        ("articles/pic.png", "gone.png"),
        ("articles/post.md", "gone.md"),
    ]
    found = unused_files(inventory, {"articles/a.md", "articles/post.md"}, LAYOUT)
    assert [(u.path, u.error) for u in found] == [("articles/pic.png", True)]
