"""Rubrics (criteria x four levels) and checklists (items scored 0-2)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from generator.model.base import Id, Markdown, Spec, Text

RUBRIC_LEVELS = (
    ("excellent", "Excellent", 4),
    ("good", "Good", 3),
    ("needs_work", "Needs Work", 2),
    ("incomplete", "Incomplete", 1),
)


DEFAULT_SCALE: dict[Literal[0, 1, 2], str] = {0: "Not done", 1: "Partial", 2: "Complete"}


class Descriptors(Spec):
    """What work at each level looks like."""

    excellent: Text
    good: Text
    needs_work: Text
    incomplete: Text


class Criterion(Spec):
    id: Id
    name: Text
    weight: float = Field(gt=0, le=100, description="Percent of the total; a rubric's weights add up to 100.")
    descriptors: Descriptors
    objectives: list[Id] = Field(default_factory=list, description="Objective ids this criterion assesses.")
    scoring_guidance: Markdown = Field("", description="Instructor-only advice on telling the levels apart.")


class Rubric(Spec):
    kind: Literal["rubric"] = "rubric"
    id: Id
    title: Text
    purpose: Markdown = ""
    criteria: list[Criterion] = Field(min_length=1)


class ChecklistCategory(Spec):
    name: Text
    items: list[Text] = Field(min_length=1)


class Checklist(Spec):
    """Items scored 0 (not done), 1 (partial) or 2 (complete), grouped by category."""

    kind: Literal["checklist"] = "checklist"
    id: Id
    title: Text
    purpose: Markdown = ""
    scale: dict[Literal[0, 1, 2], Text] = Field(default_factory=lambda: dict(DEFAULT_SCALE))
    categories: list[ChecklistCategory] = Field(min_length=1)
    objectives: list[Id] = Field(default_factory=list, description="Objective ids this checklist assesses.")
