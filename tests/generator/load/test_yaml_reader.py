"""The line-aware reader: data identical to yaml.safe_load, plus where every key and value sits."""

from __future__ import annotations

from pathlib import Path

import yaml

from generator.load.yaml_reader import read_yaml


def _read(tmp_path: Path, text: str | bytes):
    path = tmp_path / "spec.yaml"
    path.write_bytes(text.encode() if isinstance(text, str) else text)
    return read_yaml(path, "spec.yaml")


def test_data_matches_safe_load(tmp_path: Path) -> None:
    text = "a: 1\nb:\n  - x\n  - {c: true, d: 2.5}\ne: |\n  block\n  text\nf: null\n"
    doc, issues = _read(tmp_path, text)
    assert issues == []
    assert doc is not None
    assert doc.data == yaml.safe_load(text)


def test_locations_of_keys_and_values(tmp_path: Path) -> None:
    doc, _ = _read(tmp_path, "title: Hello\nlecture:\n  key_points:\n    - one\n    - two\n")
    assert doc is not None
    source = doc.source
    assert str(source.locate(("lecture", "key_points", 1))) == "spec.yaml:5:7"
    assert str(source.locate(("lecture", "key_points"), key=True)) == "spec.yaml:3:3"
    # a path that is not in the file falls back to its nearest ancestor
    assert str(source.locate(("lecture", "notes"))) == "spec.yaml:3:3"


def test_duplicate_key_is_an_error_not_last_wins(tmp_path: Path) -> None:
    doc, issues = _read(tmp_path, "title: A\nid: x\ntitle: B\n")
    assert doc is None
    assert [i.format() for i in issues] == [
        "spec.yaml:3:1: key 'title' appears twice in this mapping (first on line 1). "
        "keep one of them; YAML would silently use only the last."
    ]


def test_bom_is_ignored_and_utf16_is_reported(tmp_path: Path) -> None:
    doc, issues = _read(tmp_path, "\ufefftitle: A\n".encode())
    assert doc is not None and doc.data == {"title": "A"}
    doc, issues = _read(tmp_path, "title: A\n".encode("utf-16"))
    assert doc is None and "UTF-16" in issues[0].message


def test_recursive_alias_is_reported(tmp_path: Path) -> None:
    doc, issues = _read(tmp_path, "a: &x [1, *x]\n")
    assert doc is None
    assert "alias refers to itself" in issues[0].message


def test_multiple_documents_are_a_syntax_error(tmp_path: Path) -> None:
    doc, issues = _read(tmp_path, "a: 1\n---\nb: 2\n")
    assert doc is None
    assert issues[0].location.line == 2


def test_a_few_aliases_still_read_like_safe_load(tmp_path: Path) -> None:
    text = "base: &b {minutes: 10, tags: [a, b]}\none: *b\ntwo: *b\n"
    doc, issues = _read(tmp_path, text)
    assert issues == [] and doc is not None
    assert doc.data == yaml.safe_load(text)


def test_nested_aliases_are_refused_before_they_expand(tmp_path: Path) -> None:
    # Eight levels: 43 million values once expanded; unbounded, this never finishes.
    lines = ["l0: &l0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"l{n}: &l{n} [{', '.join([f'*l{n - 1}'] * 9)}]" for n in range(1, 8)]
    doc, issues = _read(tmp_path, "\n".join(lines) + "\n")
    assert doc is None
    assert [i.format() for i in issues] == [
        "spec.yaml:5:5: aliases expand this file by more than 10,000 values. "
        "write the values out instead of nesting aliases ('*name') inside anchored values."
    ]


def test_oversized_file_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "spec.yaml"
    path.write_bytes(b"# padding\n" * 1_100_000)
    doc, issues = read_yaml(path, "spec.yaml")
    assert doc is None
    assert [i.format() for i in issues] == [
        "spec.yaml:1:1: file is 11.0 MB; a spec file may be at most 10 MB. "
        "split it into several files (a question bank can be one file per module)."
    ]


def test_tab_in_nested_indentation_names_the_rule(tmp_path: Path) -> None:
    doc, issues = _read(tmp_path, "lecture:\n  key_points:\n\t- one\n")
    assert doc is None
    assert "YAML forbids tabs for indentation" in issues[0].message
    assert issues[0].location.line == 3
