"""The GIFT export of every course, read by gift-pegjs (a real parser) and by Moodle's importer rules.

gift-pegjs is installed from the npm registry by `make test` (tests/node/package-lock.json); each
question must come back with the type, answers and weights its spec says.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.formats.lms import gift_cannot_hold
from generator.model.course import Course
from generator.model.question import Question
from generator.outputs.lms.gift import export_gift
from tests.conftest import REPO
from tests.generator.outputs.lms.importers import (
    COURSES,
    MOODLE_WEIGHT,
    assert_short_answers_match_as_specified,
    course_of,
    moodle_gift,
    moodle_short_match,
    right_share,
    seen,
    seen_markdown,
    spec_questions,
)

NODE_DIR = REPO / "tests" / "node"
PARSER = NODE_DIR / "parse_gift.js"
# gift-pegjs 1.0.2 leaves its escape placeholders in a matching pair's answer; Moodle decodes them.
_PLACEHOLDERS = {"&&058;": ":", "&&035;": "#", "&&061;": "=", "&&123;": "{", "&&125;": "}", "&&126;": "~"}


@pytest.fixture(scope="module", params=list(COURSES))
def gift_file(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Course, Path]:
    scratch = tmp_path_factory.mktemp("gift")
    course = course_of(request.param, scratch)
    (path,) = export_gift(course, scratch)
    return course, path


def _gift_pegjs(path: Path) -> list[dict]:
    if shutil.which("node") is None or not (NODE_DIR / "node_modules" / "gift-pegjs").is_dir():
        pytest.skip("gift-pegjs is not installed: run `make test` (it runs npm ci in tests/node)")
    done = subprocess.run(["node", str(PARSER), str(path)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    return [q for q in json.loads(done.stdout) if q["type"] != "Category"]


def _exported(questions: dict[str, Question]) -> set[str]:
    """The ids GIFT can write (a short answer accepting '->' is left out, and the lms checks say so)."""
    return {
        i for i, q in questions.items() if not (q.type == "short_answer" and gift_cannot_hold(q.accepted))
    }


def _pattern(question: Question, accepted: str) -> str:
    return accepted if question.wildcard else accepted.replace("*", "\\*")


def _decoded(text: str) -> str:
    for placeholder, char in _PLACEHOLDERS.items():
        text = text.replace(placeholder, char)
    return text


def test_gift_pegjs_reads_every_question_as_its_spec_says(gift_file: tuple[Course, Path]) -> None:
    course, path = gift_file
    specs = spec_questions(course)
    parsed = {q["id"]: q for q in _gift_pegjs(path)}
    assert set(parsed) == _exported(specs)
    for question_id, got in parsed.items():
        spec = specs[question_id]
        assert seen(got["stem"]["text"]).startswith(seen_markdown(spec.stem)), question_id
        assert seen(got["globalFeedback"]["text"]) == seen_markdown(spec.explanation), question_id
        _same_answers(spec, got)


def _same_answers(spec: Question, got: dict) -> None:
    kind = {"single_choice": "MC", "multiple_choice": "MC", "true_false": "TF", "short_answer": "Short"}
    kind |= {"numeric": "Numerical", "matching": "Matching", "essay": "Essay", "practical": "Essay"}
    assert got["type"] == kind[spec.type], spec.id
    if spec.type in ("single_choice", "multiple_choice"):
        texts = [seen(c["text"]["text"]) for c in got["choices"]]
        assert texts == [seen_markdown(o.text, inline=True) for o in spec.options], spec.id
        feedback = [seen(c["feedback"]["text"]) if c["feedback"] else "" for c in got["choices"]]
        assert feedback == [seen_markdown(o.feedback) for o in spec.options], spec.id
    if spec.type == "single_choice":
        assert [(c["isCorrect"], c["weight"]) for c in got["choices"]] == [
            (o.correct, None) for o in spec.options
        ]
    if spec.type == "multiple_choice":
        weights = [c["weight"] for c in got["choices"]]
        right = right_share(spec)
        wrong = -100 / max(1, sum(not o.correct for o in spec.options))
        assert weights == pytest.approx([right if o.correct else wrong for o in spec.options], abs=1e-4), (
            spec.id
        )
    if spec.type == "true_false":
        assert got["isTrue"] is spec.answer
    if spec.type == "short_answer":
        assert [c["text"]["text"] for c in got["choices"]] == [_pattern(spec, a) for a in spec.accepted]
        assert {c["weight"] for c in got["choices"]} <= {None, 100}
    if spec.type == "numeric":
        assert spec.numeric is not None
        wanted = {"type": "range", "number": spec.numeric.value, "range": spec.numeric.tolerance}
        assert got["choices"] == wanted, spec.id
    if spec.type == "matching":
        pairs = [(seen(p["subquestion"]["text"]), _decoded(p["subanswer"])) for p in got["matchPairs"]]
        wanted = [
            (seen_markdown(p.left, inline=True), seen_markdown(p.right, inline=True)) for p in spec.pairs
        ]
        assert pairs == wanted, spec.id


def test_moodle_reads_every_question_with_the_grading_its_spec_says(gift_file: tuple[Course, Path]) -> None:
    """The decisions of Moodle's GIFT importer: type, weights, and what each short answer accepts."""
    course, path = gift_file
    specs = spec_questions(course)
    read = {q.idnumber: q for q in moodle_gift(path.read_text(encoding="utf-8"))}
    assert set(read) == _exported(specs)
    kinds = {"single_choice": "multichoice", "multiple_choice": "multichoice", "true_false": "truefalse"}
    kinds |= {"short_answer": "shortanswer", "numeric": "numerical", "matching": "match"}
    for question_id, got in read.items():
        spec = specs[question_id]
        assert got.kind == kinds.get(spec.type, "essay"), question_id
        if spec.type in ("single_choice", "multiple_choice"):
            texts = [seen(text) for text, _ in got.answers]
            assert texts == [seen_markdown(o.text, inline=True) for o in spec.options], question_id
            fractions = [fraction for _, fraction in got.answers]
            assert got.single is (spec.type == "single_choice"), question_id
            right = sum(f for f, o in zip(fractions, spec.options, strict=True) if o.correct)
            assert right == pytest.approx(1, abs=1e-4), question_id  # the right options score 100 %
            # Moodle scores a multi-answer attempt as the sum of the ticked fractions, at least 0.
            every_box = max(0.0, sum(fractions))
            wrong = [o for o in spec.options if not o.correct]
            assert every_box == pytest.approx(0 if wrong and spec.type == "multiple_choice" else every_box)
            if spec.type == "single_choice":
                assert fractions == [1.0 if o.correct else 0.0 for o in spec.options], question_id
        if spec.type == "short_answer":
            patterns = [text for text, _ in got.answers]
            assert all(fraction == 1.0 for _, fraction in got.answers), question_id
            assert_short_answers_match_as_specified(spec, patterns)
        if spec.type == "numeric":
            assert spec.numeric is not None
            assert got.numeric == (spec.numeric.value, spec.numeric.tolerance), question_id
        if spec.type == "true_false":
            assert got.truth is spec.answer
        if spec.type == "matching":
            assert [right for _, right in got.pairs] == [
                seen_markdown(p.right, inline=True) for p in spec.pairs
            ]
            assert [seen(left) for left, _ in got.pairs] == [
                seen_markdown(p.left, inline=True) for p in spec.pairs
            ]


