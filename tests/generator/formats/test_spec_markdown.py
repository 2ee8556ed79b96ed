"""Python-Markdown, given `for_python_markdown(text)`, builds the structure CommonMark reads in `text`."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.formats.spec_markdown import EXTENSIONS, for_python_markdown, tokens
from tests.conftest import FIXTURES

REPO = Path(__file__).resolve().parents[3]
_BLOCKS = {"bullet_list_open", "ordered_list_open", "list_item_open", "table_open", "th_open", "td_open"}
_BLOCKS |= {"bullet_list_close", "ordered_list_close", "fence", "code_block", "blockquote_open"}
_TAGS = {"ul": "bullet_list", "ol": "ordered_list", "li": "list_item", "table": "table", "th": "th"}
_TAGS |= {"td": "td", "blockquote": "blockquote", "br": "hardbreak", "pre": "code", "a": "link"}


def commonmark(text: str) -> list[str]:
    """Lists (with their start), items, tables, cells, code blocks, line breaks, as CommonMark reads them."""
    out = []
    for token in tokens(text):
        if token.type in _BLOCKS:
            name = "code" if token.type in ("fence", "code_block") else token.type.removesuffix("_open")
            start = token.attrGet("start") or 1 if token.type == "ordered_list_open" else ""
            out.append(f"{name}{start}")
        for child in token.children or ():
            if child.type in ("hardbreak", "link_open"):
                out.append(child.type.removesuffix("_open"))
    return out


class _Html(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.out: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _TAGS:
            start = dict(attrs).get("start") or 1 if tag == "ol" else ""
            self.out.append(f"{_TAGS[tag]}{start}")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("ul", "ol"):
            self.out.append(f"{_TAGS[tag]}_close")


def python_markdown(text: str) -> list[str]:
    """The same, as Python-Markdown (with the toolkit's extensions) reads the text laid out for it."""
    parser = _Html()
    parser.feed(markdown.markdown(for_python_markdown(text), extensions=list(EXTENSIONS)))
    return parser.out


CASES = [
    "1. one\n   - a\n   - b\n2. two\n",  # the bundled course's three spaces
    "1. one\n    - a\n2. two\n",
    "- one\n  - a\n    - deeper\n- two\n",
    "3. three\n4. four\n",
    "1) one\n2) two\n",
    "10. ten\n    - under ten\n11. eleven\n",
    "1. take\n   the cards:\n   - keep\n   - rename\n2. discuss\n",
    "1. one\n\n   more of one\n2. two\n",
    "1. run\n\n   ```\n   make\n   ```\n2. next\n",
    "- a\n\n      indented code\n- b",
    "- a\n\n  para\n  - b\n- c",
    "1. a\n   | x | y |\n   |---|---|\n   | 1 | 2 |\n2. b",
    "Text before\n- a\n- b\n",
    "Intro:\n| a | b |\n|---|---|\n| 1 | 2 |\n",
    "one\\\ntwo  \nthree [link](https://example.org)",
    "2. a\n   3. is text, not a list\n",
    "- a\n  - b\n  1. c\n- d",
    "> - quoted\n> - list\n",
]


@pytest.mark.parametrize("text", CASES)
def test_python_markdown_reads_what_commonmark_reads(text: str) -> None:
    assert python_markdown(text) == commonmark(text)


words = st.sampled_from(["flour", "two words", "`code`", "**bold** text", "a [link](https://x.org)"])


@st.composite
def lists(draw: st.DrawFn, depth: int = 0) -> str:
    """A list as trainers write one: items nested 2-4 spaces under their text, with paragraphs and code."""
    ordered = draw(st.booleans())
    start = draw(st.sampled_from([1, 1, 3])) if ordered else 0
    lines: list[str] = []
    for n in range(draw(st.integers(1, 3))):
        marker = f"{start + n}." if ordered else "-"
        column = len(marker) + 1
        lines.append(f"{marker} {draw(words)}")
        if draw(st.booleans()):
            lines.append(" " * column + draw(words))
        if depth < 2 and draw(st.booleans()):
            indent = draw(st.sampled_from(sorted({column, column + 1, max(column, 4)})))
            lines += [" " * indent + line if line else "" for line in draw(lists(depth + 1)).split("\n")]
        extra = draw(st.sampled_from(["", "", "paragraph", "code"]))
        if extra == "paragraph":
            lines += ["", " " * column + draw(words)]
        elif extra == "code":
            lines += ["", *(" " * column + line for line in ("```", "make bread", "```"))]
        if draw(st.booleans()):
            lines.append("")
    return "\n".join(lines)


@st.composite
def texts(draw: st.DrawFn) -> str:
    before = draw(st.sampled_from(["", "Intro:\n", "Intro:\n\n"]))
    after = draw(st.sampled_from(["", "\n\nAfter.", "\n\n| a | b |\n| --- | --- |\n| 1 | 2 |"]))
    return before + draw(lists()) + after


@settings(max_examples=300, deadline=None)
@given(texts())
def test_lists_as_trainers_write_them_read_alike(text: str) -> None:
    assert python_markdown(text) == commonmark(text)


def _spec_texts() -> list[str]:
    found: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, str) and "\n" in value.strip():
            found.add(value.strip())
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    folders = [REPO / "curriculum", REPO / "question_bank", FIXTURES / "courses" / "minimal"]
    folders.append(FIXTURES / "courses" / "hearth-bread")
    for folder in folders:
        for path in sorted(folder.rglob("*.yaml")):
            walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    return sorted(found)


def test_every_text_of_the_bundled_and_fixture_courses_reads_alike() -> None:
    texts = _spec_texts()
    assert len(texts) > 20
    wrong = [t for t in texts if python_markdown(t) != commonmark(t)]
    assert not wrong, wrong[:3]


def test_text_without_layout_is_left_as_it_is() -> None:
    sentence = "A sentence with `code` - and a dash."
    assert for_python_markdown(sentence) == sentence


def test_layout_changes_spacing_never_words() -> None:
    text = "1. take\n   the cards:\n   - keep\n2. 3. discuss\\\nnow"
    laid_out = for_python_markdown(text)
    assert laid_out.split() != text.split()  # it did change something
    assert [w.replace("\\", "") for w in laid_out.split()] == [w.replace("\\", "") for w in text.split()]
