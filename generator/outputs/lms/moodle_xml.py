"""Moodle XML: a category per section and module, every question type, HTML in CDATA, allowed fractions.

Moodle publishes no schema and its importer reports malformed files poorly, so the writer is plain
string building with every value escaped, and `parse_moodle_xml` reads the file back for the tests.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from xml.sax.saxutils import escape

from generator.formats.workbook.cells import decimal_text
from generator.model.course import Course
from generator.outputs.lms.items import (
    Answer,
    Item,
    answer_of_pattern,
    fraction_text,
    has_wildcard,
    lms_items,
    moodle_pattern,
)

FILE_NAME = "questions.moodle.xml"
_TOP = "$course$/top/"


def export_moodle_xml(course: Course, out_dir: Path) -> list[Path]:
    """Write every question of the course (graded-only included) as one Moodle XML file."""
    text = moodle_xml(lms_items(course))
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / FILE_NAME
    path.write_text(text, encoding="utf-8")
    return [path]


def cdata(html: str) -> str:
    """HTML as CDATA; a literal `]]>` inside is split across two sections so it cannot end the first."""
    return "<![CDATA[" + html.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def _html(tag: str, html: str, indent: str = "    ") -> str:
    return f'{indent}<{tag} format="html">\n{indent}  <text>{cdata(html)}</text>\n{indent}</{tag}>\n'


def category_path(names: tuple[str, ...]) -> str:
    """Moodle's category path; a '/' inside a name is doubled so it is not read as a separator."""
    return _TOP + "/".join(name.replace("/", "//") for name in names)


def moodle_xml(items: list[Item]) -> str:
    # The XML declaration must be the very first bytes of the file.
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n']
    written: set[tuple[str, ...]] = set()
    for item in items:
        for depth in range(1, len(item.category) + 1):
            path = item.category[:depth]
            if path not in written:
                written.add(path)
                out.append(_category(path))
        out.append(_question(item))
    out.append("</quiz>\n")
    return "".join(out)


def _category(path: tuple[str, ...]) -> str:
    return (
        '  <question type="category">\n'
        f"    <category>\n      <text>{escape(category_path(path))}</text>\n    </category>\n"
        '    <info format="html">\n      <text></text>\n    </info>\n'
        "  </question>\n"
    )


def _question(item: Item) -> str:
    parts = [
        f"  <!-- question: {item.id} -->\n",
        f'  <question type="{item.kind}">\n',
        f"    <name>\n      <text>{escape(item.id)}</text>\n    </name>\n",
        _html("questiontext", item.text),
        _html("generalfeedback", item.feedback),
        f"    <defaultgrade>{item.points:.7f}</defaultgrade>\n",
        "    <penalty>0.0000000</penalty>\n",
        "    <hidden>0</hidden>\n",
        f"    <idnumber>{escape(item.id)}</idnumber>\n",
    ]
    parts.append(_BODY[item.kind](item))
    if item.tags:
        tags = "".join(f"      <tag>\n        <text>{escape(t)}</text>\n      </tag>\n" for t in item.tags)
        parts.append(f"    <tags>\n{tags}    </tags>\n")
    parts.append("  </question>\n")
    return "".join(parts)


def _answer(answer: Answer, *, html: bool, extra: str = "") -> str:
    fmt = "html" if html else "moodle_auto_format"
    text = cdata(answer.text) if html else escape(answer.text)
    return (
        f'    <answer fraction="{fraction_text(answer.fraction)}" format="{fmt}">\n'
        f"      <text>{text}</text>\n{extra}"
        + _html("feedback", answer.feedback, "      ")
        + "    </answer>\n"
    )


def _multichoice(item: Item) -> str:
    head = (
        f"    <single>{'true' if item.single else 'false'}</single>\n"
        "    <shuffleanswers>true</shuffleanswers>\n"
        "    <answernumbering>abc</answernumbering>\n"
        "    <showstandardinstruction>0</showstandardinstruction>\n"
    )
    fixed = "".join(
        _html(tag, "") for tag in ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback")
    )
    return head + fixed + "".join(_answer(a, html=True) for a in item.answers)


