"""What the theme's templates show on every page that Pelican's context does not hold:
`sections`, the menu's categories (those that have articles), by name.

A page that shows the menu then depends on these names only, not on every article of
every category (fast_build fingerprints what each template reads).
"""

from pelican import signals

__all__ = ["register"]


def add_sections(generator):
    generator.context["sections"] = [category for category, _ in generator.context["categories"]]


def register():
    signals.article_generator_finalized.connect(add_sections)
