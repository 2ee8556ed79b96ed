"""Shared pieces of every spec model: strict parsing, ids, Markdown text, source locations."""

from __future__ import annotations

import pathlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, StringConstraints

from generator.errors import SourceLocation

# Lower-case slugs: safe in file names, URLs and spreadsheet cells.
ID_PATTERN = r"^[a-z0-9]+(?:[-_.][a-z0-9]+)*$"
Id = Annotated[
    str, StringConstraints(pattern=ID_PATTERN), Field(description="A lower-case id: letters, digits, - _ .")
]
Markdown = Annotated[str, Field(description="Text; Markdown is allowed.")]
Text = Annotated[str, StringConstraints(min_length=1), Field(description="Text; Markdown is allowed.")]
Minutes = Annotated[int, Field(ge=1, le=600, description="A duration in minutes.")]

Path = tuple[str | int, ...]


@dataclass
class SourceMap:
    """Where each key and value of one YAML file sits; paths are tuples of keys and list indexes."""

    file: str
    values: dict[Path, tuple[int, int]]
    keys: dict[Path, tuple[int, int]]
    path: pathlib.Path | None = None  # the file on disk; `file` is how it is shown to the user

    def locate(self, path: Path, *, key: bool = False) -> SourceLocation:
        """The location of `path`, or of its nearest ancestor that is in the file."""
        table = self.keys if key else self.values
        probe = tuple(path)
        while True:
            if probe in table:
                line, col = table[probe]
                return SourceLocation(self.file, line, col)
            if key and probe in self.values:
                line, col = self.values[probe]
                return SourceLocation(self.file, line, col)
            if not probe:
                return SourceLocation(self.file, 1, 1)
            probe = probe[:-1]


class Spec(BaseModel):
    """Base of every spec model: unknown keys are errors, so a typo never passes silently."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    _source: SourceMap | None = PrivateAttr(default=None)
    _path: Path = PrivateAttr(default=())

    def bind_source(self, source: SourceMap, path: Path = ()) -> None:
        """Remember where this object (and everything under it) came from."""
        self._source = source
        self._path = path
        for name, value in self:
            key = _alias(type(self), name)
            for sub_path, child in _children(value, (*path, key)):
                child.bind_source(source, sub_path)

    def loc(self, *field_path: str | int, key: bool = False) -> SourceLocation:
        """Source location of this object or of a field inside it."""
        if self._source is None:
            return SourceLocation("<memory>")
        return self._source.locate((*self._path, *field_path), key=key)

    def field_name(self, *field_path: str | int) -> str:
        """The dotted path of a field from the top of its file, e.g. 'lecture.key_points[3]'."""
        return field_path_text((*self._path, *field_path))

    @property
    def file(self) -> str:
        return self._source.file if self._source else "<memory>"

    @property
    def source_path(self) -> pathlib.Path | None:
        """The spec file this object was read from, if any."""
        return self._source.path if self._source else None


def field_path_text(path: Path) -> str:
    """('lecture', 'key_points', 3) -> 'lecture.key_points[3]'."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else ("." if out else "") + str(part)
    return out


def _alias(cls: type[BaseModel], name: str) -> str:
    info = cls.model_fields.get(name)
    return (info.alias if info and info.alias else name) if info else name


def _children(value: Any, path: Path) -> Iterator[tuple[Path, Spec]]:
    if isinstance(value, Spec):
        yield path, value
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from _children(item, (*path, index))
    elif isinstance(value, dict):
        for k, item in value.items():
            yield from _children(item, (*path, k))
