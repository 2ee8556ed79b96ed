"""A feedback form: statements rated on a scale and open questions, printed, exported and collected."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from generator.model.base import Id, Markdown, Spec, Text


class RatingScale(Spec):
    """The scale every rating uses, e.g. 1 (poor) to 5 (excellent)."""

    low: int = Field(1, ge=0, description="The lowest rating.")
    high: int = Field(5, le=10, description="The highest rating.")
    low_label: Text = Field("Poor", description="What the lowest rating means.")
    high_label: Text = Field("Excellent", description="What the highest rating means.")

    @property
    def points(self) -> list[int]:
        return list(range(self.low, self.high + 1))


class Rating(Spec):
    id: Id
    text: Text = Field(description="What is rated, e.g. 'Overall quality of the course'.")


class OpenQuestion(Spec):
    id: Id
    text: Text


class FeedbackForm(Spec):
    """curriculum/feedback.yaml: the form participants fill in at the end of the course."""

    kind: Literal["feedback"] = "feedback"
    id: Id
    title: Text
    intro: Markdown = Field("", description="Printed above the questions, e.g. when to fill it in.")
    scale: RatingScale = Field(default_factory=RatingScale)
    ratings: list[Rating] = Field(min_length=1)
    open_questions: list[OpenQuestion] = Field(default_factory=list)

    @property
    def question_ids(self) -> list[str]:
        return [r.id for r in self.ratings] + [q.id for q in self.open_questions]
