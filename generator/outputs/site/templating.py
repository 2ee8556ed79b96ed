"""Jinja2 for rendered pages: a course's own templates first, then the built-in ones; safe text filters."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from generator.model.course import Course
from generator.resources import builtin_templates

BUILTIN_TEMPLATES = builtin_templates()
# Fenced blocks and inline code keep their text as written; everything else has raw HTML neutralised.
_CODE = re.compile(r"(```.*?```|~~~.*?~~~|`[^`\n]+`)", re.DOTALL)


def md(text: str | None) -> str:
    """Spec Markdown, safe to place in a page: raw HTML tags are shown as text, never run."""
    if not text:
        return ""
    parts = _CODE.split(text.strip())
    return "".join(p if i % 2 else p.replace("&", "&amp;").replace("<", "&lt;") for i, p in enumerate(parts))


def html(text: str | None, *, inline: bool = True) -> Markup:
    """Spec Markdown converted to HTML, for places inside raw HTML where Markdown is not processed."""
    from generator.outputs.html import block_html, inline_html

    return Markup((inline_html if inline else block_html)(text or ""))


def attr(value: object) -> Markup:
    """A value for an HTML attribute: JSON, HTML-escaped."""
    import json

    return Markup(escape(json.dumps(value, ensure_ascii=False)))


def environment(course: Course, kind: str) -> jinja2.Environment:
    """Templates for `kind` (e.g. 'site'): the course's override folder, then the built-in folder."""
    folders = []
    if course.spec.templates:
        folders.append(str(course.root / course.spec.templates / kind))
    folders.append(str(BUILTIN_TEMPLATES / kind))
    return _environment(tuple(folders))


@cache
def _environment(folders: tuple[str, ...]) -> jinja2.Environment:
    # Cached: compiling templates costs more than rendering them; Jinja re-checks file mtimes itself.
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(list(folders)),
        autoescape=False,  # pages are Markdown; text goes through the md/html filters instead
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters.update(md=md, html=html, attr=attr, esc=escape)
    return env
