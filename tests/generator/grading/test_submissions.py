"""What a submission may hold: links out of it, special files and stray files are refused, never followed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.errors import ToolkitError
from generator.grading.submissions import copy_submission, find_submissions


def _class(tmp_path: Path) -> Path:
    folder = tmp_path / "class"
    (folder / "ana").mkdir(parents=True)
    (folder / "ana" / "counts.txt").write_text("rye 2\n")
    return folder


def test_each_folder_is_a_student_named_by_its_folder(tmp_path: Path) -> None:
    folder = _class(tmp_path)
    (folder / "ben").mkdir()
    (folder / ".DS_Store").write_text("")
    found = find_submissions(folder)
    assert [(s.student, s.problem) for s in found] == [("ana", ""), ("ben", "")]


def test_a_file_in_place_of_a_folder_is_a_problem_for_that_student(tmp_path: Path) -> None:
    folder = _class(tmp_path)
    (folder / "dee.zip").write_bytes(b"PK")
    (dee,) = [s for s in find_submissions(folder) if s.student == "dee"]
    assert dee.problem == "'dee.zip' is a file, not a folder; unpack it into a folder named 'dee'"


def test_a_link_out_of_the_submission_is_refused(tmp_path: Path) -> None:
    folder = _class(tmp_path)
    secret = tmp_path / "answers.txt"
    secret.write_text("rye 2\n")
    os.symlink("../../answers.txt", folder / "ana" / "counts-link.txt")
    (ana,) = find_submissions(folder)
    assert ana.problem == "'counts-link.txt' is a link to a place outside the submission (../../answers.txt)"


def test_an_absolute_link_is_refused_even_into_the_submission(tmp_path: Path) -> None:
    folder = _class(tmp_path)
    os.symlink(folder / "ana" / "counts.txt", folder / "ana" / "again.txt")
    (ana,) = find_submissions(folder)
    assert ana.problem.startswith("'again.txt' is an absolute link")


def test_a_submission_that_is_itself_a_link_is_refused(tmp_path: Path) -> None:
    folder = _class(tmp_path)
    os.symlink(tmp_path, folder / "eve")
    (eve,) = [s for s in find_submissions(folder) if s.student == "eve"]
    assert eve.problem == "the submission is a link, not a folder; copy the folder itself"


def test_a_named_pipe_is_refused_so_reading_it_cannot_hang_the_run(tmp_path: Path) -> None:
    folder = _class(tmp_path)
    os.mkfifo(folder / "ana" / "counts.fifo")
    (ana,) = find_submissions(folder)
    assert ana.problem == "'counts.fifo' is not a regular file or folder (a pipe, socket or device)"


def test_links_inside_the_submission_are_kept_as_links_in_the_copy(tmp_path: Path) -> None:
    folder = _class(tmp_path)
    os.symlink("counts.txt", folder / "ana" / "latest.txt")
    os.symlink(".", folder / "ana" / "loop")  # copied as a link: no endless copy
    (ana,) = find_submissions(folder)
    assert ana.problem == ""
    copy = copy_submission(ana, "test-")
    try:
        assert (copy / "latest.txt").read_text() == "rye 2\n"
        assert (copy / "loop").is_symlink()
    finally:
        import shutil

        shutil.rmtree(copy)


def test_an_empty_or_missing_folder_is_a_user_error(tmp_path: Path) -> None:
    with pytest.raises(ToolkitError, match="holds no submissions"):
        find_submissions(tmp_path)
    with pytest.raises(ToolkitError, match="is not a folder of submissions"):
        find_submissions(tmp_path / "nowhere")


def test_a_file_beside_a_folder_of_the_same_student_keeps_its_whole_name(tmp_path: Path) -> None:
    folder = _class(tmp_path)
    (folder / "ana.zip").write_bytes(b"PK")
    assert [s.student for s in find_submissions(folder)] == ["ana", "ana.zip"]
