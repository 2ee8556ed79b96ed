"""Turn pydantic validation errors into located, author-worded issues."""

from __future__ import annotations

import difflib
import types
import typing
from functools import cache
from importlib import resources
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from generator.errors import Issue, Level
from generator.model.base import ID_PATTERN, SourceMap, field_path_text

_YAML_TYPE = {
    str: "text",
    int: "a number",
    float: "a number",
    bool: "true/false",
    list: "a list",
    dict: "a mapping",
    type(None): "nothing",
}


@cache
def _messages() -> dict[str, dict[str, str]]:
    text = resources.files("generator.load").joinpath("messages.yaml").read_text(encoding="utf-8")
    return dict(yaml.safe_load(text))


def issues_from(error: ValidationError, model: type[BaseModel], source: SourceMap) -> list[Issue]:
    """One issue per pydantic error, located in the file and worded for the author."""
    issues = []
    for err in error.errors(include_url=False):
        loc = tuple(p for p in err["loc"] if p != "[key]")
        is_key = "[key]" in err["loc"]
        kind = err["type"]
        name = str(loc[-1]) if loc else ""
        if kind == "missing":
            location = source.locate(loc[:-1], key=True) if loc[:-1] else source.locate(())
            where = loc[:-1]
        elif kind == "extra_forbidden":
            location = source.locate(loc, key=True)
            where = loc
        else:
            location = source.locate(loc, key=is_key)
            where = loc
        message, hint = _word(err, name)
        if kind == "string_type" and isinstance(err.get("input"), dict):
            hint = "text containing ': ' is read as a mapping; put the whole text in quotes"
        if kind == "extra_forbidden":
            hint = _unknown_field_hint(model, loc)
        elif kind in ("literal_error", "union_tag_invalid"):
            hint = _choice_hint(err) or hint
        issues.append(Issue(Level.ERROR, location, field_path_text(where), message, hint, "schema"))
    return _merge_typos(issues)


def _merge_typos(issues: list[Issue]) -> list[Issue]:
    """Drop "required field 'x' is missing" when the same mapping has a misspelling of 'x' (reported once)."""
    suggested = {
        (i.field.rpartition(".")[0] if "." in i.field else "", i.hint.split("'")[1])
        for i in issues
        if i.message.startswith("unknown field") and i.hint.startswith("did you mean")
    }
    return [
        i
        for i in issues
        if not (i.message.startswith("required field") and (i.field, i.message.split("'")[1]) in suggested)
    ]


def _word(err: Any, name: str) -> tuple[str, str]:
    ctx = dict(err.get("ctx") or {})
    value = err.get("input")
    template = _messages().get(err["type"])
    if err["type"] == "string_pattern_mismatch" and ctx.get("pattern") != ID_PATTERN:
        template = {"message": "{value} does not match the pattern {pattern}"}
    if template is None:
        return err["msg"], ""
    fields = {
        "name": name,
        "value": _show(value),
        "got": _YAML_TYPE.get(type(value), type(value).__name__),
        **{k: str(v) for k, v in ctx.items()},
    }
    if err["type"] == "value_error":
        fields["error"] = str(ctx.get("error", err["msg"]))
    try:
        message = " ".join(template["message"].format_map(fields).split())
        hint = template.get("hint", "").format_map(fields)
    except (KeyError, IndexError):
        return err["msg"], ""
    return message, hint


def _show(value: Any) -> str:
    if isinstance(value, dict | list):
        return ""
    text = (
        repr(value)
        if isinstance(value, str)
        else str(value).lower()
        if isinstance(value, bool)
        else str(value)
    )
    return text if len(text) <= 60 else text[:57] + "..."


def _choice_hint(err: Any) -> str:
    ctx = err.get("ctx") or {}
    expected = str(ctx.get("expected") or ctx.get("expected_tags") or "")
    options = [o.strip().strip("'\"") for o in expected.replace(" or ", ",").split(",") if o.strip()]
    return _did_you_mean(str(err.get("input", "")), options)


def _did_you_mean(word: str, options: list[str]) -> str:
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    if not close:
        close = [o for o in options if o.lower() == word.lower()]
    return f"did you mean '{close[0]}'?" if close else ""


def _unknown_field_hint(model: type[BaseModel], loc: tuple[str | int, ...]) -> str:
    owner = model_at(model, loc[:-1])
    if owner is None:
        return ""
    allowed = [f.alias or n for n, f in owner.model_fields.items()]
    guess = _did_you_mean(str(loc[-1]), allowed)
    if guess:
        return guess
    return "allowed fields: " + ", ".join(allowed)


def model_at(model: type[BaseModel], loc: tuple[str | int, ...]) -> type[BaseModel] | None:
    """The model class that describes the value at `loc` under `model`, if there is one."""
    tp: Any = model
    for part in loc:
        tp = _unwrap(tp)
        origin = typing.get_origin(tp)
        if origin in (list, tuple) and isinstance(part, int):
            tp = typing.get_args(tp)[0]
        elif origin is dict:
            tp = typing.get_args(tp)[1]
        elif isinstance(tp, type) and issubclass(tp, BaseModel) and isinstance(part, str):
            info = tp.model_fields.get(part) or next(
                (f for f in tp.model_fields.values() if f.alias == part), None
            )
            if info is None:
                return None
            tp = info.annotation
        else:
            return None
    tp = _unwrap(tp)
    return tp if isinstance(tp, type) and issubclass(tp, BaseModel) else None


def _unwrap(tp: Any) -> Any:
    while True:
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            tp = typing.get_args(tp)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(tp) if a is not type(None)]
            models = [a for a in args if isinstance(a, type) and issubclass(a, BaseModel)]
            tp = models[0] if models else args[0]
        else:
            return tp
