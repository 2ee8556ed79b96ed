"""Text cut to a length a format can store, at a word boundary where there is one, marked with an ellipsis."""

from __future__ import annotations


def shorten(text: str, limit: int) -> str:
    """`text` unchanged if it has at most `limit` characters, else cut so that it has `limit` with its '…'."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut.strip() and not text[limit - 1].isspace():
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip() + "…"
