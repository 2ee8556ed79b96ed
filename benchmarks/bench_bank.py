"""Question bank at scale: 10,000 generated questions written as the workbook, Moodle XML and QTI, and the
workbook imported back, each against its baseline (a floor) in alternating rounds of one run; GIFT and an
import with 100 edited rows are timed alone (no floor). Then QTI for up to 1,000 questions against text2qti
(`pip install -e ".[bench]"`; skipped with a message when it is missing).

Baselines: a bare openpyxl write-only loop over the same rows (workbook); a bare xml.etree loop writing the
same Moodle XML from the same items; xml.etree serializing and zipping the same QTI documents (QTI); a bare
openpyxl read-only loop over the same sheet (import); text2qti building a QTI zip from the same questions.

  python benchmarks/bench_bank.py [--questions 10000] [--rounds 5]
"""

from __future__ import annotations

import argparse
import io
import random
import shutil
import statistics
import tempfile
import time
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from rounds import add_rounds, alternate, line, repeat, single

REPO = Path(__file__).resolve().parents[1]
MINIMAL = REPO / "tests" / "fixtures" / "courses" / "minimal"
MODULES = 50
VERBS = [
    "Define",
    "Explain",
    "Implement",
    "Diagnose",
    "Evaluate",
    "Design",
    "Identify",
    "Compare",
    "Build",
    "Justify",
]
WORDS = [
    *("pipeline", "landing", "bronze", "silver", "gold", "partition", "schema", "watermark", "retry"),
    *("replay", "idempotent", "merge", "key", "quarantine", "freshness", "grain", "duplicate"),
    *("snapshot", "incremental", "refresh", "dashboard", "owner", "contract", "lineage"),
]


def _sentence(rng: random.Random, words: int, code: bool = False) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words)).capitalize()
    if code and rng.random() < 0.4:
        text += f" in `{rng.choice(WORDS)}_{rng.randint(1, 99)}.csv`"
    return text


def _question(rng: random.Random, n: int, objectives: list[str]) -> dict[str, Any]:
    kind = rng.choices(
        ["single_choice", "multiple_choice", "true_false", "short_answer", "numeric", "matching", "essay"],
        [35, 15, 15, 10, 10, 10, 5],
    )[0]
    q: dict[str, Any] = {
        "id": f"q-bench-{n:05d}",
        "type": kind,
        "objectives": rng.sample(objectives, rng.choice([1, 1, 2])),
        "stem": _sentence(rng, rng.randint(10, 24), code=True) + "?",
    }
    if kind in ("single_choice", "multiple_choice"):
        count = rng.randint(3, 5)
        right = {0} if kind == "single_choice" else set(rng.sample(range(count), rng.randint(1, count - 1)))
        q["options"] = [
            {"text": f"{_sentence(rng, rng.randint(2, 7))} ({i})", "correct": i in right}
            | ({"feedback": _sentence(rng, 8)} if rng.random() < 0.6 else {})
            for i in range(count)
        ]
    elif kind == "true_false":
        q["answer"] = rng.random() < 0.5
    elif kind == "short_answer":
        q["accepted"] = [f"{rng.choice(WORDS)}-{i}" for i in range(rng.randint(1, 3))]
    elif kind == "numeric":
        q["numeric"] = {"value": rng.randint(1, 500), "tolerance": rng.choice([0, 0.5, 1])}
    elif kind == "matching":
        q["pairs"] = [
            {"left": f"{_sentence(rng, 5)} {i}", "right": f"{rng.choice(WORDS)} {i}"} for i in range(4)
        ]
    else:
        q["guidance"] = _sentence(rng, 30)
    q["explanation"] = _sentence(rng, rng.randint(12, 30), code=True) + "."
    q["difficulty"] = rng.choice(["easy", "medium", "hard"])
    if rng.random() < 0.3:
        q["tags"] = [rng.choice(WORDS)]
    return q


