"""A lesson: one teaching block, by default 10 min lecture, 20 min activity, 10 min debrief."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from generator.model.base import Id, Markdown, Minutes, Spec, Text
from generator.model.objective import Objective
from generator.model.resource import Resource

LessonFormat = Literal["10-20-10", "lab", "showcase", "custom"]
STANDARD_TIMING = {"lecture": 10, "activity": 20, "debrief": 10}


class CommonError(Spec):
    """A mistake learners often make, and how to put it right."""

    error: Text
    fix: Text


class Lecture(Spec):
    minutes: Minutes = 10
    key_points: list[Text] = Field(min_length=1, max_length=3, description="At most three key points.")
    notes: Markdown = Field("", description="Lecture notes shown to students under the key points.")


class Activity(Spec):
    minutes: Minutes = 20
    title: Text
    instructions: Text = Field(description="What students do, step by step.")
    expected_outcome: Text
    tiers: dict[str, Markdown] = Field(
        default_factory=dict,
        description="Variants per tier, keyed by tier id (L1 templates, L2 design, L3 advanced).",
    )
    by_role: dict[str, Markdown] = Field(
        default_factory=dict, description="Variants per role, keyed by role id."
    )


class Debrief(Spec):
    minutes: Minutes = 10
    questions: list[Text] = Field(min_length=1, description="Questions the facilitator asks.")
    common_errors: list[CommonError] = Field(default_factory=list)


class CriticalMoment(Spec):
    """Where a block tends to go wrong, and what the facilitator does then. Instructor-only."""

    moment: Text
    intervention: Text


class LessonAssessment(Spec):
    """The lesson's quiz: 3-5 questions from the bank plus one practical task."""

    questions: list[Id] = Field(description="Question ids from question_bank/.")
    practical_task: Id | None = Field(None, description="Id of a question of type 'practical'.")


class Diagram(Spec):
    """A simple left-to-right flow drawn as editable shapes on slides and as a figure on the site."""

    title: Text
    steps: list[Text] = Field(min_length=2, max_length=8)


class Lesson(Spec):
    """One teaching block of a module."""

    kind: Literal["lesson"] = "lesson"
    id: Id
    title: Text
    format: LessonFormat = Field("10-20-10", description="10-20-10 (40 min) unless declared otherwise.")
    minutes: Minutes | None = Field(
        None, description="Total minutes; required when the format is not 10-20-10."
    )
    summary: Markdown = ""
    objectives: list[Objective] = Field(default_factory=list, description="Lesson-level learning objectives.")
    prerequisites: list[Text] = Field(default_factory=list)
    materials: list[Text] = Field(default_factory=list)
    lecture: Lecture
    activity: Activity
    debrief: Debrief
    key_takeaway: Text
    diagram: Diagram | None = None
    assessment: LessonAssessment | None = None
    facilitator_notes: Markdown = Field("", description="Instructor-only: never shown to students.")
    critical_moments: list[CriticalMoment] = Field(default_factory=list, description="Instructor-only.")
    resources: list[Resource] = Field(
        default_factory=list,
        description="Further reading, shown with the lesson and on its deck's last slide.",
    )

    @property
    def total_minutes(self) -> int:
        return self.lecture.minutes + self.activity.minutes + self.debrief.minutes
