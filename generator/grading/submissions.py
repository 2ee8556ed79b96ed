"""Students' submitted folders: found, checked for what could harm the run, and copied to a throwaway place.

Why so careful: a submission is whatever a student left in a folder. A link to `/` or to another
student's folder, a named pipe (which blocks whoever reads it), or gigabytes of files must cost that
student the points, never stop or endanger the run.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

from generator.errors import ToolkitError

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
MAX_BYTES = 500 * 1024 * 1024  # per submission; a bigger folder is refused, not copied
MAX_ENTRIES = 100_000  # files and folders per submission: copying a million tiny files would stall the run


@dataclass(frozen=True)
class Submission:
    student: str  # the folder's name: the student id the gradebook carries
    path: Path
    problem: str = ""  # why it cannot be checked at all ("" when it can)


def find_submissions(folder: Path) -> list[Submission]:
    """One submission per entry of `folder`, sorted by student id (an entry that is no folder: a problem)."""
    if not folder.is_dir():
        raise ToolkitError(f"'{folder}' is not a folder of submissions (one folder per student)")
    found: list[Submission] = []
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        if entry.name.startswith("."):
            continue  # .DS_Store, .git: not students
        found.append(_submission(entry))
    # `dee.zip` beside a folder `dee`: the file keeps its whole name, so no student is listed twice.
    folders = {s.student for s in found if s.path.name == s.student}
    found = [
        Submission(s.path.name, s.path, s.problem) if s.path.name != s.student and s.student in folders else s
        for s in found
    ]
    found.sort(key=lambda s: s.student)
    if not found:
        raise ToolkitError(
            f"'{folder}' holds no submissions. Put one folder per student in it, named by the student's id"
        )
    return found


def _submission(entry: Path) -> Submission:
    if _CONTROL.search(entry.name):
        return Submission(shown(entry.name), entry, "the folder's name holds control characters; rename it")
    if entry.is_symlink():
        return Submission(entry.name, entry, "the submission is a link, not a folder; copy the folder itself")
    if not entry.is_dir():
        student = entry.name.split(".")[0] or entry.name
        return Submission(
            student,
            entry,
            f"'{entry.name}' is a file, not a folder; unpack it into a folder named '{student}'",
        )
    try:
        return Submission(entry.name, entry, _unsafe(entry))
    except OSError as exc:  # a file removed or made unreadable while we look
        return Submission(entry.name, entry, f"the folder could not be read: {exc.strerror or exc}")


def _unsafe(root: Path) -> str:
    """Why the folder at `root` must not be copied ('' when it may): links out of it, special files, size."""
    total = entries = 0
    resolved_root = root.resolve()
    for dirpath, dirnames, filenames in os.walk(root):
        entries += len(dirnames) + len(filenames)
        if entries > MAX_ENTRIES:
            return f"the submission holds more than {MAX_ENTRIES:,} files and folders"
        for name in dirnames + filenames:
            path = Path(dirpath) / name
            rel = shown(path.relative_to(root).as_posix())
            info = path.lstat()
            if stat.S_ISLNK(info.st_mode):
                link = shown(os.readlink(path))
                target = path.resolve()
                if os.path.isabs(link):
                    return f"'{rel}' is an absolute link ({link}); only relative links inside it are kept"
                if target != resolved_root and resolved_root not in target.parents:
                    return f"'{rel}' is a link to a place outside the submission ({link})"
            elif not (stat.S_ISREG(info.st_mode) or stat.S_ISDIR(info.st_mode)):
                return f"'{rel}' is not a regular file or folder (a pipe, socket or device)"
            else:
                total += info.st_size
        if total > MAX_BYTES:
            return f"the submission holds more than {MAX_BYTES // (1024 * 1024)} MB"
    return ""


def shown(name: str) -> str:
    """A file name as a message can print it: control characters written as escapes."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m[0]):02x}", name)


def copy_submission(submission: Submission, prefix: str) -> Path:
    """A fresh temp folder holding a copy of the submission (its links, all relative and inside it, kept)."""
    workspace = Path(tempfile.mkdtemp(prefix=prefix))
    shutil.copytree(submission.path, workspace, dirs_exist_ok=True, symlinks=True)
    return workspace
