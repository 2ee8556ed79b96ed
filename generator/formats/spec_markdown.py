"""How spec Markdown is read, once, for every output: CommonMark's structure, as GitHub's preview shows it.

markdown-it-py (a CommonMark parser, with pipe tables) decides the structure of a text: which lines
are a list, how deep each item is, where an ordered list starts, which lines are code or a table. The
decks walk its tokens (`tokens`). Pages and LMS HTML are made by Python-Markdown, which reads the
same text differently (nested lists and paragraphs in items need four spaces a level; a list or a
table cannot follow a paragraph without a blank line; `\\` at a line's end is no line break), so
`for_python_markdown` rewrites the text's layout, never its words, into the shape in which
Python-Markdown, with `EXTENSIONS`, builds that same structure.

Why not one Python-Markdown extension: the list extensions on PyPI (`mdx_truly_sane_lists`,
`mdx_better_lists`) set one fixed indent a level, so an item nested at 2, 3 or 4 spaces nests at one
of them and turns into text at the others, and a paragraph under an item still needs the fixed indent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

# Python-Markdown extensions every spec text needs to be read as `tokens` reads it (the sites add them
# to a course's own mkdocs settings if missing): pipe tables, ordered lists that keep their start,
# fenced code inside list items.
EXTENSIONS = ("tables", "sane_lists", "pymdownx.superfences")
INDENT = 4  # Python-Markdown's tab_length: the indent of one list level

# Texts with none of these cannot differ between the two readings (most titles and sentences).
_LAYOUT = re.compile(r"^[ \t]*(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)|\|.*\n.*-|\\\n", re.MULTILINE)
_MARKER_TEXT = re.compile(r"^(?P<pad>[ \t]*)(?P<digits>\d{0,9})(?P<sign>(?<=\d)[.)]|(?<!\d)[-+*])(?=[ \t]|$)")
_MARKER = re.compile(r"(?P<pad> *)(?P<marker>[-+*]|\d{1,9}[.)])(?P<gap> *)")


@cache
def reader() -> MarkdownIt:
    """The CommonMark parser: pipe tables on; raw HTML and entities are text, as the pages show them."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False}).enable("table").disable("entity")


@lru_cache(maxsize=16_384)
def tokens(text: str) -> tuple[Token, ...]:
    """The block tokens of `text` (cached: decks read the same texts many times)."""
    return tuple(reader().parse(text))


@lru_cache(maxsize=16_384)
def inline_tokens(text: str) -> tuple[Token, ...]:
    """The inline tokens of one paragraph's text: emphasis, code, links, line breaks."""
    found = reader().parseInline(text)
    return tuple(found[0].children or ()) if found else ()


@dataclass(frozen=True)
class _Item:
    first: int  # the line of its marker
    column: int  # where its text starts: later lines indented this far belong to it
    depth: int  # 1 for an item of a top-level list
    sign: str  # its marker as Python-Markdown knows it: `-`, `*`, `+` or `3.`


