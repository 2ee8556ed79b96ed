"""Spec Markdown that cannot run script in a page: how spec text is escaped, and the extension that checks.

Two halves of one contract. `escape_spec` (the site's `md` filter, and every value a page template
prints) turns spec text into Markdown in which raw HTML and attribute lists are plain text: outside
code `&`, `<` and `{` become entities; inside code `<` becomes a private placeholder that the
`SafeMarkdown` extension turns into `&lt;` after Markdown has run. `SafeMarkdown`, part of every
Markdown the toolkit runs (the sites' mkdocs and outputs/html.py), also drops `on*` attributes and
neutralises `javascript:`, `vbscript:`, `data:` and `file:` URLs on every element Markdown makes, however
the URL is spelled (entities, case, tabs, control characters).

Why a placeholder inside code: which backticks open code is Markdown's call, and it depends on where a
template puts the text (after other text on a line, indented in a list item); if our reading and
Markdown's ever differ, a placeholder is still never markup, and either way it reads as `<`.
`{` inside code stays as it is (JSON, `${VAR}`): should Markdown not read it as code, an attribute list
it makes is checked on the tree like everything else.
Why links are checked on Markdown's tree: a link is Markdown syntax, not HTML, so no escaping of the
text can tell a bad URL from a good one; Markdown's own parse of it can.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from typing import Any

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor
from markdown.treeprocessors import Treeprocessor

from generator.formats.spec_markdown import for_python_markdown

LT = "\ue000"  # `<` inside code, until the page is HTML
UNSAFE_SCHEMES = frozenset({"javascript", "vbscript", "data", "file"})
URL_ATTRIBUTES = frozenset(
    {"href", "src", "action", "formaction", "poster", "cite", "background", "xlink:href"}
)
_SCHEME = re.compile(r"([a-z][a-z0-9+.\-]*):", re.IGNORECASE)
_IGNORED_IN_URL = re.compile(r"[\x00-\x20\x7f]+")  # what browsers strip or skip when reading a scheme
# Code as Python-Markdown reads it: a fence on its own lines closed by the same fence, or a backtick span
# (not after a backslash, not across a blank line, closed by a run of the same length).
_FENCE = re.compile(r"^[ \t]*(?P<fence>`{3,}|~{3,})[^\n]*\n(?:.*?\n)??[ \t]*(?P=fence)[ \t]*$", re.M | re.S)
_FENCE_OPENING = re.compile(r"(?P<fence>[ \t]*(?:`{3,}|~{3,}))\s*\{?\s*\.?(?P<language>[\w+#-]*)")
_NOTHING_TO_ESCAPE = re.compile(r"[^&<{\ue000]*")  # most texts: no code matters, nothing to escape
_SPAN = re.compile(r"(?<!\\)(?:\\\\)*(?P<ticks>`+)(?!`)(?:(?!\n[ \t]*\n).)+?(?<!`)(?P=ticks)(?!`)", re.S)


def escape_spec(text: str) -> str:
    """Spec Markdown as page Markdown: formatting, links and code work; raw HTML and `{: ...}` are text.

    Its layout is first made the one in which Python-Markdown reads the structure every output reads
    (`for_python_markdown`): a list nested at 2 or 3 spaces nests on the page too.
    """
    text = for_python_markdown(text)
    if _NOTHING_TO_ESCAPE.fullmatch(text):
        return text
    text = text.replace(LT, "\ufffd")
    out: list[str] = []
    for fenced, part in _split(text, _FENCE):
        if fenced:
            first, _, rest = part.partition("\n")
            out.append(_fence_line(first) + "\n" + rest.replace("<", LT))
            continue
        for code, piece in _split(part, _SPAN):
            if code:
                out.append(piece.replace("<", LT))
            else:
                out.append(piece.replace("&", "&amp;").replace("<", "&lt;").replace("{", "&#123;"))
    return "".join(out)


def _fence_line(line: str) -> str:
    """A fence's opening line with its language only: `{...}` would set attributes on the code block."""
    if "{" not in line and "<" not in line:
        return line
    fence = _FENCE_OPENING.match(line)
    if fence is None:  # not reached: _FENCE matched this line
        return line.replace("{", "&#123;").replace("<", LT)
    return fence.group("fence") + fence.group("language")


def _split(text: str, pattern: re.Pattern[str]) -> list[tuple[bool, str]]:
    parts: list[tuple[bool, str]] = []
    end = 0
    for match in pattern.finditer(text):
        start = match.start("ticks") if "ticks" in pattern.groupindex else match.start()
        parts += [(False, text[end:start]), (True, text[start : match.end()])]
        end = match.end()
    return [*parts, (False, text[end:])]


def unsafe_url(value: str) -> bool:
    """True when a browser would read the attribute value `value` as a URL that can run script."""
    url = _IGNORED_IN_URL.sub("", html.unescape(value.replace(LT, "<")))
    scheme = _SCHEME.match(url)
    return scheme is not None and scheme.group(1).lower() in UNSAFE_SCHEMES


def sanitise(element: etree.Element) -> None:
    """Drop event-handler attributes and neutralise script URLs on `element` and everything inside it."""
    for el in element.iter():
        for name in list(el.attrib):
            lowered = name.lower()
            if lowered.startswith("on"):
                del el.attrib[name]
            elif lowered in URL_ATTRIBUTES and unsafe_url(el.attrib[name]):
                el.set(name, "#")


class _Sanitise(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        sanitise(root)


class _RestorePlaceholders(Postprocessor):
    def run(self, text: str) -> str:
        return text.replace(LT, "&lt;")


class SafeMarkdown(Extension):
    """No event handlers and no script URLs in what Markdown makes; code placeholders turned back into `<`."""

    def extendMarkdown(self, md: Markdown) -> None:
        # After attribute lists (8) and the table of contents (5), before mkdocs rewrites links (0).
        md.treeprocessors.register(_Sanitise(md), "safe_markdown", 2)
        # After raw HTML (30) and code blocks are put back, so placeholders in highlighted code go too.
        md.postprocessors.register(_RestorePlaceholders(md), "safe_markdown_placeholders", 5)


def makeExtension(**kwargs: Any) -> SafeMarkdown:  # how Markdown loads an extension by name
    return SafeMarkdown(**kwargs)
