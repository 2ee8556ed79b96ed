"""Compiled Jinja templates kept between runs, in the user's cache folder.

Why: compiling the page templates costs more than rendering a course's pages with them, and every
`curriculum build` is a new process. Jinja keys each compiled template by its file and checks its source
before using it, so an edited template is compiled again. Each kind of environment has its own folder,
because the compiled code depends on the environment's settings as well as on the template.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import jinja2


class _BestEffortCache(jinja2.FileSystemBytecodeCache):
    # A cache folder that cannot be written costs the next run its time, never its result.
    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except (OSError, EOFError, ValueError):
            bucket.reset()


def bytecode_cache(kind: str) -> jinja2.BytecodeCache | None:
    """The compiled-template cache for environments of `kind`, or None when no cache folder can be made."""
    if os.environ.get("CURRICULUM_NO_TEMPLATE_CACHE"):
        return None
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    folder = base / "curriculum-toolkit" / f"jinja-{jinja2.__version__}" / kind
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError:
        return None
    return _BestEffortCache(str(folder))
