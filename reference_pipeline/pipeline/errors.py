"""The one exception a user can fix; the CLI prints it as a single line and exits 1."""

from __future__ import annotations


class PipelineError(Exception):
    """A problem with the user's data, files or command: say what went wrong and what to do."""
