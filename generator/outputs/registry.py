"""Every output `curriculum build` can write, in one table: what it is, where it goes, what it depends on.

A new output is one entry here and a package under `generator/outputs/` whose renderer has the common face
`render(course, out_dir, context) -> list[Path]`. Renderers are named, not imported, so that loading this
table (and `curriculum validate`) never loads mkdocs, python-pptx or openpyxl.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the CLI reads this table for its options; keep it free of the model's import cost
    from generator.model.course import Course
    from generator.outputs.context import RenderContext


@dataclass(frozen=True)
class OutputKind:
    name: str
    summary: str
    renderer: str  # "module:function"
    place: Callable[[Path, Path], Path]  # (site_dir, build_dir) -> the folder or file it writes
    inputs: tuple[str, ...]  # what, when changed, makes this output stale
    planner: str = ""  # "module:function" counting the files it will write, for progress bars
    one_file: bool = False  # the summary shows the file it writes rather than the folder it writes into
    fingerprinter: str = ""  # "module:function": a digest of its inputs; an unchanged output is reused

    def render(self, course: Course, out_dir: Path, context: RenderContext) -> list[Path]:
        files: list[Path] = _named(self.renderer)(course, out_dir, context)
        return files

    def fingerprint(self, course: Course) -> str:
        """The digest of what this output is made from ("" when it has none and always renders)."""
        return str(_named(self.fingerprinter)(course)) if self.fingerprinter else ""

    def planned(self, course: Course) -> int:
        """How many files the output will write (0 when it cannot say in advance)."""
        return int(_named(self.planner)(course)) if self.planner else 0


def _named(ref: str) -> Callable[..., Any]:
    module, _, name = ref.partition(":")
    func: Callable[..., Any] = getattr(import_module(module), name)
    return func


_SITE_INPUTS = ("course specs students see", "site templates and assets", "mkdocs.yml", "lab status")

OUTPUTS: dict[str, OutputKind] = {
    kind.name: kind
    for kind in (
        OutputKind(
            "site",
            "the student site",
            "generator.outputs.website:render_student",
            lambda site_dir, build_dir: site_dir,
            _SITE_INPUTS,
        ),
        OutputKind(
            "instructor",
            "the instructor guide",
            "generator.outputs.website:render_instructor",
            lambda site_dir, build_dir: build_dir / "instructor",
            (*_SITE_INPUTS, "facilitator notes and answer keys"),
        ),
        OutputKind(
            "decks",
            "slide decks",
            "generator.outputs.decks:render",
            lambda site_dir, build_dir: build_dir / "decks",
            ("lessons", "workshop days", "pipeline view", "course title, roles and tiers", "deck master"),
            planner="generator.outputs.decks:planned",
        ),
        OutputKind(
            "bank",
            "the question bank workbook",
            "generator.outputs.workbook:render",
            lambda site_dir, build_dir: build_dir,
            ("questions", "objectives", "rubrics", "checklists", "modules"),
            one_file=True,
            fingerprinter="generator.outputs.workbook:fingerprint_of",
        ),
        OutputKind(
            "lms",
            "LMS quiz exports",
            "generator.outputs.lms:render",
            lambda site_dir, build_dir: build_dir / "lms",
            ("questions", "sections and modules"),
            fingerprinter="generator.outputs.lms:fingerprint_of",
        ),
        OutputKind(
            "handouts",
            "printable student handouts (HTML; `curriculum handouts` prints PDFs)",
            "generator.outputs.handouts:render",
            lambda site_dir, build_dir: build_dir / "handouts",
            ("lessons", "labs", "workshop days", "course roles and tiers", "handout templates"),
            planner="generator.outputs.handouts:planned",
            fingerprinter="generator.outputs.handouts:fingerprint_of",
        ),
    )
}
