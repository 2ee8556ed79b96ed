"""What the real importers do with our files, written down from their rules (see PITFALLS "LMS formats").

- `moodle_gift`: the decisions of Moodle 4.5's `qformat_gift::readquestion` (escapes, type, weights,
  comments), enough to see which type, answers and weights a GIFT question arrives with.
- `moodle_short_match`: `qtype_shortanswer`'s wildcard comparison (`*` is "anything", `\\*` a star).
- `qti_score`: a strict QTI 1.2 response-processing evaluator (conditions as written, `continue`
  honoured), to compare with what Canvas' converter takes from the same file.
- `COURSES`: the courses every export test runs on, the hostile question file included.
"""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from generator.load.course_loader import check_course
from generator.model.course import Course
from generator.model.question import Question
from generator.outputs.html import block_html, inline_html, plain_text
from tests.conftest import FIXTURES, MINIMAL, REPO

HOSTILE = FIXTURES / "lms" / "hostile-questions.yaml"
COURSES = {
    "bundled": REPO,
    "minimal": MINIMAL,
    "hearth-bread": FIXTURES / "courses" / "hearth-bread",
    "hostile": MINIMAL,  # the minimal course with the hostile question file added
}


_LOADED: dict[str, Course] = {}


def course_of(name: str, scratch: Path) -> Course:
    """The named course, loaded once per test session (the hostile one from a copy made in `scratch`)."""
    if name not in _LOADED:
        root = COURSES[name]
        if name == "hostile":
            root = scratch / "hostile-course"
            shutil.copytree(MINIMAL, root, ignore=shutil.ignore_patterns("site", "build"))
            shutil.copy(HOSTILE, root / "question_bank" / HOSTILE.name)
        result = check_course(root)
        assert result.course is not None and not result.errors, result.issues
        _LOADED[name] = result.course
    return _LOADED[name]


def spec_questions(course: Course) -> dict[str, Question]:
    return {q.id: q for qs in course.question_sets for q in qs.questions}


def seen(html: str) -> str:
    """What a reader sees of an HTML fragment, whitespace folded."""
    return " ".join(plain_text(html).split())


def seen_markdown(text: str, *, inline: bool = False) -> str:
    return seen(inline_html(text) if inline else block_html(text))


def right_share(question: Question) -> float:
    """The percent a right option of a multiple_choice question is worth (wrong ones: `wrong_share`)."""
    return 100 / sum(o.correct for o in question.options)


def wrong_share(question: Question) -> float:
    return -100 / sum(not o.correct for o in question.options)


# --- Moodle short answers ---------------------------------------------------------------------------


def moodle_short_match(pattern: str, response: str) -> bool:
    """qtype_shortanswer::compare_string_with_wildcard, case-insensitive (usecase 0)."""
    bits = re.split(r"(?<!\\)\*+", pattern)
    regexp = ".*".join(re.escape(bit.replace("\\*", "*")) for bit in bits)
    return re.fullmatch(regexp, response.strip(), re.IGNORECASE | re.DOTALL) is not None


def wrong_responses(accepted: str) -> list[str]:
    """Answers a learner could type that differ from `accepted` where it has a `*`."""
    return [accepted.replace("*", "x"), accepted.replace("*", "")] if "*" in accepted else []


# --- Moodle's GIFT importer -------------------------------------------------------------------------

MOODLE_WEIGHT = re.compile(r"^%-*([0-9]{1,2})\.?([0-9]*)%")
_ESCAPES = {"\\:": "&&058;", "\\#": "&&035;", "\\=": "&&061;", "\\{": "&&123;", "\\}": "&&125;"}
_ESCAPES |= {"\\~": "&&126;", "\\n": "&&010"}


def assert_short_answers_match_as_specified(spec: Question, patterns: list[str]) -> None:
    """Moodle's short-answer matching with `patterns` accepts every accepted answer and no near miss."""
    for accepted in spec.accepted:
        assert any(moodle_short_match(p, accepted) for p in patterns), (spec.id, accepted)
        if not spec.wildcard:
            for wrong in wrong_responses(accepted):
                if wrong not in spec.accepted:
                    assert not any(moodle_short_match(p, wrong) for p in patterns), (spec.id, wrong)


def _pre(text: str) -> str:
    text = text.replace("\\\\", "&&092;")
    for escaped, placeholder in _ESCAPES.items():
        text = text.replace(escaped, placeholder)
    return text.replace("&&092;", "\\")


def _post(text: str) -> str:
    for escaped, placeholder in _ESCAPES.items():
        text = text.replace(placeholder, "\n" if escaped == "\\n" else escaped[1])
    return text


