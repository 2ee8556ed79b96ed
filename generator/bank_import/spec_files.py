"""The question_bank/ files an import changes: each question edited where it stands, each file written once.

Why slices: ruamel.yaml's round-trip parser reads about 6,000 lines a second, so re-reading whole files made
an import of 100 edits in a 10,000-question bank take a minute. A question's lines (from the loader's
source map) parse on their own as a one-item list and dump back byte for byte, so only edited questions
are parsed. A file laid out some other way (items not at "  - ", `questions:` not last) is edited whole.
"""

from __future__ import annotations

import difflib
import io
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.bank_import.yaml_edit import round_trip_yaml, update_question
from generator.model.question import Question, QuestionSet

try:  # the loader's own reader: what the specs must read back as
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]
_ITEM = re.compile(r"  - \S")  # a question item as the scaffolds and bundled specs write it
_COMMENT_OR_BLANK = re.compile(r"\s*(#.*)?\n?$")


@dataclass
class FileChange:
    """One spec file before and after (None before: a new file; None after: the file is deleted)."""

    path: Path
    display: str
    old_text: str | None
    new_text: str | None

    @property
    def diff(self) -> str:
        old = (self.old_text or "").splitlines(keepends=True)
        new = (self.new_text or "").splitlines(keepends=True)
        lines = difflib.unified_diff(
            old,
            new,
            f"a/{self.display}" if self.old_text is not None else "/dev/null",
            f"b/{self.display}" if self.new_text is not None else "/dev/null",
        )
        return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


@dataclass
class _File:
    old_text: str | None
    lines: list[str]
    slices: list[tuple[int, int]] | None  # per question: [start, end) line indexes; None: edit the whole file
    replaced: dict[int, str] = field(default_factory=dict)
    appended: list[str] = field(default_factory=list)
    expected: list[tuple[str, Question | None]] = field(default_factory=list)  # each new chunk, what it holds
    whole: Any = None  # the ruamel document, in whole-file mode
    deleted: bool = False


class SpecFiles:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.yaml = round_trip_yaml()
        self.files: dict[Path, _File] = {}

    # -- the edits --------------------------------------------------------------------------------

    def update(self, question_set: QuestionSet, old: Question, new: Question) -> None:
        """Change `old` (a question of `question_set`) into `new` where it stands."""
        file, index = self._open(question_set), _index_of(question_set, old.id)
        if file.slices is None:
            update_question(_find(file.whole["questions"], old.id), old, new)
            return
        item = self._load(self._slice(file, index))
        update_question(item[0], old, new)
        file.replaced[index] = self._dump(item)
        file.expected.append((file.replaced[index], new))

    def take(self, question_set: QuestionSet, old: Question, new: Question) -> Any:
        """Remove `old` from its file and return its mapping, changed into `new` (to add it elsewhere).

        Comment lines under it stay behind: they are above the question that follows.
        """
        file, index = self._open(question_set), _index_of(question_set, old.id)
        if file.slices is None:
            questions = file.whole["questions"]
            mapping = questions.pop(_position(questions, old.id))
        else:
            text = self._slice(file, index)
            lines = text.splitlines(keepends=True)
            keep = len(lines)
            while keep > 1 and _COMMENT_OR_BLANK.match(lines[keep - 1]):
                keep -= 1
            file.replaced[index] = "".join(lines[keep:])
            file.expected.append((file.replaced[index], None))
            mapping = self._load("".join(lines[:keep]))[0]
        update_question(mapping, old, new)
        return mapping

    def append(self, target: QuestionSet | Path, mapping: Any, question: Question) -> None:
        """Add a question mapping after the last question of a set's file (or of a file made by `create`)."""
        file = self._open(target) if isinstance(target, QuestionSet) else self.files[target]
        if file.slices is None:
            file.whole["questions"].append(mapping)
            return
        from ruamel.yaml.comments import CommentedSeq

        file.appended.append(self._dump(CommentedSeq([mapping])))
        file.expected.append((file.appended[-1], question))

    def create(self, path: Path, module: str) -> None:
        """A new questions file for `module`, headed with the schema comment the scaffolds write."""
        from generator.schema import SCHEMA_DIR, schema_name

        schema = Path(
            os.path.relpath(self.root / SCHEMA_DIR / schema_name("questions"), path.parent)
        ).as_posix()
        head = f"# yaml-language-server: $schema={schema}\nkind: questions\nmodule: {module}\nquestions:\n"
        self.files[path] = _File(None, head.splitlines(keepends=True), [])

    def delete(self, question_set: QuestionSet) -> None:
        self._open(question_set).deleted = True

    def changes(self, intended: dict[Path, list[Question]]) -> list[FileChange]:
        """Every file that changes, checked to read back as exactly the `intended` questions.

        Why check: ruamel keeps layout but is a second YAML writer; a slip there must never reach the
        specs. Files edited by slices have only their new chunks re-read (the rest is unchanged bytes).
        """
        out = []
        for path, file in sorted(self.files.items()):
            display = _display(path, self.root)
            if file.deleted:
                out.append(FileChange(path, display, file.old_text, None))
                continue
            text = self._text(file)
            if file.slices is None or file.old_text is None:
                _check_whole(text, intended.get(path, []), display)
            else:
                for chunk, question in file.expected:
                    _check_chunk(chunk, question, display)
            if text != file.old_text:
                out.append(FileChange(path, display, file.old_text, text))
        return out

    # -- reading and writing ------------------------------------------------------------------------

    def _open(self, question_set: QuestionSet) -> _File:
        path = question_set.source_path
        if path is None:
            raise LookupError(f"the questions of module '{question_set.module}' were not read from a file")
        return self.files[path] if path in self.files else self._open_path(path, question_set)

    def _open_path(self, path: Path, question_set: QuestionSet | None) -> _File:
        text = path.read_text(encoding="utf-8")
        lines = text.splitlines(keepends=True)
        slices = _slices(question_set, lines) if question_set is not None else None
        file = _File(text, lines, slices)
        if slices is None:
            file.whole = self._load(text)
        self.files[path] = file
        return file

    def _slice(self, file: _File, index: int) -> str:
        assert file.slices is not None
        if index in file.replaced:
            return file.replaced[index]
        start, end = file.slices[index]
        return "".join(file.lines[start:end])

    def _text(self, file: _File) -> str:
        if file.slices is None:
            return self._dump(file.whole)
        out: list[str] = []
        position = 0
        for index, (start, end) in enumerate(file.slices):
            out += file.lines[position:start]
            out.append(file.replaced[index] if index in file.replaced else "".join(file.lines[start:end]))
            position = end
        out += file.lines[position:]
        text = "".join(out)
        if file.appended and text and not text.endswith("\n"):
            text += "\n"
        return text + "".join(file.appended)

    def _load(self, text: str) -> Any:
        return self.yaml.load(text)

    def _dump(self, data: Any) -> str:
        buffer = io.StringIO()
        self.yaml.dump(data, buffer)
        return buffer.getvalue()


