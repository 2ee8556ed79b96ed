"""Learning objectives: a Bloom verb, what the learner does, and how we will know."""

from __future__ import annotations

from pydantic import Field

from generator.model.base import Id, Spec, Text
from generator.model.bloom import BloomLevel, level_of


class Objective(Spec):
    """A specific, measurable learning objective."""

    id: Id
    verb: str = Field(min_length=2, description="The Bloom verb the objective starts with, e.g. 'Implement'.")
    text: Text = Field(description="The rest of the objective after the verb.")
    outcome: Text = Field(description="The measurable outcome that shows the objective was met.")

    @property
    def statement(self) -> str:
        """The objective as one sentence, verb first."""
        return f"{self.verb.strip().capitalize()} {self.text.strip()}"

    @property
    def bloom_level(self) -> BloomLevel | None:
        return level_of(self.verb)
