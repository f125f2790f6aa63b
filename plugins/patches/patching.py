"""How a patch replaces what a library defines, and puts it back."""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib.metadata import version


@dataclass
class Replacement:
    """One name of a module or a class, replaced while installed. The original is taken
    from the owner's own namespace, so a property or a function defined on a class comes
    back as it was, not as a bound method."""

    owner: object
    name: str
    replacement: object
    original: object = field(init=False)

    def __post_init__(self):
        self.original = vars(self.owner)[self.name]

    def install(self) -> None:
        setattr(self.owner, self.name, self.replacement)

    def restore(self) -> None:
        setattr(self.owner, self.name, self.original)

    @property
    def installed(self) -> bool:
        return vars(self.owner)[self.name] is self.replacement


@dataclass
class Patch:
    """What one patch module replaces, in one library, checked against one version of it."""

    library: str  # its distribution name, as pip knows it
    checked_against: str  # the pinned version whose code the patch was compared with
    replacements: list[Replacement]

    def install(self) -> None:
        for replacement in self.replacements:
            replacement.install()

    def restore(self) -> None:
        for replacement in self.replacements:
            replacement.restore()

    @property
    def installed(self) -> bool:
        return all(replacement.installed for replacement in self.replacements)

    @property
    def version_installed(self) -> str:
        return version(self.library)


def patch(library: str, checked_against: str, *replacements: tuple[object, str, object]) -> Patch:
    return Patch(library, checked_against, [Replacement(*item) for item in replacements])
