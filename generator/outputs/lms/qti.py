"""QTI 1.2 as Canvas imports it: a zip with imsmanifest.xml at its root and one assessment per module.

Each assessment becomes a quiz (and a question bank) in Canvas. Text goes in as escaped HTML
(`texttype="text/html"`); item and answer idents come from question ids, so re-imports line up.
Response processing is written so that a strict QTI 1.2 reader scores as Canvas does: one
`<respcondition>` per accepted answer (several `<varequal>` in one condition mean AND), `continue="Yes"`
on each matching pair, and numbers as authored (0.09, not 0.09000000000000001).
"""

from __future__ import annotations

import io
import zipfile
from decimal import Decimal
from itertools import groupby
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from generator.formats.workbook.cells import decimal_text
from generator.model.course import Course
from generator.outputs.html import plain_text
from generator.outputs.lms.items import Item, lms_items, text_with_unit

FILE_NAME = "questions.qti.zip"
FIXED_TIME = (2000, 1, 1, 0, 0, 0)  # zip entry times: the same questions give the same bytes
_QTI_NS = (
    'xmlns="http://www.imsglobal.org/xsd/ims_qtiasiv1p2" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
    'xsi:schemaLocation="http://www.imsglobal.org/xsd/ims_qtiasiv1p2 '
    'http://www.imsglobal.org/xsd/ims_qtiasiv1p2p1.xsd"'
)
_META_TYPE = "associatedcontent/imscc_xmlv1p1/learning-application-resource"
_SCORE = '<outcomes><decvar maxvalue="100" minvalue="0" varname="SCORE" vartype="Decimal"/></outcomes>'


def export_qti(course: Course, out_dir: Path) -> list[Path]:
    """Write every question of the course (graded-only included) as one QTI 1.2 package for Canvas."""
    data = qti_package(course.spec.id, lms_items(course))
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / FILE_NAME
    path.write_bytes(data)
    return [path]


def qti_package(course_id: str, items: list[Item]) -> bytes:
    """The zip: imsmanifest.xml, then per assessment its questions and Canvas's quiz settings."""
    files: list[tuple[str, str]] = []
    resources = []
    for n, (category, group) in enumerate(groupby(items, key=lambda i: i.category), 1):
        ident = f"{course_id}-{n:03d}"
        questions = list(group)
        title = " / ".join(category[1:]) or category[0]
        files.append((f"{ident}/{ident}.xml", _assessment(ident, title, questions)))
        files.append((f"{ident}/assessment_meta.xml", _meta(ident, title, questions)))
        resources.append(ident)
    manifest = _manifest(course_id, resources)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in [("imsmanifest.xml", manifest), *files]:
            info = zipfile.ZipInfo(name, FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, text.encode("utf-8"))
    return buffer.getvalue()


def _manifest(course_id: str, idents: list[str]) -> str:
    resources = "".join(
        f'    <resource identifier="{i}" type="imsqti_xmlv1p2">\n      <file href="{i}/{i}.xml"/>\n'
        f'      <dependency identifierref="{i}-meta"/>\n    </resource>\n'
        f'    <resource identifier="{i}-meta" type="{_META_TYPE}" href="{i}/assessment_meta.xml">\n'
        f'      <file href="{i}/assessment_meta.xml"/>\n    </resource>\n'
        for i in idents
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<manifest identifier="{course_id}-manifest" '
        'xmlns="http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1" '
        'xmlns:imsmd="http://www.imsglobal.org/xsd/imsmd_v1p2">\n'
        "  <metadata>\n    <schema>IMS Content</schema>\n"
        "    <schemaversion>1.1.3</schemaversion>\n  </metadata>\n"
        f"  <organizations/>\n  <resources>\n{resources}  </resources>\n</manifest>\n"
    )


