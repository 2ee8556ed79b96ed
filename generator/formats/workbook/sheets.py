"""The workbook's sheet names: fixed ones, and a scoring sheet per rubric and checklist named after its id.

Excel allows at most 31 characters in a sheet name, none of [ ] : * ? / \\, and no two names that differ
only in case; names derived from ids are shortened and made unique here, for the writer and the checks.
"""

from __future__ import annotations

import re

from generator.model.course import Course
from generator.model.rubric import Checklist, Rubric

SHEET_NAME_MAX = 31
FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
FIXED = ("Questions", "Blueprint", "Feedback", "Guide", "Lists")
PREFIXES = {Rubric: "Rubric", Checklist: "Checklist"}


def sheet_title(prefix: str, spec_id: str, taken: set[str]) -> str:
    """An Excel-safe, unique sheet name of at most 31 characters; `taken` holds the lower-cased names used."""
    base = FORBIDDEN.sub("-", f"{prefix} {spec_id}" if prefix else spec_id)[:SHEET_NAME_MAX]
    title, n = base, 2
    while title.lower() in taken:
        suffix = f" ({n})"
        title, n = base[: SHEET_NAME_MAX - len(suffix)] + suffix, n + 1
    taken.add(title.lower())
    return title


def scoring_sheets(course: Course) -> list[tuple[Rubric | Checklist, str]]:
    """Every rubric, then every checklist, with the name of its scoring sheet."""
    taken = {name.lower() for name in FIXED}
    specs: list[Rubric | Checklist] = [*course.rubrics.values(), *course.checklists.values()]
    return [(spec, sheet_title(PREFIXES[type(spec)], spec.id, taken)) for spec in specs]


def full_name(spec: Rubric | Checklist) -> str:
    """The sheet name before any shortening."""
    return f"{PREFIXES[type(spec)]} {spec.id}"