def _plain_answers(item: Item) -> str:
    return "".join(_answer(a, html=False) for a in item.answers)


def _shortanswer(item: Item) -> str:
    answers = [replace(a, text=moodle_pattern(a.text, item.wildcard)) for a in item.answers]
    return "    <usecase>0</usecase>\n" + "".join(_answer(a, html=False) for a in answers)


def _numerical(item: Item) -> str:
    answers = "".join(
        _answer(a, html=False, extra=f"      <tolerance>{decimal_text(a.tolerance)}</tolerance>\n")
        for a in item.answers
    )
    if not item.unit:
        return answers + "    <unitgradingtype>0</unitgradingtype>\n    <showunits>3</showunits>\n"
    return (
        answers + "    <units>\n      <unit>\n        <multiplier>1</multiplier>\n"
        f"        <unit_name>{escape(item.unit)}</unit_name>\n      </unit>\n    </units>\n"
        "    <unitgradingtype>0</unitgradingtype>\n    <unitpenalty>0.1000000</unitpenalty>\n"
        "    <showunits>0</showunits>\n    <unitsleft>0</unitsleft>\n"
    )


def _matching(item: Item) -> str:
    subquestions = "".join(
        f'    <subquestion format="html">\n      <text>{cdata(left)}</text>\n'
        f"      <answer>\n        <text>{escape(right)}</text>\n      </answer>\n    </subquestion>\n"
        for left, right in item.pairs
    )
    return "    <shuffleanswers>true</shuffleanswers>\n" + subquestions


def _essay(item: Item) -> str:
    return (
        "    <responseformat>editor</responseformat>\n    <responserequired>1</responserequired>\n"
        "    <responsefieldlines>15</responsefieldlines>\n"
        f"    <attachments>{1 if item.attachments else 0}</attachments>\n"
        f"    <attachmentsrequired>{1 if item.attachments else 0}</attachmentsrequired>\n"
        + _html("graderinfo", item.grader_info)
        + _html("responsetemplate", "")
    )


_BODY = {
    "multichoice": _multichoice,
    "truefalse": _plain_answers,
    "shortanswer": _shortanswer,
    "numerical": _numerical,
    "matching": _matching,
    "essay": _essay,
}


def parse_moodle_xml(text: str) -> list[Item]:
    """Read a Moodle XML file (as this module writes it) back into items."""
    import xml.etree.ElementTree as ET

    root = ET.fromstring(text.encode("utf-8"))
    category: tuple[str, ...] = ()
    items = []
    for question in root.iter("question"):
        kind = question.get("type", "")
        if kind == "category":
            path = question.findtext("category/text", "").removeprefix(_TOP)
            category = tuple(part.replace("\0", "/") for part in path.replace("//", "\0").split("/"))
            continue

        def html(tag: str, node: ET.Element = question) -> str:
            return node.findtext(f"{tag}/text", "")

        answers = tuple(
            Answer(
                a.findtext("text", ""),
                float(a.get("fraction", "0")),
                html("feedback", a),
                float(a.findtext("tolerance", "0")),
            )
            for a in question.findall("answer")
        )
        wildcard = kind == "shortanswer" and any(has_wildcard(a.text) for a in answers)
        if kind == "shortanswer":
            answers = tuple(replace(a, text=answer_of_pattern(a.text, wildcard)) for a in answers)
        items.append(
            Item(
                id=question.findtext("idnumber", ""),
                kind=kind,  # type: ignore[arg-type]
                category=category,
                text=html("questiontext"),
                feedback=html("generalfeedback"),
                points=float(question.findtext("defaultgrade", "1")),
                answers=answers,
                single=question.findtext("single", "true") == "true",
                pairs=tuple(
                    (s.findtext("text", ""), s.findtext("answer/text", ""))
                    for s in question.findall("subquestion")
                ),
                unit=question.findtext("units/unit/unit_name", ""),
                wildcard=wildcard,
                grader_info=html("graderinfo"),
                attachments=question.findtext("attachments", "0") == "1",
                tags=tuple(t.findtext("text", "") for t in question.findall("tags/tag")),
            )
        )
    return items
