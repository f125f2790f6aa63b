"""The lists in which Pelican's ArticlesGenerator keeps articles, for plugins that must see
every one of them (drafts and hidden ones included), not just the published."""

PUBLISHED = ("articles", "translations")
EVERY = (*PUBLISHED, "drafts", "drafts_translations", "hidden_articles", "hidden_translations")
PAGES = ("pages", "hidden_pages", "draft_pages")


def every_article(generator, lists=EVERY):
    """Each article of the generator's lists, once."""
    for name in lists:
        yield from getattr(generator, name, [])
