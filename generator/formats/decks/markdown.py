"""Spec Markdown as slide paragraphs: emphasis becomes styled runs, lists and code blocks become paragraphs.

The text is read by the parser every output shares (`generator.formats.spec_markdown`, CommonMark with
pipe tables), so a list nests, numbers and breaks on a slide exactly as on the site and in GitHub's
preview; this module only turns its tokens into runs (bold, italic, monospace) and list levels, which
is what slides need instead of HTML. Tables come out of `parts` as `Table`s, for slides that draw them
as real tables.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from generator.formats.spec_markdown import inline_tokens, tokens

if TYPE_CHECKING:
    from markdown_it.token import Token

BULLET = "•"
# Most titles and sentences have no Markdown in them: they are one run, without asking the parser.
_PLAIN = re.compile(r"[^\\`*_\[\]<>\n]*")
_PLAIN_START = re.compile(r"[A-Za-z(\"']")


@dataclass(frozen=True)
class Run:
    """A stretch of text in one style."""

    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False

    @property
    def style(self) -> tuple[bool, bool, bool]:
        return (self.bold, self.italic, self.code)


@dataclass(frozen=True)
class Para:
    """One paragraph: its runs, list level and marker ('•', a number such as '3.', or none)."""

    runs: tuple[Run, ...]
    level: int = 0
    marker: str | None = None
    code: bool = False
    # The rest of a paragraph split across slides: no marker, indented as if it had this one.
    hanging: str | None = None

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)

    @property
    def number(self) -> int | None:
        return int(self.marker[:-1]) if self.marker and self.marker[:-1].isdigit() else None


@dataclass(frozen=True)
class Table:
    """A Markdown pipe table: its header cells and body rows, each cell still inline Markdown."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


def inline(text: str, *, bold: bool = False, italic: bool = False) -> tuple[Run, ...]:
    """Inline Markdown as runs: **bold**, *italic*, `code`; links become their text, images their alt text."""
    return _runs(text, bold, italic)


@lru_cache(maxsize=16_384)
def _runs(text: str, bold: bool, italic: bool) -> tuple[Run, ...]:
    if _PLAIN.fullmatch(text):
        return (Run(text, bold, italic),) if text else ()
    return _parsed_runs(text, bold, italic)


def _parsed_runs(text: str, bold: bool, italic: bool) -> tuple[Run, ...]:
    runs: list[Run] = []
    for n, line in enumerate(_lines(inline_tokens(text), bold, italic)):
        runs += [Run(" ", bold, italic), *line] if n else line  # a line break inside a title: a space
    return _merge(runs)


def _lines(children: Sequence[Token], bold: bool, italic: bool) -> list[list[Run]]:
    """The runs of an inline text, one list per line its hard line breaks make."""
    lines: list[list[Run]] = [[]]
    strong = emphasis = 0
    for child in children:
        kind = child.type
        if kind == "strong_open":
            strong += 1
        elif kind == "strong_close":
            strong -= 1
        elif kind == "em_open":
            emphasis += 1
        elif kind == "em_close":
            emphasis -= 1
        elif kind == "hardbreak":
            lines.append([])
        else:
            text = " " if kind == "softbreak" else child.content  # an image's content is its alt text
            code = kind == "code_inline"
            lines[-1].append(Run(text, bold or strong > 0, italic or emphasis > 0, code))
    return lines


def _merge(runs: list[Run]) -> tuple[Run, ...]:
    merged: list[Run] = []
    for run in runs:
        if not run.text:
            continue
        if merged and merged[-1].style == run.style:
            merged[-1] = replace(merged[-1], text=merged[-1].text + run.text)
        else:
            merged.append(run)
    return tuple(merged)


def plain(text: str) -> str:
    """Inline Markdown with its markers removed, e.g. for titles of shapes and file properties."""
    return "".join(r.text for r in inline(" ".join(text.split())))


