import datetime as dt

import jinja2
import pytest
from fast_build.fingerprints import Digester, TemplateReads, page_fingerprint

TEMPLATES = {
    "base.html": (
        "<title>{{ SITENAME }}</title>{% include 'nav.html' %}{% block body %}{% endblock %}"
    ),
    "nav.html": "{% for section in sections %}{{ section }}{% endfor %}",
    "macros.html": "{% macro card(a) %}{{ a }}{{ SITEURL }}{% endmacro %}",
    "article.html": (
        "{% extends 'base.html' %}{% from 'macros.html' import card with context %}"
        "{% block body %}{{ card(article) }}{% endblock %}"
    ),
    "dynamic.html": "{% include chosen %}",
}


@pytest.fixture
def reads():
    return TemplateReads(jinja2.Environment(loader=jinja2.DictLoader(TEMPLATES)))


def test_a_template_reads_what_it_extends_includes_and_imports(reads):
    names = reads.of("article.html").names
    assert {"article", "sections", "SITENAME", "SITEURL"} <= names
    assert "articles" not in names


def test_a_template_chosen_at_run_time_reads_anything(reads):
    assert reads.of("dynamic.html") is None


def test_the_reads_are_those_of_the_environment_asked_whatever_another_asked_before():
    source = {
        "page.html": "{% do items.append(x) %}{{ title | shout }}{% if y is odd %}{% endif %}"
    }

    def environment(**options):
        made = jinja2.Environment(loader=jinja2.DictLoader(source), **options)
        made.filters["shout"] = str.upper
        return made

    expected = {"items", "x", "title", "y"}
    assert TemplateReads(environment(extensions=["jinja2.ext.do"])).of("page.html").names == (
        expected
    )
    with pytest.raises(jinja2.TemplateSyntaxError):  # no `do` in this one: not taken from above
        TemplateReads(environment()).of("page.html")
    unknown = jinja2.Environment(loader=jinja2.DictLoader(source), extensions=["jinja2.ext.do"])
    with pytest.raises(jinja2.TemplateAssertionError, match="shout"):  # as Jinja itself says
        TemplateReads(unknown).of("page.html")
    other = environment(extensions=["jinja2.ext.do"], variable_start_string="[[")
    assert TemplateReads(other).of("page.html").names == {"items", "x", "y"}  # {{ }} is text


def test_the_fingerprint_follows_what_the_template_reads_only(reads):
    digester = Digester([])
    values = {"article": "a", "sections": ["x", "y"], "all_articles": list(range(5))}

    def fingerprint(**changes):
        return page_fingerprint(
            "site", Digester([]), reads.of("article.html"), "a.html", ({**values, **changes},), {}
        )

    assert fingerprint() == fingerprint()
    assert fingerprint(article="b") != fingerprint()
    assert fingerprint(sections=["x"]) != fingerprint()
    assert fingerprint(all_articles=[]) == fingerprint()  # not read by the template
    assert digester.of(dt.date(2020, 1, 2)) != digester.of(dt.date(2020, 1, 3))


def test_a_value_of_unknown_kind_means_render_again(reads):
    fingerprint = page_fingerprint(
        "site", Digester([]), reads.of("article.html"), "a.html", ({"article": object()},), {}
    )
    assert fingerprint is None


def test_objects_are_digested_by_their_handler_once():
    class Item:
        def __init__(self, name):
            self.name = name

    calls = []

    def handler(item, digester):
        calls.append(item.name)
        return item.name

    digester = Digester([(Item, handler)])
    first = Item("first")
    listed = [first, Item("second")]
    digest = digester.of(listed)
    assert digester.of(listed) == digest and digester.of(first) == "first"
    assert calls == ["first", "second"]  # each object once, however often it is asked for
    assert Digester([(Item, handler)]).of([Item("first"), Item("second")]) == digest
    assert Digester([(Item, handler)]).of([Item("second"), Item("first")]) != digest
