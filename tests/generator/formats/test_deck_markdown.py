"""Spec Markdown as slide parts: pipe tables are kept whole, everything else stays paragraphs."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.formats.decks.markdown import Table, _parsed_runs, inline, paragraphs, parts, plain

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
    found = parts(TEXT)
    assert isinstance(found[0], list) and [p.text for p in found[0]] == ["Weigh each batch:"]
    table = found[1]
    assert isinstance(table, Table) and table.header == ("Ingredient", "Grams", "Share")
    # Cells stay inline Markdown (an escaped pipe is still escaped); a short row is padded, as GFM does.
    assert [tuple(plain(c) for c in row) for row in table.rows] == [
        ("Flour", "1000", "100"),
        ("Water | warm", "700", ""),
    ]
    assert isinstance(found[2], list) and found[2][0].text == "Then mix."


def test_a_table_inside_fenced_code_stays_code() -> None:
    found = parts("```\na | b\n--- | ---\n```\n")
    assert not any(isinstance(p, Table) for p in found)
    assert [p.text for p in paragraphs("```\na | b\n--- | ---\n```\n")] == ["a | b", "--- | ---"]


def test_parts_keep_the_table_between_paragraphs() -> None:
    kinds = [type(p).__name__ for p in parts(TEXT)]
    assert kinds == ["list", "Table", "list"]


def test_where_no_table_fits_rows_become_lines_not_raw_pipes() -> None:
    texts = [p.text for p in paragraphs(TEXT) if not p.code]
    assert "Ingredient · Grams · Share" in texts
    assert "Flour · 1000 · 100" in texts
    assert not any(t.startswith("|") or "| ---" in t for t in texts)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab Z9.,;:'\"()?-+&#!{}~=|", max_size=40))
def test_the_plain_path_gives_what_the_parser_gives(text: str) -> None:
    # A newline at the end changes nothing in Markdown, but sends the text through the parser.
    assert paragraphs(text) == paragraphs(text + "\n")
    assert inline(text) == _parsed_runs(text, False, False)


def test_lists_nest_at_two_three_and_four_spaces_as_on_the_site() -> None:
    text = "1. one\n   - three\n2. two\n    - four\n- bullet\n  - two\n\n3. three"
    found = [(p.level, p.marker, p.text) for p in paragraphs(text)]
    assert found == [
        (0, "1.", "one"),
        (1, "•", "three"),
        (0, "2.", "two"),
        (1, "•", "four"),
        (0, "•", "bullet"),
        (1, "•", "two"),
        (0, "3.", "three"),
    ]
