"""Run one lab command the way a student's shell would, and leave nothing of it running afterwards.

Why more than a process group: `setsid` and `nohup ... &` leave the group, so killing the group
misses them (and a `setsid` child keeps the output pipe open past the timeout). Where the kernel
allows it (Linux, as root) each command runs as PID 1 of its own PID namespace, and when it ends
the kernel kills everything left inside. Elsewhere every process started carries a marker in its
environment, and whatever still carries it when the command ends is killed (through /proc).
"""

from __future__ import annotations

import contextlib
import functools
import os
import selectors
import shutil
import signal
import subprocess
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

HEAD_BYTES = 32_000
TAIL_BYTES = 32_000
MARKER = "CURRICULUM_LAB_RUN"
_DRAIN_SECONDS = 2.0  # after a kill, how long to wait for the pipe to close


@dataclass(frozen=True)
class CommandRun:
    output: str  # stdout and stderr interleaved, as the terminal shows them
    exit_code: int
    timed_out: bool
    cut: int = 0  # bytes of output left out of `output` (its middle)


class _Capture:
    """The first and last bytes of a stream, and a count of what lies between."""

    def __init__(self) -> None:
        self.head = bytearray()
        self.tail = bytearray()
        self.total = 0

    def add(self, chunk: bytes) -> None:
        self.total += len(chunk)
        room = HEAD_BYTES - len(self.head)
        if room > 0:
            self.head += chunk[:room]
            chunk = chunk[room:]
        self.tail += chunk
        if len(self.tail) > 2 * TAIL_BYTES:
            del self.tail[:-TAIL_BYTES]

    @property
    def cut(self) -> int:
        kept = len(self.head) + min(len(self.tail), TAIL_BYTES)
        return 0 if kept >= self.total else self.total - kept

    def text(self) -> str:
        kept = len(self.head) + min(len(self.tail), TAIL_BYTES)
        if kept >= self.total:
            return (self.head + self.tail).decode("utf-8", errors="replace")
        # Cut at line ends so neither part starts or stops mid-line.
        head = self.head[: self.head.rfind(b"\n") + 1] or self.head
        tail = self.tail[-TAIL_BYTES:]
        tail = tail[tail.find(b"\n") + 1 :] or tail
        cut = self.total - len(head) - len(tail)
        note = f"[... {cut:,} bytes of output cut; the first and last {HEAD_BYTES // 1000} kB are kept ...]\n"
        return head.decode("utf-8", errors="replace") + note + tail.decode("utf-8", errors="replace")


@functools.cache
def namespaces_available() -> bool:
    """Whether `unshare` can give a command its own PID namespace here (Linux, with the privilege)."""
    if shutil.which("unshare") is None:
        return False
    try:
        probe = subprocess.run(
            ["unshare", "--pid", "--fork", "--kill-child", "true"],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=10,
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return probe.returncode == 0


def run_command(command: str, cwd: Path, env: dict[str, str], timeout: float) -> CommandRun:
    """Run `command` with bash in `cwd`, stopped after `timeout` s; no process it started outlives it."""
    token = uuid.uuid4().hex
    argv = ["bash", "-c", command]
    if namespaces_available():
        argv = ["unshare", "--pid", "--fork", "--kill-child", *argv]
    process = subprocess.Popen(
        argv,
        cwd=cwd,
        env={**env, MARKER: token},
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    assert process.stdout is not None
    fd = process.stdout.fileno()
    capture = _Capture()
    deadline = time.monotonic() + timeout
    timed_out = not _read(fd, capture, deadline, process)
    if not timed_out:
        try:
            process.wait(max(0.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:  # it closed its output but is still running
            timed_out = True
    _kill_all(process, token)
    # What the killed processes wrote before they died is still in the pipe.
    _read(fd, capture, time.monotonic() + _DRAIN_SECONDS)
    process.stdout.close()
    process.wait()
    return CommandRun(capture.text(), process.returncode, timed_out, capture.cut)


def _read(
    fd: int, capture: _Capture, deadline: float, process: subprocess.Popen[bytes] | None = None
) -> bool:
    """Read `fd` into `capture` until end of file or `process` has exited (True), or the deadline (False).

    Why stop when the process exits: a child it left in the background may hold the pipe open; the
    step is over when its shell is, and the child is killed next.
    """
    with selectors.DefaultSelector() as selector:
        selector.register(fd, selectors.EVENT_READ)
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return False
            if selector.select(min(remaining, 0.05)):
                chunk = os.read(fd, 65536)
                if not chunk:
                    return True
                capture.add(chunk)
            if process is not None and process.poll() is not None:
                return True


_PASSES = 6
_PASS_PAUSE = 0.005


def _kill_all(process: subprocess.Popen[bytes], token: str) -> None:
    """Kill the command's process group and every process still carrying its marker."""
    # A process may fork while we look, and one caught inside execve shows no environment for a moment:
    # look again after a pause, and stop only when a second look finds nothing.
    for n in range(_PASSES):
        targets = _marked(token)
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, signal.SIGKILL)
        for pid in targets:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.kill(pid, signal.SIGKILL)
        if not targets and n:
            return
        time.sleep(_PASS_PAUSE)


def _marked(token: str) -> list[int]:
    """Pids of live processes whose environment holds this run's marker (none where /proc is absent)."""
    needle = f"{MARKER}={token}".encode()
    found: list[int] = []
    proc = Path("/proc")
    if not proc.is_dir():
        return found
    me = os.getpid()
    for entry in proc.iterdir():
        if not entry.name.isdigit() or int(entry.name) == me:
            continue
        try:
            environ = (entry / "environ").read_bytes()
        except OSError:
            continue
        if needle in environ.split(b"\0"):
            found.append(int(entry.name))
    return found