def paragraphs(text: str, *, marker: str | None = None, level: int = 0) -> list[Para]:
    """Block Markdown as paragraphs; `marker` is given to plain paragraphs (e.g. a bullet for a list).

    A table becomes one paragraph per row (cells joined by ' · ', the header in bold), for places such
    as speaker notes that cannot hold a real one.
    """
    out: list[Para] = []
    for part in _parts(text, marker, level):
        if isinstance(part, Table):
            out.append(Para(inline(" · ".join(part.header), bold=True), level, None))
            out += [Para(inline(" · ".join(c for c in row if c)), level, marker) for row in part.rows]
        else:
            out += part
    return out


def parts(text: str) -> list[list[Para] | Table]:
    """Block Markdown as slide parts: paragraphs, with each pipe table kept whole as a `Table`."""
    return [p if isinstance(p, Table) else list(p) for p in _parts(text, None, 0)]


@lru_cache(maxsize=16_384)
def _parts(text: str, marker: str | None, level: int) -> tuple[tuple[Para, ...] | Table, ...]:
    """The text's paragraphs in runs of `Para`s, cut at its tables (cached: decks ask for a text often)."""
    if _PLAIN_START.match(text) and text == text.strip() and "|" not in text and _PLAIN.fullmatch(text):
        return ((Para((Run(text),), level, marker),),)
    out: list[tuple[Para, ...] | Table] = []
    paras: list[Para] = []
    lists: list[list[int | None]] = []  # each open list's next number (None: bullets)
    items: list[list[str | None]] = []  # each open item's marker, until its first paragraph takes it
    found = tokens(text)
    i = 0
    while i < len(found):
        token = found[i]
        kind = token.type
        depth = len(lists)
        if kind == "bullet_list_open":
            lists.append([None])
        elif kind == "ordered_list_open":
            lists.append([int(token.attrGet("start") or 1)])
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif kind == "list_item_open":
            number = lists[-1][0]
            items.append([BULLET if number is None else f"{number}."])
            if number is not None:
                lists[-1][0] = number + 1
        elif kind == "list_item_close":
            items.pop()
        elif kind == "inline" and found[i - 1].type in ("paragraph_open", "heading_open"):
            heading = found[i - 1].type == "heading_open"
            if items and items[-1][0] is not None:
                first, at = items[-1][0], level + depth - 1  # an item's first paragraph carries its marker
            elif items:
                first, at = None, level + depth  # a later paragraph of an item: under its text
            else:
                first, at = (None if heading else marker), level
            if items:
                items[-1][0] = None
            for n, line in enumerate(_lines(token.children or (), heading, False)):
                runs = _merge(line)
                if runs:
                    paras.append(Para(runs, at, first) if n == 0 else Para(runs, at, None, hanging=first))
        elif kind in ("fence", "code_block"):
            at = level + depth if items else level
            if items:
                items[-1][0] = None
            for code_line in token.content.rstrip("\n").split("\n"):
                # A blank code line still takes a line on the slide; a single space keeps the paragraph.
                paras.append(Para((Run(code_line.rstrip() or " ", code=True),), at, None, code=True))
        elif kind == "table_open":
            if paras:
                out.append(tuple(paras))
                paras = []
            i, table = _table(found, i)
            out.append(table)
        i += 1
    if paras:
        out.append(tuple(paras))
    return tuple(out)


def _table(found: tuple[Token, ...], i: int) -> tuple[int, Table]:
    """The table whose `table_open` is `found[i]`, and the index of its `table_close`."""
    rows: list[list[str]] = []
    while found[i].type != "table_close":
        if found[i].type == "tr_open":
            rows.append([])
        elif found[i].type == "inline":
            rows[-1].append(found[i].content)
        i += 1
    return i, Table(tuple(rows[0]), tuple(tuple(row) for row in rows[1:]))


def bullets(items: list[str], *, level: int = 0) -> list[Para]:
    """A bulleted list of spec strings, each possibly Markdown."""
    return [p for item in items for p in paragraphs(item, marker=BULLET, level=level)]


def labelled(label: str, text: str, *, marker: str | None = BULLET) -> list[Para]:
    """'**label:** text' as paragraphs, e.g. a tier's activity variant."""
    body = paragraphs(text, marker=marker)
    head = Run(f"{label}: ", bold=True)
    if body and body[0].marker == marker and not body[0].code:
        first = body[0]
        return [replace(first, runs=_merge([head, *first.runs])), *body[1:]]
    return [Para((head,), 0, marker), *body]
