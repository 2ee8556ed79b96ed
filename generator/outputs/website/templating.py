"""Jinja2 for pages: a course's own templates first, then the built-in ones; every printed value escaped.

Why escaping in `finalize`: a page is Markdown that mkdocs turns into HTML, so a value printed as it is
would be read as HTML and attribute lists. Every `{{ ... }}` therefore goes through `md` unless a filter
already made it safe (`md`, `cell`, `html`, `esc`, `attr` and macros return Markup), so a template that
forgets a filter still shows the trainer's text as text. Inside raw HTML (a tag's attribute, a block
with `markdown="0"`) use `esc` or `html`; inside a code fence the template built, `verbatim`.
"""

from __future__ import annotations

import json
from functools import cache

import jinja2
from markupsafe import Markup, escape

from generator.model.course import Course
from generator.outputs.safe_markdown import escape_spec
from generator.outputs.template_cache import bytecode_cache
from generator.resources import builtin_templates, template_lookup

BUILTIN_TEMPLATES = builtin_templates()


def md(text: object) -> Markup:
    """Spec Markdown, safe to place in a page: raw HTML and `{: ...}` attribute lists are shown as text."""
    if isinstance(text, Markup):
        return text
    if text is None or text == "":
        return Markup("")
    return Markup(escape_spec(str(text).strip()))


def html(text: str | None, *, inline: bool = True) -> Markup:
    """Spec Markdown converted to HTML, for places inside raw HTML where Markdown is not processed."""
    from generator.outputs.html import block_html, inline_html

    return Markup((inline_html if inline else block_html)(text or ""))


def attr(value: object) -> Markup:
    """A value for an HTML attribute: JSON, HTML-escaped."""
    return Markup(escape(json.dumps(value, ensure_ascii=False)))


def verbatim(text: str) -> Markup:
    """Text printed exactly as it is: only for the inside of a code fence whose fence the template sized."""
    return Markup(text)


def _finalize(value: object) -> object:
    # Numbers and other non-text print as they are; text that no filter made safe is escaped here, as it is
    # (not stripped: a template's own ", " between items keeps its space).
    if isinstance(value, str) and not isinstance(value, Markup):
        return Markup(escape_spec(value))
    return value


def environment(course: Course, kind: str) -> jinja2.Environment:
    """Templates for `kind` (e.g. 'site'): the course's override folder, then the built-in folder."""
    return _environment(*template_lookup(course.root, course.spec.templates, kind))


@cache
def _environment(folders: tuple[str, ...], _own: tuple[str, ...]) -> jinja2.Environment:
    # Cached: compiling templates costs more than rendering them; Jinja re-checks file mtimes itself.
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(list(folders)),
        bytecode_cache=bytecode_cache("site"),
        # Markup-aware filters (join, replace, indent) and macros; `finalize` escapes for Markdown, not HTML.
        autoescape=True,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters.update(md=md, html=html, attr=attr, esc=escape, verbatim=verbatim)
    return env
