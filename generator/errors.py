"""Issues (located problems in specs) and the errors the toolkit raises."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path


class Level(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class SourceLocation:
    """A place in a spec file; line and column are 1-based (0 when unknown)."""

    file: str
    line: int = 0
    col: int = 0

    def __str__(self) -> str:
        if self.line:
            return f"{self.file}:{self.line}:{self.col}"
        return self.file


@dataclass(frozen=True)
class Issue:
    """One problem found in the specs, with where it is and how to fix it."""

    level: Level
    location: SourceLocation
    field: str
    message: str
    hint: str = ""
    rule: str = ""

    def sort_key(self) -> tuple[str, int, int, str, str]:
        loc = self.location
        return (loc.file, loc.line, loc.col, self.field, self.message)

    def format(self) -> str:
        """`path:line:col: field: message. hint` — the one-line form editors and CI understand."""
        text = f"{self.location}: "
        if self.field:
            text += f"{self.field}: "
        text += self.message.rstrip(".") + "."
        if self.hint:
            hint = self.hint.rstrip(".")
            text += " " + (hint if hint.endswith(("?", "!")) else hint + ".")
        return text

    def to_dict(self) -> dict[str, object]:
        return {
            "level": str(self.level),
            "file": self.location.file,
            "line": self.location.line,
            "column": self.location.col,
            "field": self.field,
            "message": self.message,
            "hint": self.hint,
            "rule": self.rule,
        }


def sort_issues(issues: list[Issue]) -> list[Issue]:
    return sorted(issues, key=Issue.sort_key)


class ToolkitError(Exception):
    """A user error: printed as a clean message, exit code 1. Never a bug."""


@dataclass
class CourseNotFound(ToolkitError):
    """No folder at or above the one given holds a course; `hint` says how to name one (the CLI sets it)."""

    start: Path
    hint: str = "Run the command inside a course or point it at one"

    def __str__(self) -> str:
        return (
            f"no course found in '{self.start}' or any folder above it: a course is a folder holding "
            f"curriculum/course.yaml. {self.hint}, or start one with `curriculum init my-course`."
        )


@dataclass
class CourseError(ToolkitError):
    """The specs have problems; carries every issue found in one run."""

    issues: list[Issue] = field(default_factory=list)
    root: Path | None = None

    def __str__(self) -> str:
        errors = [i for i in self.issues if i.level is Level.ERROR]
        lines = [i.format() for i in sort_issues(self.issues)]
        head = f"{len(errors)} error(s) in the course specs"
        return "\n".join([head, *lines])

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.level is Level.ERROR]
