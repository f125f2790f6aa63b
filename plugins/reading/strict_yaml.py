"""YAML as this site reads it: PyYAML's safe loader, without aliases, repeated keys or deep
nesting. Pure Python (no Pelican), shared by the front-matter checks and the actors
registry."""

from __future__ import annotations

import yaml

MAX_DEPTH = 20  # a front matter or a registry needs three levels; a deeper one is a mistake


class StrictYamlLoader(yaml.SafeLoader):
    """PyYAML's safe loader that refuses aliases (*name), repeated keys and deep nesting.

    An alias lets a few lines stand for millions of values ("billion laughs"); a repeated
    key silently replaces the first value with the second; thousands of nested brackets
    cost seconds of recursion before Python gives up.
    """

    depth = 0

    def compose_node(self, parent, index):
        if self.depth >= MAX_DEPTH:
            raise Refused(
                self.peek_event().start_mark,
                f"lists or mappings are nested more than {MAX_DEPTH} deep",
                "write each field as 'field: value' or as a list of '- item' lines.",
            )
        self.depth += 1
        try:
            return self._compose_one(parent, index)
        finally:
            self.depth -= 1

    def _compose_one(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise Refused(
                event.start_mark,
                f"a YAML alias (*{event.anchor}) repeats another value",
                "write the value out in full; this site reads no YAML aliases or anchors.",
            )
        return super().compose_node(parent, index)

    def construct_mapping(self, node, deep=False):
        seen = {}
        for key_node, _ in node.value:
            key = str(key_node.value).lower()
            if key in seen:
                raise Refused(
                    key_node.start_mark,
                    "is given twice (first on line {first}); only the second would be kept",
                    "keep one of the two lines.",
                    field=key,
                    first=seen[key],
                )
            seen[key] = key_node.start_mark.line
        return super().construct_mapping(node, deep)


class Refused(yaml.YAMLError):
    def __init__(self, mark, message, fix, field="", first=None):
        super().__init__(message)
        self.problem_mark, self.message, self.problem, self.fix = mark, message, message, fix
        self.field, self.first = field, first
