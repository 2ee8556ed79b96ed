"""The files a course copies into every lab workspace, as a list for worksheets and one zip for the site.

Why a zip inside the site: students open the site offline or from `file://`, where there is no
server to fetch files from; a plain link to a file in the site works everywhere.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from generator.model.course import Course

SKIP = ("__pycache__", ".pyc", ".DS_Store")  # what the lab workspace leaves out too
_EPOCH = (1980, 1, 1, 0, 0, 0)  # a fixed time in every entry, so an unchanged course gives the same bytes


@dataclass(frozen=True)
class LabFile:
    """One `lab_environment.copy` entry as a student sees it: where it goes, and how many files it holds."""

    path: str
    folder: bool
    files: int


def zip_name(course: Course) -> str:
    return f"downloads/{course.spec.id}-lab-files.zip"


def _members(source: Path) -> list[Path]:
    if source.is_file():
        return [source]
    found = (p for p in source.rglob("*") if p.is_file())
    return sorted(p for p in found if not any(part.endswith(SKIP) for part in p.parts))


def lab_files(course: Course) -> list[LabFile]:
    """What the course copies into a lab workspace, in spec order."""
    out = []
    for item in course.spec.lab_environment.copy_files:
        source = course.root / item.source
        to = PurePosixPath(item.to.replace("\\", "/")).as_posix()
        out.append(LabFile(to + ("/" if source.is_dir() else ""), source.is_dir(), len(_members(source))))
    return out


def lab_file_paths(course: Course) -> list[Path]:
    """Every file the course copies into a lab workspace, where it is on disk."""
    return [m for item in course.spec.lab_environment.copy_files for m in _members(course.root / item.source)]


def lab_files_zip(course: Course) -> bytes | None:
    """A zip of every copied file at its workspace path, or None when the course copies nothing."""
    items = course.spec.lab_environment.copy_files
    if not items or not course.labs:
        return None
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for item in items:
            source = course.root / item.source
            to = PurePosixPath(item.to.replace("\\", "/"))
            for member in _members(source):
                name = to if source.is_file() else to / member.relative_to(source).as_posix()
                info = zipfile.ZipInfo(str(name), date_time=_EPOCH)
                info.external_attr = (0o755 if member.stat().st_mode & 0o111 else 0o644) << 16
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, member.read_bytes())
    return buffer.getvalue()
