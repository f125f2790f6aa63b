"""The fields read in the text, in a built site: an article with one tag still finds its
neighbours by its words and the actors its text names; make check suggests the actors the
text names often; the preview's report page shows editors all of it."""

import pytest
from conftest import article_fields, build, write_article

from tools.check import check

REGISTRY = """
- name: Sergei Lavrov
  kind: person
  names: {ru: Сергей Лавров}
  aliases: [Lavrov]
- name: Olaf Scholz
  kind: person
- name: OSCE
  kind: organisation
"""
FILLER = (
    "The minister said the talks were over and the border quiet; the government will meet "
    "again next week, officials said, and nothing else changed. Week {0}."
)
ZEPPELINS = "Zeppelins crossed the border. The zeppelins were seen over Hrodna; a zeppelin fell."


def write_text_site(content):
    """Six articles to look at, among 50 whose common words make them no terms (a word's
    rarity counts from 50 articles on)."""
    content.mkdir(parents=True, exist_ok=True)
    (content / "actors.yml").write_text(REGISTRY, encoding="utf-8")
    for number in range(50):
        write_article(
            content,
            f"filler-{number}",
            FILLER.format(number),
            **article_fields(f"Week {number}", "2019-01-01 12:00", tags=[f"w{number}"]),
        )
    write_article(
        content,
        "airships",
        f"{ZEPPELINS}\n\nNothing else.",
        **article_fields("Airships", tags=["a"]),
    )
    write_article(
        content,
        "more-airships",
        f"Another report: {ZEPPELINS}",
        **article_fields("More airships", "2020-01-02 12:00", tags=["b"]),
    )
    write_article(
        content,
        "lavrov-listed",
        "The minister spoke.",
        **article_fields("Listed", "2020-01-03 12:00", tags=["c"], actors=["Sergei Lavrov"]),
    )
    write_article(
        content,
        "lavrov-named",
        "Lavrov said no. Sergei Lavrov said it twice. Lavrov left, and Lavrov came back.",
        **article_fields("Named", "2020-01-04 12:00", tags=["d"]),
    )
    write_article(content, "alone", "Nothing in common.", **article_fields("Alone", tags=["e"]))
    write_article(
        content,
        "scholz-twice",
        "Olaf Scholz arrived; Scholz is no alias, Olaf Scholz departed.",
        **article_fields("Arrivals", "2020-01-05 12:00", tags=["f"]),
    )
    return content


@pytest.fixture(scope="module")
def text_site(tmp_path_factory):
    content = write_text_site(tmp_path_factory.mktemp("text") / "content")
    return content, build(content, tmp_path_factory.mktemp("text-site") / "site")


def entries(site, path):
    page = site.page(path)
    return {
        entry.select_one("h3 a").get_text().replace("\xa0", " "): entry.select_one(
            ".reasons"
        ).get_text()
        for entry in page.select("aside.similar:not(.similar-more) .similar-entry")
    }


def test_articles_sharing_distinctive_words_are_similar_and_say_which(text_site):
    _, site = text_site
    shown = entries(site, "2020/01/airships.html")
    assert list(shown) == ["More airships"]
    assert "zeppelins" in shown["More airships"]


def test_an_actor_the_text_names_matches_an_actor_listed(text_site):
    _, site = text_site
    shown = entries(site, "2020/01/named.html")
    assert list(shown) == ["Listed"]
    assert "Sergei Lavrov" in shown["Listed"]


def test_check_suggests_an_actor_named_often_as_a_hint_only(text_site):
    content, _ = text_site
    problems, count = check(content, __import__("conftest").ROOT / "pelicanconf.py")
    assert count == 56  # nothing failed
    hints = [p for p in problems if p.hint]
    assert [(p.path.rsplit("/", 1)[-1], p.field) for p in hints] == [("lavrov-named.md", "actors")]
    assert "names 'Sergei Lavrov' 4 times" in str(hints[0])
    assert "hint:" in str(hints[0]) and "add Sergei Lavrov to actors" in str(hints[0])
    assert all(p.hint for p in problems)  # Scholz, named twice, is under the threshold


def test_the_report_page_is_in_the_preview_and_linked_from_the_drafts_page(text_site):
    _, site = text_site
    drafts = site.page("drafts/index.html")
    assert drafts.select_one('a[href$="drafts/similar-report.html"]')
    report = site.page("drafts/similar-report.html")
    orphans = [a.get_text().replace("\xa0", " ") for a in report.select("#report-orphans ~ ol a")]
    assert "Alone" in orphans and "Airships" not in orphans and "Week 1" in orphans
    rows = [
        [td.get_text(" ", strip=True) for td in tr.select("td")]
        for tr in report.select("#unlisted tbody tr")
    ]
    assert len(rows) == 1
    assert rows[0][0].startswith("Named") and rows[0][1:] == ["Sergei Lavrov", "4"]
    most = [
        tr.select_one("a").get_text().replace("\xa0", " ")
        for tr in report.select("#most-listed tbody tr")
    ]
    assert set(most) == {"Airships", "More airships", "Listed", "Named"}


def test_publish_is_not_stopped_by_a_hint_and_has_no_report_page(text_site, tmp_path, monkeypatch):
    content, _ = text_site
    monkeypatch.setenv("SITEURL", "https://example.org")
    site = build(content, tmp_path / "site", conf="publishconf.py", SITEURL="https://example.org")
    assert site.exists("2020/01/named.html")  # warnings are fatal there; a hint is none
    assert not site.exists("drafts/similar-report.html")


def test_texts_read_ahead_in_a_forked_process_give_the_same_site(text_site, tmp_path, monkeypatch):
    import similar_articles.ahead as ahead

    collected = []
    collect = ahead.TextsAhead.collect

    def recording(self):
        made = collect(self)
        collected.append(sum(len(readings) for readings in made.values()))
        return made

    monkeypatch.setattr(ahead, "AHEAD_FROM", 1)  # the fork, as for 500 new texts and more
    monkeypatch.setattr(ahead.TextsAhead, "collect", recording)
    content, site = text_site
    again = build(content, tmp_path / "site")
    assert collected and collected[0] == 56  # every text, read in the other process
    for page in ("2020/01/airships.html", "2020/01/named.html"):
        assert entries(again, page) == entries(site, page)
