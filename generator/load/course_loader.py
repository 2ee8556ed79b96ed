"""Find a course's spec files, parse and validate each, assemble one `Course`, run the checks."""

from __future__ import annotations

import difflib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from generator.errors import (
    CourseError,
    CourseNotFound,
    Issue,
    Level,
    SourceLocation,
    sort_issues,
)
from generator.load.pydantic_errors import issues_from
from generator.load.yaml_reader import MAX_BYTES, Document, read_yaml
from generator.model.base import Spec
from generator.model.certificate import Certificate
from generator.model.course import Course, CourseSpec, Section
from generator.model.feedback import FeedbackForm
from generator.model.kinds import KINDS
from generator.model.lab import Lab
from generator.model.lesson import Lesson
from generator.model.pipeline_view import PipelineView
from generator.model.question import QuestionSet, Quiz
from generator.model.rubric import Checklist, Rubric
from generator.model.workshop import WorkshopDay

SPEC_FOLDERS = ("curriculum", "question_bank")
# Folder names a file may sit in, and the kind that usually lives there (for hints only).
_FOLDER_KIND = {
    "sections": "section",
    "lessons": "lesson",
    "labs": "lab",
    "workshops": "workshop",
    "quizzes": "quiz",
    "rubrics": "rubric",
    "checklists": "checklist",
    "question_bank": "questions",
}


@dataclass
class CheckResult:
    """What validating a course found: the course (None if it could not be assembled) and every issue."""

    root: Path
    course: Course | None
    issues: list[Issue] = field(default_factory=list)
    files: int = 0

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.level is Level.ERROR]

    @property
    def warnings(self) -> list[Issue]:
        return [i for i in self.issues if i.level is Level.WARNING]


def find_root(path: str | os.PathLike[str] = ".") -> Path:
    """The course root for a path given by the user: the nearest folder at or above it holding curriculum/.

    Like git, so that every command works from anywhere inside a course.
    """
    given = Path(path)
    start = given.resolve()
    for folder in (start, *start.parents):
        if (folder / "curriculum").is_dir():
            return given if folder == start else folder
    raise CourseNotFound(start)


def spec_files(root: Path) -> list[Path]:
    files: list[Path] = []
    for folder in SPEC_FOLDERS:
        base = root / folder
        if base.is_dir():
            found = [*base.rglob("*.yaml"), *base.rglob("*.yml")]
            files += sorted(
                p for p in found if not any(part[0] in "._" for part in p.relative_to(base).parts)
            )
    return files


def check_course(
    path: str | os.PathLike[str], *, display_base: Path | None = None, memo: Path | None = None
) -> CheckResult:
    """Load and check every spec under `path`; never raises for bad input, returns the issues instead.

    With `memo`, the slowest rules keep their verdicts in that file for the next run (see checks.memo).
    """
    from generator.checks import run_checks  # the rules import the model; keep loading importable alone
    from generator.checks.memo import remembering

    root = find_root(path)
    base = display_base or Path.cwd()
    files = spec_files(root)
    issues: list[Issue] = []
    specs: list[Spec] = []
    failed: set[str] = set()
    for file in files:
        display = _display(file, base)
        doc, problems = read_yaml(file, display)
        issues += problems
        spec = None
        if doc is not None:
            spec, problems = _validate(doc, file)
            issues += problems
        if spec is None:
            failed |= _mentions(file)
        else:
            specs.append(spec)

    course = _assemble(root, specs, failed, issues, _display(root / "curriculum", base))
    if course is not None:
        with remembering(memo):
            issues += run_checks(course)
    return CheckResult(root, course, sort_issues(issues), len(files))


def load_course(path: str | os.PathLike[str], *, strict: bool = False, memo: Path | None = None) -> Course:
    """The validated course at `path`; raises CourseError carrying every issue if it has errors
    (or warnings, when `strict`)."""
    result = check_course(path, memo=memo)
    failing = result.issues if strict else result.errors
    if failing or result.course is None:
        raise CourseError(result.issues, result.root)
    return result.course


