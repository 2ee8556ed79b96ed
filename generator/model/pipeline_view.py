"""The layered pipeline view: every layer from source to consumption, seen through several lenses."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from generator.model.base import Id, Markdown, Spec, Text


class Lens(Spec):
    id: Id
    name: Text


class Layer(Spec):
    id: Id
    title: Text
    summary: Markdown = ""
    lenses: dict[str, Text] = Field(description="Text for each lens, keyed by lens id.")


class PipelineView(Spec):
    kind: Literal["pipeline_view"] = "pipeline_view"
    id: Id
    title: Text
    intro: Markdown = ""
    lenses: list[Lens] = Field(min_length=1)
    layers: list[Layer] = Field(min_length=1)
