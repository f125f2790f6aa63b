"""The interface in every language of the site: the strings of theme/strings.yml and the
dates as each language writes them (Babel), for the templates.

Jinja globals, so that macros imported without context see them too:
- STRINGS[lang][key]: a text, or for a string that depends on a number its plural forms
  (plural(STRINGS[lang].key, count, lang) picks one);
- DATE_PATTERNS[lang]: the CLDR pattern of a date and time (DATE_PATTERNS in pelicanconf.py);
- LANGUAGE_NAMES[lang]: each language's name in itself (LANGUAGES in pelicanconf.py).
The strings file is read once a build; a string missing in a language stops the build with
its key, its language and the fix (content_checks), and its bytes are part of what every
page is made from (fast_build's site inputs).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from blinker import signal
from content_checks import Problem, display_path, record_problem
from pelican import signals

from .strings import StringProblem, load_strings, plural_text

__all__ = ["InterfaceOfBuild", "register"]

CONTEXT_KEY = "interface_of_build"
DEFAULT_SETTINGS = {"INTERFACE_STRINGS": "strings.yml"}  # in the theme's folder


@dataclass
class InterfaceOfBuild:
    """The strings as this build read them. Owned by this plugin, kept in the context."""

    path: Path
    strings: dict  # {lang: {key: text or {plural category: text}}}
    problems: list[StringProblem] = field(default_factory=list)

    @classmethod
    def of(cls, context) -> InterfaceOfBuild | None:
        return context.get(CONTEXT_KEY)


def strings_path(settings) -> Path:
    return Path(settings["THEME"]) / settings.get("INTERFACE_STRINGS", "strings.yml")


def languages_of(settings) -> list[str]:
    languages = list(settings.get("LANGUAGES") or [settings["DEFAULT_LANG"]])
    return (
        languages
        if settings["DEFAULT_LANG"] in languages
        else [settings["DEFAULT_LANG"], *languages]
    )


def language_names(settings) -> dict[str, str]:
    given = settings.get("LANGUAGES")
    names = dict(given) if isinstance(given, dict) else {}
    return {lang: names.get(lang) or lang for lang in languages_of(settings)}


def add_default_settings(pelican):
    for name, value in DEFAULT_SETTINGS.items():
        pelican.settings.setdefault(name, value)


def give_templates_the_interface(generator):
    """At each generator's start: the build's strings (read at the first) in its Jinja
    environment."""
    interface = InterfaceOfBuild.of(generator.context)
    if interface is None:
        path = strings_path(generator.settings)
        strings, problems = load_strings(path, languages_of(generator.settings))
        interface = generator.context[CONTEXT_KEY] = InterfaceOfBuild(path, strings, problems)
        for problem in problems:
            record_problem(generator.context, _as_content_problem(path, problem))
    settings = generator.settings
    generator.env.globals.update(
        STRINGS=interface.strings,
        DATE_PATTERNS=settings["DATE_PATTERNS"],
        LANGUAGE_NAMES=language_names(settings),
        plural=plural_text,
    )


def _as_content_problem(path: Path, problem: StringProblem) -> Problem:
    return Problem(display_path(str(path)), problem.key, problem.message, problem.fix)


def strings_as_site_input(settings) -> list[Path]:
    """Every page shows interface strings (fast_build)."""
    return [strings_path(settings)] if settings.get("THEME") else []


def register():
    signals.initialized.connect(add_default_settings)
    signals.generator_init.connect(give_templates_the_interface)
    signal("fast_build.site_inputs").connect(strings_as_site_input)