def _check_whole(text: str, questions: list[Question], display: str) -> None:
    written = QuestionSet.model_validate(yaml.load(text, Loader=_Loader))
    if [q.model_dump() for q in written.questions] != [q.model_dump() for q in questions]:
        raise RuntimeError(f"internal error: the edit of {display} does not read back as intended")


def _check_chunk(chunk: str, question: Question | None, display: str) -> None:
    data = yaml.load(chunk, Loader=_Loader)
    if question is None:
        ok = data is None  # what a moved question left behind: comment lines only
    else:
        ok = (
            _ITEM.match(chunk) is not None
            and isinstance(data, list)
            and len(data) == 1
            and Question.model_validate(data[0]).model_dump() == question.model_dump()
        )
    if not ok:
        raise RuntimeError(f"internal error: the edit of {display} does not read back as intended")


def _slices(question_set: QuestionSet, lines: list[str]) -> list[tuple[int, int]] | None:
    """Each question's lines, when the file is laid out as specs are (else None: edit it whole)."""
    starts = [question_set.loc("questions", i).line - 1 for i in range(len(question_set.questions))]
    if not starts or starts != sorted(set(starts)) or any(not _ITEM.match(lines[s]) for s in starts):
        return None
    after = [question_set.loc(key, key=True).line - 1 for key in ("kind", "module")]
    if any(line > starts[0] for line in after):
        return None  # `questions:` is not the last key: appending at the end of the file would be wrong
    return list(zip(starts, [*starts[1:], len(lines)], strict=True))


def _index_of(question_set: QuestionSet, question_id: str) -> int:
    return next(i for i, q in enumerate(question_set.questions) if q.id == question_id)


def _position(questions: Any, question_id: str) -> int:
    for index, mapping in enumerate(questions):
        if mapping.get("id") == question_id:
            return index
    raise LookupError(f"question '{question_id}' is not in its spec file any more")


def _find(questions: Any, question_id: str) -> Any:
    return questions[_position(questions, question_id)]


def _display(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()
