"""fast_build/plan.py: what a page's fingerprint holds of the articles it shows, with
small inputs: an article's own page follows its whole text, a card only what cards show,
an article that links to other pages follows them all."""

from __future__ import annotations

from fast_build import Build
from fast_build.plan import Plan
from pelican.contents import Article
from pelican.settings import DEFAULT_CONFIG
from pelican.urlwrappers import Tag
from pelican.utils import SafeDatetime


def plan_of(tmp_path) -> Plan:
    settings = {
        **DEFAULT_CONFIG,
        "FAST_BUILD": True,
        "BUILD_WORKERS": 1,
        "BUILD_PARALLEL_FROM": 500,
        "CACHE_PATH": str(tmp_path / "cache"),
        "OUTPUT_PATH": str(tmp_path / "output"),
        "PATH": str(tmp_path / "content"),
        "ACTORS_REGISTRY": "actors.yml",  # what the plugins the suite registered ask of them
    }
    return Plan(Build(settings))


def article(plan, tmp_path, name, body="<p>Body.</p>", card="card digest", **metadata):
    """An article whose source file has the digests (whole, card) fast_build read."""
    source = str(tmp_path / f"{name}.md")
    plan.build.source_digests[source] = (f"{name}:{body}", f"{name}:{card}")
    metadata = {"title": name, "date": SafeDatetime(2020, 1, 1), **metadata}
    return Article(body, metadata=metadata, settings=plan.build.settings, source_path=source)


def test_an_articles_page_follows_its_whole_text_and_a_card_only_the_card(tmp_path):
    def digests(**edit):  # (whole, card) of article "a" in a build of its own
        plan = plan_of(tmp_path)
        made = article(plan, tmp_path, "a", **edit)
        return plan.whole(made), plan.digester.of(made)

    whole, card = digests(body="<p>One.</p>")
    edited_body = digests(body="<p>Two.</p>")
    assert edited_body[0] != whole and edited_body[1] == card  # lists need not change
    assert digests(body="<p>One.</p>", card="a new title")[1] != card
    assert digests(body="<p>One.</p>") == (whole, card)


def test_an_article_that_links_to_other_pages_follows_every_one_of_them(tmp_path):
    plan = plan_of(tmp_path)
    linking = article(plan, tmp_path, "a", body='<a href="{filename}b.md">b</a>')
    plain = article(plan, tmp_path, "c")
    plan.build.generators = [type("G", (), {"context": {"generated_content": {"b": plain}}})()]
    first = plan.whole(linking), plan.whole(plain)
    other = plan_of(tmp_path)
    linking = article(other, tmp_path, "a", body='<a href="{filename}b.md">b</a>')
    plain_edited = article(other, tmp_path, "c", body="<p>Edited.</p>")
    other.build.generators = [
        type("G", (), {"context": {"generated_content": {"b": plain_edited}}})()
    ]
    assert other.whole(linking) != first[0]  # what it links to changed
    assert other.whole(article(other, tmp_path, "d")) == plan.whole(article(plan, tmp_path, "d"))


def test_a_page_follows_its_articles_translations_and_what_plugins_add(tmp_path):
    plan = plan_of(tmp_path)
    original = article(plan, tmp_path, "a")
    alone = plan.subject_digest(original)
    original.translations = [article(plan, tmp_path, "a-ru", lang="ru")]
    assert plan.subject_digest(original) != alone


def test_tags_are_told_apart_by_name_and_slug_only(tmp_path):
    plan = plan_of(tmp_path)
    settings = plan.build.settings
    assert plan.digester.of(Tag("sanctions", settings)) == plan.digester.of(
        Tag("sanctions", settings)
    )
    assert plan.digester.of(Tag("sanctions", settings)) != plan.digester.of(
        Tag("Sanctions", settings)
    )
