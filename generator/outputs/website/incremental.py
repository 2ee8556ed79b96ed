"""What a site build can reuse from the last one: all of it, or every page but those whose Markdown changed.

Why pages can be reused: a page's HTML is made from its own Markdown plus what every page shares (the
navigation, the settings, the theme, the toolkit's code). When only some pages' Markdown changed, mkdocs
builds just those (its "dirty" mode) into a copy of the last site; the shared parts are unchanged by
definition, and the search index keeps every other page's entries. Anything else (a page added, removed
or renamed, a title in the navigation, an asset, a setting) rebuilds the whole site.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path

STAMP_VERSION = 1


@dataclass(frozen=True)
class SiteStamp:
    """The fingerprint of one built site: of what all pages share, and of each page's Markdown."""

    shared: str
    pages: dict[str, str] = field(default_factory=dict)
    inputs: str = ""  # what the pages were rendered from: when it is unchanged, nothing is rendered at all

    @property
    def digest(self) -> str:
        h = hashlib.sha256(self.shared.encode())
        for rel in sorted(self.pages):
            h.update(f"{rel}\0{self.pages[rel]}\0".encode())
        return h.hexdigest()

    def changed_pages(self, last: SiteStamp | None) -> list[str] | None:
        """The pages to redraw on top of the `last` build, or None when the whole site must be rebuilt."""
        if last is None or last.shared != self.shared or last.pages.keys() != self.pages.keys():
            return None
        return sorted(rel for rel, digest in self.pages.items() if last.pages[rel] != digest)

    def save(self, path: Path) -> None:
        data = {"version": STAMP_VERSION, "shared": self.shared, "pages": self.pages, "inputs": self.inputs}
        path.write_text(json.dumps(data, sort_keys=True), encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> SiteStamp | None:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict) or data.get("version") != STAMP_VERSION:
            return None
        pages = {str(k): str(v) for k, v in data.get("pages", {}).items()}
        return cls(str(data.get("shared", "")), pages, str(data.get("inputs", "")))


def site_stamp(files: dict[str, bytes], shared_parts: list[bytes]) -> SiteStamp:
    """The stamp of a site made of `files` (Markdown pages and the rest) and the parts every page shares."""
    h = hashlib.sha256()
    for part in shared_parts:
        h.update(len(part).to_bytes(8, "big"))
        h.update(part)
    pages = {}
    for rel in sorted(files):
        digest = hashlib.sha256(files[rel]).hexdigest()
        if rel.endswith(".md"):
            pages[rel] = digest
        else:  # an asset, a resource or the lab files' archive: shared (it is copied, not drawn)
            h.update(f"{rel}\0{digest}\0".encode())
    return SiteStamp(h.hexdigest(), pages)


def copy_last_site(site_dir: Path, staging: Path, changed: list[str]) -> None:
    """The last site, copied into `staging` with its file times, minus the HTML of the `changed` pages."""
    shutil.copytree(site_dir, staging, dirs_exist_ok=True, copy_function=shutil.copy2)
    for rel in changed:
        (staging / Path(rel).with_suffix(".html")).unlink(missing_ok=True)
