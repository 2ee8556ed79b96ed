"""PresentationML and DrawingML names as lxml spells them, for deck code that reads and writes XML itself.

Where python-pptx's proxies would look an element up again by XPath for every property, the deck code
finds and makes elements itself; `clark("p:spPr/a:xfrm")` gives the path it searches with.
"""

from __future__ import annotations

_NAMESPACES = {
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
}


def clark(path: str) -> str:
    """A path of prefixed names ('a:p', 'p:cSld/p:spTree') in {namespace}name form; '*' stays as it is."""
    steps = []
    for step in path.split("/"):
        prefix, _, name = step.rpartition(":")
        steps.append(f"{{{_NAMESPACES[prefix]}}}{name}" if prefix else step)
    return "/".join(steps)
