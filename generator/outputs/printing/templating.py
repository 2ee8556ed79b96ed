"""Jinja2 for print-ready HTML pages: a course's own templates first, then the built-in ones.

Why a second environment (the site's writes Markdown): these pages are HTML from the start, so plain
autoescaping is the right default, and spec Markdown goes through the toolkit's one safe converter
(`md` for blocks, `inline` for titles), which shows raw HTML as text and drops script links.
"""

from __future__ import annotations

from functools import cache

import jinja2
from markupsafe import Markup

from generator.model.course import Course
from generator.outputs.template_cache import bytecode_cache
from generator.resources import template_lookup


def md(text: object) -> Markup:
    """Spec Markdown as block HTML (paragraphs, lists, code)."""
    from generator.outputs.html import block_html

    return Markup(block_html(str(text or "")))


def inline(text: object) -> Markup:
    """Spec Markdown as inline HTML, for titles and one-line texts."""
    from generator.outputs.html import inline_html

    return Markup(inline_html(str(text or "").strip()))


def print_environment(course: Course, kind: str) -> jinja2.Environment:
    """Templates for `kind` ('handouts', 'certificates'): the course's own folder, then the built-in one."""
    return _environment(*template_lookup(course.root, course.spec.templates, kind))


@cache
def _environment(folders: tuple[str, ...], _own: tuple[str, ...]) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(list(folders)),
        bytecode_cache=bytecode_cache("print"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters.update(md=md, inline=inline)
    return env