@lru_cache(maxsize=65_536)
def for_python_markdown(text: str) -> str:
    """`text` laid out so that Python-Markdown (with `EXTENSIONS`) reads the structure `tokens` reads.

    Each list item's marker goes 4 spaces a level deep and its further lines 4 spaces under it, a blank
    line goes before a list or table that follows a paragraph, and a `\\` line break becomes two spaces.
    Cached: pages print the same texts many times.
    """
    if not _LAYOUT.search(text):
        return text
    lines = text.expandtabs(INDENT).split("\n")
    owner: dict[int, _Item] = {}  # each line's innermost item
    blank_before: set[int] = set()
    split: set[int] = set()  # first lines of items that get a blank line inside
    inside: set[int] = set()  # lines that go on a paragraph
    breaks: set[int] = set()
    stack: list[_Item] = []
    previous: list[int | None] = []  # for each open list, the first line of its last item so far
    opening: dict[int, int] = {}  # for each item (by its first line), the line after its first paragraph
    quoted = 0
    last = ""
    for token in tokens(text.expandtabs(INDENT)):
        kind, where = token.type, token.map
        last, before = kind, last
        if kind == "blockquote_open":
            quoted += 1
        elif kind == "blockquote_close":
            quoted -= 1
        elif quoted:
            continue  # lists inside a quote keep their layout
        elif kind == "list_item_open" and where:
            first = where[0]
            # After an item of several blocks Python-Markdown takes a marker line for more of that item.
            sibling = previous[-1]
            if sibling is not None and (_blank_within(lines, sibling, first) or sibling in split):
                blank_before.add(first)
            previous[-1] = first
            if stack and stack[-1].first == first:
                # `- - a`: an item opening on another's first line, which Python-Markdown cannot nest;
                # its lines stay the outer item's.
                stack.append(stack[-1])
                continue
            item = _item(lines, first, stack[-1] if stack else None)
            owner.update(dict.fromkeys(range(first, where[1]), item))
            stack.append(item)
        elif kind == "list_item_close":
            stack.pop()
        elif kind in ("bullet_list_open", "ordered_list_open", "table_open") and where:
            if kind != "table_open":
                previous.append(None)
            # Python-Markdown starts a list or table after a blank line only, except for a list right
            # under the first paragraph of an item.
            under_text = stack and kind != "table_open" and opening.get(stack[-1].first) == where[0]
            if not under_text and not (stack and stack[-1].first == where[0]):
                blank_before.add(where[0])
                split.update(open_item.first for open_item in stack)
        elif kind in ("bullet_list_close", "ordered_list_close"):
            previous.pop()
        elif kind == "paragraph_open" and where:
            if stack and before == "list_item_open":
                opening[stack[-1].first] = where[1]
            breaks.update(range(where[0], where[1] - 1))  # a `\` ends a line break on all but the last
            inside.update(range(where[0] + 1, where[1]))
    out: list[str] = []
    for number, text_line in enumerate(lines):
        if number in breaks and _ends_in_break(text_line):
            text_line = text_line[:-1] + "  "
        if number in blank_before and number > 0 and out[-1].strip():
            out.append("")
        if number in inside:
            # A marker CommonMark reads as text here (`2.` cannot start a list inside a paragraph);
            # Python-Markdown would start a list, so the marker is escaped.
            text_line = _MARKER_TEXT.sub(r"\g<pad>\g<digits>\\\g<sign>", text_line, count=1)
        under = owner.get(number)
        if not text_line.strip():
            out.append("")  # Python-Markdown takes a line of spaces first in a text for text
        elif under is None:
            out.append(text_line)
        elif number == under.first:
            out.append(_marker_line(text_line, under))
        else:
            lead = len(text_line) - len(text_line.lstrip(" "))
            out.append(" " * (INDENT * under.depth) + text_line[min(lead, under.column) :])
    return "\n".join(out)


def _blank_within(lines: list[str], start: int, end: int) -> bool:
    """True when a blank line comes between line `start` and line `end` (`end` itself not counted)."""
    return any(not line.strip() for line in lines[start:end])


def _item(lines: list[str], first: int, parent: _Item | None) -> _Item:
    start = parent.column if parent else 0
    found = _MARKER.match(lines[first], start)
    depth = (parent.depth if parent else 0) + 1
    if found is None:  # not reached: markdown-it opened an item on this line
        return _Item(first, start, depth, "-")
    gap = len(found["gap"])
    if gap == 0 or gap > 4 or found.end() == len(lines[first]):
        gap = 1  # an empty first line, or indented code after the marker: the text starts one space in
    column = found.start("marker") + len(found["marker"]) + gap
    sign = found["marker"]
    if sign[-1] == ")":
        sign = sign[:-1] + "."  # Python-Markdown knows only `1.`
    return _Item(first, column, depth, sign)


def _marker_line(line: str, item: _Item) -> str:
    return " " * (INDENT * (item.depth - 1)) + item.sign + " " + line[item.column :]


def _ends_in_break(line: str) -> bool:
    body = line.rstrip("\\")
    return (len(line) - len(body)) % 2 == 1
