"""What a slide deck can show: spec Markdown as paragraphs, text measured with font metrics, box geometry.

Both the deck renderer (outputs/decks) and the deck limit rules (checks/limits/decks) use these, so a
rule measures exactly what the renderer will write; nothing here imports python-pptx.
"""
