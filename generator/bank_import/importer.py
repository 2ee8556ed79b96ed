"""`curriculum bank import`: read an edited workbook, judge every row, and update question_bank/ specs.

The order matters: read everything, judge everything (cells, models, course checks), and only when no
row is wrong compute the edits, show them as a diff, and write them (all files, or none).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

from generator.bank_import.reader import BankSheet, SheetRow, read_questions
from generator.bank_import.spec_files import FileChange, SpecFiles
from generator.bank_import.validate import Placement, course_issues, row_issue, to_cells, validate_row
from generator.bank_import.yaml_edit import question_mapping
from generator.errors import Issue, Level
from generator.formats.workbook.rows import (
    bloom_levels,
    decode_row,
    effective_bloom,
    question_row,
    same_cells,
)
from generator.model.course import Course
from generator.model.question import Question, QuestionSet

_CELL = re.compile(r"Questions!([A-Z]+)(\d+)")


@dataclass
class ImportResult:
    """What an import found and did: problems, the file changes (as a diff), and a count of each outcome."""

    issues: list[Issue] = field(default_factory=list)
    changes: list[FileChange] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    moved: list[str] = field(default_factory=list)
    unchanged: int = 0
    written: bool = False

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.level is Level.ERROR]

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def diff(self) -> str:
        return "".join(change.diff for change in self.changes)


@dataclass
class _Change:
    question: Question
    row: int
    old: Question | None  # None: a new question
    old_set: QuestionSet | None
    module: str
    target: Placement | None = None


def import_bank(course: Course, xlsx: Path, *, dry_run: bool) -> ImportResult:
    """Import the Questions sheet of `xlsx` into the course's question_bank/ specs.

    Nothing is written when any row has an error, or with `dry_run`; the result always carries the diff.
    """
    sheet = read_questions(xlsx)
    result = ImportResult(issues=list(sheet.issues))
    changes = _judge(course, sheet, result)
    placements = _placements(course, changes)
    if changes:
        # Rows with errors are left out here (their questions stay as they are), so the course checks
        # report only what the good rows would break, in the same run as the cell errors.
        result.issues += course_issues(course, placements, sheet)
    result.issues = _sorted(result.issues)
    if result.errors or not changes:
        return result
    files = _edit(course, changes, placements)
    result.changes = files
    if not dry_run and files:
        _write(files)
        result.written = True
    return result


def _judge(course: Course, sheet: BankSheet, result: ImportResult) -> list[_Change]:
    """Every row that differs from the specs, as a validated question; problems go into `result`."""
    sections = {m.id: s.id for s in course.sections for m in s.modules}
    groups = [m.id for m in course.modules] + list(course.workshops)
    levels = bloom_levels(course)
    owner = {q.id: qs for qs in course.question_sets for q in qs.questions}
    existing = course.questions
    seen: dict[str, int] = {}
    changes: list[_Change] = []
    row_problems: list[Issue] = []
    for row in sheet.rows:
        question_id = str(row.cells.get("id") or "").strip()
        if question_id in seen:
            row_problems.append(
                row_issue(
                    sheet,
                    row.number,
                    "id",
                    f"id '{question_id}' is already used by row {seen[question_id]}",
                    "give the new question its own id",
                )
            )
            continue
        if question_id:
            seen[question_id] = row.number
        old = existing.get(question_id)
        if old is not None:
            old_set = owner[question_id]
            exported = question_row(
                old,
                section=sections.get(old_set.module, ""),
                module=old_set.module,
                bloom=effective_bloom(old, levels),
            )
            if same_cells(row.cells, exported):
                result.unchanged += 1
                continue
        change, problems = _read_row(row, sheet, old, owner.get(question_id), groups, sections, levels)
        row_problems += problems
        if change is None:
            continue
        if old is not None and change.module == owner[question_id].module and _same(old, change.question):
            result.unchanged += 1
            continue
        changes.append(change)
        if old is None:
            result.added.append(question_id)
        elif change.module != owner[question_id].module:
            result.moved.append(question_id)
        else:
            result.updated.append(question_id)
    result.issues += row_problems
    for question_id, question in existing.items():
        if question_id not in seen:
            result.issues.append(
                Issue(
                    Level.WARNING,
                    question.loc("id"),
                    question.field_name("id"),
                    f"question '{question_id}' is not in the workbook; it was left as it is",
                    "deleting a row does not delete a question: remove it from its YAML file",
                    "bank-import",
                )
            )
    return changes


def _read_row(
    row: SheetRow,
    sheet: BankSheet,
    old: Question | None,
    old_set: QuestionSet | None,
    groups: list[str],
    sections: dict[str, str],
    levels: dict[str, str],
) -> tuple[_Change | None, list[Issue]]:
    decoded = decode_row(row.number, row.cells)
    problems = [row_issue(sheet, row.number, c, m, h) for c, m, h in decoded.problems]
    module = decoded.module
    if not module:
        problems.append(
            row_issue(sheet, row.number, "module", "the module is empty", "pick one from the list")
        )
    elif module not in groups:
        close = difflib.get_close_matches(module, groups, n=1)
        hint = f"did you mean '{close[0]}'?" if close else "pick a module or workshop day id from the list"
        problems.append(row_issue(sheet, row.number, "module", f"unknown module '{module}'", hint))
    elif decoded.section and decoded.section != sections.get(module, ""):
        problems.append(
            row_issue(
                sheet,
                row.number,
                "section",
                f"section '{decoded.section}' is not the section of module '{module}' "
                f"('{sections.get(module) or 'none: it is a workshop day'}')",
                "the section follows the module: change the module instead, or clear this cell",
            )
        )
    # A Bloom cell still showing the level the objective gave it means "no level of its own".
    bloom = decoded.data.get("bloom")
    objectives = decoded.data.get("objectives") or []
    derived = effective_bloom(old, levels) if old is not None and old.bloom is None else None
    if old is None and objectives:
        derived = levels.get(objectives[0])
    if bloom is not None and bloom == derived:
        decoded.data.pop("bloom")
    question, model_problems = validate_row(decoded)
    problems += to_cells(sheet, model_problems)
    if question is None or problems:
        return None, problems
    return _Change(question, row.number, old, old_set, module), []


def _same(old: Question, new: Question) -> bool:
    return old.model_dump() == new.model_dump()


def _placements(course: Course, changes: list[_Change]) -> list[Placement]:
    """The questions each spec file holds after the changes (in file order; new ones appended).

    A question joining a module goes to the first file of that module, or to a new file for it.
    """
    placements = [
        Placement(qs.module, qs, [(q, 0) for q in qs.questions], qs.source_path)
        for qs in course.question_sets
    ]
    by_set = {id(p.original): p for p in placements}
    for change in changes:
        if change.old is not None and change.old_set is not None:
            source = by_set[id(change.old_set)]
            index = next(i for i, (q, _) in enumerate(source.entries) if q.id == change.question.id)
            source.touched = True
            if change.module == change.old_set.module:
                source.entries[index] = (change.question, change.row)
                change.target = source
                continue
            del source.entries[index]
        target = next((p for p in placements if p.module == change.module), None)
        if target is None:
            target = Placement(change.module, None, [], _new_file(course.root, change.module))
            placements.append(target)
        target.entries.append((change.question, change.row))
        target.touched = True
        change.target = target
    return placements


def _edit(course: Course, changes: list[_Change], placements: list[Placement]) -> list[FileChange]:
    files = SpecFiles(course.root)
    for placement in placements:
        if placement.original is None and placement.path is not None:
            files.create(placement.path, placement.module)
    for change in changes:
        target = change.target
        if target is None or target.path is None:
            raise LookupError(f"question '{change.question.id}' has no spec file to go to")
        where: QuestionSet | Path = target.original or target.path
        if change.old is None or change.old_set is None:
            files.append(where, question_mapping(change.question), change.question)
        elif change.old_set is target.original:
            files.update(change.old_set, change.old, change.question)
        else:
            files.append(where, files.take(change.old_set, change.old, change.question), change.question)
    for placement in placements:
        if placement.touched and not placement.entries and placement.original is not None:
            files.delete(placement.original)
    intended = {p.path: [q for q, _ in p.entries] for p in placements if p.path is not None}
    return files.changes(intended)


def _new_file(root: Path, module: str) -> Path:
    folder = root / "question_bank"
    path, n = folder / f"{module}.yaml", 2
    while path.exists():
        path, n = folder / f"{module}-{n}.yaml", n + 1
    return path


def _write(files: list[FileChange]) -> None:
    """Write every changed file next to itself first, then move them all into place."""
    staged = []
    for change in files:
        if change.new_text is not None:
            temp = change.path.with_name(f".{change.path.name}.import")
            change.path.parent.mkdir(parents=True, exist_ok=True)
            temp.write_text(change.new_text, encoding="utf-8")
            staged.append((temp, change.path))
    for temp, path in staged:
        temp.replace(path)
    for change in files:
        if change.new_text is None:
            change.path.unlink()


def _sorted(issues: list[Issue]) -> list[Issue]:
    """Errors first; within each level, cells in sheet order (row, then column), then spec locations."""

    def key(issue: Issue) -> tuple[int, int, int, tuple[str, int, int, str, str]]:
        cell = _CELL.fullmatch(issue.location.file)
        level = 0 if issue.level is Level.ERROR else 1
        if cell is None:
            return (level, 1, 0, issue.sort_key())
        column = sum((ord(c) - 64) * 26**i for i, c in enumerate(reversed(cell[1])))
        return (level, 0, int(cell[2]) * 1000 + column, issue.sort_key())

    return sorted(issues, key=key)
