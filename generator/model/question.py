"""Questions in the bank, and quizzes that draw on them."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from generator.model.base import Id, Markdown, Spec, Text
from generator.model.bloom import BloomLevel

QuestionType = Literal[
    "single_choice",
    "multiple_choice",
    "true_false",
    "short_answer",
    "numeric",
    "matching",
    "essay",
    "practical",
]
CHOICE_TYPES = ("single_choice", "multiple_choice")
Difficulty = Literal["easy", "medium", "hard"]
MAX_OPTIONS = 6  # the workbook has columns A-F


class Option(Spec):
    text: Text
    correct: bool = False
    feedback: Markdown = Field("", description="Shown when a learner picks this option.")


class Numeric(Spec):
    value: float
    tolerance: float = Field(0.0, ge=0)
    unit: str = ""


class Pair(Spec):
    left: Text
    right: Text


class Question(Spec):
    """One question. Which answer fields apply depends on `type`."""

    id: Id
    type: QuestionType
    objectives: list[Id] = Field(min_length=1, description="Ids of the objectives this question assesses.")
    stem: Text
    options: list[Option] = Field(
        default_factory=list, description="Choice questions: the options, in order."
    )
    answer: bool | None = Field(None, description="true_false questions: the correct answer.")
    accepted: list[Text] = Field(
        default_factory=list, description="short_answer questions: accepted answers."
    )
    wildcard: bool = Field(
        False,
        description="short_answer questions: a `*` in an accepted answer matches any text in Moodle "
        "(Canvas has no wildcards and takes it literally); without this, `*` is a plain star.",
    )
    numeric: Numeric | None = Field(None, description="numeric questions: value and tolerance.")
    pairs: list[Pair] = Field(default_factory=list, description="matching questions: left/right pairs.")
    guidance: Markdown = Field("", description="essay and practical questions: what a good answer contains.")
    rubric: Id | None = Field(None, description="essay and practical questions: rubric used to mark it.")
    explanation: Text
    bloom: BloomLevel | None = Field(None, description="Defaults to the level of the first objective's verb.")
    difficulty: Difficulty = "medium"
    points: float = Field(1.0, gt=0)
    tags: list[Id] = Field(default_factory=list)
    graded_only: bool = Field(False, description="Never shown on the student site (exams and LMS only).")


class QuestionSet(Spec):
    """A file of questions in question_bank/, grouped by module."""

    kind: Literal["questions"] = "questions"
    module: Id = Field(description="Id of the module (or workshop day) these questions belong to.")
    questions: list[Question] = Field(min_length=1)


class Draw(Spec):
    """Draw questions from the bank by objective or tag instead of listing them."""

    objectives: list[Id] = Field(default_factory=list)
    tags: list[Id] = Field(default_factory=list)
    count: int = Field(ge=1)


class Quiz(Spec):
    """A quiz: listed questions, drawn questions, or both."""

    kind: Literal["quiz"] = "quiz"
    id: Id
    title: Text
    purpose: Literal["self_check", "final", "exam"] = "self_check"
    intro: Markdown = ""
    questions: list[Id] = Field(default_factory=list)
    draw: Draw | None = None
