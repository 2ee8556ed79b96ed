"""The student site and the instructor guide: Markdown pages from the model, then a real `mkdocs build`.

Why in-process and hashed: mkdocs is most of the build's cost, so it runs in this interpreter
(no second start-up) and is skipped entirely when no page, asset or setting changed.
"""

from __future__ import annotations

import json
import logging
import os
import re
from dataclasses import dataclass, replace
from pathlib import Path

from generator.errors import ToolkitError
from generator.formats.spec_markdown import EXTENSIONS
from generator.model.course import Course
from generator.outputs.context import LabCheck, LabSummary, RenderContext
from generator.outputs.safe_markdown import SafeMarkdown
from generator.outputs.staging import staged_folder
from generator.outputs.website.further_reading import resource_files, resource_paths
from generator.outputs.website.incremental import SiteStamp, copy_last_site, site_stamp
from generator.outputs.website.lab_files import lab_file_paths, lab_files_zip, zip_name
from generator.outputs.website.pages import render_pages
from generator.outputs.website.plan import Audience, label, plan_site
from generator.outputs.website.templating import BUILTIN_TEMPLATES
from generator.resources import template_folders

ASSET_CSS = "assets/stylesheets/course.css"
ASSET_JS = "assets/javascripts/course.js"
SHIM = "assets/javascripts/iframe-worker-shim.js"
SITE_README = "# site/ is generated\n\n`curriculum build` writes the student site here (MkDocs-Material output). Nothing in this\nfolder except this README is committed; edit the specs in `curriculum/` and rebuild.\n"  # noqa: E501


def render_student(course: Course, out_dir: Path, context: RenderContext) -> list[Path]:
    """The student site in `out_dir`: every page a student may read, and nothing only instructors may."""
    return _render(course, out_dir, context, "student")


def render_instructor(course: Course, out_dir: Path, context: RenderContext) -> list[Path]:
    """The instructor guide in `out_dir`: the student pages plus notes, timings and answer keys."""
    return _render(course, out_dir, context, "instructor")


def _render(course: Course, out_dir: Path, context: RenderContext, audience: Audience) -> list[Path]:
    result = render_site(
        course,
        out_dir,
        context.work_dir,
        audience=audience,
        lab_status=context.lab_status,
        lab_summary=context.lab_summary,
        force=context.force,
        staging=context.staging,
    )
    if not result.rebuilt:
        context.note = "unchanged"
    elif result.redrawn is None:
        context.note = "rebuilt"
    else:
        context.note = f"{result.redrawn} page{'s' if result.redrawn != 1 else ''} redrawn"
    # The offline plugin turns directory URLs off, so each Markdown page becomes one .html file.
    return [result.site_dir / Path(page).with_suffix(".html") for page in result.page_paths]


@dataclass
class SiteResult:
    audience: Audience
    site_dir: Path
    page_paths: list[str]
    pages_written: int
    rebuilt: bool
    seconds_render: float = 0.0
    seconds_mkdocs: float = 0.0
    redrawn: int | None = None  # pages redrawn on top of the last site; None: the whole site was built


