"""The interface's strings in every language of the site, from one YAML file
(theme/strings.yml). Pure Python (no Pelican).

A string is either one text per language, or, where it depends on a number, one text per
plural category of the language (CLDR's, from Babel: English one/other, Russian and
Belarusian one/few/many/other). Every string must be given in every language, with the
same placeholders: a missing one is a problem named with its key, its language and the fix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml
from babel import Locale
from strict_yaml import Refused, StrictYamlLoader

PLACEHOLDER = re.compile(r"\{(\w*)\}")


@dataclass(frozen=True)
class StringProblem:
    key: str  # the string's key, "" for the file as a whole
    message: str
    fix: str


def plural_categories(lang: str) -> frozenset[str]:
    """The plural categories a language's texts must give (always "other")."""
    return frozenset(Locale.parse(lang).plural_form.tags | {"other"})


def load_strings(path: Path, languages) -> tuple[dict[str, dict], list[StringProblem]]:
    """({lang: {key: text or {category: text}}}, problems) of the strings file."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=StrictYamlLoader)
    except OSError as error:
        return {}, [StringProblem("", f"cannot be read ({error.strerror})", "restore the file.")]
    except Refused as error:
        return {}, [StringProblem(str(error.field or ""), str(error), error.fix)]
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" on line {mark.line + 1}" if mark else ""
        return {}, [StringProblem("", f"is not valid YAML{where}", "fix the line it names.")]
    if not isinstance(data, dict):
        return {}, [StringProblem("", "holds no strings", "write one key per string.")]
    by_lang = {lang: {} for lang in languages}
    problems = []
    for key, texts in data.items():
        problems += _check(str(key), texts, languages)
        for lang in languages:
            if isinstance(texts, dict) and lang in texts:
                by_lang[lang][str(key)] = texts[lang]
    return by_lang, problems


def _check(key: str, texts, languages) -> list[StringProblem]:
    if not isinstance(texts, dict):
        return [
            StringProblem(
                key, "is not given per language", "write it as `en: ...`, one line a language."
            )
        ]
    problems = []
    for lang in languages:
        if texts.get(lang) in (None, "", {}):
            problems.append(
                StringProblem(key, f"has no text in {lang!r}", f"add `{lang}: ...` under {key}.")
            )
    given = [texts[lang] for lang in languages if texts.get(lang) not in (None, "", {})]
    if not given:
        return problems
    plural = [isinstance(text, dict) for text in given]
    if any(plural) and not all(plural):
        return [
            *problems,
            StringProblem(
                key, "is plural in some languages only", "give every language its plural forms."
            ),
        ]
    for lang in languages:
        text = texts.get(lang)
        if isinstance(text, dict):
            missing = sorted(plural_categories(lang) - set(text))
            if missing:
                problems.append(
                    StringProblem(
                        key,
                        f"lacks the {lang!r} plural forms {', '.join(missing)}",
                        f"add them under {key}.{lang} "
                        f"({', '.join(sorted(plural_categories(lang)))}).",
                    )
                )
    placeholders = {lang: _placeholders(texts[lang]) for lang in languages if texts.get(lang)}
    first = next(iter(placeholders.values()), set())
    for lang, names in placeholders.items():
        if names != first:
            problems.append(
                StringProblem(
                    key,
                    f"has the placeholders {sorted(names)} in {lang!r}, not {sorted(first)}",
                    "use the same placeholders in every language.",
                )
            )
    return problems


def _placeholders(text) -> set[str]:
    texts = text.values() if isinstance(text, dict) else [text]
    return {name for item in texts for name in PLACEHOLDER.findall(str(item))}


def plural_text(forms, count: int, lang: str) -> str:
    """The form of a plural string for count, in lang."""
    if not isinstance(forms, dict):
        return forms
    return forms.get(_plural_category(lang, count), forms["other"])


@lru_cache(maxsize=4096)
def _plural_category(lang: str, count: int) -> str:
    return Locale.parse(lang).plural_form(count)
