"""IGNORE_FILES matched by one expression: the same files included as Pelican includes."""

import random

from patch_helpers import both_ways
from patches import pelican_ignore_files
from pelican.generators import Generator

PELICANS = pelican_ignore_files.PATCH.replacements[0].original
PATTERNS = [".*", "*~", "#*#", "*.swp", "*.bak", "~$*", "Thumbs.db", "__pycache__", "[!a]*.md"]
PATTERNS += ["note?.txt", "*.[ch]", "[", "a[", "*[!]", "**", "", "draft-*-old.md", "a|b", "(x)"]
LETTERS = ["a", "b", ".", "~", "#", "$", "-", "_", "[", "]", "!", "|", "(", ")", "md", "swp"]
LETTERS += ["txt", "c", "h", "Thumbs", "db", "note", "draft", "old", "д", "?", "*", "\n"]


def generator(ignores):
    made = Generator.__new__(Generator)
    made.settings = {"IGNORE_FILES": ignores}
    return made


def test_random_names_and_patterns_are_included_as_pelican_includes_them():
    rng = random.Random(14)
    for _ in range(300):
        made = generator(rng.sample(PATTERNS, rng.randint(0, 6)))
        for _ in range(30):
            name = "".join(rng.choices(LETTERS, k=rng.randint(1, 6)))
            path = rng.choice(["", "articles/", "articles/.hidden/"]) + name
            extensions = rng.choice([("md",), ("md", "txt", "swp"), False])
            expected = PELICANS(made, path, extensions)
            got = pelican_ignore_files.include_path(made, path, extensions)
            assert got == expected, (made.settings["IGNORE_FILES"], path, extensions)


def test_the_files_found_in_a_folder_are_the_ones_pelican_finds(tmp_path):
    for name in ["a.md", ".a.md.swp", "a.md~", "#a.md#", "b.bak", "c.md", "Thumbs.db", "~$d.md"]:
        (tmp_path / name).write_text("x")
    made = generator(PATTERNS[:8])
    made.path = str(tmp_path)

    def found():
        return made.get_files([""], extensions=("md", "db", "bak"))

    plain, patched = both_ways(pelican_ignore_files, found)
    assert patched == plain == {"./a.md", "./c.md"}
