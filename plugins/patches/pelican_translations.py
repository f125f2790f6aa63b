"""pelican.utils.process_translations in linear time, as the generators call it.

Checked against pelican 4.12.0. Its last line, `[x for x in content_list if x not in
index]`, looks each article up in a list of all of them: 10,000 articles cost some 50
million comparisons (Content.__eq__ is Python's default, identity). Here the same line
with a set of ids. Pelican's generators import the function by name, so it is replaced in
pelican.generators. A copy, as the line is inside the function and no smaller override
reaches it. Proposed upstream: docs/upstream.md.
"""

from __future__ import annotations

from itertools import groupby
from operator import attrgetter

import pelican.generators
from pelican.utils import get_original_items

from .patching import patch


def process_translations(content_list, translation_id=None):
    """Pelican's, line for line, but for the last."""
    if not translation_id:
        return content_list, []
    if isinstance(translation_id, str):
        translation_id = {translation_id}
    index = []
    try:
        content_list.sort(key=attrgetter(*translation_id))
    except TypeError:
        raise TypeError(
            f"Cannot unpack {translation_id}, 'translation_id' must be falsy, a"
            " string or a collection of strings"
        ) from None
    except AttributeError:
        raise AttributeError(
            f"Cannot use {translation_id} as 'translation_id', there "
            "appear to be items without these metadata "
            "attributes"
        ) from None
    for id_vals, items in groupby(content_list, attrgetter(*translation_id)):
        id_vals = (id_vals,) if len(translation_id) == 1 else id_vals
        with_str = "with" + ", ".join([' {} "{{}}"'] * len(translation_id)).format(
            *translation_id
        ).format(*id_vals)
        items = list(items)
        index.extend(get_original_items(items, with_str))
        for a in items:
            a.translations = [x for x in items if x != a]
    in_index = {id(item) for item in index}
    return index, [x for x in content_list if id(x) not in in_index]


PATCH = patch(
    "pelican", "4.12.0", (pelican.generators, "process_translations", process_translations)
)
install, restore = PATCH.install, PATCH.restore
