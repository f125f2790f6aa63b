"""The editors' report: articles with no similar article, and the most listed."""

from conftest import ROOT, article_fields, write_article

from tools.similar.synthetic import generate
from tools.similar_report import gather_report, report


def test_report_names_lonely_and_most_listed_articles(content):
    spokes = [f"Actor {number}" for number in range(4)]
    write_article(content, "hub", **article_fields("The hub", actors=spokes))
    for number, actor in enumerate(spokes):
        write_article(content, f"s{number}", **article_fields(f"Spoke {number}", actors=[actor]))
    write_article(content, "alone", **article_fields("Alone", tags=["nothing-shared"]))
    text = report(gather_report(content, ROOT / "pelicanconf.py"))
    lonely = text.split("No similar article (1)")[1].split("Fewer than 3")[0]
    assert "alone.md" in lonely and "Alone" in lonely
    most = text.split("Listed most often")[1].splitlines()[1]
    assert "hub.md" in most and most.split()[0] == "4"
    assert not (content.parent / "output").exists()


def test_the_synthetic_archive_is_the_same_every_time():
    first, again = generate(300, seed=5), generate(300, seed=5)
    assert first == again
    assert first != generate(300, seed=6)
    assert [a.date for a in first] == sorted(a.date for a in first)
    share = sum("Belarus" in a.tags for a in first) / len(first)
    assert 0.5 < share < 0.7
