"""The layered pipeline view as a deck: the layers as a flow, then one slide per layer with each lens."""

from __future__ import annotations

from generator.formats.decks.diagram import flow_layout
from generator.formats.decks.geometry import Area
from generator.formats.decks.markdown import Para, Run, inline, plain
from generator.formats.decks.slides import LAYER_COLUMNS, layer_rows, layer_title
from generator.model.pipeline_view import Layer, PipelineView
from generator.outputs.decks.builder import CONTINUED, DeckBuilder, note
from generator.outputs.decks.shapes import flow_diagram


def overview_chunks(view: PipelineView, content: Area) -> list[list[Layer]]:
    """All layers on one overview slide when they read there at 14 pt, else as few even slides as do."""
    layers = list(view.layers)
    for count in range(1, len(layers) + 1):
        share = -(-len(layers) // count)
        chunks = [layers[i : i + share] for i in range(0, len(layers), share)]
        if all(flow_layout([layer.title for layer in chunk], content) for chunk in chunks):
            return chunks
    return [[layer] for layer in layers]


def pipeline_slides(b: DeckBuilder, view: PipelineView) -> None:
    intro = note(view.intro) if view.intro else []
    lens_names = ", ".join(plain(lens.name) for lens in view.lenses)
    b.opening(
        "title",
        view.title,
        [Para((Run(f"{len(view.layers)} layers, seen as: {lens_names}"),))],
        [Para((Run(f"{len(view.layers)} layers, {len(view.lenses)} lenses", bold=True),)), *intro],
    )
    # The site's layered view draws the same flow: a box per layer, in the view's order, named as the layer.
    for n, chunk in enumerate(overview_chunks(view, b.content), start=1):
        # The overview is named after its own layers, so it reads right whatever the view is about.
        title = f"From {chunk[0].title} to {chunk[-1].title}" if len(chunk) > 1 else chunk[0].title
        notes = [Para((Run(f"Layers {chunk[0].title} to {chunk[-1].title}.", bold=True),))]
        if n > 1:
            title += CONTINUED
        slide = b.titled(title, notes)
        if not flow_diagram(slide, [layer.title for layer in chunk], b.content):
            b.text(title, [Para(inline(layer.title), 0, "•") for layer in chunk], notes)
    for number, layer in enumerate(view.layers, start=1):
        notes = [Para((Run(f"Layer {number} of {len(view.layers)}: ", bold=True), *inline(layer.title)))]
        notes += note(layer.summary) if layer.summary else []
        b.table(layer_title(number, layer), layer_rows(view, layer), LAYER_COLUMNS, notes)
