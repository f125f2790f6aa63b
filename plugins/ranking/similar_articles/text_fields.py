"""The two fields read from an article's text, added to the fields its editors wrote.
Pure Python (no Pelican).

- "mentions": the actors the text names (actors.mentions) and those the front matter lists:
  every actor the article is about, as a weaker field than "actors", the listed ones;
- "terms": the text's distinctive terms (terms.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .core import Document, SimilarityConfig
from .terms import TextTerms, distinctive_terms


def with_text_fields(
    documents: Sequence[Document],
    mentioned: Sequence[Iterable[str]],
    counts: Sequence[TextTerms],
    config: SimilarityConfig,
    ranked: int | None = None,
) -> tuple[list[Document], list[tuple[str, ...]]]:
    """The documents with their "mentions" and "terms" fields, and each one's terms (stems). The
    rarity of a term is counted among the first `ranked` documents (by default all): those
    of the index, not the drafts that are only given a list."""
    population = len(counts) if ranked is None else ranked
    terms = (
        distinctive_terms(counts, config.terms_per_article, config.terms_max_held, ranked)
        if population >= config.terms_min_documents
        else [()] * len(counts)
    )
    made = []
    for document, named, own in zip(documents, mentioned, terms, strict=True):
        listed = document.keywords.get("actors", ())
        keywords = {
            **document.keywords,
            "mentions": list(dict.fromkeys([*listed, *named])),
            "terms": list(own),
        }
        made.append(Document(document.key, document.date, keywords))
    return made, terms
