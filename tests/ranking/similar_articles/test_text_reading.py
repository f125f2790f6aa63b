"""text_reading.py: each text read once, the readings kept between builds."""

from collections import Counter

from similar_articles.text_reading import TextReadings


class Counting:
    """A reader's functions that count their calls."""

    def __init__(self):
        self.calls = 0

    def find_actors(self, text):
        self.calls += 1
        return Counter({"Sergei Lavrov": text.count("Lavrov")})

    def plain_text(self, html):
        return html.replace("<p>", " ").replace("</p>", " ")


def readings(path, counting, key="registry-1"):
    return TextReadings(path, "en", counting.find_actors, counting.plain_text, key)


def test_a_text_is_read_and_kept_for_the_next_build(tmp_path):
    path = tmp_path / "texts-en.pickle"
    counting = Counting()
    first = readings(path, counting)
    reading = first.read("Title", "", "<p>Lavrov met Lavrov about zeppelins.</p>")
    assert reading.mentions == (("Sergei Lavrov", 2),)
    assert "zeppelin" in reading.terms.stems
    first.save()
    again = readings(path, counting)
    assert again.read("Title", "", "<p>Lavrov met Lavrov about zeppelins.</p>") == reading
    assert counting.calls == 1
    assert again.new() == {}


def test_another_registry_or_text_is_read_again(tmp_path):
    path = tmp_path / "texts-en.pickle"
    counting = Counting()
    first = readings(path, counting)
    first.read("Title", "", "<p>Lavrov.</p>")
    first.save()
    readings(path, counting, key="registry-2").read("Title", "", "<p>Lavrov.</p>")
    readings(path, counting).read("Title", "", "<p>Lavrov, edited.</p>")
    assert counting.calls == 3


def test_only_the_texts_of_this_build_are_kept(tmp_path):
    path = tmp_path / "texts-en.pickle"
    counting = Counting()
    first = readings(path, counting)
    first.read("A", "", "one")
    first.read("B", "", "two")
    first.save()
    second = readings(path, counting)
    second.read("A", "", "one")
    second.save()
    assert len(readings(path, counting)._load()) == 1


def test_a_damaged_file_is_read_as_none(tmp_path):
    path = tmp_path / "texts-en.pickle"
    path.write_bytes(b"not a pickle")
    counting = Counting()
    readings(path, counting).read("A", "", "one")
    assert counting.calls == 1


def test_readings_made_ahead_are_taken_as_made(tmp_path):
    counting = Counting()
    ahead = readings(None, counting)
    made = ahead.read("A", "", "Lavrov")
    fresh = readings(None, counting)
    fresh.made = ahead.new()
    assert fresh.read("A", "", "Lavrov") is made
    assert counting.calls == 1
