"""Shared by the handout and certificate tests: small spec files to add to a fixture course, PDF text."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

CERTIFICATE = """\
kind: certificate
id: miniature
title: Certificate of completion
text: has landed, checked and explained a pipeline of their own in
signatory:
  name: Rosa Quill
  role: Course lead
competencies: [basics.define, landing.explain]
note: Twelve hours of practice.
"""

FEEDBACK = """\
kind: feedback
id: end-of-course
title: Tell us about the course
intro: Five minutes, before you go.
ratings:
  - id: pace
    text: The pace of the sessions
  - id: labs
    text: How useful the labs were
open_questions:
  - id: keep
    text: What should we keep?
"""

needs_chromium = pytest.mark.skipif(shutil.which("chromium") is None, reason="Chromium is not installed")
needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")


def add_completion_specs(course: Path, *, feedback_only: bool = False) -> None:
    """Give a copy of the minimal fixture course a feedback form and a certificate (or only the form)."""
    if not feedback_only:
        (course / "curriculum" / "certificate.yaml").write_text(CERTIFICATE, encoding="utf-8")
    (course / "curriculum" / "feedback.yaml").write_text(FEEDBACK, encoding="utf-8")


def pdf_text(pdf: Path) -> str:
    """The text of a PDF as poppler reads it, with line breaks and runs of spaces made single spaces."""
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True)
    return " ".join(out.stdout.split())


def pdf_info(pdf: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in out.splitlines())}
