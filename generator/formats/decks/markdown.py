"""Spec Markdown as slide paragraphs: emphasis becomes styled runs, lists and code blocks become paragraphs.

Why not a Markdown library: slides need runs (bold, italic, monospace) and list levels, not HTML; the
subset specs use (emphasis, code, links, lists, fenced code, headings, pipe tables) fits in one small
module. Tables come out of `blocks` as `Table`s, for slides that draw them as real tables.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, replace

BULLET = "•"


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


_INLINE = re.compile(
    r"""(?P<tick>`+)(?P<code>.+?)(?P=tick)
    | \*\*\*(?P<bi>[^\s*](?:.*?[^\s*])?)\*\*\*
    | \*\*(?P<b1>.+?)\*\*
    | (?<!\w)__(?P<b2>.+?)__(?!\w)
    | \*(?P<i1>[^\s*](?:.*?[^\s*])?)\*
    | (?<!\w)_(?P<i2>[^\s_](?:.*?[^\s_])?)_(?!\w)
    | !?\[(?P<link>[^\]]*)\]\([^)]*\)
    | <(?P<auto>(?:https?|mailto):[^>\s]+)>
    | \\(?P<esc>[\\`*_{}\[\]()#+\-.!<>|])""",
    re.VERBOSE | re.DOTALL,
)
_ITEM = re.compile(r"^(?P<indent>\s*)(?P<marker>[-*+]|\d{1,3}[.)])\s+(?P<text>.*)$")
_FENCE = re.compile(r"^(?P<indent>\s*)(?P<fence>```|~~~)")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(?P<text>.*?)\s*#*\s*$")
_DELIMITER = re.compile(r"^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")
_CELL_SPLIT = re.compile(r"(?<!\\)\|")


@dataclass(frozen=True)
class Table:
    """A Markdown pipe table: its header cells and body rows, each cell still inline Markdown."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


def _cells(line: str) -> tuple[str, ...]:
    inner = line.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") and not inner.endswith("\\|") else inner
    return tuple(c.strip().replace("\\|", "|") for c in _CELL_SPLIT.split(inner))


def blocks(text: str) -> list[str | Table]:
    """Block Markdown cut at its pipe tables: text chunks and `Table`s, in order (fenced code stays text)."""
    lines = textwrap.dedent(text.expandtabs(4)).strip("\n").splitlines()
    out: list[str | Table] = []
    chunk: list[str] = []
    fence: str | None = None
    i = 0
    while i < len(lines):
        line = lines[i]
        opening = _FENCE.match(line)
        if opening and (fence is None or line.strip().startswith(fence)):
            fence = opening["fence"] if fence is None else None
        elif fence is None and "|" in line and i + 1 < len(lines) and _DELIMITER.match(lines[i + 1]):
            header = _cells(line)
            if "|" in lines[i + 1] and len(_cells(lines[i + 1])) == len(header):
                rows = []
                i += 2
                while i < len(lines) and lines[i].strip() and "|" in lines[i]:
                    cells = _cells(lines[i])
                    rows.append((cells + ("",) * len(header))[: len(header)])  # GFM pads and cuts rows
                    i += 1
                if chunk:
                    out.append("\n".join(chunk))
                chunk = []
                out.append(Table(header, tuple(rows)))
                continue
        chunk.append(line)
        i += 1
    if "\n".join(chunk).strip():
        out.append("\n".join(chunk))
    return out


def inline(text: str, *, bold: bool = False, italic: bool = False) -> tuple[Run, ...]:
    """Inline Markdown as runs: **bold**, *italic*, `code`; links become their text."""
    out: list[Run] = []
    pos = 0
    for m in _INLINE.finditer(text):
        if m.start() > pos:
            out.append(Run(text[pos : m.start()], bold, italic))
        if m["tick"]:
            out.append(Run(m["code"].strip() or m["code"], bold, italic, code=True))
        elif m["bi"] is not None:
            out += inline(m["bi"], bold=True, italic=True)
        elif m["b1"] is not None or m["b2"] is not None:
            out += inline(m["b1"] or m["b2"], bold=True, italic=italic)
        elif m["i1"] is not None or m["i2"] is not None:
            out += inline(m["i1"] or m["i2"], bold=bold, italic=True)
        elif m["link"] is not None:
            out += inline(m["link"], bold=bold, italic=italic)
        else:
            out.append(Run(m["auto"] or m["esc"], bold, italic))
        pos = m.end()
    if pos < len(text):
        out.append(Run(text[pos:], bold, italic))
    return _merge(out)


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
    for block in blocks(text):
        if isinstance(block, Table):
            out.append(Para(inline(" · ".join(block.header), bold=True), level, None))
            out += [Para(inline(" · ".join(c for c in row if c)), level, marker) for row in block.rows]
        else:
            out += _paragraphs(block, marker=marker, level=level)
    return out


def parts(text: str) -> list[list[Para] | Table]:
    """Block Markdown as slide parts: paragraphs, with each pipe table kept whole as a `Table`."""
    return [b if isinstance(b, Table) else _paragraphs(b, marker=None, level=0) for b in blocks(text)]


def _paragraphs(text: str, *, marker: str | None, level: int) -> list[Para]:
    out: list[Para] = []
    lines = textwrap.dedent(text.expandtabs(4)).strip("\n").splitlines()
    current: list[str] = []
    current_marker, current_level = marker, level
    indents: list[int] = []  # indents of the open list items, to tell nesting from continuation

    def flush() -> None:
        nonlocal current
        if current:
            runs = inline(" ".join(line.strip() for line in current))
            if runs:
                out.append(Para(runs, current_level, current_marker))
        current = []

    i = 0
    while i < len(lines):
        line = lines[i]
        fence = _FENCE.match(line)
        if fence:
            flush()
            indent = len(fence["indent"])
            code_level = level + sum(1 for n in indents if n < indent) if indent else level
            i += 1
            body: list[str] = []
            while i < len(lines) and not lines[i].strip().startswith(fence["fence"]):
                body.append(lines[i])
                i += 1
            for code_line in textwrap.dedent("\n".join(body)).splitlines():
                # A blank code line still takes a line on the slide; a single space keeps the paragraph.
                out.append(Para((Run(code_line.rstrip() or " ", code=True),), code_level, None, code=True))
            i += 1
            continue
        item = _ITEM.match(line)
        heading = _HEADING.match(line)
        if not line.strip():
            flush()
            current_marker, current_level = marker, level
        elif item:
            flush()
            indent = len(item["indent"])
            while indents and indents[-1] >= indent:
                indents.pop()
            current_level = level + len(indents)
            indents.append(indent)
            sign = item["marker"]
            current_marker = BULLET if sign in "-*+" else sign[:-1] + "."
            current = [item["text"]]
        elif heading:
            flush()
            out.append(Para(inline(heading["text"], bold=True), level))
            indents.clear()
        else:
            if not current:
                indent = len(line) - len(line.lstrip())
                if not any(n < indent for n in indents):
                    indents.clear()
                    current_marker, current_level = marker, level
                else:
                    # a paragraph inside a list item: indented under it, no marker of its own
                    current_marker, current_level = None, level + sum(1 for n in indents if n < indent)
            current.append(line)
        i += 1
    flush()
    return out


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
