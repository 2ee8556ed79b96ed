"""`curriculum serve`: a live preview of the student site (or instructor guide) that rebuilds on every edit.

Built on MkDocs' own live-reload server. Each change to a spec, question, template or site setting
reloads and checks the course; a course with errors keeps the last good pages on screen with the
problems in a banner (and in the terminal), and the preview recovers as soon as the files are fixed.
"""

from __future__ import annotations

import html
import shutil
import signal
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any

from generator.build import lab_status, published_labs
from generator.errors import Issue, Level, ToolkitError
from generator.labs.status import lab_summary
from generator.load.course_loader import check_course, find_root
from generator.outputs.website.plan import Audience
from generator.outputs.website.writer import render_site

_BANNER_STYLE = (
    "position:sticky;top:0;z-index:1000;margin:0;padding:.8rem 1rem;background:#8b0000;color:#fff;"
    "font:14px/1.4 monospace;white-space:pre-wrap"
)
_WAITING = "<!doctype html><title>Course preview</title><body><h1>No page to show yet</h1></body>"


@dataclass
class Preview:
    """What the preview shows now: the problems of the last check (empty when the course is clean)."""

    problems: list[str] = field(default_factory=list)
    templates: Path | None = None  # the course's own templates folder, once the course has been read
    lock: threading.Lock = field(default_factory=threading.Lock)

    def banner(self) -> bytes:
        with self.lock:
            if not self.problems:
                return b""
            lines = "\n".join(html.escape(p) for p in self.problems)
            title = "The course has problems; the page shows the last good build until they are fixed:"
            div = f'<div role="alert" id="curriculum-problems" style="{_BANNER_STYLE}">{title}\n{lines}</div>'
            return div.encode()


def serve_course(
    path: Path,
    *,
    audience: Audience = "student",
    port: int = 8000,
    on_build: Callable[[list[Issue], bool], None] | None = None,
    on_ready: Callable[[str], None] | None = None,
) -> None:
    """Serve the course at `path` on 127.0.0.1:`port` until interrupted; the temp folder is always removed."""
    from mkdocs.livereload import LiveReloadServer

    root = find_root(path)
    temp = Path(tempfile.mkdtemp(prefix="curriculum-serve-"))
    site_dir, work_dir = temp / "site", temp / "work"
    site_dir.mkdir()
    (site_dir / "index.html").write_text(_WAITING, encoding="utf-8")
    preview = Preview()

    def build() -> None:
        result = check_course(root)
        problems = [i.format() for i in result.issues if i.level is Level.ERROR]
        built = False
        if result.course is not None and result.course.spec.templates:
            preview.templates = root / result.course.spec.templates
        if result.course is not None and not problems:
            try:
                status = lab_status(result.course, root / "build")
                summary = lab_summary(status, published_labs(result.course))
                render_site(
                    result.course,
                    site_dir,
                    work_dir,
                    audience=audience,
                    lab_status=status,
                    lab_summary=summary,
                )
                built = True
            except ToolkitError as exc:
                problems = [str(exc)]
        with preview.lock:
            preview.problems = problems
        if on_build:
            on_build(result.issues, built)

    class Server(LiveReloadServer):
        def _inject_js_into_html(self, content: bytes, epoch: int) -> bytes:
            page: bytes = super()._inject_js_into_html(content, epoch)
            banner = preview.banner()
            if not banner:
                return page
            start = page.find(b"<body")
            start = page.find(b">", start) + 1 if start >= 0 else 0
            return page[:start] + banner + page[start:]

    try:
        build()
        server = Server(builder=build, host="127.0.0.1", port=port, root=str(site_dir))
        try:
            server.server_bind()
        except OSError as exc:
            raise ToolkitError(
                f"cannot serve on 127.0.0.1:{port} ({exc.strerror}); pick another --port"
            ) from None
        server.server_bind = lambda: None  # type: ignore[method-assign]  # bound above, where it can fail cleanly
        for watched in _watched(root, preview.templates):
            server.watch(str(watched))
        previous = signal.signal(signal.SIGTERM, _interrupt)
        try:
            if on_ready:
                on_ready(server.url)
            server.serve()
        except KeyboardInterrupt:
            pass
        finally:
            server.shutdown()
            signal.signal(signal.SIGTERM, previous)
    finally:
        shutil.rmtree(temp, ignore_errors=True)


def _watched(root: Path, templates: Path | None) -> list[Path]:
    """What pages depend on: specs, questions, the course's templates and site settings, lab results."""
    candidates = [root / "curriculum", root / "question_bank", root / "mkdocs.yml", root / "build" / "labs"]
    return [p for p in [*candidates, templates] if p is not None and p.exists()]


def _interrupt(_signum: int, _frame: FrameType | None) -> Any:
    raise KeyboardInterrupt
