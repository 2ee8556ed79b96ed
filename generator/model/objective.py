"""Learning objectives: a Bloom verb, what the learner does, and how we will know."""

from __future__ import annotations

from pydantic import Field

from generator.model.base import Id, Spec, Text


class Objective(Spec):
    """A specific, measurable learning objective."""

    id: Id
    verb: str = Field(
        min_length=2,
        description="The Bloom verb the objective starts with, e.g. 'Implement'; a course can add "
        "its own verbs in course.yaml (vocabulary.bloom_verbs).",
    )
    text: Text = Field(description="The rest of the objective after the verb.")
    outcome: Text = Field(description="The measurable outcome that shows the objective was met.")

    @property
    def statement(self) -> str:
        """The objective as one sentence, verb first."""
        return f"{self.verb.strip().capitalize()} {self.text.strip()}"