class _SpecDumper(yaml.SafeDumper):
    """Lists indented under their key ("  - id: ..."), as the scaffolds and the bundled specs write them."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def make_course(root: Path, count: int) -> Path:
    """The fixture course plus a section of MODULES modules holding `count` generated questions."""
    shutil.copytree(MINIMAL, root)
    rng = random.Random(2026)
    objectives = [
        {"id": f"bench.o{i}", "verb": VERBS[i], "text": f"the {WORDS[i]} step", "outcome": "Does it right"}
        for i in range(len(VERBS))
    ]
    section = {
        "kind": "section",
        "id": "bench",
        "title": "Bench section",
        "focus": "Scale",
        "level": "Any",
        "duration": "1 session",
        "objectives": objectives,
        "modules": [{"id": f"bench-m{m:02d}", "title": f"Bench module {m}"} for m in range(MODULES)],
    }
    (root / "curriculum/sections/bench.yaml").write_text(yaml.safe_dump(section, sort_keys=False), "utf-8")
    spec = root / "curriculum/course.yaml"
    spec.write_text(
        spec.read_text("utf-8").replace("sections:\n  - basics\n", "sections:\n  - basics\n  - bench\n")
    )
    ids = [o["id"] for o in objectives]
    for m in range(MODULES):
        questions = [_question(rng, n, ids) for n in range(m * count // MODULES, (m + 1) * count // MODULES)]
        doc = {"kind": "questions", "module": f"bench-m{m:02d}", "questions": questions}
        text = yaml.dump(doc, Dumper=_SpecDumper, sort_keys=False, width=4096, allow_unicode=True)
        (root / f"question_bank/bench-m{m:02d}.yaml").write_text(text, "utf-8")
    return root


def bare_workbook(rows: list[list[Any]], path: Path) -> None:
    from openpyxl import Workbook

    from generator.formats.workbook.columns import KEY_FORMULA

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Questions")
    for row in rows:
        sheet.append([*row, KEY_FORMULA])
    workbook.save(path)


def bare_read(path: Path) -> int:
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True)
    count = sum(1 for _ in workbook["Questions"].iter_rows(values_only=True))
    workbook.close()
    return count


def bare_moodle(items: list[Any], path: Path) -> None:
    """The same Moodle XML content, one Element per field, written by ElementTree."""
    quiz = ET.Element("quiz")
    for item in items:
        question = ET.SubElement(quiz, "question", type=item.kind)
        ET.SubElement(ET.SubElement(question, "name"), "text").text = item.id
        for tag, html in (("questiontext", item.text), ("generalfeedback", item.feedback)):
            ET.SubElement(ET.SubElement(question, tag, format="html"), "text").text = html
        ET.SubElement(question, "defaultgrade").text = f"{item.points:.7f}"
        ET.SubElement(question, "idnumber").text = item.id
        for answer in item.answers:
            node = ET.SubElement(question, "answer", fraction=f"{answer.fraction:.5f}", format="html")
            ET.SubElement(node, "text").text = answer.text
            ET.SubElement(ET.SubElement(node, "feedback", format="html"), "text").text = answer.feedback
        for left, right in item.pairs:
            sub = ET.SubElement(question, "subquestion", format="html")
            ET.SubElement(sub, "text").text = left
            ET.SubElement(ET.SubElement(sub, "answer"), "text").text = right
    ET.ElementTree(quiz).write(path, encoding="utf-8", xml_declaration=True)


def bare_qti(documents: list[tuple[str, ET.Element]], path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, root in documents:
            out = io.BytesIO()
            ET.ElementTree(root).write(out, encoding="utf-8", xml_declaration=True)
            archive.writestr(name, out.getvalue())
    path.write_bytes(buffer.getvalue())


def text2qti_source(questions: list[Any]) -> str:
    """The same questions in text2qti's plain-text format (it has no matching questions)."""
    out = ["Quiz title: Bench\n\n"]
    for n, q in enumerate(questions, 1):
        out.append(f"{n}.  {q.stem}\n... {q.explanation}\n")
        if q.type == "single_choice":
            for i, o in enumerate(q.options):
                out.append(f"{'*' if o.correct else ''}{'abcdef'[i]}) {o.text}\n")
                out.append(f"... {o.feedback}\n" if o.feedback else "")
        elif q.type == "multiple_choice":
            out += [f"[{'*' if o.correct else ' '}] {o.text}\n" for o in q.options]
        elif q.type == "true_false":
            out.append(f"{'*' if q.answer else ''}a) True\n{'' if q.answer else '*'}b) False\n")
        elif q.type == "short_answer":
            out += [f"*   {a}\n" for a in q.accepted]
        elif q.type == "numeric":
            out.append(f"=   {q.numeric.value:g} +- {q.numeric.tolerance:g}\n")
        else:
            out.append("____\n")
        out.append("\n")
    return "".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--questions", type=int, default=10_000)
    add_rounds(parser)
    args = parser.parse_args()

    from generator.bank_import.importer import import_bank
    from generator.load.course_loader import load_course
    from generator.outputs.html import clear_cache
    from generator.outputs.lms.gift import export_gift
    from generator.outputs.lms.items import item_of, lms_items
    from generator.outputs.lms.moodle_xml import export_moodle_xml
    from generator.outputs.lms.qti import export_qti, qti_package
    from generator.outputs.workbook.writer import bank_rows, render_bank

    rounds = args.rounds
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        started = time.perf_counter()
        course = load_course(make_course(work / "course", args.questions))
        print(
            f"{len(course.questions):,} questions in {len(course.question_sets)} files "
            f"(generated and loaded in {time.perf_counter() - started:.1f} s); {rounds} alternating rounds"
        )
        rows = bank_rows(course)
        items = lms_items(course)

        def cold(action: Callable[[int], object]) -> Callable[[int], object]:
            def run(n: int) -> object:
                clear_cache()  # Markdown -> HTML is part of every export: time it from cold
                return action(n)

            return run

        book = alternate(
            rounds,
            lambda n: render_bank(course, work / f"book{n}"),
            lambda n: bare_workbook(rows, work / f"bare{n}.xlsx"),
        )
        print(line("workbook (render_bank)", *book, "openpyxl write-only"))
        moodle = alternate(
            rounds,
            cold(lambda n: export_moodle_xml(course, work / f"moodle{n}")),
            lambda n: bare_moodle(items, work / f"bare{n}.xml"),
        )
        print(line("Moodle XML", *moodle, "xml.etree"))
        export_qti(course, work / "qti-docs")
        with zipfile.ZipFile(work / "qti-docs/questions.qti.zip") as archive:
            documents = [(name, ET.fromstring(archive.read(name))) for name in archive.namelist()]
        qti = alternate(
            rounds,
            cold(lambda n: export_qti(course, work / f"qti{n}")),
            lambda n: bare_qti(documents, work / f"bare{n}.zip"),
        )
        print(line("QTI package", *qti, "etree serialize + zip"))
        xlsx = work / "book0/question_bank.xlsx"
        imported = alternate(
            rounds, lambda n: import_bank(course, xlsx, dry_run=True), lambda n: bare_read(xlsx)
        )
        print(line("import, no edits", *imported, "openpyxl read-only"))
        gift = repeat(rounds, cold(lambda n: export_gift(course, work / f"gift{n}")))
        print(single("GIFT (no floor)", gift))
        med = statistics.median
        total = med(book[0]) + med(moodle[0]) + med(gift) + med(qti[0])
        print(f"whole set (workbook + Moodle + GIFT + QTI), sum of medians: {total:.2f} s (target < 10 s)")

        edited = _edit_rows(xlsx, work / "edited.xlsx", every=max(1, len(rows) // 100))
        t_edit = repeat(rounds, lambda n: import_bank(course, edited, dry_run=True))
        result = import_bank(course, edited, dry_run=True)
        print(
            single("import, edited rows", t_edit)
            + f" ({len(result.updated)} updated, {len(result.changes)} files diffed, dry run)"
        )

        _versus_text2qti(course, item_of, qti_package, clear_cache, rounds)


def _edit_rows(source: Path, target: Path, every: int) -> Path:
    from openpyxl import load_workbook

    workbook = load_workbook(source)
    sheet = workbook["Questions"]
    for row in range(2, sheet.max_row + 1, every):
        sheet.cell(row=row, column=8).value = f"{sheet.cell(row=row, column=8).value} (edited)"
    workbook.save(target)
    return target


def _versus_text2qti(course: Any, item_of: Any, qti_package: Any, clear_cache: Any, rounds: int) -> None:
    try:
        from text2qti.config import Config
        from text2qti.qti import QTI
        from text2qti.quiz import Quiz
    except ImportError:
        print('QTI vs text2qti: skipped, text2qti is not installed (pip install -e ".[bench]")')
        return
    questions = [q for q in course.questions.values() if q.type != "matching"][:1000]
    source = text2qti_source(questions)

    def ours(_: int) -> bytes:
        clear_cache()
        return bytes(qti_package("bench", [item_of(q, ("Bench",)) for q in questions]))

    def theirs(_: int) -> bytes:
        return bytes(QTI(Quiz(source, config=Config())).zip_bytes())

    print(f"QTI for {len(questions):,} questions (text2qti has no matching type; those are left out)")
    print(line("QTI vs text2qti", *alternate(rounds, ours, theirs), "text2qti"))


if __name__ == "__main__":
    main()
