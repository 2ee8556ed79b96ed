"""Rules over the whole course. Each is a small named function that returns issues and never raises.

Why a registry: `curriculum validate` runs every rule and reports everything in one pass, and a
new rule is one decorated function in the module for its topic.
"""

from __future__ import annotations

import dataclasses
import difflib
from collections.abc import Callable, Iterable
from importlib import import_module

from generator.errors import Issue, Level
from generator.model.base import Spec
from generator.model.course import Course

Rule = Callable[[Course], Iterable[Issue]]
RULES: dict[str, Rule] = {}
_MODULES = (
    "ids",
    "references",
    "timing",
    "objectives",
    "questions",
    "rubrics",
    "lab_files",
    "resources",
    "labs",
    "grading",
    "certificate",
    "feedback",
    "limits.text",
    "limits.workbook",
    "limits.decks",
    "limits.deck_slides",
    "limits.lms",
)


def rule(name: str) -> Callable[[Rule], Rule]:
    """Register a course-wide rule under `name` (shown in JSON output and docs)."""

    def register(func: Rule) -> Rule:
        RULES[name] = func
        return func

    return register


def run_checks(course: Course) -> list[Issue]:
    """Every rule's issues, each tagged with the rule that found it."""
    for module in _MODULES:
        import_module(f"generator.checks.{module}")
    found: list[Issue] = []
    for name, func in RULES.items():
        found += [dataclasses.replace(i, rule=name) for i in func(course)]
    return found


def error(obj: Spec, *path: str | int, message: str, hint: str = "", key: bool = False) -> Issue:
    return Issue(Level.ERROR, obj.loc(*path, key=key), obj.field_name(*path), message, hint)


def warning(obj: Spec, *path: str | int, message: str, hint: str = "", key: bool = False) -> Issue:
    return Issue(Level.WARNING, obj.loc(*path, key=key), obj.field_name(*path), message, hint)


def a(noun: str) -> str:
    """'an essay', 'a lab': the noun with its indefinite article."""
    return f"{'an' if noun[:1].lower() in 'aeiou' else 'a'} {noun}"


def did_you_mean(word: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(known), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else ""
