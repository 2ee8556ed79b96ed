"""A lab: a hands-on worksheet whose every command and expected output is verified."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from generator.model.base import Id, Markdown, Minutes, Spec, Text
from generator.model.lesson import CommonError
from generator.model.resource import Resource

MatchMode = Literal["exact", "contains", "regex", "table", "exit_code"]


class Match(Spec):
    """How a step's printed output is compared with the expected output."""

    mode: MatchMode = "exact"
    ordered: bool = Field(True, description="table mode: rows must come in the same order.")
    tolerance: float = Field(0.0, ge=0, description="table mode: allowed numeric difference.")


class LabStep(Spec):
    title: Text
    what: Text = Field(description="What you'll do in this step, and why.")
    commands: list[Text] = Field(default_factory=list, description="Shell commands, run in order.")
    expected_output: str | None = Field(None, description="What the commands print (stdout).")
    match: Match = Field(default_factory=Match)
    output_is_answer: bool = Field(
        False,
        description="The expected output is what students must work out: the student site and handouts "
        "leave it out; the instructor guide shows it.",
    )
    exit_code: int = Field(0, description="The exit code the last command is expected to return.")
    timeout: int = Field(60, ge=1, le=3600, description="Seconds before a command is stopped.")
    common_errors: list[CommonError] = Field(default_factory=list)


class Checkpoint(Spec):
    """A question learners answer to show the lab's objective was met."""

    question: Text
    answer: Markdown = Field("", description="Instructor-only model answer.")
    objectives: list[Id] = Field(default_factory=list, description="Objective ids this checkpoint assesses.")


class GradingCheck(Spec):
    """A check of a student's finished work: commands run in their folder, and what they must print."""

    id: Id
    title: Text = Field(description="What is checked, as the student reads it on the worksheet and feedback.")
    commands: list[Text] = Field(min_length=1, description="Shell commands run in the student's folder.")
    expected_output: str | None = Field(None, description="What the commands print when the work is right.")
    match: Match = Field(default_factory=Match)
    exit_code: int = Field(0, description="The exit code the last command returns when the work is right.")
    timeout: int = Field(60, ge=1, le=3600, description="Seconds before a command is stopped.")
    points: float = Field(gt=0, le=1000, description="Points the student earns when the check passes.")
    message: Text = Field(description="What the student reads when the check fails: a hint, not the answer.")
    hidden: bool = Field(False, description="Run when grading only; never shown on the student site.")
    criterion: Id | None = Field(None, description="Id of the lab rubric's criterion this check scores.")


class Lab(Spec):
    """A lab worksheet: real commands, each with the output it is expected to print."""

    kind: Literal["lab"] = "lab"
    id: Id
    title: Text
    objective: Text = Field(description="What learners will have achieved by the end.")
    minutes: Minutes
    prerequisites: list[Text] = Field(default_factory=list)
    starts_from: Id | None = Field(None, description="Id of a lab whose end state this lab starts from.")
    steps: list[LabStep] = Field(min_length=1)
    checkpoints: list[Checkpoint] = Field(default_factory=list)
    submission: Markdown = ""
    rubric: Id | None = Field(None, description="Id of the rubric submissions of this lab are marked with.")
    grading: list[GradingCheck] = Field(
        default_factory=list, description="Checks `curriculum grade` runs on each student's folder."
    )
    facilitator_notes: Markdown = Field("", description="Instructor-only.")
    resources: list[Resource] = Field(
        default_factory=list, description="Further reading, listed on the worksheet."
    )
