"""Ingest: copy every declared source from data/raw/ into landing/, idempotently, with retries.

A file already in landing/ with the same bytes is left alone, so running ingest twice lands
nothing new the second time. A source that fails is retried with exponential backoff
(base $RP_BACKOFF_BASE seconds, default 0.5); $RP_FAIL_SOURCE=api:2 makes the `api` source
fail twice first, to practise what happens when an upstream system is down.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .errors import PipelineError
from .home import Home
from .sources import Source, load_sources

DEFAULT_RETRIES = 3
DEFAULT_BACKOFF = 0.5


class SourceUnavailable(Exception):
    """A transient failure: worth retrying."""


@dataclass
class SourceResult:
    name: str
    files: int = 0
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    attempts: int = 1
    error: str | None = None


@dataclass
class IngestReport:
    results: list[SourceResult] = field(default_factory=list)
    log: list[str] = field(default_factory=list)

    def total(self, attribute: str) -> int:
        return sum(getattr(result, attribute) for result in self.results)

    @property
    def failed(self) -> list[SourceResult]:
        return [result for result in self.results if result.error]


def injected_failures() -> dict[str, int]:
    """Parse $RP_FAIL_SOURCE, e.g. `api:2,crm:1` (a bare name fails once)."""
    spec = os.environ.get("RP_FAIL_SOURCE", "").strip()
    failures: dict[str, int] = {}
    for part in filter(None, (piece.strip() for piece in spec.split(","))):
        name, _, times = part.partition(":")
        try:
            failures[name.strip()] = int(times) if times else 1
        except ValueError:
            raise PipelineError(
                f"RP_FAIL_SOURCE='{spec}' is not understood; write source:times, e.g. RP_FAIL_SOURCE=api:2."
            ) from None
    return failures


def backoff_base() -> float:
    raw = os.environ.get("RP_BACKOFF_BASE", "").strip()
    if not raw:
        return DEFAULT_BACKOFF
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if value < 0:
        raise PipelineError(f"RP_BACKOFF_BASE='{raw}' must be a number of seconds, e.g. RP_BACKOFF_BASE=0.5.")
    return value


def _fetch_files(raw: Path, source: Source) -> list[tuple[str, bytes]]:
    found: list[tuple[str, bytes]] = []
    for pattern in source.patterns:
        matches = sorted(raw.glob(pattern))
        if not matches:
            raise PipelineError(
                f"source '{source.name}' has no file matching {pattern} in data/raw; "
                "restore it (`reset` brings back the sample) or ask the sender to resend it."
            )
        found.extend((path.relative_to(raw).as_posix(), path.read_bytes()) for path in matches)
    return found


def _fetch_api(raw: Path, source: Source) -> list[tuple[str, bytes]]:
    """Follow next_page from the first page, as a client of a paginated REST API would."""
    pages: list[tuple[str, bytes]] = []
    relative = source.first_page or ""
    seen: set[str] = set()
    while relative:
        if relative in seen:
            raise PipelineError(
                f"source '{source.name}': page {relative} links back to itself; fix next_page."
            )
        seen.add(relative)
        path = raw / relative
        if not path.is_file():
            raise PipelineError(
                f"source '{source.name}' has no page {relative} in data/raw; restore it with `reset`."
            )
        body = path.read_bytes()
        try:
            following = json.loads(body).get("next_page")
        except (json.JSONDecodeError, AttributeError):
            raise PipelineError(
                f"source '{source.name}': page {relative} is not a JSON object; restore it with `reset`."
            ) from None
        pages.append((relative, body))
        relative = (Path(relative).parent / following).as_posix() if following else ""
    return pages


def _land(home: Home, relative: str, body: bytes, result: SourceResult) -> None:
    """Write atomically, and only when the bytes differ from what landed before."""
    target = home.landing / relative
    result.files += 1
    if target.is_file():
        if target.read_bytes() == body:
            result.unchanged += 1
            return
        result.changed += 1
    else:
        result.new += 1
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.write_bytes(body)
    partial.replace(target)


def ingest(
    home: Home,
    *,
    retries: int = DEFAULT_RETRIES,
    sleep: Callable[[float], None] = time.sleep,
    echo: Callable[[str], None] = lambda line: None,
) -> IngestReport:
    raw = home.raw_dir
    failures = injected_failures()
    base = backoff_base()
    report = IngestReport()
    for source in load_sources(home):
        result = SourceResult(source.name)
        for attempt in range(1, retries + 2):
            result.attempts = attempt
            try:
                if failures.get(source.name, 0) >= attempt:
                    raise SourceUnavailable("simulated outage from RP_FAIL_SOURCE")
                fetched = _fetch_api(raw, source) if source.kind == "api" else _fetch_files(raw, source)
            except SourceUnavailable as problem:
                if attempt > retries:
                    result.error = f"still failing after {attempt} attempts ({problem})"
                    break
                delay = base * 2 ** (attempt - 1)
                echo(f"{source.name}: attempt {attempt} failed ({problem}); retrying in {delay:g}s")
                sleep(delay)
                continue
            except PipelineError as problem:
                result.error = str(problem)
                break
            for relative, body in fetched:
                _land(home, relative, body, result)
            if attempt > 1:
                echo(f"{source.name}: succeeded on attempt {attempt}")
            break
        report.results.append(result)
    return report
