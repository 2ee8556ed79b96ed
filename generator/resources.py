"""Where the built-in run-time files are: inside the installed package, never beside a source checkout."""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path


@cache
def builtin_templates() -> Path:
    """The built-in templates folder (`templates/` in the repository, `generator/templates/` installed).

    Why a real path: Jinja2's loader and mkdocs read folders; wheels are always installed unzipped.
    """
    return Path(str(resources.files("generator.templates")))
