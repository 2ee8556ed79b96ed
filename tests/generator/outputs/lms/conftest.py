"""A fixture course whose texts carry everything an exporter must escape."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.load.course_loader import load_course
from generator.model.course import Course

NASTY_STEM = "Does `a]]>b` end CDATA? <script>alert(1)</script> {x} ~y =z #w :v \\ ]]> done"
NASTY_OPTION = "Ingest <b>raw</b> {all} ~ files = #1: yes \\"


@pytest.fixture
def nasty_course(minimal_course: Path) -> Course:
    spec = minimal_course / "question_bank/m1-what.yaml"
    text = spec.read_text(encoding="utf-8")
    text = text.replace("stem: Which stage comes first in a pipeline?", f"stem: {_quoted(NASTY_STEM)}")
    text = text.replace("      - text: Ingest\n", f"      - text: {_quoted(NASTY_OPTION)}\n")
    text = text.replace(
        "accepted: [idempotency, idempotent]", f"accepted: [idempotency, {_quoted('{~=#:}')}]"
    )
    spec.write_text(text, encoding="utf-8")
    return load_course(minimal_course)


def visible(fragment: str) -> str:
    """The text a reader sees in exported HTML, with inline code written back as `code`."""
    from generator.outputs.html import plain_text

    return plain_text(fragment.replace("<code>", "`").replace("</code>", "`"))


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
