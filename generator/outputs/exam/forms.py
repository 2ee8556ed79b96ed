"""Randomized exam forms: draw questions balanced across objectives, shuffle them per form, print with keys.

Every form holds the same questions (so forms are equally hard) in its own order, with choice options and
matching answers shuffled too. The seed decides everything: the same seed gives byte-identical files.
"""

from __future__ import annotations

import difflib
import html
import random
import re
from dataclasses import dataclass
from pathlib import Path

from generator.errors import ToolkitError
from generator.formats.workbook.cells import encode_numeric, number_text
from generator.model.course import Course
from generator.model.question import CHOICE_TYPES, Question
from generator.outputs.html import block_html, inline_html

LABELS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_CODE = re.compile(r"(```.*?```|`[^`\n]+`)", re.DOTALL)


@dataclass(frozen=True)
class ExamItem:
    number: int
    question: Question
    order: tuple[int, ...]  # choice: option indexes as printed; matching: right-hand sides as printed

    @property
    def options(self) -> list[str]:
        return [self.question.options[i].text for i in self.order]

    @property
    def rights(self) -> list[str]:
        return [self.question.pairs[i].right for i in self.order]

    @property
    def key(self) -> str:
        """The answer a marker looks for, in this form's lettering."""
        q = self.question
        if q.type in CHOICE_TYPES:
            return ", ".join(LABELS[n] for n, i in enumerate(self.order) if q.options[i].correct)
        if q.type == "true_false":
            return "True" if q.answer else "False"
        if q.type == "short_answer":
            return " / ".join(q.accepted)
        if q.type == "numeric" and q.numeric is not None:
            return encode_numeric(q.numeric)
        if q.type == "matching":
            return ", ".join(f"{n}-{LABELS[self.order.index(n - 1)]}" for n in range(1, len(q.pairs) + 1))
        return f"rubric '{q.rubric}'" if q.rubric else (q.guidance or "marker's judgement")


@dataclass(frozen=True)
class ExamForm:
    label: str
    items: tuple[ExamItem, ...]


@dataclass(frozen=True)
class ExamSet:
    course_title: str
    seed: int
    objectives: tuple[str, ...]
    questions: tuple[Question, ...]  # as drawn, before any form shuffles them
    forms: tuple[ExamForm, ...]
    chosen: bool = False  # objectives named by the user (not every assessed one)

    @property
    def points(self) -> float:
        return sum(q.points for q in self.questions)


def make_exam(
    course: Course, *, questions: int, forms: int, seed: int, objectives: list[str] | None = None
) -> ExamSet:
    """Draw `questions` questions spread evenly over `objectives` (default: every assessed objective)
    and lay them out as `forms` differently shuffled forms."""
    if questions < 1:
        raise ToolkitError("an exam needs at least 1 question")
    if not 1 <= forms <= len(LABELS):
        raise ToolkitError(f"forms are lettered A-Z: ask for 1 to {len(LABELS)} forms, not {forms}")
    bank = list(course.questions.values())
    assessed = list(dict.fromkeys(o for o in (obj.id for obj in course.objectives()) if _pool(bank, o)))
    chosen = assessed if objectives is None else _known(objectives, [o.id for o in course.objectives()])
    rng = random.Random(seed)
    pools = {o: rng.sample(_pool(bank, o), len(_pool(bank, o))) for o in chosen}
    cycle = rng.sample(chosen, len(chosen))
    drawn: dict[str, Question] = {}
    while len(drawn) < questions:
        before = len(drawn)
        for objective in cycle:
            pool = pools[objective]
            while pool and pool[0].id in drawn:
                pool.pop(0)
            if pool and len(drawn) < questions:
                question = pool.pop(0)
                drawn[question.id] = question
        if len(drawn) == before:
            raise ToolkitError(
                f"only {len(drawn)} questions assess {'these' if objectives else 'the'} objectives; "
                f"ask for at most {len(drawn)} (or choose more objectives)"
            )
    picked = tuple(drawn.values())
    made = [
        ExamForm(
            LABELS[f],
            tuple(
                ExamItem(number, q, _shuffled(q, rng))
                for number, q in enumerate(rng.sample(picked, len(picked)), 1)
            ),
        )
        for f in range(forms)
    ]
    return ExamSet(course.title, seed, tuple(chosen), picked, tuple(made), objectives is not None)


def _pool(bank: list[Question], objective: str) -> list[Question]:
    return [q for q in bank if objective in q.objectives]


