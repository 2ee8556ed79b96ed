"""A corpus of broken courses, one defect each: every one gives exactly its expected, located messages.

Each case in fixtures/courses/broken/<case>/ is the valid minimal course plus the edits in
mutation.yaml; expected.txt is the golden report (regenerate with `pytest --update-golden`). An edit's
`with` text may hold `{repeat}`, replaced by `repeat.text` written `repeat.times` times (for text too long
to spell out, such as a 10,000-character word).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.load.course_loader import check_course
from tests.conftest import FIXTURES, check_golden

CASES = sorted(p for p in (FIXTURES / "courses" / "broken").iterdir() if p.is_dir())


def apply_mutation(course: Path, mutation: dict) -> None:
    for edit in mutation["edits"]:
        target = course / edit["file"]
        if edit.get("delete"):
            target.unlink()
        elif "write" in edit:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(edit["write"].encode(edit.get("encoding", "utf-8")))
        else:
            text = target.read_text(encoding="utf-8")
            assert text.count(edit["replace"]) == 1, f"{edit['replace']!r} must occur once in {edit['file']}"
            new = edit["with"]
            if "repeat" in edit:
                new = new.replace("{repeat}", edit["repeat"]["text"] * edit["repeat"]["times"])
            text = text.replace(edit["replace"], new)
            target.write_bytes(text.encode(edit.get("encoding", "utf-8")))


def test_corpus_is_large_enough() -> None:
    assert len(CASES) >= 25


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_broken_course_reports_located_issue(case: Path, minimal_course: Path, update_golden: bool) -> None:
    mutation = yaml.safe_load((case / "mutation.yaml").read_text(encoding="utf-8"))
    apply_mutation(minimal_course, mutation)

    result = check_course(minimal_course, display_base=minimal_course)

    report = "".join(f"{i.level} {i.format()}\n" for i in result.issues)
    assert report, "a broken course must report at least one issue"
    check_golden(case / "expected.txt", report, update_golden)
    expected_level = mutation.get("level", "error")
    assert any(str(i.level) == expected_level for i in result.issues)
    assert all(i.location.line >= 1 for i in result.issues if i.location.file.endswith((".yaml", ".yml")))
