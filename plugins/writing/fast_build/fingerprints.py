"""What a page is made from, as one digest: a page whose digest has not changed since
the last build need not be rendered again (no Pelican here).

A page's fingerprint covers the site (settings, theme, plugin code), its file name and
template, and the digest of every value the template can read: the names a template
reads are found in its source (and in the templates it extends, includes and imports) by
jinja2.meta. Values are digested by kind: text and numbers by value, lists and dicts by
their items, and objects through handlers given by the caller (an article by its
source file, a tag by its name). A value of no known kind makes the page "unknown"
(None): it is always rendered.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import NamedTuple

from jinja2 import Environment, meta

from .digests import digest

SCALARS = (str, int, float, bool, type(None))


class Reads(NamedTuple):
    names: frozenset  # every name the template reads
    source: str  # digest of its source and of the templates it uses
    looked_up: tuple  # the names that can come from the context: not settings, sorted


class TemplateReads:
    """The context names a template reads, and a digest of its source, each with those
    of the templates it extends, includes and imports."""

    def __init__(self, environment):
        self.environment = environment
        self._found: dict[str, tuple] = {}

    def of(self, template_name: str) -> Reads | None:
        """None when a template is chosen at run time (then anything may be read)."""
        if template_name not in self._found:
            self._found[template_name] = Reads(frozenset(), "", ())  # a cycle adds nothing
            self._found[template_name] = self._find(template_name)
        return self._found[template_name]

    def _find(self, template_name: str):
        source = self.environment.loader.get_source(self.environment, template_name)[0]
        declared, referenced = names_in_source(source, _syntax(self.environment))
        names = set(declared)
        sources = [template_name, source]
        for used in referenced:
            found = None if used is None else self.of(used)
            if found is None:
                return None
            names |= found.names
            sources.append(found.source)
        looked_up = tuple(sorted(name for name in names if not name.isupper()))
        return Reads(frozenset(names), digest(*sources), looked_up)


def _syntax(environment) -> tuple:
    """What decides how Jinja reads a source: delimiters, options, extensions, and the
    names of its filters and tests."""
    return (
        environment.block_start_string,
        environment.block_end_string,
        environment.variable_start_string,
        environment.variable_end_string,
        environment.comment_start_string,
        environment.comment_end_string,
        environment.line_statement_prefix,
        environment.line_comment_prefix,
        environment.trim_blocks,
        environment.lstrip_blocks,
        tuple(sorted(environment.extensions)),
        tuple(sorted(environment.filters)),  # (find_undeclared_variables compiles the
        tuple(sorted(environment.tests)),  # template: an unknown filter or test fails it)
    )


@functools.lru_cache(maxsize=1024)
def names_in_source(source: str, syntax: tuple) -> tuple[frozenset, tuple]:
    """(the names a template source reads, the templates it uses, sorted; None for one
    chosen at run time). Kept for the process: each build makes a new Jinja environment,
    and parsing every template again cost 0.3 s of a small site's build."""
    *options, extensions, filters, tests = syntax
    environment = Environment(**dict(zip(_SYNTAX_OPTIONS, options, strict=True)))
    for extension in extensions:
        environment.add_extension(extension)
    environment.filters = dict.fromkeys(filters, _unused)
    environment.tests = dict.fromkeys(tests, _unused)
    tree = environment.parse(source)
    return (
        frozenset(meta.find_undeclared_variables(tree)),
        tuple(sorted(meta.find_referenced_templates(tree), key=str)),
    )


def _unused(*args, **kwargs):  # a filter or test as the analysis sees it: never called
    raise NotImplementedError


_SYNTAX_OPTIONS = (
    "block_start_string",
    "block_end_string",
    "variable_start_string",
    "variable_end_string",
    "comment_start_string",
    "comment_end_string",
    "line_statement_prefix",
    "line_comment_prefix",
    "trim_blocks",
    "lstrip_blocks",
)


class Digester:
    """Digests of values, each list, dict and object digested once per build."""

    def __init__(self, handlers: list[tuple[type, object]]):
        self.handlers = handlers  # [(type, function(value, digester) -> str | None)]
        self._memo: dict[int, tuple[object, str | None]] = {}

    def of(self, value) -> str | None:
        if isinstance(value, SCALARS):
            return f"{type(value).__name__}:{value}"
        if isinstance(value, (dt.date, dt.time)):
            return f"{type(value).__name__}:{value.isoformat()}"
        known = self._memo.get(id(value))
        if known is not None and known[0] is value:
            return known[1]
        result = self._compute(value)
        self._memo[id(value)] = (value, result)  # keeps value alive, so its id stays its own
        return result

    def _compute(self, value) -> str | None:
        for kind, handler in self.handlers:
            if isinstance(value, kind):
                return handler(value, self)
        if isinstance(value, (list, tuple, set, frozenset)):
            items = value if isinstance(value, (list, tuple)) else sorted(value, key=repr)
            return self.combine(self.of(item) for item in items)
        if isinstance(value, dict):
            return self.combine(
                f"{self.of(key)}={self.of(item)}" for key, item in sorted(value.items(), key=_key)
            )
        return None

    @staticmethod
    def combine(parts) -> str | None:
        parts = list(parts)
        if any(part is None for part in parts):
            return None
        return digest(*parts)


def page_fingerprint(
    site: str,
    digester: Digester,
    reads: Reads | None,
    name: str,
    layers: tuple[dict, ...],
    always: dict,
    subject=None,
    skip=(),
) -> str | None:
    """The fingerprint of one written file: None if it cannot be told (render it).

    reads: TemplateReads.of(the template). layers: what the template can read, the first
    layer that has a name giving it (kwargs, then the global context); only the names it
    reads count, settings (upper case) being part of `site`. always: values that count
    whatever the template reads. subject:
    (name, function) for the one value the page is about ("article"), digested in full
    (its similar articles, translations), where a list shows other articles as cards.
    skip: names left to the caller (a paginated list, counted page by page)."""
    if reads is None:
        return None
    parts = [site, name, reads.source]
    for key in reads.looked_up:
        if key in skip:
            continue
        layer = next((layer for layer in layers if key in layer), None)
        if layer is None:
            continue
        about = subject is not None and key == subject[0]
        value_digest = subject[1](layer[key]) if about else digester.of(layer[key])
        if value_digest is None:
            return None
        parts.append(f"{key}={value_digest}")
    for key in sorted(always):
        value_digest = digester.of(always[key])
        if value_digest is None:
            return None
        parts.append(f"{key}*={value_digest}")
    return digest(*parts)


def _key(item):
    return repr(item[0])
