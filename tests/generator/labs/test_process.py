"""Running one lab command: nothing it started outlives it, and what it prints is bounded."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest

from generator.labs import process
from generator.labs.process import run_command


@pytest.fixture(params=["namespace", "marker"])
def mode(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Both ways of finding a command's processes: a PID namespace (where allowed) and the /proc marker."""
    if request.param == "namespace":
        if not process.namespaces_available():
            pytest.skip("no PID namespaces here (needs Linux and the privilege)")
    else:
        monkeypatch.setattr(process, "namespaces_available", lambda: False)
    return str(request.param)


def _seconds() -> str:
    """A sleep duration no other process on the machine uses, so the test can find its own."""
    return f"{300 + uuid.uuid4().int % 10_000}.{uuid.uuid4().int % 10**6:06d}"


def _alive(seconds: str) -> list[int]:
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            argv = (entry / "cmdline").read_bytes().split(b"\0")
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if seconds.encode() in argv and state != "Z":
            pids.append(int(entry.name))
    return pids


def _env() -> dict[str, str]:
    return {"PATH": os.environ["PATH"]}


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="finds processes through /proc")
@pytest.mark.parametrize("redirect", ["", " >/dev/null 2>&1"])
def test_setsid_child_is_gone_after_a_timeout(mode: str, redirect: str, tmp_path: Path) -> None:
    seconds = _seconds()
    # Whether the step times out depends on whether setsid had to fork; either way it ends, and
    # the sleep with it (before, it held the pipe for the whole sleep, or outlived the run).
    run_command(f"setsid sleep {seconds}{redirect}", tmp_path, _env(), timeout=1)
    assert _alive(seconds) == []


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="finds processes through /proc")
def test_background_children_are_killed_when_the_step_ends(mode: str, tmp_path: Path) -> None:
    a, b, c = _seconds(), _seconds(), _seconds()
    command = f"nohup sleep {a} >/dev/null 2>&1 & setsid sleep {b} & sleep {c} >/dev/null 2>&1 & echo started"
    run = run_command(command, tmp_path, _env(), timeout=60)
    assert (run.output, run.exit_code, run.timed_out) == ("started\n", 0, False)
    assert _alive(a) == _alive(b) == _alive(c) == []


def test_huge_output_keeps_head_and_tail_and_says_how_much_was_cut(tmp_path: Path) -> None:
    command = "echo first; yes 'a line of output' | head -n 1000000; echo last"
    run = run_command(command, tmp_path, _env(), timeout=60)
    assert run.exit_code == 0
    assert len(run.output) < 2 * (process.HEAD_BYTES + process.TAIL_BYTES)
    assert run.output.startswith("first\na line of output\n")
    assert run.output.endswith("a line of output\nlast\n")
    assert "bytes of output cut" in run.output


def test_small_output_is_kept_whole(tmp_path: Path) -> None:
    run = run_command("printf 'one\\ntwo'; echo >&2 three; exit 3", tmp_path, _env(), timeout=60)
    assert (run.output, run.exit_code, run.timed_out) == ("one\ntwothree\n", 3, False)