def render_site(
    course: Course,
    site_dir: Path,
    work_dir: Path,
    *,
    audience: Audience = "student",
    lab_status: dict[str, LabCheck] | None = None,
    lab_summary: LabSummary | None = None,
    force: bool = False,
    staging: Path | None = None,
) -> SiteResult:
    """Render the site for `audience` into `site_dir`; pages are staged in `work_dir`."""
    import time

    started = time.perf_counter()
    site_dir, work_dir = site_dir.resolve(), work_dir.resolve()
    plan = plan_site(course, audience)
    work_dir.mkdir(parents=True, exist_ok=True)
    config_file = _config_file(course, work_dir)
    stamp_file = work_dir / f"{audience}-site.json"
    last = None if force or not site_dir.is_dir() else SiteStamp.load(stamp_file)
    inputs = _inputs(course, audience, lab_status, lab_summary, config_file)
    if last is not None and last.inputs == inputs:
        paths = sorted(page.path for page in plan.pages)
        return SiteResult(audience, site_dir, paths, 0, False, time.perf_counter() - started)
    pages = render_pages(course, plan, audience, lab_status, lab_summary)
    titles = {page.path: page.title for page in plan.pages if page.path != "index.md"}  # home: the site name
    files = {path: _with_title(text, titles.get(path)).encode("utf-8") for path, text in pages.items()}
    files.update(resource_files(course))
    archive = lab_files_zip(course)
    if archive is not None:
        files[zip_name(course)] = archive
    assets = BUILTIN_TEMPLATES / "site" / "assets"
    for asset in sorted(p for p in assets.rglob("*") if p.is_file()):
        files[f"assets/{asset.relative_to(assets).as_posix()}"] = asset.read_bytes()
    docs_dir = work_dir / f"{audience}-docs"
    written = _sync_tree(docs_dir, files)
    stamp = replace(_stamp(files, config_file, audience, plan.nav), inputs=inputs)
    rendered = time.perf_counter() - started
    if last is not None and last.digest == stamp.digest:
        stamp.save(stamp_file)
        return SiteResult(audience, site_dir, sorted(pages), written, False, rendered)
    changed = stamp.changed_pages(last)
    stamp_file.unlink(missing_ok=True)  # a build that stops half-way must not leave the old stamp behind
    redrawn = _mkdocs_build(
        course,
        config_file,
        docs_dir,
        site_dir,
        plan.nav,
        audience,
        staging or work_dir / "staging",
        redraw=changed,
    )
    stamp.save(stamp_file)
    return SiteResult(
        audience,
        site_dir,
        sorted(pages),
        written,
        True,
        rendered,
        time.perf_counter() - started - rendered,
        redrawn=redrawn,
    )


def _with_title(text: str, title: str | None) -> str:
    """The page with its browser-tab title as front matter, escaped (the home page's is the site name).

    Why: without one, Material prints `page.title | striptags`, which decodes the escaped title
    back into live HTML inside <title>.
    """
    if not title or text.startswith("---"):
        return text
    return f"---\ntitle: {json.dumps(label(title))}\n---\n\n{text}"


def _sync_tree(root: Path, files: dict[str, bytes]) -> int:
    """Make `root` hold exactly `files`, writing only what changed (so unchanged pages keep their mtime)."""
    root.mkdir(parents=True, exist_ok=True)
    written = 0
    for rel, data in files.items():
        path = root / rel
        if path.exists() and path.read_bytes() == data:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written += 1
    for path in sorted(root.rglob("*"), reverse=True):
        rel = path.relative_to(root).as_posix()
        if path.is_file() and rel not in files:
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return written


def _config_file(course: Course, work_dir: Path) -> Path:
    """The course's mkdocs.yml over the built-in one (unless it names its own INHERIT), else the built-in."""
    builtin = BUILTIN_TEMPLATES / "site" / "mkdocs.yml"
    own = course.root / "mkdocs.yml"
    if not own.exists():
        return builtin
    text = own.read_text(encoding="utf-8")
    if re.search(r"^INHERIT\s*:", text, re.MULTILINE):
        return own
    # Why a copy in the work folder: INHERIT is the only way mkdocs layers settings, and the built-in
    # file's path differs per install, so it cannot be written into the course's own file.
    merged = work_dir / "mkdocs.yml"
    content = f"INHERIT: {json.dumps(str(builtin))}\n{text}"
    if not merged.exists() or merged.read_text(encoding="utf-8") != content:
        merged.write_text(content, encoding="utf-8")
    return merged


def _inputs(
    course: Course,
    audience: Audience,
    lab_status: dict[str, LabCheck] | None,
    lab_summary: LabSummary | None,
    config_file: Path,
) -> str:
    """A digest of everything the pages are rendered from: specs, lab results, templates, files, code.

    Files are taken by size and time (as make does), the rest by content.
    """
    from generator.digest import code_fingerprint, fingerprint

    templates = [
        f"{file.as_posix()}:{file.stat().st_size}:{file.stat().st_mtime_ns}"
        for folder in template_folders(course.root, course.spec.templates, "site")
        if folder.is_dir()
        for file in sorted(folder.rglob("*"))
        if file.is_file()
    ]
    copied = [
        f"{path.as_posix()}:{path.stat().st_size}:{path.stat().st_mtime_ns}"
        for path in [*resource_paths(course), *lab_file_paths(course)]
    ]
    status = sorted((lab_status or {}).items())
    return fingerprint(
        *_settings(config_file, audience),
        code_fingerprint(
            ("generator.outputs", "generator.outputs.website", "generator.formats", "generator.model")
        ),
        "\n".join(templates),
        "\n".join(copied),
        repr(status),
        repr(lab_summary),
        *course.documents,
    )