@dataclass
class MoodleQuestion:
    """A GIFT question as Moodle stores it: type, id, and per answer its text and fraction (0-1)."""

    kind: str
    idnumber: str
    answers: list[tuple[str, float]] = field(default_factory=list)
    pairs: list[tuple[str, str]] = field(default_factory=list)
    single: bool = True
    numeric: tuple[float, float] | None = None
    truth: bool | None = None


def _weight(answer: str) -> tuple[float | None, str]:
    if MOODLE_WEIGHT.match(answer):
        end = answer.index("%", 1)
        return float(answer[1:end]) / 100, answer[end + 1 :]
    return None, answer


def _comment(answer: str) -> str:
    hash_at = answer.find("#")
    return _post((answer[:hash_at] if hash_at > 0 else answer).strip())


def moodle_gift(text: str) -> list[MoodleQuestion]:
    """Every question of a GIFT file, read the way Moodle's importer reads it."""
    questions = []
    for block in re.split(r"\n[ \t]*\n", text):
        lines = [line for line in block.splitlines() if not line.strip().startswith("//")]
        comments = "\n".join(line for line in block.splitlines() if line.strip().startswith("//"))
        body = _pre("\n".join(lines).strip())
        if not body or body.startswith("$CATEGORY:"):
            continue
        idnumber = re.search(r"\[id:([^\]]+)\]", comments)
        if body.startswith("::"):
            body = body[2:][body[2:].index("::") + 2 :].strip()
        start, finish = body.find("{"), body.find("}")
        answertext = body[start + 1 : finish].strip()
        separator = answertext.rfind("####")
        if separator >= 0:
            answertext = answertext[:separator].strip()
        question = MoodleQuestion("", idnumber.group(1) if idnumber else "")
        if answertext == "":
            question.kind = "essay"
        elif answertext[0] == "#":
            question.kind = "numerical"
            value, _, tolerance = answertext[1:].strip().partition(":")
            question.numeric = (float(value), float(tolerance or 0))
        elif "~" in answertext:
            question.kind = "multichoice"
            question.single = "=" in answertext
            for answer in [a.strip() for a in answertext.replace("=", "~=").split("~")][1:]:
                if answer.startswith("="):
                    weight, answer = 1.0, answer[1:]
                else:
                    # A weight Moodle's pattern misses is 0, and its text stays in the option's text.
                    found, answer = _weight(answer)
                    weight = found if found is not None else 0.0
                question.answers.append((_comment(answer), weight))
        elif "=" in answertext and "->" in answertext:
            question.kind = "match"
            for answer in [a.strip() for a in answertext.split("=")][1:]:
                marker = answer.index("->")
                question.pairs.append((_post(answer[:marker].strip()), _post(answer[marker + 2 :].strip())))
        else:
            check = answertext[: answertext.find("#")].strip() if answertext.find("#") > 0 else answertext
            if check in ("T", "TRUE", "F", "FALSE"):
                question.kind, question.truth = "truefalse", check.startswith("T")
            else:
                question.kind = "shortanswer"
                for answer in [a.strip() for a in answertext.split("=")][1:]:
                    found, answer = _weight(answer)
                    question.answers.append((_comment(answer), 1.0 if found is None else found))
        questions.append(question)
    return questions


# --- QTI 1.2, read strictly -------------------------------------------------------------------------

QTI = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"


def _holds(condition: ET.Element, responses: dict[str, list[str]]) -> bool:
    tag = condition.tag.removeprefix(QTI)
    children = list(condition)
    if tag in ("conditionvar", "and"):
        return all(_holds(c, responses) for c in children)
    if tag == "or":
        return any(_holds(c, responses) for c in children)
    if tag == "not":
        return not _holds(children[0], responses)
    if tag == "other":
        return True
    given = responses.get(condition.get("respident", ""), [])
    wanted = condition.text or ""
    if tag == "varequal":
        return any(g.casefold() == wanted.casefold() for g in given)
    numbers = [Decimal(g) for g in given if re.fullmatch(r"[-+]?\d+(\.\d+)?", g.strip())]
    if tag == "vargte":
        return any(n >= Decimal(wanted) for n in numbers)
    if tag == "varlte":
        return any(n <= Decimal(wanted) for n in numbers)
    raise AssertionError(f"unexpected condition <{tag}>")


def qti_score(item: ET.Element, responses: dict[str, list[str]]) -> Decimal:
    """SCORE after the item's response processing, as a strict QTI 1.2 reader runs it."""
    score = Decimal(0)
    for condition in item.iter(f"{QTI}respcondition"):
        if not _holds(condition.find(f"{QTI}conditionvar"), responses):  # type: ignore[arg-type]
            continue
        for setvar in condition.findall(f"{QTI}setvar"):
            value = Decimal(setvar.text or "0")
            score = value if setvar.get("action") == "Set" else score + value
        if condition.get("continue", "No") != "Yes":
            break
    return score
