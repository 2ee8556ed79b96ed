"""The only code that reads the pipeline's YAML files (sources, checks, rules, faults)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .errors import PipelineError

# libyaml's loader when PyYAML has it: parsing is several times faster
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(path: Path, shown_as: str) -> dict[str, Any]:
    """Parse one YAML mapping; a syntax error names the file, line and column."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    except FileNotFoundError:
        raise PipelineError(f"{shown_as} is missing; restore it from the package.") from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        where = f"{shown_as}:{mark.line + 1}:{mark.column + 1}" if mark else shown_as
        raise PipelineError(f"{where}: {error.problem}; fix the YAML syntax there.") from None
    if not isinstance(data, dict):
        raise PipelineError(f"{shown_as} should hold a mapping at the top level.")
    return data
