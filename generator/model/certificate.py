"""A certificate of completion: what it says, who signs it, and which objectives it lists as competencies."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from generator.model.base import Id, Markdown, Spec, Text

# What one landscape page holds at a readable size (checked by the certificate rules): competencies,
# characters per competency (its objective's statement), and characters per field.
MAX_COMPETENCIES = 8
MAX_COMPETENCY = 150
MAX_CHARACTERS = {"title": 60, "text": 200, "awarded_for": 100, "note": 140}


class Signatory(Spec):
    """Who signs the certificate, e.g. the lead facilitator."""

    name: Text
    role: Text = Field(description="Printed under the name, e.g. 'Lead facilitator'.")


class Certificate(Spec):
    """curriculum/certificate.yaml: one printable certificate per participant of a roster."""

    kind: Literal["certificate"] = "certificate"
    id: Id
    title: Text = Field(description="The heading, e.g. 'Certificate of completion'.")
    text: Text = Field(description="What the participant did, printed under their name.")
    awarded_for: Text = Field(
        "", description="What was completed, printed after the text; default: the course title."
    )
    signatory: Signatory
    competencies: list[Id] = Field(
        min_length=1, description="Objective ids listed as the competencies achieved, in this order."
    )
    note: Markdown = Field("", description="A line printed at the foot, e.g. how many hours it took.")
