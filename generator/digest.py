"""Fingerprints of what an output is made from, so a build redoes only what changed.

An output's fingerprint covers the model objects it shows and the toolkit code that renders them:
a new toolkit version, or an edited renderer in a checkout, rebuilds everything it renders.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from functools import cache
from importlib import resources

from generator.model.base import Spec


def fingerprint(*parts: str | bytes | Spec | None) -> str:
    """One digest of several parts: model objects (by their data), text and bytes."""
    h = hashlib.sha256()
    for part in parts:
        if isinstance(part, Spec):
            data = part.model_dump_json(by_alias=True).encode()
        elif isinstance(part, str):
            data = part.encode()
        else:
            data = part or b""
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()


@cache
def code_fingerprint(packages: Iterable[str]) -> str:
    """The source of these packages (e.g. the deck renderer and its text fitting), as one digest."""
    h = hashlib.sha256()
    for package in sorted(packages):
        root = resources.files(package)
        for entry in sorted(root.iterdir(), key=lambda e: e.name):
            if entry.name.endswith(".py"):
                h.update(entry.name.encode())
                h.update(entry.read_bytes())
    return h.hexdigest()
