"""The actors registry (content/actors.yml): one canonical name per actor, its name in each
other language of the site, its aliases (in any script), its kind and a short description
(one, or one per language). Pure Python: no Pelican import.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

import jsonschema
import yaml
from strict_yaml import StrictYamlLoader

from .inflection import name_forms

KINDS = ("person", "organisation", "state")
SCHEMA = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["name", "kind"],
        "additionalProperties": False,
        "properties": {
            "name": {"type": "string", "pattern": r"\S"},
            "kind": {"enum": list(KINDS)},
            "names": {  # {ru: Сергей Лавров, be: Сяргей Лаўроў}
                "type": "object",
                "additionalProperties": {"type": "string", "pattern": r"\S"},
            },
            "aliases": {"type": "array", "items": {"type": "string", "pattern": r"\S"}},
            # case forms that inflection.py does not find ("Лаўрова" of "Лаўроў")
            "forms": {"type": "array", "items": {"type": "string", "pattern": r"\S"}},
            "description": {
                "oneOf": [
                    {"type": "string"},
                    {"type": "object", "additionalProperties": {"type": "string"}},
                ]
            },
        },
    },
}


@dataclass(frozen=True)
class Entry:
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    description: str = ""  # in the default language
    names: tuple[tuple[str, str], ...] = ()  # (lang, name) in the other languages
    descriptions: tuple[tuple[str, str], ...] = ()  # (lang, description)
    forms: tuple[str, ...] = ()  # case forms of its names, where inflection.py misses them

    def spellings(self) -> tuple[str, ...]:
        """Every way of writing the actor that resolves to it: name, names, aliases."""
        return (self.name, *(name for _, name in self.names), *self.aliases)


@dataclass(frozen=True)
class RegistryProblem:
    """What is wrong in the registry file: (where, what, how to fix)."""

    where: str
    message: str
    fix: str


class Registry:
    def __init__(self, entries: list[Entry], problems: list[RegistryProblem] = ()):
        self.entries = entries
        self.problems = list(problems)
        self._by_form: dict[str, Entry | None] | None = None  # made at the first miss
        self._by_spelling: dict[str, Entry] = {}
        for entry in entries:
            for spelling in entry.spellings():
                known = self._by_spelling.setdefault(spelling.casefold(), entry)
                if known is not entry:
                    self.problems.append(
                        RegistryProblem(
                            entry.name,
                            f"{spelling!r} already names {known.name!r}.",
                            "keep each name and alias for one actor only.",
                        )
                    )

    def slug_clashes(self, slug_of) -> list[RegistryProblem]:
        """Actors whose names make the same page name: slug_of(name) -> slug."""
        first_by_slug: dict[str, str] = {}
        found = []
        for entry in self.entries:
            first = first_by_slug.setdefault(slug_of(entry.name), entry.name)
            if first != entry.name:
                found.append(
                    RegistryProblem(
                        entry.name,
                        f"makes the same page name as {first!r} ({slug_of(entry.name)!r}): "
                        "one of the two would vanish from the articles.",
                        "name one of them in other words, or make one an alias of the other.",
                    )
                )
        return found

    def __bool__(self) -> bool:
        return bool(self.entries)

    def find(self, spelling: str) -> Entry | None:
        """The actor a name or alias stands for, whatever its letter case, or written in
        another grammatical case ("Лаврова": Sergei Lavrov; inflection.py)."""
        key = spelling.strip().casefold()
        found = self._by_spelling.get(key)
        if found is None:
            found = self._forms().get(" ".join(key.replace("ё", "е").split()))
        return found

    def _forms(self) -> dict[str, Entry | None]:
        """Each case form of each Cyrillic name and alias: its actor (None when the form
        is one of two actors')."""
        if self._by_form is None:
            self._by_form = {}
            for entry in self.entries:
                forms = {f.casefold() for f in entry.forms}
                for spelling in entry.spellings():
                    forms |= name_forms(spelling)
                for form in forms:
                    known = self._by_form.setdefault(form, entry)
                    if known is not entry:
                        self._by_form[form] = None
        return self._by_form

    def suggest(self, spelling: str, count: int = 3) -> list[str]:
        """Canonical names whose name or an alias is close to spelling (difflib)."""
        close = difflib.get_close_matches(
            spelling.casefold(), list(self._by_spelling), n=count * 2, cutoff=0.6
        )
        return list(dict.fromkeys(self._by_spelling[c].name for c in close))[:count]


def load_registry(path: Path) -> Registry:
    """The registry in path; an empty one if there is no such file."""
    if not path.is_file():
        return Registry([])
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=StrictYamlLoader) or []
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark else "the file"
        reason = getattr(error, "problem", None) or str(error).splitlines()[0]
        fix = "correct that line: a value holding ': ' or starting with [ must be quoted."
        return Registry([], [RegistryProblem(where, f"not valid YAML ({reason}).", fix)])
    errors = list(jsonschema.Draft202012Validator(SCHEMA).iter_errors(data))
    if errors:
        return Registry([], [_problem(error, data) for error in errors])
    return Registry([_entry(item) for item in data])


def _entry(item: dict) -> Entry:
    description = item.get("description", "")
    described = description if isinstance(description, dict) else {}
    return Entry(
        name=item["name"].strip(),
        kind=item["kind"],
        aliases=tuple(a.strip() for a in item.get("aliases", [])),
        description=description.strip() if isinstance(description, str) else "",
        names=tuple((lang, name.strip()) for lang, name in sorted(item.get("names", {}).items())),
        descriptions=tuple((lang, text.strip()) for lang, text in sorted(described.items())),
        forms=tuple(f.strip() for f in item.get("forms", [])),
    )


def _problem(error: jsonschema.ValidationError, data) -> RegistryProblem:
    path = list(error.absolute_path)
    where = "the file"
    if path:
        item = data[path[0]]
        name = item.get("name") if isinstance(item, dict) else None
        where = f"entry {path[0] + 1}" + (f" ({name})" if name else "")
    if error.validator == "enum":
        return RegistryProblem(
            where, f"kind {error.instance!r} is unknown.", f"use one of: {', '.join(KINDS)}."
        )
    if error.validator == "additionalProperties":
        return RegistryProblem(
            where,
            error.message + ".",
            "use only name, names, kind, aliases, forms and description.",
        )
    if error.validator == "required":
        return RegistryProblem(where, error.message + ".", "give each actor a name and a kind.")
    return RegistryProblem(where, error.message + ".", "see the example at the top of the file.")
