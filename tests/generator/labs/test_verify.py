"""The lab verifier on fixture labs: state carried between labs, drift shown as a diff, hangs stopped."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli.commands import main
from generator.errors import ToolkitError
from generator.labs.cache import LabCache
from generator.labs.record import record_lab, write_recording
from generator.labs.report import failure_text, write_junit
from generator.labs.runner import verify_labs
from generator.load.course_loader import load_course
from tests.conftest import FIXTURES

LABS = ["make-state", "use-state", "drifted", "hangs"]


@pytest.fixture
def lab_course(minimal_course: Path) -> Path:
    for name in LABS:
        shutil.copy(FIXTURES / "labs" / f"{name}.yaml", minimal_course / "curriculum" / "labs")
    section = minimal_course / "curriculum/sections/basics.yaml"
    labs = ", ".join(["land-the-data", *LABS])
    section.write_text(
        section.read_text().replace("labs: [land-the-data]", f"labs: [{labs}]"), encoding="utf-8"
    )
    return minimal_course


def test_labs_pass_with_state_carried_from_the_lab_they_start_from(lab_course: Path) -> None:
    course = load_course(lab_course)
    results = verify_labs(course, ["use-state"])
    assert [r.status for r in results] == ["pass"], failure_text(results[0])
    assert [s.status for s in results[0].steps] == ["pass", "pass", "pass"]


def test_drifted_output_fails_with_location_and_diff(lab_course: Path) -> None:
    course = load_course(lab_course)
    [result] = verify_labs(course, ["drifted"])
    assert result.status == "fail"
    assert [s.status for s in result.steps] == ["fail", "skipped"]
    text = failure_text(result)
    assert "FAIL drifted › step 1 “Count rows” (" in text
    assert "drifted.yaml:11:22)" in text
    assert "-silver.customers  11\n  +silver.customers  10" in text


def test_hanging_command_fails_on_its_timeout(lab_course: Path) -> None:
    course = load_course(lab_course)
    [result] = verify_labs(course, ["hangs"])
    assert result.status == "fail"
    assert result.steps[0].status == "timeout"
    assert "did not finish within 1 s" in result.steps[0].message


def test_cache_skips_unchanged_labs_and_reruns_changed_ones(lab_course: Path, tmp_path: Path) -> None:
    cache_file = tmp_path / "cache.json"
    course = load_course(lab_course)
    first = verify_labs(course, ["make-state", "use-state"], cache=LabCache(cache_file))
    assert [r.status for r in first] == ["pass", "pass"]
    again = verify_labs(course, ["make-state", "use-state"], cache=LabCache(cache_file))
    assert [r.status for r in again] == ["cached", "cached"]
    # changing the lab a lab starts from invalidates both
    spec = lab_course / "curriculum/labs/make-state.yaml"
    spec.write_text(spec.read_text().replace("minutes: 5", "minutes: 6"), encoding="utf-8")
    changed = verify_labs(load_course(lab_course), ["make-state", "use-state"], cache=LabCache(cache_file))
    assert [r.status for r in changed] == ["pass", "pass"]
    # forcing a run (--no-cache) still records the results for next time
    forced = verify_labs(load_course(lab_course), ["make-state"], cache=LabCache(cache_file), use_cache=False)
    assert [r.status for r in forced] == ["pass"]
    assert [
        r.status for r in verify_labs(load_course(lab_course), ["make-state"], cache=LabCache(cache_file))
    ] == ["cached"]


def test_junit_report(lab_course: Path, tmp_path: Path) -> None:
    results = verify_labs(load_course(lab_course), ["make-state", "drifted"])
    path = write_junit(results, tmp_path / "junit.xml")
    suite = ET.parse(path).getroot()
    assert (suite.get("tests"), suite.get("failures"), suite.get("skipped")) == ("4", "1", "1")
    failure = suite.find("testcase[@classname='drifted']/failure")
    assert failure is not None and "+silver.customers  10" in (failure.text or "")


def test_cli_verify_exit_codes_and_table(lab_course: Path) -> None:
    runner = CliRunner()
    ok = runner.invoke(main, ["labs", "verify", "make-state", "--course", str(lab_course), "--no-cache"])
    assert ok.exit_code == 0, ok.output
    assert "1 of 1 labs pass" in ok.output
    bad = runner.invoke(main, ["labs", "verify", "drifted", "--course", str(lab_course), "--no-cache"])
    assert bad.exit_code == 1
    assert "0 of 1 labs pass" in bad.output and "-silver.customers  11" in bad.output
    unknown = runner.invoke(main, ["labs", "verify", "drifed", "--course", str(lab_course)])
    assert unknown.exit_code == 1 and "did you mean 'drifted'" in unknown.output.lower()


def test_record_keeps_real_timings_and_skips_steps_that_already_match(lab_course: Path) -> None:
    spec = lab_course / "curriculum/labs/make-state.yaml"
    text = spec.read_text().replace("      - pwd\n", "      - pwd\n      - echo 'took 0.52 s'\n")
    spec.write_text(
        text.replace("      <workspace>\n", "      <workspace>\n      took 9.99 s\n"), encoding="utf-8"
    )
    recording = record_lab(load_course(lab_course), "make-state")
    assert recording.recorded == []  # timings differ, but they are not compared
    spec.write_text(text, encoding="utf-8")
    recording = record_lab(load_course(lab_course), "make-state")
    assert recording.recorded == [2]
    assert "took 0.52 s" in recording.new_text


def test_record_writes_actual_output_keeping_comments(lab_course: Path) -> None:
    spec = lab_course / "curriculum/labs/drifted.yaml"
    spec.write_text("# Trainer's note: keep me\n" + spec.read_text(), encoding="utf-8")
    recording = record_lab(load_course(lab_course), "drifted")
    assert recording.recorded == [1]
    assert "-  silver.customers  11" in recording.diff.replace("      ", "  ")
    write_recording(recording)
    text = spec.read_text(encoding="utf-8")
    assert text.startswith("# Trainer's note: keep me\n")
    assert "silver.customers  10" in text
    [result] = verify_labs(load_course(lab_course), ["drifted"])
    assert result.status == "pass"


def _add_lab(course: Path, text: str) -> None:
    lab_id = text.split("id: ", 1)[1].split("\n", 1)[0]
    (course / "curriculum/labs" / f"{lab_id}.yaml").write_text(text, encoding="utf-8")
    section = course / "curriculum/sections/basics.yaml"
    section.write_text(section.read_text().replace("labs: [", f"labs: [{lab_id}, "), encoding="utf-8")


def test_labs_run_with_a_hermetic_environment(lab_course: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A trainer's own exports must not reach a lab; HOME is inside the throwaway workspace.
    monkeypatch.setenv("TRAINER_EXPORT", "leaked")
    monkeypatch.setenv("PYTHONPATH", "/nowhere")
    _add_lab(
        lab_course,
        "kind: lab\nid: env-check\ntitle: Environment\nobjective: Show the environment.\nminutes: 5\n"
        "steps:\n  - title: Print it\n    what: Print variables.\n    commands:\n"
        '      - echo "${TRAINER_EXPORT:-unset} ${PYTHONPATH:-unset} $HOME $TZ"\n'
        "    expected_output: |\n      unset unset <workspace>/.home UTC\n",
    )
    [result] = verify_labs(load_course(lab_course), ["env-check"])
    assert result.status == "pass", failure_text(result)


def test_junit_stays_valid_xml_when_a_command_prints_control_characters(
    lab_course: Path, tmp_path: Path
) -> None:
    _add_lab(
        lab_course,
        "kind: lab\nid: noisy\ntitle: Noise\nobjective: Print control characters.\nminutes: 5\n"
        "steps:\n  - title: Print them\n    what: Print a bell, an escape and a NUL.\n    commands:\n"
        "      - printf 'bell\\a esc\\033[31m nul\\000 end\\n'\n"
        "    expected_output: |\n      clean\n",
    )
    [result] = verify_labs(load_course(lab_course), ["noisy"])
    assert result.status == "fail"
    suite = ET.parse(write_junit([result], tmp_path / "junit.xml")).getroot()
    failure = suite.find("testcase[@classname='noisy']/failure")
    assert failure is not None and "+bell\\x07 esc\\x1b[31m nul\\x00 end" in (failure.text or "")


def test_record_keeps_an_expectation_that_passes_under_its_match_mode(lab_course: Path) -> None:
    # use-state's table is hand-written: unordered, rounded, `|`-separated; it passes with tolerance.
    recording = record_lab(load_course(lab_course), "use-state")
    assert recording.recorded == []
    assert recording.new_text == recording.old_text


def test_record_refuses_output_too_big_to_keep(lab_course: Path) -> None:
    spec = lab_course / "curriculum/labs/make-state.yaml"
    spec.write_text(
        spec.read_text().replace("      - pwd\n", "      - pwd; seq 1 100000\n"), encoding="utf-8"
    )
    before = spec.read_text()
    with pytest.raises(ToolkitError, match="too much to record as its expected output"):
        record_lab(load_course(lab_course), "make-state")
    assert spec.read_text() == before


def test_verify_reports_an_invalid_regex_as_a_located_error(lab_course: Path) -> None:
    spec = lab_course / "curriculum/labs/use-state.yaml"
    spec.write_text(spec.read_text().replace(r"'loaded \d+ rows", r"'loaded (\d+ rows"), encoding="utf-8")
    result = CliRunner().invoke(main, ["labs", "verify", "use-state", "--course", str(lab_course)])
    assert result.exit_code == 1
    assert "use-state.yaml:31:22: steps[2].expected_output: not a valid regular expression" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
