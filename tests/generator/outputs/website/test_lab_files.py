"""The lab files a course copies into every workspace: listed for students, zipped alike every build."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

from generator.load.course_loader import load_course
from generator.outputs.website.lab_files import LabFile, lab_files, lab_files_zip
from tests.conftest import FIXTURES

BREAD = FIXTURES / "courses" / "hearth-bread"


def test_a_copied_folder_is_listed_as_one_entry_and_zipped_file_by_file(tmp_path: Path) -> None:
    course_dir = tmp_path / "bread"
    shutil.copytree(BREAD, course_dir)
    tools = course_dir / "lab_tools"
    (tools / "__pycache__").mkdir(parents=True)
    (tools / "__pycache__" / "x.pyc").write_bytes(b"\0")
    (tools / "scale.sh").write_text("echo scale\n")
    (tools / "lib").mkdir()
    (tools / "lib" / "units.txt").write_text("g\n")
    spec = course_dir / "curriculum" / "course.yaml"
    spec.write_text(
        spec.read_text().replace(
            "      to: data/bakes.csv\n",
            "      to: data/bakes.csv\n    - from: lab_tools\n      to: ./tools\n",
        ),
        encoding="utf-8",
    )
    course = load_course(course_dir)

    assert lab_files(course) == [LabFile("data/bakes.csv", False, 1), LabFile("tools/", True, 2)]
    archive = lab_files_zip(course)
    assert archive is not None
    names = zipfile.ZipFile(io.BytesIO(archive)).namelist()
    assert names == ["data/bakes.csv", "tools/lib/units.txt", "tools/scale.sh"]
    assert lab_files_zip(load_course(course_dir)) == archive, "the same course gives the same bytes"


def test_a_course_without_lab_files_gets_no_zip() -> None:
    assert lab_files_zip(load_course(FIXTURES / "courses" / "minimal")) is None
