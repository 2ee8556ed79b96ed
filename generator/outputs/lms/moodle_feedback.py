"""The feedback form for Moodle's Feedback activity (its own XML, not the question bank's).

Why that format: a Feedback activity collects anonymous ratings and comments and charts them, which a quiz
cannot. The file uses the item types its importer has read since Moodle 1.9 (VERSION 200701): a label for
the introduction, a rated choice per rating (values = the scale's points, shown in a row), and a text area
per open question; each item's label is the question id, so exported responses name their columns.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import quoteattr

from generator.model.feedback import FeedbackForm
from generator.outputs.html import block_html, inline_html, plain_text
from generator.outputs.lms.moodle_xml import cdata

FILE_NAME = "feedback.moodle.xml"
VERSION = "200701"
# mod/feedback/item/multichoicerated: subtype >>>>> value####label|value####label <<<<<1 (in a row)
TYPE_SEP, LINE_SEP, VALUE_SEP, IN_A_ROW = ">>>>>", "|", "####", "<<<<<1"


def export_feedback(form: FeedbackForm, out_dir: Path) -> list[Path]:
    """Write the form as one Moodle Feedback XML file."""
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / FILE_NAME
    path.write_text(feedback_xml(form), encoding="utf-8")
    return [path]


def rating_presentation(form: FeedbackForm) -> str:
    scale = form.scale
    labels = {
        scale.low: f"{scale.low} ({_plain(scale.low_label)})",
        scale.high: f"{scale.high} ({_plain(scale.high_label)})",
    }
    lines = [f"{point}{VALUE_SEP}{labels.get(point, str(point))}" for point in scale.points]
    return "r" + TYPE_SEP + LINE_SEP.join(lines) + IN_A_ROW


def feedback_xml(form: FeedbackForm) -> str:
    # The XML declaration must be the very first bytes of the file.
    out = [
        '<?xml version="1.0" encoding="UTF-8" ?>\n'
        f'<FEEDBACK VERSION="{VERSION}" COMMENT="XML-Importfile for mod/feedback">\n  <ITEMS>\n'
    ]
    number = 0

    def item(kind: str, required: bool, name: str, label: str, presentation: str, options: str = "") -> None:
        nonlocal number
        number += 1
        out.append(
            f"    <ITEM TYPE={quoteattr(kind)} REQUIRED={quoteattr('1' if required else '0')}>\n"
            f"      <ITEMID>{cdata(str(number))}</ITEMID>\n"
            f"      <ITEMTEXT>{cdata(name)}</ITEMTEXT>\n"
            f"      <ITEMLABEL>{cdata(label)}</ITEMLABEL>\n"
            f"      <PRESENTATION>{cdata(presentation)}</PRESENTATION>\n"
            f"      <OPTIONS>{cdata(options)}</OPTIONS>\n"
            f"      <DEPENDITEM>{cdata('0')}</DEPENDITEM>\n"
            f"      <DEPENDVALUE>{cdata('')}</DEPENDVALUE>\n"
            "    </ITEM>\n"
        )

    intro = f"<h3>{inline_html(form.title)}</h3>" + block_html(form.intro)
    item("label", False, "", "", intro)
    presentation = rating_presentation(form)
    for rating in form.ratings:
        item("multichoicerated", True, _plain(rating.text), rating.id, presentation, "h")
    for question in form.open_questions:
        item("textarea", False, _plain(question.text), question.id, "60|5")
    out.append("  </ITEMS>\n</FEEDBACK>\n")
    return "".join(out)


def _plain(text: str) -> str:
    """Spec Markdown as the plain text Moodle shows for an item's name."""
    return " ".join(plain_text(inline_html(text)).split())
