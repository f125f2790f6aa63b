"""Which articles follow every change of the site: those whose text links to other pages."""

from fast_build.plan import LINK_MARKERS, _may_link


def test_every_link_marker_is_caught_by_the_quick_scan():
    for marker in LINK_MARKERS:
        assert _may_link(f'<p>See <a href="{marker}/a.md">this</a></p>')


def test_text_without_braces_or_bars_cannot_link():
    assert not _may_link("<p>Plain text, no marker at all.</p>")
    assert _may_link("<p>A {brace} alone is enough to look closer</p>")
