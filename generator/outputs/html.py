"""Spec Markdown as HTML, for the site's quiz widgets and the LMS exports: raw HTML is shown, never run.

Why strict: this HTML is placed where nothing else sanitises it (inside raw HTML on the site, in an
LMS), so nothing may pass through (no raw HTML, no attribute lists, no `javascript:` links); and a
bank holds ~100,000 texts, so plain sentences and inline code take a fast path that gives exactly
what Python-Markdown would. The text is read as every output reads it (`generator.formats.spec_markdown`):
nested lists at 2-4 spaces, ordered lists that keep their start, code fenced inside list items.
"""

from __future__ import annotations

import html
import re
from functools import cache, lru_cache
from typing import Any

from generator.formats.spec_markdown import for_python_markdown

_PLAIN = re.compile(r"[^\\*_\[\]<>&#!|~\n`{}]*")
_START = re.compile(r"[A-Za-z(\"']")
_TAG = re.compile(r"<[^>]+>")


@cache
def _markdown() -> Any:
    import markdown

    from generator.formats.spec_markdown import EXTENSIONS
    from generator.outputs.safe_markdown import SafeMarkdown

    # Plain <pre><code class="language-x">: an LMS has no stylesheet for highlighted spans.
    converter = markdown.Markdown(
        extensions=["pymdownx.highlight", *EXTENSIONS, SafeMarkdown()],
        extension_configs={"pymdownx.highlight": {"use_pygments": False}},
    )
    converter.preprocessors.deregister("html_block")
    converter.inlinePatterns.deregister("html")
    return converter


def _fast(text: str) -> str | None:
    """Paragraph HTML for a one-line sentence with at most inline code, or None when it needs Markdown."""
    if not text or text != text.strip() or not _START.match(text):
        return None
    parts = text.split("`")
    if len(parts) % 2 == 0:
        return None
    out = []
    for i, part in enumerate(parts):
        if i % 2:
            if not part or part != part.strip():
                return None
            out.append(f"<code>{html.escape(part, quote=False)}</code>")
        elif _PLAIN.fullmatch(part) is None:
            return None
        else:
            out.append(part)
    return "<p>" + "".join(out) + "</p>"


@lru_cache(maxsize=65_536)
def block_html(text: str) -> str:
    """Markdown `text` as block HTML (paragraphs, lists, code); '' for empty text."""
    if not text.strip():
        return ""
    fast = _fast(text)
    if fast is not None:
        return fast
    converter = _markdown()
    converter.reset()
    return str(converter.convert(for_python_markdown(text)))


def inline_html(text: str) -> str:
    """Like `block_html`, without the <p> around a single paragraph (for options and matching items)."""
    out = block_html(text)
    if out.startswith("<p>") and out.endswith("</p>") and out.count("<p>") == 1:
        return out[3:-4]
    return out


def plain_text(fragment: str) -> str:
    """Visible text of an HTML fragment we produced (tags dropped, entities decoded)."""
    return html.unescape(_TAG.sub("", fragment)).strip()


def clear_cache() -> None:
    """Forget converted texts (benchmarks time a cold start)."""
    block_html.cache_clear()
