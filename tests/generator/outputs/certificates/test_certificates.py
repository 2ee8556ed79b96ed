"""One certificate per participant: name, date, signatory and the competencies (objective statements)."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from generator.cli.commands import main
from generator.errors import ToolkitError
from generator.load.course_loader import check_course, load_course
from generator.model.certificate import MAX_CHARACTERS, MAX_COMPETENCIES, MAX_COMPETENCY
from generator.outputs.certificates.roster import MAX_NAME, parse_roster
from generator.outputs.certificates.writer import file_names, long_date, write_certificates
from generator.outputs.printing.pdf import find_chromium
from generator.outputs.printing.settings import Paper, Printing
from tests.conftest import FIXTURES, REPO
from tests.generator.outputs.handouts.test_handouts import visible
from tests.hostile import make_hostile, page_hazards
from tests.printing import (
    CERTIFICATE,
    add_completion_specs,
    needs_chromium,
    needs_poppler,
    pdf_info,
    pdf_text,
)

BREAD = FIXTURES / "courses" / "hearth-bread"
ROSTER = "name,email,date\nAda Lovelace,ada@example.org,\nZoë Ångström,zoe@example.org,2026-02-03\n"


def _roster(tmp_path: Path, text: str = ROSTER) -> Path:
    path = tmp_path / "roster.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_html_certificates_name_each_participant_and_list_competencies(tmp_path: Path) -> None:
    course = load_course(BREAD)
    people = parse_roster(ROSTER, "roster.csv")
    files = write_certificates(course, people, tmp_path / "out", on=date(2026, 5, 2))
    assert [f.name for f in files] == ["ada-lovelace.html", "zoe-angstrom.html", "all-certificates.html"]
    ada = visible(files[0].read_text(encoding="utf-8"))
    assert "Hearth baker's certificate" in ada and "Ada Lovelace" in ada and "Zoë" not in ada
    assert "2 May 2026" in ada and "Marguerite Olsen" in ada and "Head baker" in ada
    statements = [o.statement for o in course.objectives() if o.id in course.certificate.competencies]  # type: ignore[union-attr]
    assert statements and all(s in ada for s in statements)
    assert "3 February 2026" in visible(files[1].read_text(encoding="utf-8"))  # the roster's own date
    both = files[2].read_text(encoding="utf-8")
    assert both.count('<article class="certificate">') == 2


def test_file_names_are_unique_and_plain() -> None:
    people = parse_roster("name,email,id\nSam Lee,a@x,\nSam Lee,b@x,\n李雷,c@x,\nJo,d@x,S-042\n", "r.csv")
    assert file_names(people) == ["sam-lee", "sam-lee-2", "participant-4", "s-042"]
    assert long_date(date(2026, 12, 4)) == "4 December 2026"


def test_a_course_without_a_certificate_spec_is_told_how_to_add_one(tmp_path: Path) -> None:
    course = load_course(FIXTURES / "courses" / "minimal")
    with pytest.raises(ToolkitError, match=r"add curriculum/certificate\.yaml"):
        write_certificates(course, parse_roster(ROSTER, "r"), tmp_path / "out", on=date(2026, 1, 1))
    assert not (tmp_path / "out").exists()


def test_no_spec_or_roster_text_can_run_script(minimal_course: Path, tmp_path: Path) -> None:
    add_completion_specs(minimal_course)
    make_hostile(minimal_course)
    add_completion_specs(minimal_course, feedback_only=True)  # hostile rating texts are too long for Moodle
    result = check_course(minimal_course)
    # Hostile text is longer than a certificate holds; those limits are tested elsewhere, escaping here.
    too_long = {"certificate-text-fits", "certificate-competencies"}
    problems = [i.format() for i in result.errors if not (i.rule in too_long and "characters" in i.message)]
    assert problems == [] and result.course is not None
    people = parse_roster('name\n"<script>alert(1)</script> <img src=x onerror=alert(2)>"\n', "r.csv")
    for path in write_certificates(result.course, people, tmp_path / "out", on=date(2026, 1, 1)):
        text = path.read_text(encoding="utf-8")
        assert page_hazards(text) == ([], []), path.name
        assert "<script>alert(1)</script>" in visible(text)  # shown as the text it is


@pytest.mark.slow
@needs_chromium
@needs_poppler
def test_pdf_certificates_are_landscape_pages_with_the_text(tmp_path: Path) -> None:
    course = load_course(REPO)
    browser = find_chromium()
    assert browser and course.certificate
    people = parse_roster(ROSTER, "roster.csv")
    files = write_certificates(
        course, people, tmp_path / "out", Printing(browser=browser), on=date(2026, 12, 4)
    )
    assert sorted(f.name for f in (tmp_path / "out").iterdir() if not f.name.startswith(".")) == [
        "ada-lovelace.pdf",
        "all-certificates.pdf",
        "zoe-angstrom.pdf",
    ]
    info = pdf_info(files[0])
    assert info["Pages"] == "1"
    width, height = (float(v) for v in info["Page size"].split()[0:3:2])
    assert width > height
    text = pdf_text(files[0])
    assert "Ada Lovelace" in text and "4 December 2026" in text and course.certificate.title in text
    objectives = {o.id: o for o in course.objectives()}
    for objective_id in course.certificate.competencies:
        assert " ".join(objectives[objective_id].statement.split()[:6]) in text
    assert pdf_info(tmp_path / "out" / "all-certificates.pdf")["Pages"] == "2"


@pytest.mark.slow
@needs_chromium
@needs_poppler
@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_a_certificate_at_every_limit_still_fits_one_page(
    minimal_course: Path, tmp_path: Path, paper: Paper
) -> None:
    add_completion_specs(minimal_course)
    section = minimal_course / "curriculum" / "sections" / "basics.yaml"
    data = yaml.safe_load(section.read_text(encoding="utf-8"))
    for n in range(len(data["objectives"]), MAX_COMPETENCIES):
        data["objectives"].append(
            {"id": f"basics.extra{n}", "verb": "Explain", "text": "x", "outcome": "Says it"}
        )
    for objective in data["objectives"][:MAX_COMPETENCIES]:
        objective["text"] = ("the longest competency a page holds " * 5)[: MAX_COMPETENCY - len("Explain ")]
        objective["verb"] = "Explain"
    section.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    ids = [o["id"] for o in data["objectives"][:MAX_COMPETENCIES]]
    spec = yaml.safe_load(CERTIFICATE)
    spec["competencies"] = ids
    for name, limit in MAX_CHARACTERS.items():
        spec[name] = ("Wide words fill the page " * 20)[:limit]
    (minimal_course / "curriculum" / "certificate.yaml").write_text(yaml.safe_dump(spec), encoding="utf-8")
    result = check_course(minimal_course)
    # The extra objectives are assessed nowhere; every other rule, the certificate's limits included, passes.
    problems = [i.format() for i in result.errors if i.rule != "objectives-assessed"]
    assert result.course is not None and problems == []
    people = parse_roster(f"name\n{'W' * MAX_NAME}\n", "r.csv")
    browser = find_chromium()
    assert browser
    out = tmp_path / "out"
    files = write_certificates(result.course, people, out, Printing(paper, browser), on=date(2026, 1, 1))
    assert pdf_info(files[0])["Pages"] == "1"
    text = pdf_text(files[0])
    assert "Rosa Quill" in text and "1 January 2026" in text  # the signature line is still on the page
    assert text.count("the longest competency a page holds") >= MAX_COMPETENCIES


def _bread(tmp_path: Path) -> Path:
    course = tmp_path / "bread"
    shutil.copytree(BREAD, course, ignore=shutil.ignore_patterns("site", "build"))
    return course


def test_cli_bad_rows_are_listed_and_nothing_is_written(tmp_path: Path) -> None:
    course = _bread(tmp_path)
    roster = _roster(tmp_path, "name,date\n,2026-01-01\nAda,01/02/2026\n")
    result = CliRunner().invoke(main, ["certificates", str(roster), "--course", str(course), "--no-pdf"])
    assert result.exit_code == 1, result.output
    assert "roster.csv:2:1: name: the name is empty" in result.output
    assert "roster.csv:3:1: date: '01/02/2026' is not a date" in result.output
    assert "2 problem(s) in the roster; nothing was written" in result.output
    assert "Traceback" not in result.output
    assert not (course / "build" / "certificates").exists()


def test_cli_writes_html_without_chromium(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    course = _bread(tmp_path)
    roster = _roster(tmp_path)
    monkeypatch.setenv("PATH", str(tmp_path / "nothing"))
    args = ["certificates", str(roster), "--course", str(course), "--date", "2026-06-30"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "no Chromium on PATH" in result.output and "wrote 2 certificates (HTML)" in result.output
    page = (course / "build" / "certificates" / "ada-lovelace.html").read_text(encoding="utf-8")
    assert "30 June 2026" in visible(page)
    bad = CliRunner().invoke(main, [*args[:-1], "30/06/2026"])
    assert bad.exit_code == 2 and "'30/06/2026' does not match the format '%Y-%m-%d'" in bad.output
