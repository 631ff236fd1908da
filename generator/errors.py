"""One small tree of error types. Each carries the file and line it is about and says how to fix it.

The build collects these instead of stopping at the first one (see :class:`Problems`), so that one
bad seed or annotation never takes the archive down, and reports them all at the end.
"""

from __future__ import annotations

from dataclasses import dataclass, field


class InputError(Exception):
    """Something wrong in an input file, reported as ``file:line:col: message — hint``."""

    def __init__(self, file: str, line: int | None, message: str, hint: str = "", col: int | None = None):
        super().__init__(message)
        self.file = file
        self.line = line
        self.col = col
        self.message = message
        self.hint = hint

    def location(self) -> str:
        parts = [self.file]
        if self.line is not None:
            parts.append(str(self.line))
            if self.col is not None:
                parts.append(str(self.col))
        return ":".join(parts)

    def __str__(self) -> str:
        text = f"{self.location()}: {self.message}"
        return f"{text} — {self.hint}" if self.hint else text

    def sort_key(self) -> tuple:
        return (self.file, self.line or 0, self.col or 0, self.message)


class SeedError(InputError):
    """A seed article cannot be parsed."""


class NoHeadlineError(SeedError):
    """A seed has no line that can be its headline (its sidecar's headline may stand in)."""


class RegistryError(InputError):
    """The entity registry is invalid."""


class AnnotationError(InputError):
    """An annotation file is invalid or its anchor does not match."""


class UsageError(Exception):
    """The command line itself is wrong (exit code 2)."""


@dataclass
class Problems:
    """Collects input errors during a run; the build goes on and fails once at the end."""

    errors: list[InputError] = field(default_factory=list)
    warnings: list[InputError] = field(default_factory=list)

    def add(self, error: InputError) -> None:
        self.errors.append(error)

    def warn(self, warning: InputError) -> None:
        self.warnings.append(warning)

    def extend(self, errors) -> None:
        self.errors.extend(errors)

    def __bool__(self) -> bool:
        return bool(self.errors)

    def sorted(self) -> list[InputError]:
        return sorted(self.errors, key=InputError.sort_key)
