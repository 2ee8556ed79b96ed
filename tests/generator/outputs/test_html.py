"""Markdown to HTML for LMS text: the fast path matches Python-Markdown, raw HTML never passes through."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.formats.spec_markdown import for_python_markdown
from generator.outputs.html import _markdown, block_html, inline_html, plain_text
from tests.hostile import page_hazards

texts = st.text(alphabet="ab Z9.,;:'\"()?`*_-<>&#!{}~=\\\n", max_size=40)


def reference(text: str) -> str:
    converter = _markdown()
    converter.reset()
    return str(converter.convert(for_python_markdown(text))) if text.strip() else ""


@settings(max_examples=300)
@given(texts)
def test_the_fast_path_gives_what_markdown_gives(text: str) -> None:
    block_html.cache_clear()
    assert block_html(text) == reference(text)


def test_raw_html_is_text_and_unsafe_links_are_dropped() -> None:
    assert block_html("A <script>alert(1)</script> ]]> { ~") == (
        "<p>A &lt;script&gt;alert(1)&lt;/script&gt; ]]&gt; { ~</p>"
    )
    assert block_html("[click](javascript:alert(1))") == '<p><a href="#">click</a></p>'
    assert block_html("[docs](https://duckdb.org)") == '<p><a href="https://duckdb.org">docs</a></p>'
    assert block_html("x {: onclick=alert(1) }") == "<p>x {: onclick=alert(1) }</p>"


def test_inline_and_plain_text() -> None:
    assert inline_html("Copy `sales.csv`") == "Copy <code>sales.csv</code>"
    assert inline_html("a\n\nb") == "<p>a</p>\n<p>b</p>"
    assert plain_text(block_html("Use `a < b` & **c**")) == "Use a < b & c"


@pytest.mark.parametrize(
    "text",
    [
        "[x](javascript&#58;alert(1))",
        "[x](&#106;avascript:alert(1))",
        "[x](java&#x09;script:alert(1))",
        "[x](\x01javascript:alert(1))",
        "[x](JAVA\tSCRIPT:alert(1))",
        "![i](data:image/svg+xml,<svg onload=alert(1)>)",
        "[x][r]\n\n[r]: vbscript:msgbox(1)",
        "<img src=x onerror=alert(1)>",
        '[x](#){: onclick="alert(1)"}',
    ],
)
def test_no_spelling_of_a_script_url_gets_through(text: str) -> None:
    assert page_hazards(block_html(text)) == ([], [])
