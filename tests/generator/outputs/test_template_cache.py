"""Compiled templates kept between runs: used again, never stale, and never in the way."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest

from generator.outputs.template_cache import bytecode_cache


def render(folder: Path, cache: jinja2.BytecodeCache | None) -> str:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(folder)), bytecode_cache=cache)
    return env.get_template("page.j2").render(name="Ada")


def test_a_compiled_template_is_kept_and_an_edited_one_compiled_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "page.j2").write_text("Hello {{ name }}", encoding="utf-8")
    assert render(templates, bytecode_cache("test")) == "Hello Ada"
    kept = list((tmp_path / "cache").rglob("*.cache"))
    assert len(kept) == 1
    (templates / "page.j2").write_text("Goodbye {{ name }}", encoding="utf-8")
    assert render(templates, bytecode_cache("test")) == "Goodbye Ada"


def test_a_cache_folder_that_cannot_be_made_means_no_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert bytecode_cache("test") is None


def test_a_damaged_cache_file_is_compiled_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "page.j2").write_text("Hello {{ name }}", encoding="utf-8")
    render(templates, bytecode_cache("test"))
    for kept in (tmp_path / "cache").rglob("*.cache"):
        kept.write_bytes(b"damaged")
    assert render(templates, bytecode_cache("test")) == "Hello Ada"
