"""Spec Markdown through the site's Markdown: formatting works, nothing in it can become markup that runs."""

from __future__ import annotations

import html
import re

import markdown
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.outputs.safe_markdown import SafeMarkdown, escape_spec, unsafe_url
from generator.resources import builtin_templates
from tests.hostile import page_hazards


def site_markdown() -> markdown.Markdown:
    """Python-Markdown configured as the built-in mkdocs.yml configures it, plus what every build adds."""
    config = yaml.safe_load((builtin_templates() / "site" / "mkdocs.yml").read_text(encoding="utf-8"))
    names, configs = [], {}
    for entry in config["markdown_extensions"]:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, {})
        names.append(name)
        configs[name] = options or {}
    return markdown.Markdown(extensions=[*names, SafeMarkdown()], extension_configs=configs)


def page(text: str) -> str:
    converter = site_markdown()
    return str(converter.convert(escape_spec(text)))


HEADERLINK = '<a class="headerlink" href="#title-id-big" title="Permanent link">&para;</a>'


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Use **bold** and `a < b` & *more*",
            "<p>Use <strong>bold</strong> and <code>a &lt; b</code> &amp; <em>more</em></p>",
        ),
        (
            "[docs](https://duckdb.org/docs?a=1&b=2)",
            '<p><a href="https://duckdb.org/docs?a=1&amp;b=2">docs</a></p>',
        ),
        ("<b>bold</b>", "<p>&lt;b&gt;bold&lt;/b&gt;</p>"),
        ('[x](#){: onclick="alert(1)"}', '<p><a href="#">x</a>&#123;: onclick="alert(1)"}</p>'),
        ("# Title {: #id .big }", f'<h1 id="title-id-big">Title &#123;: #id .big }}{HEADERLINK}</h1>'),
        ("\\`<b>`", "<p>`&lt;b&gt;`</p>"),
    ],
)
def test_spec_markdown_renders_as_written(text: str, expected: str) -> None:
    assert page(text) == expected


def test_code_keeps_its_text_inside_fences_and_spans() -> None:
    out = page("Run:\n\n```bash\ncat a.csv | grep '<x>' && echo {ok}\n```\n\nthen `x <y> {z}`.")
    assert "cat a.csv | grep '<x>' && echo {ok}" in html.unescape(re.sub("<[^>]+>", "", out))
    assert "<code>x &lt;y&gt; {z}</code>" in out


@pytest.mark.parametrize(
    "text",
    [
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x]( javascript:alert(1))",
        "[x](<javascript:alert(1)>)",
        "[x](javascript&#58;alert(1))",
        "[x](&#106;avascript:alert(1))",
        "[x](java&#x09;script:alert(1))",
        "[x](vbscript:msgbox(1))",
        "[x](data:text/html,<script>alert(1)</script>)",
        "![x](javascript:alert(1))",
        "[x][r]\n\n[r]: javascript:alert(1)",
        '[x](#){: onclick="alert(1)"}',
        '**x**{: onmouseover="alert(1)"}',
        'para\n{: onmouseover="alert(1)"}',
        '# Title {: onmouseover="alert(1)"}',
        '| a |\n| - |\n| b {: onclick="alert(1)"} |',
        '```{.js onclick="alert(1)"}\nx\n```',
        "````\n<img src=x onerror=alert(1)>\n```",
        "\\`<img src=x onerror=alert(1)>`",
        "``<img src=x onerror=alert(1)>`",
        "`a\n\n<img src=x onerror=alert(1)>`",
        "<script>alert(1)</script>",
        "<div onclick='alert(1)'>x</div>",
        "&lt;script&gt;alert(1)&lt;/script&gt;",
    ],
)
def test_nothing_in_spec_markdown_can_run(text: str) -> None:
    out = page(text)
    assert page_hazards(out) == ([], []), out


_PIECES = st.sampled_from(
    ["`", "``", "```", "\n", "\n\n", "\\", "<img src=x onerror=a>", "<script>a</script>", "{: onclick=a}",
     "[x](javascript:a)", "[x](#)", "*", "_", "~~~", "&#58;", "&", "# ", "- ", "| a |", "x", " "]
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=14).map("".join))
def test_no_mix_of_backticks_fences_and_markup_can_run(text: str) -> None:
    assert page_hazards(page(text)) == ([], [])


@pytest.mark.parametrize(
    ("url", "unsafe"),
    [
        ("https://example.org", False),
        ("mailto:a@example.org", False),
        ("../page.html#x", False),
        ("#", False),
        ("javascript:x", True),
        (" \x01JAVA\tSCRIPT:x", True),
        ("javascript&#x3A;x", True),
        ("javascript&colon;x", True),
        ("data:image/png;base64,AAAA", True),
        ("file:///etc/passwd", True),
        ("javascript&amp;#58;x", False),  # the browser reads '&#58;' literally: no scheme
    ],
)
def test_unsafe_url(url: str, unsafe: bool) -> None:
    assert unsafe_url(url) is unsafe


def test_a_fence_with_attributes_stays_a_fence_with_its_language_only() -> None:
    out = page('```{.python onclick="alert(1)" data-x=1}\nprint({"a": 1})\n```\n\nafter')
    assert out.startswith(
        '<div class="highlight"><pre><span></span><code><span class="nb">print</span>'
    )  # Python
    assert "data-x" not in out and "onclick" not in out
    assert out.endswith("<p>after</p>")
    assert 'print({"a": 1})' in html.unescape(re.sub("<[^>]+>", "", out))
