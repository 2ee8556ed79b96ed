"""What Moodle's Feedback activity does with an imported file, written down from its importer's rules.

`mod_feedback`'s import (the legacy path for VERSION 200701/200801 files): `xmlize` the file; refuse a
version outside those two; take `FEEDBACK/ITEMS/ITEM`; for each item its TYPE must be a known item type
(else it is skipped with "type not found"), REQUIRED is read with `intval`, and ITEMTEXT, ITEMLABEL,
PRESENTATION, OPTIONS, DEPENDITEM and DEPENDVALUE are read as `[0]['#']` (so each must be there) and
trimmed. The name and label go into 255-character columns. A rated choice's presentation is
`subtype>>>>>value####label|...` with an optional `<<<<<1` (shown in a row) at its end.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass

ITEM_TYPES = {
    "captcha", "info", "label", "multichoice", "multichoicerated", "numeric", "pagebreak", "textarea",
    "textfield",
}  # fmt: skip
FIELDS = ("ITEMID", "ITEMTEXT", "ITEMLABEL", "PRESENTATION", "OPTIONS", "DEPENDITEM", "DEPENDVALUE")


class Refused(Exception):
    """Moodle would not import the file (or an item of it)."""


@dataclass(frozen=True)
class FeedbackItem:
    type: str
    required: bool
    name: str
    label: str
    presentation: str
    options: str
    choices: tuple[tuple[int, str], ...] = ()  # rated choice: (value, label) in order
    in_a_row: bool = False


def import_feedback(data: bytes) -> list[FeedbackItem]:
    if not data.startswith(b"<?xml"):
        raise Refused("the XML declaration is not the first bytes")
    root = ET.fromstring(data)
    if root.tag != "FEEDBACK":
        raise Refused(f"root element is {root.tag}")
    if root.get("VERSION") not in ("200701", "200801"):
        raise Refused(f"wrong version {root.get('VERSION')}")
    items = root.findall("ITEMS/ITEM")
    if not items:
        raise Refused("no items")
    out = []
    for item in items:
        kind = item.get("TYPE", "")
        if kind not in ITEM_TYPES:
            raise Refused(f"type not found: {kind}")
        values = {}
        for name in FIELDS:
            node = item.find(name)
            if node is None:
                raise Refused(f"{kind} item without {name}")
            values[name] = (node.text or "").strip()
        if len(values["ITEMTEXT"]) > 255 or len(values["ITEMLABEL"]) > 255:
            raise Refused("name or label longer than 255 characters")
        choices: tuple[tuple[int, str], ...] = ()
        in_a_row = False
        if kind == "multichoicerated":
            presentation = values["PRESENTATION"]
            subtype, sep, lines = presentation.partition(">>>>>")
            if not sep or subtype not in ("r", "d"):
                raise Refused(f"rated choice without a subtype: {presentation!r}")
            lines, _, adjust = lines.partition("<<<<<")
            in_a_row = adjust == "1"
            pairs = [line.split("####", 1) for line in lines.split("|")]
            if any(len(p) != 2 or not p[0].lstrip("-").isdigit() for p in pairs):
                raise Refused(f"rated choice line without an integer value: {lines!r}")
            choices = tuple((int(v), label) for v, label in pairs)
        out.append(
            FeedbackItem(
                kind,
                int(item.get("REQUIRED", "0") or 0) == 1,
                values["ITEMTEXT"],
                values["ITEMLABEL"],
                values["PRESENTATION"],
                values["OPTIONS"],
                choices,
                in_a_row,
            )
        )
    return out
