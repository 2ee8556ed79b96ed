"""Read one YAML file into plain data plus a map of where every key and value sits.

Why composed nodes: PyYAML's C loader composes a node tree that carries line and column for
every key and value, at C speed; we build the Python data from that tree ourselves so we can
also catch duplicate keys, which `safe_load` silently lets the last one win.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.errors import Issue, Level, SourceLocation
from generator.model.base import SourceMap

try:  # the C loader is 15x faster; fall back so a build without libyaml still works
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_DEPTH = 60
MAX_BYTES = 10_000_000  # a 10,000-question bank is about 3 MB
# Why bounds on aliases: the composer shares an aliased node, but building data from the tree
# copies it at every use, so aliases nested a few deep ("billion laughs") expand a file of a few
# hundred bytes into millions of values. Specs rarely need aliases at all.
MAX_ALIASES = 100
_STR = "tag:yaml.org,2002:str"
MAX_ALIAS_VALUES = 10_000


@dataclass
class Document:
    """One parsed spec file."""

    file: str
    data: Any
    source: SourceMap


class _Reject(Exception):
    def __init__(self, node: yaml.Node, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.node, self.message, self.hint = node, message, hint


def read_yaml(path: Path, display: str) -> tuple[Document | None, list[Issue]]:
    """Parse `path`; return the document, or None and the issues that stopped it."""

    def issue(message: str, line: int = 1, col: int = 1, hint: str = "") -> list[Issue]:
        return [Issue(Level.ERROR, SourceLocation(display, line, col), "", message, hint, "yaml")]

    size = path.stat().st_size
    if size > MAX_BYTES:
        return None, issue(
            f"file is {size / 1e6:.1f} MB; a spec file may be at most {MAX_BYTES / 1e6:.0f} MB",
            hint="split it into several files (a question bank can be one file per module)",
        )
    raw = path.read_bytes()
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, issue("file is UTF-16 encoded, not UTF-8", hint="save the file as UTF-8")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, issue(
            f"file is not valid UTF-8 (byte 0x{raw[exc.start]:02x})",
            line,
            col,
            "save the file as UTF-8; Windows-1252 or Latin-1 text needs converting",
        )
    text = text.removeprefix("\ufeff")

    loader = _Loader(text)
    try:
        try:
            node = loader.get_single_node()
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            message = f"YAML syntax error: {exc.problem or exc.context}"
            hint = _syntax_hint(exc)
            if mark is not None and _tab_indented(text, mark.line):
                message = "a tab is used for indentation here; YAML forbids tabs for indentation"
                hint = "indent with spaces (two per level)"
            if mark is None:
                return None, issue(message, hint=hint)
            return None, issue(message, mark.line + 1, mark.column + 1, hint)
        except yaml.YAMLError as exc:
            return None, issue(f"YAML syntax error: {exc}")
        if node is None:
            return None, issue("file is empty", hint="start from a scaffold: `curriculum new lesson ID`")
        values: dict[tuple[str | int, ...], tuple[int, int]] = {}
        keys: dict[tuple[str | int, ...], tuple[int, int]] = {}
        try:
            if "&" in text:  # no anchor, no alias: a file without '&' cannot expand
                _AliasBudget().measure(node, node)
            data = _build(loader, node, (), values, keys, set())
        except _Reject as exc:
            mark = exc.node.start_mark
            return None, issue(exc.message, mark.line + 1, mark.column + 1, exc.hint)
        return Document(display, data, SourceMap(display, values, keys, path)), []
    finally:
        loader.dispose()


def _tab_indented(text: str, line: int) -> bool:
    """Whether 0-based `line` (or the one before, where the scanner may stop) is indented with a tab."""
    lines = text.splitlines()
    for number in (line, line - 1):
        if 0 <= number < len(lines):
            indent = lines[number][: len(lines[number]) - len(lines[number].lstrip(" \t"))]
            if "\t" in indent:
                return True
    return False


class _AliasBudget:
    """Counts aliases and the values they add, in document order, before any data is built.

    Why a separate pass: it visits each distinct node once (the expanded size of an anchored node is
    remembered), so even a "billion laughs" file is measured in microseconds.
    """

    def __init__(self) -> None:
        self.sizes: dict[int, int] = {}
        self.active: set[int] = set()
        self.aliases = 0
        self.added = 0

    def measure(self, node: yaml.Node, where: yaml.Node) -> int:
        """The number of values `node` expands to; raises _Reject past a limit."""
        known = self.sizes.get(id(node))
        if known is not None:
            self.aliases += 1
            self.added += known
            if self.aliases > MAX_ALIASES:
                raise _Reject(
                    where,
                    f"more than {MAX_ALIASES} aliases ('*name') in one file",
                    "write the values out; a spec rarely needs aliases",
                )
            if self.added > MAX_ALIAS_VALUES:
                raise _Reject(
                    where,
                    f"aliases expand this file by more than {MAX_ALIAS_VALUES:,} values",
                    "write the values out instead of nesting aliases ('*name') inside anchored values",
                )
            return known
        if id(node) in self.active:
            return 1  # a recursive alias: reported with its place by the data builder
        self.active.add(id(node))
        size = 1
        if isinstance(node, yaml.SequenceNode):
            size += sum(self.measure(item, node) for item in node.value)
        elif isinstance(node, yaml.MappingNode):
            size += sum(self.measure(k, k) + self.measure(v, k) for k, v in node.value)
        self.active.discard(id(node))
        self.sizes[id(node)] = size
        return size


def _syntax_hint(exc: yaml.MarkedYAMLError) -> str:
    problem = (exc.problem or "") + (exc.context or "")
    if "tab" in problem:
        return "indent with spaces, not tabs"
    if "mapping values are not allowed" in problem:
        return "a value containing ': ' must be quoted, e.g. title: \"Step 1: the raw copy\""
    if "expected <block end>" in problem or "did not find expected" in problem:
        return "check the indentation of this line against the lines above it"
    if "could not find expected ':'" in problem:
        return "a key is missing its ':', or a multi-line value needs '|'"
    return ""


def _build(
    loader: Any,
    node: yaml.Node,
    path: tuple[str | int, ...],
    values: dict[tuple[str | int, ...], tuple[int, int]],
    keys: dict[tuple[str | int, ...], tuple[int, int]],
    active: set[int],
) -> Any:
    if len(path) > MAX_DEPTH:
        raise _Reject(node, f"nesting is deeper than {MAX_DEPTH} levels")
    if id(node) in active:
        raise _Reject(node, "an alias refers to itself", "remove the recursive '*' alias")
    values[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.ScalarNode):
        if node.tag == _STR:
            return node.value  # what the constructor returns for text, without its bookkeeping
        try:
            return loader.construct_object(node)
        except yaml.YAMLError as exc:
            raise _Reject(node, f"cannot read value: {getattr(exc, 'problem', exc)}") from None
    active.add(id(node))
    try:
        if isinstance(node, yaml.SequenceNode):
            return [
                _build(loader, item, (*path, i), values, keys, active) for i, item in enumerate(node.value)
            ]
        if isinstance(node, yaml.MappingNode):
            result: dict[Any, Any] = {}
            first_seen: dict[Any, int] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    raise _Reject(key_node, "a key must be a plain word, not a list or mapping")
                key = _key(loader, key_node)
                line = key_node.start_mark.line + 1
                if key in first_seen:
                    raise _Reject(
                        key_node,
                        f"key '{key}' appears twice in this mapping (first on line {first_seen[key]})",
                        "keep one of them; YAML would silently use only the last",
                    )
                first_seen[key] = line
                keys[(*path, key)] = (line, key_node.start_mark.column + 1)
                result[key] = _build(loader, value_node, (*path, key), values, keys, active)
            return result
    finally:
        active.discard(id(node))
    raise _Reject(node, "unsupported YAML node")  # pragma: no cover


def _key(loader: Any, node: yaml.ScalarNode) -> str | int:
    if node.tag == _STR:
        return str(node.value)
    try:
        key = loader.construct_object(node)
    except yaml.YAMLError:
        return str(node.value)
    # Only strings and integers are meaningful keys in specs (ints for checklist scales).
    if isinstance(key, bool) or not isinstance(key, str | int):
        return str(node.value)
    return key