def _known(wanted: list[str], known: list[str]) -> list[str]:
    for objective in wanted:
        if objective not in known:
            close = difflib.get_close_matches(objective, known, n=1)
            hint = (
                f"did you mean '{close[0]}'?"
                if close
                else "`curriculum validate` lists the course's objectives"
            )
            raise ToolkitError(f"unknown objective '{objective}': {hint}")
    return list(dict.fromkeys(wanted))


def _shuffled(question: Question, rng: random.Random) -> tuple[int, ...]:
    if question.type in CHOICE_TYPES:
        return tuple(rng.sample(range(len(question.options)), len(question.options)))
    if question.type == "matching":
        return tuple(rng.sample(range(len(question.pairs)), len(question.pairs)))
    return ()


def write_exam(exam: ExamSet, out_dir: Path) -> list[Path]:
    """Printable forms (a Markdown file per form; one HTML file, a page per form) and the answer keys
    (Markdown, HTML and a sheet). Keys are separate files so forms can be handed out as they are."""
    from generator.outputs.workbook.xlsx import save

    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for form in exam.forms:
        path = out_dir / f"exam-form-{form.label}.md"
        path.write_text(_form_markdown(exam, form), encoding="utf-8")
        paths.append(path)
    pages = "".join(_form_html(exam, form) for form in exam.forms)
    paths.append(_write(out_dir / "exam-forms.html", _page(f"{exam.course_title}: exam forms", pages)))
    paths.append(_write(out_dir / "answer-keys.md", _keys_markdown(exam)))
    paths.append(
        _write(out_dir / "answer-keys.html", _page(f"{exam.course_title}: answer keys", _keys_html(exam)))
    )
    paths.append(save(_keys_workbook(exam), out_dir / "answer-keys.xlsx", stable=True))
    return paths


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def _md(text: str) -> str:
    """Spec Markdown for a printed page: raw HTML shown as text, code left as written."""
    parts = _CODE.split(text.strip())
    return "".join(p if i % 2 else p.replace("&", "&amp;").replace("<", "&lt;") for i, p in enumerate(parts))


def _points(value: float) -> str:
    return f"{number_text(value)} point{'' if value == 1 else 's'}"


def _how(question: Question) -> str:
    """The one-line instruction printed after a question's points."""
    if question.type == "numeric" and question.numeric is not None and question.numeric.unit:
        return f"write a number, in {question.numeric.unit}"
    return {
        "single_choice": "choose one",
        "multiple_choice": "choose all that apply",
        "true_false": "true or false",
        "short_answer": "write a short answer",
        "numeric": "write a number",
        "matching": "write a letter next to each number",
    }.get(question.type, "answer in the space below")


def _form_markdown(exam: ExamSet, form: ExamForm) -> str:
    out = [
        f"# {_md(exam.course_title)}: exam, form {form.label}\n\n",
        "Name: ______________________________  Date: ______________\n\n",
        f"{len(form.items)} questions, {_points(exam.points)} in total.\n\n",
    ]
    for item in form.items:
        q = item.question
        out.append(f"**{item.number}.** {_md(q.stem)} *({_points(q.points)}; {_how(q)})*\n\n")
        if q.type in CHOICE_TYPES:
            out += [f"- **{LABELS[n]}.** {_md(text)}\n" for n, text in enumerate(item.options)]
            out.append("\n")
        elif q.type == "true_false":
            out.append("- True\n- False\n\n")
        elif q.type == "matching":
            out += [f"{n}. ____ {_md(p.left)}\n" for n, p in enumerate(q.pairs, 1)]
            out.append("\n")
            out += [f"- **{LABELS[n]}.** {_md(right)}\n" for n, right in enumerate(item.rights)]
            out.append("\n")
        elif q.type in ("short_answer", "numeric"):
            out.append("Answer: ______________________________\n\n")
        else:
            out.append(
                "Answer:\n\n" + "______________________________________________________________\n\n" * 6
            )
    return "".join(out)