def test_every_weight_is_one_moodle_reads_and_every_number_is_plain(gift_file: tuple[Course, Path]) -> None:
    _, path = gift_file
    text = path.read_text(encoding="utf-8")
    weights = re.findall(r"^\t[~=](%[^%\n]*%)", text, re.MULTILINE)
    assert all(MOODLE_WEIGHT.fullmatch(w) for w in weights), [
        w for w in weights if not MOODLE_WEIGHT.fullmatch(w)
    ]
    numbers = re.findall(r"^\t#(\S+)$", text, re.MULTILINE)
    assert all(re.fullmatch(r"-?\d+(\.\d+)?:\d+(\.\d+)?", n) for n in numbers), numbers


def test_the_wildcard_opt_in_reaches_moodle(tmp_path: Path) -> None:
    (path,) = export_gift(course_of("hostile", tmp_path), tmp_path)
    read = {q.idnumber: q for q in moodle_gift(path.read_text(encoding="utf-8"))}
    (pattern,) = [text for text, _ in read["q-hostile-wildcard"].answers]
    assert moodle_short_match(pattern, "an upsert-load") and not moodle_short_match(pattern, "upsert")
    literal = [text for text, _ in read["q-hostile-short"].answers]
    assert not any(moodle_short_match(p, "0 7 1 1 1-5") for p in literal)
    assert any(moodle_short_match(p, "0 7 * * 1-5") for p in literal)
