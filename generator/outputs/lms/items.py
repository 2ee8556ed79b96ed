"""Questions in the shape every LMS format shares: HTML text, answers with Moodle fractions, categories.

Every exporter writes from these items and the tests parse each format back into them, so "round trip"
means one precise thing: the same items come back.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, replace
from typing import Literal

from generator.formats.lms import category_groups, category_name
from generator.formats.workbook.cells import decimal_text
from generator.model.course import Course
from generator.model.question import Question
from generator.outputs.html import block_html, inline_html, plain_text

Kind = Literal["multichoice", "truefalse", "shortanswer", "numerical", "matching", "essay"]
# The only fractions Moodle accepts (percent); anything else fails to import. Written with 5 decimals.
FRACTIONS = (
    100.0, 90.0, 83.33333, 80.0, 75.0, 70.0, 66.66667, 60.0, 50.0, 40.0, 33.33333, 30.0, 25.0, 20.0,
    16.66667, 14.28571, 12.5, 11.11111, 10.0, 5.0, 0.0,
)  # fmt: skip
_ALLOWED = (*FRACTIONS, *(-f for f in FRACTIONS if f))


def moodle_fraction(percent: float) -> float:
    """The allowed Moodle fraction nearest to `percent` (100/3 -> 33.33333)."""
    return min(_ALLOWED, key=lambda allowed: abs(allowed - percent))


def fraction_text(percent: float) -> str:
    """A Moodle XML fraction: always 5 decimals (`33` fails to import)."""
    return f"{percent:.5f}"


def moodle_pattern(text: str, wildcard: bool) -> str:
    """An accepted short answer as Moodle matches it: `*` is "anything" there, so a literal star is `\\*`."""
    return text if wildcard else text.replace("*", "\\*")


def answer_of_pattern(pattern: str, wildcard: bool) -> str:
    """The accepted answer a Moodle pattern was written from (the inverse of `moodle_pattern`)."""
    return pattern if wildcard else pattern.replace("\\*", "*")


def has_wildcard(pattern: str) -> bool:
    """True when Moodle reads some `*` of `pattern` as a wildcard (one not escaped as `\\*`)."""
    return re.search(r"(?<!\\)\*", pattern) is not None


@dataclass(frozen=True)
class Answer:
    text: str  # HTML for choices; plain text for short answers, numeric values and true/false
    fraction: float  # percent of the points, from FRACTIONS (negated for wrong multi-answer options)
    feedback: str = ""  # HTML
    tolerance: float = 0.0


@dataclass(frozen=True)
class Item:
    """One question as every LMS format sees it."""

    id: str
    kind: Kind
    category: tuple[str, ...]  # course, section (or "Workshop days"), module titles
    text: str  # HTML
    feedback: str  # HTML: general feedback, shown after answering
    points: float
    answers: tuple[Answer, ...] = ()
    single: bool = True  # multichoice: one right option (radio buttons) or several (checkboxes)
    pairs: tuple[tuple[str, str], ...] = ()  # matching: (HTML left, plain right)
    unit: str = ""
    wildcard: bool = False  # shortanswer: a `*` in an answer matches any text (Moodle); else a plain star
    grader_info: str = ""  # HTML: essay marking guidance
    attachments: bool = False  # practical tasks take a file upload
    tags: tuple[str, ...] = ()


def text_with_unit(item: Item) -> str:
    """The question text, with the unit said in it for formats that have no field for one."""
    return item.text + (f"<p>Answer in {html.escape(item.unit, quote=False)}.</p>" if item.unit else "")


def lms_items(course: Course) -> list[Item]:
    """Every question of the course (graded-only ones included), grouped by section and module in course
    order. What an LMS cannot hold was reported by checks/limits (text and lms) before this runs."""
    groups = [(module, tuple(map(category_name, names))) for module, names in category_groups(course)]
    items: list[Item] = []
    done: set[str] = set()
    for module, category in groups:
        if module in done:
            continue
        done.add(module)
        for question_set in course.question_sets:
            if question_set.module == module:
                items += [item_of(q, category) for q in question_set.questions]
    return items


def item_of(question: Question, category: tuple[str, ...]) -> Item:
    base = Item(
        id=question.id,
        kind="essay",
        category=category,
        text=block_html(question.stem),
        feedback=block_html(question.explanation),
        points=question.points,
        tags=tuple(question.tags),
    )
    kind = question.type
    if kind in ("single_choice", "multiple_choice"):
        single = kind == "single_choice"
        right = sum(o.correct for o in question.options)
        wrong = len(question.options) - right
        # Multi-answer: right options share 100%, wrong ones share -100% so ticking everything scores 0.
        penalty = 0.0 if single or not wrong else -moodle_fraction(100 / wrong)
        answers = tuple(
            Answer(
                inline_html(o.text),
                moodle_fraction(100 / right) if o.correct else penalty,
                block_html(o.feedback),
            )
            for o in question.options
        )
        return replace(base, kind="multichoice", answers=answers, single=single)
    if kind == "true_false":
        answers = (
            Answer("true", 100.0 if question.answer else 0.0),
            Answer("false", 0.0 if question.answer else 100.0),
        )
        return replace(base, kind="truefalse", answers=answers)
    if kind == "short_answer":
        answers = tuple(Answer(text, 100.0) for text in question.accepted)
        # Normalised so that a file read back says the same: no star, no wildcard.
        wildcard = question.wildcard and any("*" in text for text in question.accepted)
        return replace(base, kind="shortanswer", answers=answers, wildcard=wildcard)
    if kind == "numeric" and question.numeric is not None:
        numeric = question.numeric
        answer = Answer(decimal_text(numeric.value), 100.0, tolerance=numeric.tolerance)
        return replace(base, kind="numerical", answers=(answer,), unit=numeric.unit)
    if kind == "matching":
        # Moodle keeps a matching answer as plain text: Markdown would show as typed (`code`).
        pairs = tuple((inline_html(p.left), plain_text(inline_html(p.right))) for p in question.pairs)
        return replace(base, kind="matching", pairs=pairs)
    guidance = block_html(lists_apart(question.guidance))
    return replace(base, grader_info=guidance, attachments=kind == "practical")


_LIST_ITEM = re.compile(r"^(?:[-*+]|\d+\.)\s")


def lists_apart(markdown: str) -> str:
    """`markdown` with a blank line before a list that follows a sentence directly.

    Trainers write "A good answer contains:" with the list on the next line; Markdown reads that as one
    run-on paragraph, and Moodle's grader then sees the items run together."""
    out: list[str] = []
    fenced = False
    for line in markdown.split("\n"):
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        previous = out[-1] if out else ""
        if (
            not fenced
            and _LIST_ITEM.match(line)
            and previous.strip()
            and not _LIST_ITEM.match(previous)
            and not previous.startswith((" ", "\t"))
        ):
            out.append("")
        out.append(line)
    return "\n".join(out)
