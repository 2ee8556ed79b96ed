"""GIFT, Moodle's plain-text quiz format, with its escaping; `parse_gift` reads it back for the tests.

GIFT carries less than Moodle XML: no points, no marking guidance, no file uploads, no units. `gift_view`
says exactly what survives (a unit is moved into the question text so learners still see it). Written
for Moodle's importer, which is looser than it looks: a weight is read only when it matches
`^%-*[0-9]{1,2}[.]?[0-9]*%` (so `%-100%`, never `%-100.00000%`), any `->` among the answers makes a
matching question, and a leading `%n%` in option text is a weight. Text is escaped against all three.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from generator.formats.lms import GIFT_ARROW, gift_cannot_hold
from generator.formats.workbook.cells import decimal_text
from generator.model.course import Course
from generator.outputs.lms.items import (
    Answer,
    Item,
    answer_of_pattern,
    has_wildcard,
    lms_items,
    moodle_pattern,
    text_with_unit,
)
from generator.outputs.lms.moodle_xml import category_path

FILE_NAME = "questions.gift.txt"
_SPECIAL = "~=#{}:"
_TOP = "$course$/top/"


def export_gift(course: Course, out_dir: Path) -> list[Path]:
    """Write every question of the course (graded-only included) as one GIFT file."""
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / FILE_NAME
    path.write_text(gift(lms_items(course)), encoding="utf-8")
    return [path]


def escape(text: str) -> str:
    """GIFT escaping: backslash first, then ~ = # { } :, and newlines as \\n."""
    text = text.replace("\\", "\\\\")
    for char in _SPECIAL:
        text = text.replace(char, "\\" + char)
    return text.replace("\n", "\\n")


def gift_weight(percent: float) -> str:
    """A weight as Moodle's GIFT importer reads it: `%-100%`, `%50%`, `%33.33333%` (no trailing zeros)."""
    return "%" + f"{percent:.5f}".rstrip("0").rstrip(".") + "%"


def neutral_html(html: str) -> str:
    """The same HTML with `->` and a leading `%` as entities, which GIFT readers take as text."""
    html = html.replace(GIFT_ARROW, "-&gt;")
    return "&#37;" + html[1:] if html.startswith("%") else html


def gift_holds(item: Item) -> bool:
    """False for the questions GIFT cannot write (the lms checks warn about each)."""
    return not (item.kind == "shortanswer" and gift_cannot_hold([a.text for a in item.answers]))


def gift_view(item: Item) -> Item:
    """What of `item` a GIFT file can carry, with its HTML in the form GIFT writes it."""
    text = text_with_unit(item)
    answers = tuple(replace(a, text=neutral_html(a.text)) for a in item.answers)
    return replace(
        item,
        text=neutral_html(text),
        feedback=neutral_html(item.feedback),
        answers=answers if item.kind == "multichoice" else item.answers,
        pairs=tuple((neutral_html(left), right) for left, right in item.pairs),
        points=1.0,
        unit="",
        grader_info="",
        attachments=False,
    )


def gift(items: list[Item]) -> str:
    out: list[str] = []
    category: tuple[str, ...] | None = None
    for item in items:
        if not gift_holds(item):
            out.append(f"// question: {item.id} left out: an accepted answer holds '->'\n\n")
            continue
        if item.category != category:
            category = item.category
            out.append(f"$CATEGORY: {category_path(category)}\n\n")
        out.append(_question(gift_view(item)))
    return "".join(out)


def _question(item: Item) -> str:
    comments = f"// question: {item.id}\n// [id:{item.id}]" + "".join(f" [tag:{t}]" for t in item.tags) + "\n"
    head = f"::{escape(item.id)}::[html]{escape(item.text)}"
    general = f"\t####{escape(item.feedback)}\n" if item.feedback else ""
    return f"{comments}{head}{{\n{_answers(item)}{general}}}\n\n"


def _answers(item: Item) -> str:
    if item.kind == "truefalse":
        right = next(a.text for a in item.answers if a.fraction > 0)
        return f"\t{right.upper()}\n"
    if item.kind == "numerical":
        return "".join(f"\t#{escape(a.text)}:{decimal_text(a.tolerance)}\n" for a in item.answers)
    if item.kind == "matching":
        return "".join(f"\t={escape(left)} -> {escape(right)}\n" for left, right in item.pairs)
    if item.kind == "shortanswer":
        return "".join(_short(moodle_pattern(a.text, item.wildcard)) for a in item.answers)
    if item.kind == "multichoice":
        return "".join(_choice(a, item.single) for a in item.answers)
    return ""  # essay: empty answer block


def _short(pattern: str) -> str:
    # A leading %n% would be read as a weight; an explicit full weight in front keeps it text.
    weight = gift_weight(100) if pattern.lstrip().startswith("%") else ""
    return f"\t={weight}{escape(pattern)}\n"