def _meta(ident: str, title: str, items: list[Item]) -> str:
    points = sum(i.points for i in items)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<quiz identifier="{ident}" xmlns="http://canvas.instructure.com/xsd/cccv1p0">\n'
        f"  <title>{escape(title)}</title>\n  <shuffle_answers>true</shuffle_answers>\n"
        "  <scoring_policy>keep_highest</scoring_policy>\n  <quiz_type>assignment</quiz_type>\n"
        f"  <points_possible>{points:.1f}</points_possible>\n  <available>false</available>\n</quiz>\n"
    )


def _assessment(ident: str, title: str, items: list[Item]) -> str:
    body = "".join(_item(item) for item in items)
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<questestinterop {_QTI_NS}>\n'
        f'  <assessment ident="{ident}" title={quoteattr(title)}>\n'
        '    <section ident="root_section">\n'
        f"{body}    </section>\n  </assessment>\n</questestinterop>\n"
    )


def _mat(html: str) -> str:
    return f'<material><mattext texttype="text/html">{escape(html)}</mattext></material>'


def _canvas_type(item: Item) -> str:
    if item.kind == "multichoice":
        return "multiple_choice_question" if item.single else "multiple_answers_question"
    if item.kind == "essay":
        return "file_upload_question" if item.attachments else "essay_question"
    return {
        "truefalse": "true_false_question",
        "shortanswer": "short_answer_question",
        "numerical": "numerical_question",
        "matching": "matching_question",
    }[item.kind]


def _item(item: Item) -> str:
    kind = _canvas_type(item)
    answer_ids = ",".join(f"{item.id}-{n}" for n in range(1, len(item.answers) + 1))
    meta = (
        f"<itemmetadata><qtimetadata>"
        f"<qtimetadatafield><fieldlabel>question_type</fieldlabel><fieldentry>{kind}</fieldentry></qtimetadatafield>"
        f"<qtimetadatafield><fieldlabel>points_possible</fieldlabel><fieldentry>{decimal_text(item.points)}</fieldentry>"
        "</qtimetadatafield>"
        f"<qtimetadatafield><fieldlabel>original_answer_ids</fieldlabel><fieldentry>{answer_ids}</fieldentry>"
        "</qtimetadatafield>"
        "</qtimetadata></itemmetadata>"
    )
    presentation, processing = _BODY[item.kind](item)
    feedback = [("general_fb", item.feedback)] if item.feedback else []
    feedback += [(f"{item.id}-{n}_fb", a.feedback) for n, a in enumerate(item.answers, 1) if a.feedback]
    general = (
        '<respcondition continue="Yes"><conditionvar><other/></conditionvar>'
        '<displayfeedback feedbacktype="Response" linkrefid="general_fb"/></respcondition>'
        if item.feedback
        else ""
    )
    item_feedback = "".join(
        f'<itemfeedback ident="{i}"><flow_mat>{_mat(h)}</flow_mat></itemfeedback>' for i, h in feedback
    )
    return (
        f"      <item ident={quoteattr(item.id)} title={quoteattr(item.id)}>{meta}"
        f"<presentation>{_mat(text_with_unit(item))}{presentation}</presentation>"
        f"<resprocessing>{_SCORE}{general}{processing}</resprocessing>{item_feedback}</item>\n"
    )


def _choice(item: Item) -> tuple[str, str]:
    cardinality = "Single" if item.single else "Multiple"
    labels = "".join(
        f'<response_label ident="{item.id}-{n}">{_mat(a.text)}</response_label>'
        for n, a in enumerate(item.answers, 1)
    )
    presentation = (
        f'<response_lid ident="response1" rcardinality="{cardinality}">'
        f"<render_choice>{labels}</render_choice></response_lid>"
    )
    feedback = "".join(
        '<respcondition continue="Yes"><conditionvar>'
        f'<varequal respident="response1">{item.id}-{n}</varequal></conditionvar>'
        f'<displayfeedback feedbacktype="Response" linkrefid="{item.id}-{n}_fb"/></respcondition>'
        for n, a in enumerate(item.answers, 1)
        if a.feedback
    )
    if item.single:
        right = next(n for n, a in enumerate(item.answers, 1) if a.fraction > 0)
        condition = f'<varequal respident="response1">{item.id}-{right}</varequal>'
    else:
        condition = (
            "<and>"
            + "".join(
                f'<varequal respident="response1">{item.id}-{n}</varequal>'
                if a.fraction > 0
                else f'<not><varequal respident="response1">{item.id}-{n}</varequal></not>'
                for n, a in enumerate(item.answers, 1)
            )
            + "</and>"
        )
    scoring = (
        f'<respcondition continue="No"><conditionvar>{condition}</conditionvar>'
        '<setvar action="Set" varname="SCORE">100</setvar></respcondition>'
    )
    return presentation, feedback + scoring


