"""Checks over a built site shared by the fixture and bundled-course tests: leaks and broken links."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlparse

from generator.model.base import Spec
from generator.model.course import Course
from generator.model.lab import GradingCheck
from generator.model.question import Question
from generator.outputs.website.templating import html as md_to_html

_TAG = re.compile(r"<[^>]+>")


def plain(text: str) -> str:
    """Visible text: tags dropped, entities decoded, whitespace collapsed."""
    return " ".join(html.unescape(_TAG.sub(" ", text)).split())


def instructor_only_texts(course: Course) -> list[str]:
    """Every piece of text the model marks as instructor-only, as it would appear once rendered."""
    texts: list[str] = []
    for lesson in course.lessons.values():
        texts.append(lesson.facilitator_notes)
        texts += [c.intervention for c in lesson.critical_moments]
    for lab in course.labs.values():
        texts.append(lab.facilitator_notes)
        texts += [c.answer for c in lab.checkpoints]
        texts += [text for check in lab.grading if check.hidden for text in hidden_check_texts(check)]
        # what students must work out themselves
        texts += [
            s.expected_output or "" for s in lab.steps if s.output_is_answer and s.match.mode != "exit_code"
        ]
    for rubric in course.rubrics.values():
        texts += [c.scoring_guidance for c in rubric.criteria]
    for day in course.workshops.values():
        texts += [b.notes for b in day.blocks]
    for q in course.questions.values():
        texts.append(q.guidance)
        if q.graded_only:
            texts += [q.stem, q.explanation, *(o.feedback for o in q.options)]
    return [t for t in texts if t]


def hidden_check_texts(check: GradingCheck) -> list[str]:
    """What a hidden grading check must never show a student: its title, commands, output and message."""
    return [check.title, *check.commands, check.expected_output or "", check.message]


# Fields the model marks instructor-only; everything else is meant for students.
PRIVATE_FIELDS = {
    ("Lesson", "facilitator_notes"),
    ("Lesson", "critical_moments"),
    ("Lab", "facilitator_notes"),
    ("Checkpoint", "answer"),
    ("Criterion", "scoring_guidance"),
    ("Block", "notes"),
    ("Question", "guidance"),
}


def public_text(course: Course) -> str:
    """All student-visible text of the course, rendered to plain text (graded-only questions excluded)."""
    texts: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, Spec):
            if isinstance(value, Question) and value.graded_only:
                return
            if isinstance(value, GradingCheck) and value.hidden:
                return
            for name, field_value in value:
                if (type(value).__name__, name) not in PRIVATE_FIELDS:
                    walk(field_value)
        elif isinstance(value, str):
            texts.append(value)
        elif isinstance(value, list | tuple):
            for item in value:
                walk(item)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)

    for doc in course.documents:
        walk(doc)
    return " | ".join(plain(str(md_to_html(t, inline=False))) for t in texts)


def fragments(text: str, size: int = 40) -> Iterator[str]:
    """Distinctive pieces of a rendered text: each sentence, or the whole if short (at least 20 chars)."""
    rendered = plain(str(md_to_html(text, inline=False)))
    for sentence in re.split(r"(?<=[.!?])\s+", rendered):
        if len(sentence) >= 20:
            yield sentence[:size] if len(sentence) > size * 2 else sentence


def site_texts(site: Path) -> Iterator[tuple[Path, str]]:
    for path in site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".js", ".xml", ".md", ".txt"):
            yield path, plain(path.read_text(encoding="utf-8", errors="replace"))


def leaks(course: Course, site: Path) -> list[str]:
    """Instructor-only text found in the site, as 'file: fragment' lines."""
    shared = public_text(course)  # a phrase students are also meant to see is not a leak
    needles = {f for t in instructor_only_texts(course) for f in fragments(t) if f not in shared}
    found = []
    for path, text in site_texts(site):
        found += [f"{path.relative_to(site)}: {n!r}" for n in needles if n in text]
    return found


def broken_links(site: Path) -> list[str]:
    """Relative href/src targets in the built HTML that do not exist."""
    broken = []
    for page in site.rglob("*.html"):
        for target in re.findall(r'(?:href|src)="([^"]+)"', page.read_text(encoding="utf-8")):
            url = urlparse(html.unescape(target))
            if url.scheme or url.netloc or not url.path or target.startswith(("#", "mailto:", "data:")):
                continue
            base = site if url.path.startswith("/") else page.parent  # 404.html links from the site root
            resolved = (base / unquote(url.path).lstrip("/")).resolve()
            if not resolved.exists():
                broken.append(f"{page.relative_to(site)} -> {target}")
    return broken
