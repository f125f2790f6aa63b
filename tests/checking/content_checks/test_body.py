"""body.py: an author's HTML balanced as a browser reads it; unbalanced tags and media
from other hosts found."""

import pytest
from content_checks.body import balance, has_raw_html, remote_media, unbalanced_tags
from selectolax.lexbor import LexborHTMLParser


@pytest.mark.parametrize(
    "html",
    [
        "<table><tr><td>cell<p>more</p>",
        "<div><section><p>a",
        "<b>bold <i>both</b> italic</i>",
        "</div></div><p>escape</p>",
        "<ul><li>one<li>two",
    ],
)
def test_whatever_is_left_open_is_closed_inside_the_fragment(html):
    balanced = balance(html)
    page = LexborHTMLParser(f"<main>{balanced}</main><footer>after</footer>")
    footer = page.css_first("footer")
    assert footer.parent.tag == "body"  # nothing of the fragment swallows what follows
    assert balance(balanced) == balanced  # balanced HTML is left as it is


def test_balancing_keeps_what_the_author_wrote():
    html = (
        '<p>a <a href="x.html" class="c" data-x="1">link</a></p>'
        '<svg viewBox="0 0 1 1"><circle r="1"></circle></svg>'
    )
    assert balance(html) == html
    assert balance("<p>x &amp; y</p>") == "<p>x &amp; y</p>"


def test_unbalanced_tags_are_counted_and_optional_end_tags_are_not():
    found = unbalanced_tags("<table><tr><td>x<p>y<li>z</div><!-- <div> -->")
    assert [(u.tag, u.opened, u.closed) for u in found] == [("table", 1, 0), ("div", 0, 1)]
    assert unbalanced_tags("<p>a<p>b<ul><li>c<li>d</ul>") == []


def test_raw_html_is_told_from_plain_markdown():
    assert has_raw_html("Text <span>x</span>") and has_raw_html("<!-- c -->")
    assert not has_raw_html("2 < 3 and a -> b")


def test_media_from_other_hosts_are_found_once_each():
    html = (
        '<img src="https://a.org/1.png"><img src="https://a.org/2.png">'
        '<img srcset="images/x.png 1x, //b.org/y.png 2x"><iframe src="https://c.com/e"></iframe>'
        '<video poster="https://d.net/p.jpg"></video><a href="https://e.org">a link is fine</a>'
        '<img src="images/local.png">'
    )
    assert remote_media(html) == [
        ("img", "a.org"),
        ("img", "b.org"),
        ("iframe", "c.com"),
        ("video", "d.net"),
    ]
    assert remote_media("<p>no address at all</p>") == []


def test_media_tags_are_found_in_any_case_and_links_alone_load_nothing():
    assert remote_media('<P>See <IMG\nSRC="https://a.org/1.png"></P>') == [("img", "a.org")]
    assert remote_media('<embed/src="https://f.org/x.swf">') == [("embed", "f.org")]
    links = '<p><a href="https://e.org/image">image</a> <a href="//e.org/img">img</a></p>'
    assert remote_media(links) == []