def _mentions(file: Path) -> set[str]:
    """Every id-like word in a file that failed to load.

    Why: the things it defines exist, just broken; checks skip references to them so one bad file
    gives its own errors, not a cascade of "unknown lesson" errors elsewhere.
    """
    if file.stat().st_size > MAX_BYTES:
        return set()  # refused unread; its size is the one error it gives
    text = file.read_bytes().decode("utf-8", errors="replace")
    return set(re.findall(r"[A-Za-z0-9][A-Za-z0-9._-]*", text))


def _display(path: Path, base: Path) -> str:
    try:
        return path.resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _validate(doc: Document, file: Path) -> tuple[Spec | None, list[Issue]]:
    data = doc.data
    at = doc.source.locate(())
    if not isinstance(data, dict):
        got = type(data).__name__.replace("str", "text").replace("NoneType", "nothing")
        hint = "a spec file is a set of 'field: value' lines starting with 'kind:'"
        return None, [Issue(Level.ERROR, at, "", f"expected a mapping of fields, got {got}", hint, "schema")]
    kind = data.get("kind")
    if not isinstance(kind, str) or kind not in KINDS:
        guess = _FOLDER_KIND.get(file.parent.name) or _FOLDER_KIND.get(file.parent.parent.name)
        if kind is None:
            message = "required field 'kind' is missing"
            hint = f"add 'kind: {guess}'" if guess else "kinds are: " + ", ".join(KINDS)
            loc = at
        else:
            message = f"unknown kind '{kind}'"
            close = difflib.get_close_matches(str(kind), list(KINDS), n=1)
            hint = f"did you mean '{close[0]}'?" if close else "kinds are: " + ", ".join(KINDS)
            loc = doc.source.locate(("kind",))
        return None, [Issue(Level.ERROR, loc, "kind", message, hint, "schema")]
    model = KINDS[kind]
    try:
        spec = model.model_validate(data)
    except ValidationError as exc:
        return None, issues_from(exc, model, doc.source)
    spec.bind_source(doc.source)
    return spec, []


def _assemble(
    root: Path, specs: list[Spec], failed: set[str], issues: list[Issue], where: str
) -> Course | None:
    courses = [s for s in specs if isinstance(s, CourseSpec)]
    if not courses:
        if not any(i.location.file.endswith("course.yaml") for i in issues):
            issues.append(
                Issue(
                    Level.ERROR,
                    SourceLocation(where),
                    "",
                    "no course spec found",
                    "create curriculum/course.yaml with 'kind: course', its title, roles and sections",
                    "structure",
                )
            )
        return None
    for extra in courses[1:]:
        issues.append(
            Issue(
                Level.ERROR,
                extra.loc("kind"),
                "kind",
                "a course has one course spec; this is a second one",
                f"keep only {courses[0].file}",
                "structure",
            )
        )
    course = Course(root=root, spec=courses[0], documents=specs, failed_ids=failed)
    by_id_sections = {s.id: s for s in specs if isinstance(s, Section)}
    # Each section once, however often course.yaml lists it (checks/references reports a repeat).
    course.sections = [by_id_sections[i] for i in dict.fromkeys(course.spec.sections) if i in by_id_sections]
    for spec in specs:
        match spec:
            case Lesson():
                course.lessons.setdefault(spec.id, spec)
            case Lab():
                course.labs.setdefault(spec.id, spec)
            case QuestionSet():
                course.question_sets.append(spec)
            case Quiz():
                course.quizzes.setdefault(spec.id, spec)
            case Rubric():
                course.rubrics.setdefault(spec.id, spec)
            case Checklist():
                course.checklists.setdefault(spec.id, spec)
            case WorkshopDay():
                course.workshops.setdefault(spec.id, spec)
            case PipelineView():
                if course.pipeline_view is None:
                    course.pipeline_view = spec
                else:
                    issues.append(_second(spec, "pipeline view", course.pipeline_view))
            case Certificate():
                if course.certificate is None:
                    course.certificate = spec
                else:
                    issues.append(_second(spec, "certificate", course.certificate))
            case FeedbackForm():
                if course.feedback is None:
                    course.feedback = spec
                else:
                    issues.append(_second(spec, "feedback form", course.feedback))
    return course


def _second(spec: Spec, what: str, first: Spec) -> Issue:
    hint = f"merge it into {first.file}"
    return Issue(Level.ERROR, spec.loc("kind"), "kind", f"a course has one {what}", hint, "structure")
