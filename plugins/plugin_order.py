"""The order of PLUGINS, checked at the start of a build (no Pelican import).

Pelican runs the receivers of a signal in the order their plugins are listed. Where that
order matters to a plugin, the plugin says so here (RULES) and is told at start, in words,
when PLUGINS has it the other way round. None of our plugins needs an order to be right;
an order only makes a build slower, so a wrong one is a warning, not an error.
"""

from __future__ import annotations

import logging

logger = logging.getLogger(__name__)

# (listed first, listed later, what the other order costs)
RULES = (
    (
        "search",
        "similar_articles",
        "the search index (its Node processes, on the core Pelican leaves idle) then starts "
        "only after the similar lists are ranked, and the build takes longer",
    ),
)


def plugin_name(plugin) -> str:
    """'search' for "search", "plugins.search" or the module itself."""
    name = plugin if isinstance(plugin, str) else getattr(plugin, "__name__", str(plugin))
    return name.rsplit(".", 1)[-1]


def order_warnings(plugins, rules=RULES) -> list[str]:
    names = [plugin_name(plugin) for plugin in plugins]
    warnings = []
    for first, later, cost in rules:
        if first in names and later in names and names.index(first) > names.index(later):
            warnings.append(
                f"PLUGINS lists {later!r} before {first!r}: {cost}. "
                f"In pelicanconf.py, list {first!r} before {later!r}."
            )
    return warnings


def warn_of_order(pelican) -> None:
    for warning in order_warnings(pelican.settings.get("PLUGINS") or []):
        logger.warning(warning)
