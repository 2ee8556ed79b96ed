"""A certificate of completion: what it says, who signs it, and which objectives it lists as competencies."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from generator.model.base import Id, Markdown, Spec, Text

# One landscape page holds this many competencies at a readable size (checked by the certificate rules).
MAX_COMPETENCIES = 8


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
