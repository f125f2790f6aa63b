"""Similar-article lists are reused when no article's keywords, dates or pins changed."""

from __future__ import annotations

import similar_articles.glue as glue
from conftest import article_fields, build, write_article


def test_lists_are_ranked_again_only_when_keywords_change(content, tmp_path, monkeypatch):
    calls = []
    real = glue.rank_all
    monkeypatch.setattr(glue, "rank_all", lambda *args: calls.append(1) or real(*args))
    paths = [
        write_article(
            content, f"a{n}", f"Body {n}.", **article_fields(f"T{n}", tags=["energy"], summary="L")
        )
        for n in range(3)
    ]
    output = tmp_path / "site"
    build(content, output)
    page = (output / "2020/01/t0.html").read_text()
    paths[1].write_text(paths[1].read_text().replace("Body 1.", "Body one, edited."))
    build(content, output)
    assert len(calls) == 1  # the body is not a keyword
    assert (output / "2020/01/t0.html").read_text() == page
    paths[2].write_text(paths[2].read_text().replace("- energy", "- army"))
    build(content, output)
    assert len(calls) == 2
    assert "T2" not in (output / "2020/01/t0.html").read_text().split("similar")[-1]
