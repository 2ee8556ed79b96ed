"""The layered pipeline view as a deck: the layers as a flow, then one slide per layer with each lens."""

from __future__ import annotations

from generator.formats.decks.markdown import Para, Run, inline, plain
from generator.formats.decks.slides import LAYER_COLUMNS, layer_rows, layer_title
from generator.model.pipeline_view import PipelineView
from generator.outputs.decks.builder import DeckBuilder, note
from generator.outputs.decks.shapes import flow_diagram

PER_ROW = 6  # layer boxes per overview slide: more would squeeze their names into single letters


def pipeline_slides(b: DeckBuilder, view: PipelineView) -> None:
    intro = note(view.intro) if view.intro else []
    lens_names = ", ".join(plain(lens.name) for lens in view.lenses)
    b.opening(
        "title",
        view.title,
        [Para((Run(f"{len(view.layers)} layers, seen as: {lens_names}"),))],
        [Para((Run(f"{len(view.layers)} layers, {len(view.lenses)} lenses", bold=True),)), *intro],
    )
    chunks = [view.layers[i : i + PER_ROW] for i in range(0, len(view.layers), PER_ROW)]
    for n, chunk in enumerate(chunks, start=1):
        # The overview is named after its own layers, so it reads right whatever the view is about.
        span = f"From {chunk[0].title} to {chunk[-1].title}" if len(chunk) > 1 else chunk[0].title
        title = span + (f" ({n} of {len(chunks)})" if len(chunks) > 1 else "")
        notes = [Para((Run(f"Layers {chunk[0].title} to {chunk[-1].title}.", bold=True),))]
        slide = b.titled(title, notes)
        if not flow_diagram(slide, [layer.title for layer in chunk], b.content):
            b.text(title, [Para(inline(layer.title), 0, "•") for layer in chunk], notes)
    for number, layer in enumerate(view.layers, start=1):
        notes = [Para((Run(f"Layer {number} of {len(view.layers)}: ", bold=True), *inline(layer.title)))]
        notes += note(layer.summary) if layer.summary else []
        b.table(layer_title(number, layer), layer_rows(view, layer), LAYER_COLUMNS, notes)
