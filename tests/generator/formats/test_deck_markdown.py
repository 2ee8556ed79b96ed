"""Spec Markdown as slide parts: pipe tables are kept whole, everything else stays paragraphs."""

from __future__ import annotations

from generator.formats.decks.markdown import Table, blocks, paragraphs, parts

TEXT = """Weigh each batch:

| Ingredient | Grams | Share |
| --- | ---: | :---: |
| Flour | 1000 | 100 |
| Water \\| warm | 700 |

Then mix.

```
a | b
--- | ---
```
"""


def test_a_pipe_table_is_cut_out_of_the_text_with_its_cells() -> None:
    found = blocks(TEXT)
    assert found[0].strip() == "Weigh each batch:"
    rows = (("Flour", "1000", "100"), ("Water | warm", "700", ""))
    assert found[1] == Table(("Ingredient", "Grams", "Share"), rows)
    assert isinstance(found[2], str) and "Then mix." in found[2]


def test_a_table_inside_fenced_code_stays_code() -> None:
    assert not any(isinstance(b, Table) for b in blocks("```\na | b\n--- | ---\n```\n"))


def test_parts_keep_the_table_between_paragraphs() -> None:
    kinds = [type(p).__name__ for p in parts(TEXT)]
    assert kinds == ["list", "Table", "list"]


def test_where_no_table_fits_rows_become_lines_not_raw_pipes() -> None:
    texts = [p.text for p in paragraphs(TEXT) if not p.code]
    assert "Ingredient · Grams · Share" in texts
    assert "Flour · 1000 · 100" in texts
    assert not any(t.startswith("|") or "| ---" in t for t in texts)
