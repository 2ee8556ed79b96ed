"""Edit one question's ruamel.yaml mapping in place, keeping comments and layout.

Only what changed is touched: a changed stem replaces that one scalar (in the style it had), a changed
list is refilled in place (so `[a, b]` stays a flow list), and comment lines stay above what they were above.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from generator.model.question import Numeric, Option, Pair, Question

WIDTH = 100  # fold long question text as the bundled specs do
_FIELDS: dict[str, tuple[type[BaseModel], set[str]]] = {
    "question": (Question, {"id", "type", "objectives", "stem", "explanation"}),
    "options": (Option, {"text"}),
    "pairs": (Pair, {"left", "right"}),
    "numeric": (Numeric, {"value"}),
}
_FOLDED_FIELDS = ("stem", "explanation", "guidance")
_FLOW_LISTS = ("objectives", "tags", "accepted")


def round_trip_yaml() -> Any:
    """ruamel.yaml set up to write specs the way they are written (and the loader reads them)."""
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def update_question(mapping: Any, old: Question, new: Question) -> None:
    """Change in `mapping` exactly the fields where `new` differs from `old`."""
    _update(mapping, old.model_dump(), new.model_dump(), "question", indent=6)


def question_mapping(question: Question) -> Any:
    """A new question as a mapping in house style: defaults left out, id lists inline, long text folded."""
    return _to_yaml(question.model_dump(exclude_defaults=True), "question", indent=6)


def _update(node: Any, old: dict[str, Any], new: dict[str, Any], kind: str, indent: int) -> None:
    model, required = _FIELDS[kind]
    names = list(model.model_fields)
    for name in names:
        before, after = old.get(name), new.get(name)
        if before == after:
            continue
        if name not in required and _is_default(model, name, after):
            if name in node:
                keys = list(node)
                lines = _take_comment_lines(node, name)
                del node[name]
                if lines and keys.index(name) > 0:
                    _add_comment_lines(node, keys[keys.index(name) - 1], lines)
            continue
        if name in node:
            node[name] = _merge(node[name], before, after, name, indent)
        else:
            position = sum(1 for key in node if key in names and names.index(key) < names.index(name))
            node.insert(position, name, _to_yaml(after, name, indent))
            if position:
                # Comment lines under the key before belong above whatever follows it: now the new key.
                lines = _take_comment_lines(node, list(node)[position - 1])
                if lines:
                    _add_comment_lines(node, name, lines)


def _take_comment_lines(node: Any, key: Any) -> str | None:
    """Remove and return the whole-line comments that follow `key`'s value (its same-line comment stays).

    ruamel keeps them with the key above: `[.., .., CommentToken('# same line\n  # next\n'), ..]`.
    """
    entry = node.ca.items.get(key)
    token = entry[2] if entry and len(entry) > 2 else None
    if token is None:
        return None
    value = token.value
    if value.startswith("#"):
        same_line, _, lines = value.partition("\n")
        if not lines.strip():
            return None
        token.value = same_line + "\n"
        return "\n" + lines
    entry[2] = None
    return str(value)


def _add_comment_lines(node: Any, key: Any, lines: str) -> None:
    import copy

    from ruamel.yaml.tokens import CommentToken

    entry = node.ca.items.setdefault(key, [None, None, None, None])
    if entry[2] is not None:
        entry[2].value = entry[2].value.rstrip("\n") + lines
    else:
        entry[2] = CommentToken(lines, copy.copy(_mark()), None)


def _mark() -> Any:
    from ruamel.yaml.error import CommentMark

    return CommentMark(0)


def _merge(node: Any, before: Any, after: Any, name: str, indent: int) -> Any:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(after, list) and isinstance(node, CommentedSeq):
        if after and isinstance(after[0], dict):
            before = before or []
            for i, item in enumerate(after):
                if i < len(node) and isinstance(node[i], CommentedMap):
                    _update(node[i], before[i] if i < len(before) else {}, item, name, indent + 4)
                elif i < len(node):
                    node[i] = _to_yaml(item, name, indent + 4)
                else:
                    node.append(_to_yaml(item, name, indent + 4))
            del node[len(after) :]
        else:
            del node[:]
            node.extend(_to_yaml(after, name, indent))
        return node
    if isinstance(after, dict) and isinstance(node, CommentedMap):
        _update(node, before or {}, after, name, indent + 2)
        return node
    if isinstance(after, str):
        return _text(after, name, indent, like=node)
    return _to_yaml(after, name, indent)


def _to_yaml(value: Any, name: str, indent: int) -> Any:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(value, dict):
        kind = "question" if name == "question" else name
        mapping = CommentedMap()
        for key, item in value.items():
            mapping[key] = _to_yaml(item, key, indent if kind == "question" else indent + 4)
        return mapping
    if isinstance(value, list):
        seq = CommentedSeq(_to_yaml(item, name, indent) for item in value)
        if name in _FLOW_LISTS and sum(len(str(v)) + 2 for v in value) < 60:
            seq.fa.set_flow_style()
        return seq
    if isinstance(value, str):
        return _text(value, name, indent)
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return int(value)
    return value


def _text(text: str, name: str, indent: int, like: Any = None) -> Any:
    """`text` as a scalar in the style the old value had, or folded when a question text runs long."""
    from ruamel.yaml.scalarstring import (
        DoubleQuotedScalarString,
        FoldedScalarString,
        LiteralScalarString,
        SingleQuotedScalarString,
    )

    if "\n" in text or isinstance(like, LiteralScalarString):
        return LiteralScalarString(text)
    foldable = text == text.strip() and "  " not in text and "\t" not in text
    long = name in _FOLDED_FIELDS and indent + len(text) > WIDTH
    if foldable and (long or isinstance(like, FoldedScalarString)):
        folded = FoldedScalarString(text)
        folded.fold_pos = _fold_positions(text, WIDTH - indent)  # type: ignore[attr-defined]
        return folded
    if isinstance(like, SingleQuotedScalarString | DoubleQuotedScalarString):
        return type(like)(text)
    if _yaml11_reads_as_other(text):
        return SingleQuotedScalarString(text)
    return text


def _yaml11_reads_as_other(text: str) -> bool:
    """Whether the loader (PyYAML, YAML 1.1) would read this plain scalar as something other than text.

    Why: ruamel writes YAML 1.2, where `yes`, `on` or `1_000` are plain text; PyYAML reads them as a
    boolean or a number, so they must be quoted.
    """
    import yaml

    tag = yaml.resolver.Resolver().resolve(yaml.ScalarNode, text, (True, False))
    return bool(tag != "tag:yaml.org,2002:str")


def _fold_positions(text: str, width: int) -> list[int]:
    """Indexes of the spaces to break a folded scalar at so no line passes `width` (where words allow)."""
    positions: list[int] = []
    position = line = 0
    for n, word in enumerate(text.split(" ")):
        if n and line + 1 + len(word) > width:
            positions.append(position)
            line = len(word)
        else:
            line += (1 if n else 0) + len(word)
        position += (1 if n else 0) + len(word)
    return positions


def _is_default(model: type[BaseModel], name: str, value: Any) -> bool:
    info = model.model_fields[name]
    default = info.get_default(call_default_factory=True, validated_data={})
    if value in (None, [], ""):
        return True
    return bool(value == default)