def _stamp(files: dict[str, bytes], config_file: Path, audience: str, nav: object) -> SiteStamp:
    """What this build of the site is made of: the pages, and what every page shares."""
    from generator.digest import code_fingerprint

    shared = [
        *_settings(config_file, audience),
        code_fingerprint(("generator.outputs", "generator.outputs.website")).encode(),  # Markdown safety
        json.dumps(nav, sort_keys=True).encode(),
    ]
    return site_stamp(files, shared)


def _settings(config_file: Path, audience: str) -> list[bytes]:
    """The audience, the mkdocs and Material versions, and both settings files: in every site digest."""
    import material
    import mkdocs

    # In a fixed order: a set of the two paths iterates in a per-process order, and the digest of an
    # unchanged site then differed in about one build of three, redrawing it for nothing.
    files = dict.fromkeys([config_file, BUILTIN_TEMPLATES / "site" / "mkdocs.yml"])
    return [
        f"{audience}|{mkdocs.__version__}|{material.__version__}".encode(),
        *(p.read_bytes() for p in files),
    ]


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def _mkdocs_build(
    course: Course,
    config_file: Path,
    docs_dir: Path,
    site_dir: Path,
    nav: object,
    audience: Audience,
    area: Path,
    redraw: list[str] | None = None,
) -> int | None:
    """A real `mkdocs build` into a temp folder, swapped into place only if it succeeds.

    With `redraw`, the folder starts as a copy of the last site and mkdocs builds only those pages (and
    any whose HTML is missing): the number it drew is returned.
    """
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    from generator.outputs.website.mkdocs_plugins import (
        QUIET_DIRTY_WARNING,
        KeepSearchEntries,
        ThemeEnvironment,
    )

    collect = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collect)
    try:
        with staged_folder(site_dir, area) as staging:
            if redraw is not None:
                copy_last_site(site_dir, staging, redraw)
            title = course.title + (" — Instructor guide" if audience == "instructor" else "")
            config = load_config(
                config_file=str(config_file),
                docs_dir=str(docs_dir),
                site_dir=str(staging),
                site_name=label(title),  # the theme prints it as HTML
                nav=nav,
                strict=True,  # a broken internal link fails the build instead of shipping
            )
            # After the course's own, so that its styles and scripts come first, as they are written.
            config.extra_css.append(ASSET_CSS)
            config.extra_javascript.append(ASSET_JS)
            config["extra"]["polyfills"] = [SHIM]  # offline search without fetching the shim from the web
            # Added here, not only listed in mkdocs.yml, so that no course's own settings can leave them out.
            extensions = config["markdown_extensions"]
            extensions += [name for name in EXTENSIONS if name not in extensions]
            extensions.append(SafeMarkdown())
            config.plugins["curriculum/theme-environment"] = ThemeEnvironment()
            keep = None
            if redraw is None:
                build(config)
            else:
                keep = KeepSearchEntries(site_dir / "search" / "search_index.json")
                config.plugins["curriculum/keep-search-entries"] = keep
                # The copy's 404 page is the one this build would draw: it shows only what pages share.
                config.theme.static_templates.discard("404.html")
                build_log = logging.getLogger("mkdocs.commands.build")
                build_log.addFilter(QUIET_DIRTY_WARNING)
                try:
                    build(config, dirty=True)
                finally:
                    build_log.removeFilter(QUIET_DIRTY_WARNING)
            if audience == "student":
                (staging / "README.md").write_text(SITE_README, encoding="utf-8")
    except (MkDocsException, SystemExit) as exc:
        detail = "; ".join(collect.messages[-5:]) or str(exc)
        raise ToolkitError(f"mkdocs build of the {audience} site failed: {detail}") from None
    finally:
        logger.removeHandler(collect)
    return len(keep.drawn) if keep is not None else None
