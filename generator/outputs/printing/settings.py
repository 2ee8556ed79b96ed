"""How printable pages are made: paper size, and the Chromium that prints them to PDF (if any)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Paper = Literal["a4", "letter"]
PAPERS: dict[str, str] = {"a4": "A4", "letter": "letter"}  # as CSS `@page { size: ... }` names them


@dataclass(frozen=True)
class Printing:
    paper: Paper = "a4"
    browser: str | None = None  # a Chromium to print PDFs with; None writes the HTML pages only
    jobs: int = 2  # pages printed at once

    @property
    def page_size(self) -> str:
        return PAPERS[self.paper]


HTML_ONLY = Printing()
