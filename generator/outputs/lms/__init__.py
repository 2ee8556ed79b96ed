"""LMS quiz exports: Moodle XML, GIFT and a QTI 1.2 package, from one shared view of each question."""

from __future__ import annotations

from pathlib import Path

from generator.model.course import Course
from generator.outputs.context import RenderContext
from generator.outputs.staging import staged_folder


def fingerprint_of(course: Course) -> str:
    """What the exports hold: questions, the sections and modules they are filed under, the feedback form,
    and their code."""
    from generator.digest import code_fingerprint, fingerprint

    code = code_fingerprint(("generator.outputs.lms", "generator.outputs", "generator.formats.workbook"))
    places = [
        f"{s.id}={s.title}|" + " ".join(f"{m.id}={m.title}" for m in s.modules) for s in course.sections
    ]
    days = [f"{d.id}={d.title}" for d in course.workshops.values()]
    return fingerprint(code, course.spec, "\n".join(places + days), *course.question_sets, course.feedback)


def render(course: Course, out_dir: Path, context: RenderContext) -> list[Path]:
    """Moodle XML, GIFT and QTI files in `out_dir`, swapped in together."""
    from generator.outputs.lms.gift import export_gift
    from generator.outputs.lms.moodle_feedback import export_feedback
    from generator.outputs.lms.moodle_xml import export_moodle_xml
    from generator.outputs.lms.qti import export_qti

    with staged_folder(out_dir, context.staging) as staging:
        files = [
            *export_moodle_xml(course, staging),
            *export_gift(course, staging),
            *export_qti(course, staging),
            *(export_feedback(course.feedback, staging) if course.feedback else []),
        ]
    return [out_dir / file.name for file in files]