def _form_html(exam: ExamSet, form: ExamForm) -> str:
    out = [
        f'<section class="form" id="form-{form.label}">\n',
        f"<h1>{html.escape(exam.course_title)}: exam, form {form.label}</h1>\n",
        '<p class="fill">Name: <span class="line"></span> Date: <span class="line short"></span></p>\n',
        f"<p>{len(form.items)} questions, {_points(exam.points)} in total.</p>\n",
    ]
    for item in form.items:
        q = item.question
        out.append(
            f'<div class="question"><p class="head"><b>{item.number}.</b> '
            f"<em>({_points(q.points)}; {html.escape(_how(q))})</em></p>\n{block_html(q.stem)}\n"
        )
        if q.type in CHOICE_TYPES:
            out.append('<ol class="options">')
            out += [f"<li><b>{LABELS[n]}.</b> {inline_html(t)}</li>" for n, t in enumerate(item.options)]
            out.append("</ol>\n")
        elif q.type == "true_false":
            out.append('<ol class="options"><li>True</li><li>False</li></ol>\n')
        elif q.type == "matching":
            lefts = "".join(f"<li>____ {inline_html(p.left)}</li>" for p in q.pairs)
            rights = "".join(
                f"<li><b>{LABELS[n]}.</b> {html.escape(r)}</li>" for n, r in enumerate(item.rights)
            )
            out.append(f'<div class="match"><ol>{lefts}</ol><ol class="options">{rights}</ol></div>\n')
        elif q.type in ("short_answer", "numeric"):
            out.append('<p class="fill">Answer: <span class="line"></span></p>\n')
        else:
            out.append('<div class="space"></div>\n')
        out.append("</div>\n")
    out.append("</section>\n")
    return "".join(out)


def _keys_markdown(exam: ExamSet) -> str:
    out = [
        f"# {_md(exam.course_title)}: answer keys\n\n",
        f"Seed {exam.seed}; {_drawn_from(exam)}. Keep these away from the forms.\n\n",
    ]
    for form in exam.forms:
        out.append(
            f"## Form {form.label}\n\n| No. | Question | Answer | Points |\n| --- | --- | --- | --- |\n"
        )
        for item in form.items:
            key = _md(item.key).replace("|", "\\|").replace("\n", " ")
            out.append(
                f"| {item.number} | {item.question.id} | {key} | {number_text(item.question.points)} |\n"
            )
        out.append("\n")
    return "".join(out)


def _drawn_from(exam: ExamSet) -> str:
    if exam.chosen:
        return "objectives: " + ", ".join(exam.objectives)
    return f"drawn from all {len(exam.objectives)} assessed objectives"


def _keys_html(exam: ExamSet) -> str:
    out = []
    for form in exam.forms:
        rows = "".join(
            f"<tr><td>{i.number}</td><td>{html.escape(i.question.id)}</td><td>{html.escape(i.key)}</td>"
            f"<td>{number_text(i.question.points)}</td></tr>"
            for i in form.items
        )
        out.append(
            f'<section class="form"><h1>{html.escape(exam.course_title)}: answer key, '
            f"form {form.label}</h1>\n<p>Seed {exam.seed}; {html.escape(_drawn_from(exam))}.</p>\n"
            "<table><thead><tr><th>No.</th><th>Question</th><th>Answer</th>"
            f"<th>Points</th></tr></thead><tbody>{rows}</tbody></table></section>\n"
        )
    return "".join(out)


def _keys_workbook(exam: ExamSet) -> object:
    from generator.outputs.workbook.xlsx import add_sheet, new_workbook, styled

    workbook = new_workbook()
    sheet = add_sheet(workbook, "Keys")
    for letter, width in zip("ABCDEF", (8, 8, 24, 18, 50, 8), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
    sheet.append(
        [styled(sheet, h, "header") for h in ("Form", "No.", "Question", "Type", "Answer", "Points")]
    )
    for form in exam.forms:
        for item in form.items:
            q = item.question
            sheet.append([form.label, item.number, q.id, q.type, styled(sheet, item.key, "wrap"), q.points])
    return workbook


_CSS = """
body { font-family: "DejaVu Serif", Georgia, serif; max-width: 48em; margin: 2em auto; line-height: 1.4; }
h1 { font-size: 1.4em; }
.question { margin: 1.2em 0; break-inside: avoid; page-break-inside: avoid; }
.question .head { margin-bottom: 0.2em; }
ol.options { list-style: none; padding-left: 1.5em; }
.match { display: flex; gap: 3em; }
.line { display: inline-block; border-bottom: 1px solid #000; width: 16em; }
.line.short { width: 8em; }
.space { height: 10em; border: 1px solid #999; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #999; padding: 0.3em 0.5em; text-align: left; vertical-align: top; }
@page { size: A4; margin: 18mm; }
@media print {
  body { margin: 0; max-width: none; }
  .form { break-after: page; page-break-after: always; }
  .form:last-child { break-after: auto; page-break-after: auto; }
}
"""


def _page(title: str, body: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n{body}</body>\n</html>\n"
    )
