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
    exit_code: int = Field(0, description="The exit code the last command is expected to return.")
    timeout: int = Field(60, ge=1, le=3600, description="Seconds before a command is stopped.")
    common_errors: list[CommonError] = Field(default_factory=list)


class Checkpoint(Spec):
    """A question learners answer to show the lab's objective was met."""

    question: Text
    answer: Markdown = Field("", description="Instructor-only model answer.")
    objectives: list[Id] = Field(default_factory=list, description="Objective ids this checkpoint assesses.")


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
    facilitator_notes: Markdown = Field("", description="Instructor-only.")
    resources: list[Resource] = Field(
        default_factory=list, description="Further reading, listed on the worksheet."
    )