def _fib(fibtype: str = "String") -> str:
    return (
        f'<response_str ident="response1" rcardinality="Single"><render_fib fibtype="{fibtype}">'
        '<response_label ident="answer1" rshuffle="No"/></render_fib></response_str>'
    )


def _shortanswer(item: Item) -> tuple[str, str]:
    return _fib(), "".join(
        f'<respcondition continue="No"><conditionvar><varequal respident="response1">{escape(a.text)}'
        '</varequal></conditionvar><setvar action="Set" varname="SCORE">100</setvar></respcondition>'
        for a in item.answers
    )


def _numerical(item: Item) -> tuple[str, str]:
    answer = item.answers[0]
    # Decimal arithmetic on the authored digits: 0.1 - 0.01 is 0.09 here, not 0.09000000000000001.
    value, tolerance = Decimal(answer.text), Decimal(repr(answer.tolerance))
    low, high = decimal_text(value - tolerance), decimal_text(value + tolerance)
    condition = (
        f'<or><varequal respident="response1">{escape(answer.text)}</varequal>'
        f'<and><vargte respident="response1">{low}</vargte>'
        f'<varlte respident="response1">{high}</varlte></and></or>'
    )
    return _fib("Decimal"), (
        f'<respcondition continue="No"><conditionvar>{condition}</conditionvar>'
        '<setvar action="Set" varname="SCORE">100</setvar></respcondition>'
    )


def _matching(item: Item) -> tuple[str, str]:
    rights = sorted({right for _, right in item.pairs})
    right_id = {right: f"{item.id}-r{n}" for n, right in enumerate(rights, 1)}
    choices = "".join(
        f'<response_label ident="{right_id[r]}"><material><mattext>{escape(r)}</mattext></material>'
        "</response_label>"
        for r in rights
    )
    # Shares in hundredths that add up to exactly 100 (the last pair takes the rounding).
    count = len(item.pairs)
    shares = [f"{100 / count:.2f}"] * (count - 1)
    shares.append(decimal_text(Decimal(100) - sum(Decimal(x) for x in shares)))
    presentation = "".join(
        f'<response_lid ident="response_{item.id}-{n}"><material><mattext texttype="text/plain">'
        f"{escape(plain_text(left))}</mattext></material><render_choice>{choices}</render_choice></response_lid>"
        for n, (left, _) in enumerate(item.pairs, 1)
    )
    processing = "".join(
        f'<respcondition continue="Yes"><conditionvar><varequal respident="response_{item.id}-{n}">'
        f"{right_id[right]}</varequal></conditionvar>"
        f'<setvar varname="SCORE" action="Add">{share}</setvar></respcondition>'
        for n, ((_, right), share) in enumerate(zip(item.pairs, shares, strict=True), 1)
    )
    return presentation, processing


def _essay(item: Item) -> tuple[str, str]:
    if item.attachments:
        return "", ""
    return _fib(), '<respcondition continue="No"><conditionvar><other/></conditionvar></respcondition>'


_BODY = {
    "multichoice": _choice,
    "truefalse": _choice,
    "shortanswer": _shortanswer,
    "numerical": _numerical,
    "matching": _matching,
    "essay": _essay,
}
