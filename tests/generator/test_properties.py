"""Property tests: whatever a trainer types, the loader never crashes; it gives a course or located issues."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.errors import Level
from generator.load.course_loader import check_course
from tests.conftest import MINIMAL

LESSON = "curriculum/lessons/landing-data.yaml"

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-(10**6), 10**6), st.floats(allow_nan=False), st.text(max_size=20)
)
keys = st.one_of(
    st.sampled_from(["kind", "id", "title", "lecture", "key_points", "minutes", "objectives", "questions"]),
    st.text(max_size=8),
)
documents = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=5),
    max_leaves=25,
)


def _course(tmp: Path) -> Path:
    dest = tmp / "course"
    if not dest.exists():
        shutil.copytree(MINIMAL, dest)
    return dest


def _assert_sane(course: Path) -> None:
    result = check_course(course, display_base=course)
    assert result.course is not None or result.errors
    for issue in result.issues:
        assert issue.message
        if issue.location.file.endswith(".yaml"):
            assert issue.location.line >= 1 and issue.location.col >= 1
        issue.format()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(doc=documents)
def test_arbitrary_yaml_document_never_crashes(tmp_path: Path, doc: object) -> None:
    course = _course(tmp_path)
    (course / LESSON).write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    _assert_sane(course)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=200))
def test_arbitrary_text_never_crashes(tmp_path: Path, text: str) -> None:
    course = _course(tmp_path)
    (course / LESSON).write_text(text, encoding="utf-8")
    _assert_sane(course)


def _paths(data: object, prefix: tuple = ()) -> list[tuple]:
    out = [prefix] if prefix else []
    if isinstance(data, dict):
        for k, v in data.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            out += _paths(v, (*prefix, i))
    return out


def _mutate(data: dict, path: tuple, action: str, value: object) -> None:
    parent: object = data
    for part in path[:-1]:
        parent = parent[part]  # type: ignore[index]
    last = path[-1]
    if action == "delete":
        del parent[last]  # type: ignore[attr-defined]
    elif action == "replace":
        parent[last] = value  # type: ignore[index]
    elif action == "rename" and isinstance(parent, dict):
        parent[f"{last}x"] = parent.pop(last)
    elif action == "duplicate" and isinstance(parent, list):
        parent.append(parent[last])


SPEC_FILES = sorted(p.relative_to(MINIMAL).as_posix() for p in MINIMAL.rglob("*.yaml"))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_random_mutations_of_the_valid_course_never_crash(tmp_path: Path, data: st.DataObject) -> None:
    course = _course(tmp_path)
    for name in SPEC_FILES:  # start every example from the valid course
        shutil.copyfile(MINIMAL / name, course / name)
    name = data.draw(st.sampled_from(SPEC_FILES))
    spec = yaml.safe_load((MINIMAL / name).read_text(encoding="utf-8"))
    path = data.draw(st.sampled_from(_paths(spec)))
    action = data.draw(st.sampled_from(["delete", "replace", "rename", "duplicate"]))
    _mutate(spec, path, action, data.draw(scalars | st.lists(scalars, max_size=3)))
    (course / name).write_text(yaml.safe_dump(spec, allow_unicode=True, sort_keys=False), encoding="utf-8")
    _assert_sane(course)


def test_valid_fixture_is_clean() -> None:
    result = check_course(MINIMAL, display_base=MINIMAL)
    assert [i.format() for i in result.issues] == []
    assert result.course is not None
    assert not [i for i in result.issues if i.level is Level.WARNING]
