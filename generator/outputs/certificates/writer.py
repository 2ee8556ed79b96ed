"""One printable certificate per participant: PDF when a Chromium is given, else HTML.

All certificates are written into a staging folder and swapped into place together, so a failed run
leaves the last good set untouched.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from generator.errors import ToolkitError
from generator.model.course import Course
from generator.model.objective import Objective
from generator.outputs.certificates.roster import Participant
from generator.outputs.printing.pdf import print_pdfs
from generator.outputs.printing.settings import HTML_ONLY, Printing
from generator.outputs.printing.target import check_target, mark
from generator.outputs.printing.templating import print_environment
from generator.outputs.staging import staged_folder

ALL = "all-certificates"


def write_certificates(
    course: Course,
    participants: Sequence[Participant],
    out_dir: Path,
    printing: Printing = HTML_ONLY,
    *,
    on: date,
    staging_area: Path | None = None,
    on_file: Callable[[Path], None] | None = None,
) -> list[Path]:
    """A certificate per participant in `out_dir` (and all of them in one file), dated `on` unless the
    roster gives a participant's own date; PDF when `printing` names a Chromium, else HTML."""
    certificate = course.certificate
    if certificate is None:
        raise ToolkitError(
            "the course has no certificate spec: add curriculum/certificate.yaml with 'kind: certificate', "
            "its title, text, signatory and competencies (objective ids)"
        )
    check_target(out_dir, "certificates")
    objectives = {o.id: o for o in course.objectives()}
    competencies: list[Objective] = [objectives[i] for i in dict.fromkeys(certificate.competencies)]
    env = print_environment(course, "certificates")
    common = {
        "course": course,
        "certificate": certificate,
        "competencies": competencies,
        "paper": printing.page_size,
    }
    names = file_names(participants)
    pages = []
    with staged_folder(out_dir, staging_area) as staging:
        for person, name in zip(participants, names, strict=True):
            when = long_date(person.date or on)
            html = env.get_template("certificate.html.j2").render(pages=[(person, when)], **common)
            pages.append(_write(staging / f"{name}.html", html))
            if on_file and printing.browser is None:
                on_file(out_dir / f"{name}.html")
        everyone = [(p, long_date(p.date or on)) for p in participants]
        combined = env.get_template("certificate.html.j2").render(pages=everyone, **common)
        pages.append(_write(staging / f"{ALL}.html", combined))
        written = pages
        if printing.browser is not None:
            pairs = [(page, page.with_suffix(".pdf")) for page in pages]
            done = (lambda pdf: on_file(out_dir / pdf.name)) if on_file else None
            written = print_pdfs(pairs, printing.browser, jobs=printing.jobs, on_file=done)
            for page in pages:
                page.unlink()
        mark(staging, "certificates")
    return [out_dir / path.name for path in written]


def long_date(day: date) -> str:
    """'14 March 2026': the same in every locale."""
    return f"{day.day} {day:%B} {day.year}"


def file_names(participants: Sequence[Participant]) -> list[str]:
    """A file name per participant, from their id or name, unique within the roster."""
    used: set[str] = {ALL}
    names = []
    for person in participants:
        base = _slug(person.id) or _slug(person.name) or f"participant-{person.row}"
        name, n = base, 1
        while name in used:
            n += 1
            name = f"{base}-{n}"
        used.add(name)
        names.append(name)
    return names


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:60]


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path
