"""The toolkit's own plugins for its mkdocs builds: compiled theme templates kept between runs, and a
dirty build that keeps the whole site's search (the pages it leaves alone keep their entries)."""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from generator.outputs.template_cache import bytecode_cache


class ThemeEnvironment(BasePlugin):
    """The theme's Jinja environment, made cheaper to start for every build.

    Its templates stay compiled between runs, like the pages' own: compiling them is most of a small
    build's time (Jinja checks each template's source before it uses a compiled one). And listing the
    theme's files skips hidden folders: mkdocs lists every theme file to copy the static ones and then
    drops everything hidden, and Material's hidden icon folder holds some fourteen thousand files
    (its templates still include icons from it; only the listing skips them).
    """

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        import material

        theme = config.theme
        make_env = theme.get_env
        cache = bytecode_cache(f"mkdocs-theme-{material.__version__}")

        def get_env() -> jinja2.Environment:
            env = make_env()
            loader = env.loader
            if isinstance(loader, jinja2.FileSystemLoader):
                env.loader = _VisibleTemplates(loader.searchpath, loader.encoding, loader.followlinks)
            env.bytecode_cache = cache
            return env

        theme.get_env = get_env  # type: ignore[method-assign]
        return config


class _VisibleTemplates(jinja2.FileSystemLoader):
    def list_templates(self) -> list[str]:
        found: set[str] = set()
        for root in self.searchpath:
            for folder, folders, files in os.walk(root, followlinks=self.followlinks):
                folders[:] = [f for f in folders if not f.startswith(".")]
                for name in files:
                    if not name.startswith("."):
                        found.add(os.path.relpath(os.path.join(folder, name), root).replace(os.sep, "/"))
        return sorted(found)


class _QuietDirtyWarning(logging.Filter):
    # mkdocs warns that a dirty build may leave navigation stale; ours is only dirty when the navigation
    # and everything pages share is unchanged, and in strict mode that warning would fail the build.
    def filter(self, record: logging.LogRecord) -> bool:
        return "'dirty' build" not in record.getMessage()


QUIET_DIRTY_WARNING = _QuietDirtyWarning()


class KeepSearchEntries(BasePlugin):
    """Search entries of the pages a dirty build leaves alone, merged back into the index it writes."""

    def __init__(self, last_index: Path) -> None:
        super().__init__()
        self.last_index = last_index
        self.drawn: set[str] = set()

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Any) -> Navigation:
        # A page mkdocs does not redraw is never read, so a title that only its front matter gives (a page
        # the navigation lists without one: an index page) would be missing from the menus and the
        # next/previous links of the pages that are redrawn. A title the navigation gives is set on
        # the page itself (mkdocs' `title` is a property the navigation's value overrides).
        for page in nav.pages:
            if vars(page).get("title") is None:
                page.read_source(config)
        return nav

    def on_page_context(self, context: Any, *, page: Page, config: MkDocsConfig, nav: Navigation) -> Any:
        self.drawn.add(page.url)
        return context

    @event_priority(-50)  # after the search plugin writes its index, before the offline plugin inlines it
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        path = Path(config.site_dir) / "search" / "search_index.json"
        if not path.is_file() or not self.last_index.is_file():
            return
        new = json.loads(path.read_text(encoding="utf-8"))
        last = json.loads(self.last_index.read_text(encoding="utf-8"))
        new["docs"] = merged(last.get("docs", []), new.get("docs", []), self.drawn)
        path.write_text(json.dumps(new, separators=(",", ":")), encoding="utf-8")
        os.utime(path)


def merged(last: list[dict[str, Any]], drawn: list[dict[str, Any]], pages: set[str]) -> list[dict[str, Any]]:
    """The last index with each redrawn page's entries replaced in place, so the order is a full build's."""
    fresh: dict[str, list[dict[str, Any]]] = {}
    for entry in drawn:
        fresh.setdefault(_page(entry), []).append(entry)
    out: list[dict[str, Any]] = []
    for entry in last:
        page = _page(entry)
        if page not in pages:
            out.append(entry)
        elif page in fresh:
            out += fresh.pop(page)
    return out + [entry for entries in fresh.values() for entry in entries]


def _page(entry: dict[str, Any]) -> str:
    return str(entry.get("location", "")).split("#")[0]