def _choice(answer: Answer, single: bool) -> str:
    # One right option: = and ~. Several: every option carries its weight, e.g. ~%50%.
    mark = ("=" if answer.fraction == 100 else "~") if single else f"~{gift_weight(answer.fraction)}"
    feedback = f"#{escape(answer.feedback)}" if answer.feedback else ""
    return f"\t{mark}{escape(answer.text)}{feedback}\n"


def _unescape(text: str) -> str:
    out, i = [], 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text):
            nxt = text[i + 1]
            out.append("\n" if nxt == "n" else nxt)
            i += 2
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def _split(text: str, marks: str) -> list[str]:
    """Split `text` before each unescaped character in `marks` (the piece keeps its mark)."""
    pieces, start, i = [], 0, 0
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text[i] in marks and i > start:
            pieces.append(text[start:i])
            start = i
        i += 1
    pieces.append(text[start:])
    return [p for p in pieces if p.strip()]


def _find(text: str, char: str, start: int = 0) -> int:
    i = start
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text[i] == char:
            return i
        i += 1
    return -1


def parse_gift(text: str) -> list[Item]:
    """Read a GIFT file (as this module writes it) back into items."""
    items = []
    category: tuple[str, ...] = ()
    for block in re.split(r"\n\s*\n", text):
        lines = [line for line in block.splitlines() if line.strip()]
        meta = " ".join(line for line in lines if line.startswith("//"))
        body = "\n".join(line for line in lines if not line.startswith(("//", "$CATEGORY:")))
        for line in lines:
            if line.startswith("$CATEGORY:"):
                path = line.split(":", 1)[1].strip().removeprefix(_TOP)
                category = tuple(p.replace("\0", "/") for p in path.replace("//", "\0").split("/"))
        if not body.strip():
            continue
        items.append(_parse_question(body, meta, category))
    return items


def _parse_question(body: str, meta: str, category: tuple[str, ...]) -> Item:
    end_title = body.index("::", 2)
    question_id = _unescape(body[2:end_title])
    rest = body[end_title + 2 :].removeprefix("[html]")
    open_at = _find(rest, "{")
    close_at = len(rest) - 1 - rest[::-1].index("}")
    stem, block = _unescape(rest[:open_at]), rest[open_at + 1 : close_at]
    general = ""
    general_at = block.find("####")
    while general_at > 0 and block[general_at - 1] == "\\":
        general_at = block.find("####", general_at + 1)
    if general_at >= 0:
        block, general = block[:general_at], _unescape(block[general_at + 4 :].strip())
    tags = tuple(re.findall(r"\[tag:([^\]]+)\]", meta))
    item = Item(
        id=question_id, kind="essay", category=category, text=stem, feedback=general, points=1.0, tags=tags
    )
    body_text = block.strip()
    if not body_text:
        return item
    if body_text in ("TRUE", "FALSE", "T", "F"):
        right = "true" if body_text.startswith("T") else "false"
        flags = tuple(Answer(word, 100.0 if word == right else 0.0) for word in ("true", "false"))
        return replace(item, kind="truefalse", answers=flags)
    answers: list[Answer] = []
    if body_text.startswith("#"):
        for piece in _split(body_text, "#"):
            colon = _find(piece, ":")
            answers.append(
                Answer(_unescape(piece[1:colon].strip()), 100.0, tolerance=float(piece[colon + 1 :]))
            )
        return replace(item, kind="numerical", answers=tuple(answers))
    pieces = _split(body_text, "=~")
    if all(p.startswith("=") and " -> " in p for p in pieces):
        pairs = tuple(
            (_unescape(left.strip()), _unescape(right.strip()))
            for left, right in (p[1:].split(" -> ", 1) for p in pieces)
        )
        return replace(item, kind="matching", pairs=pairs)
    if all(p.startswith("=") for p in pieces) and len(pieces) and not any(_find(p, "#") >= 0 for p in pieces):
        patterns = [_unescape(p[1:].strip().removeprefix(gift_weight(100))) for p in pieces]
        wildcard = any(has_wildcard(p) for p in patterns)
        short = tuple(Answer(answer_of_pattern(p, wildcard), 100.0) for p in patterns)
        return replace(item, kind="shortanswer", answers=short, wildcard=wildcard)
    single = not any(p.startswith("~%") for p in pieces)
    for piece in pieces:
        mark, content = piece[0], piece[1:]
        fraction = 100.0 if mark == "=" else 0.0
        if content.startswith("%"):
            end = content.index("%", 1)
            fraction, content = float(content[1:end]), content[end + 1 :]
        feedback_at = _find(content, "#")
        feedback = _unescape(content[feedback_at + 1 :].strip()) if feedback_at >= 0 else ""
        text = content[:feedback_at] if feedback_at >= 0 else content
        answers.append(Answer(_unescape(text.strip()), fraction, feedback))
    return replace(item, kind="multichoice", answers=tuple(answers), single=single)
