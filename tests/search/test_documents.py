"""plugins/search/documents.py: the plain text of an article's HTML, as the index and the
passages of results have it."""

from __future__ import annotations

import pytest
from search import documents
from search.documents import TextCache, plain_text, search_document


@pytest.mark.parametrize(
    ("html", "text"),
    [
        ("<p>One</p><p>two</p>", "One two"),
        ("un<em>believ</em>able", "unbelievable"),  # inline elements join words
        ("line<br>break", "line break"),
        ("<ul><li>a</li><li>b</li></ul><h2>Head</h2>", "a b Head"),
        ("<table><tr><td>1</td><td>2</td></tr></table>", "1 2"),
        ("x<script>var a = '<p>';</script><style>p {}</style>y", "xy"),
        ("<p>A&nbsp;&amp; &#8220;B&#8221;</p>", "A & “B”"),  # a no-break space is a space
        ("<p>&amp;lt;tag&amp;gt;</p>", "&lt;tag&gt;"),  # decoded once, as a browser shows it
        ("<!-- note --><p>  spaced \n out  </p>", "spaced out"),
        ("", ""),
        ("<p>Незакрытый <b>тег", "Незакрытый тег"),
    ],
)
def test_the_plain_text_of_html(html, text):
    assert plain_text(html) == text


def test_a_document_holds_the_plain_texts_of_title_lead_and_body():
    document = search_document(
        title="A <em>title</em>",
        url="2020/01/a.html",
        date="January 1, 2020 10:00",
        datetime="2020-01-01T10:00:00+03:00",
        category="Security",
        tags=["defence"],
        actors=["NATO"],
        lead_html="<p>The lead.</p>",
        body_html="<p>The body.</p>",
    )
    assert (document["title"], document["lead"], document["body"]) == (
        "A title",
        "The lead.",
        "The body.",
    )


def test_texts_are_kept_between_builds_and_only_those_in_use(tmp_path, monkeypatch):
    first = TextCache(tmp_path)
    assert first("<p>kept</p>") == "kept" and first("<p>dropped</p>") == "dropped"
    first.save()
    second = TextCache(tmp_path)
    assert second("<p>kept</p>") == "kept"
    second.save()  # "dropped" was not used in this build
    made = []
    monkeypatch.setattr(documents, "plain_text", lambda html: made.append(html) or html)
    third = TextCache(tmp_path)
    assert third("<p>kept</p>") == "kept" and made == []
    third("<p>dropped</p>")
    assert made == ["<p>dropped</p>"]
