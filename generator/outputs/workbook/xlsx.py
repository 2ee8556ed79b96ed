"""Write-only openpyxl with styles that stay cheap, text that never turns into a formula, and stable bytes.

openpyxl is imported inside functions: `curriculum validate` must not pay for loading it.
"""

from __future__ import annotations

import io
import re
import weakref
import zipfile
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

# Text a spreadsheet may read as a formula when a user re-enters the cell (the usual CSV-injection list).
RISKY_START = ("=", "+", "-", "@")
FIXED_TIME = (2000, 1, 1, 0, 0, 0)
_W3CDTF = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:(?:created|modified)>)")

_TEMPLATES: weakref.WeakKeyDictionary[Any, dict[str, Any]] = weakref.WeakKeyDictionary()
STYLES: dict[str, dict[str, Any]] = {
    "plain": {"vertical": "top"},
    "wrap": {"vertical": "top", "wrap": True},
    "header": {"bold": True, "fill": "1F4E79", "color": "FFFFFF", "vertical": "top", "wrap": True},
    "title": {"bold": True, "size": 14},
    "note": {"italic": True, "color": "595959"},
    "bold": {"bold": True, "vertical": "top"},
    "input": {"fill": "FFF2CC", "vertical": "top", "border": True},
    "number": {"vertical": "top"},
    "percent": {"vertical": "top", "format": "0.0%"},
    "total": {"bold": True, "fill": "D9E1F2", "vertical": "top"},
    "total_percent": {"bold": True, "fill": "D9E1F2", "vertical": "top", "format": "0.0%"},
}


def new_workbook() -> Workbook:
    from openpyxl import Workbook

    return Workbook(write_only=True)


def add_sheet(workbook: Workbook, title: str) -> Any:
    """A write-only sheet whose rows may mix plain values and styled cells cheaply."""
    sheet = _sheet_class()(parent=workbook, title=title)
    workbook._add_sheet(sheet)
    return sheet


@cache
def _sheet_class() -> type:
    from openpyxl.cell import Cell, WriteOnlyCell
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

    class StyledRowsSheet(WriteOnlyWorksheet):
        """Why: openpyxl's own `_values_to_row` hands every styled cell through a failed value
        conversion (an exception and a repr per cell), a third of the time of writing 10,000 rows."""

        def _values_to_row(self, values: Any, row_idx: int) -> Any:
            cell = WriteOnlyCell(self)
            for col_idx, value in enumerate(values, 1):
                if value is None:
                    continue
                if isinstance(value, Cell):
                    value.column, value.row = col_idx, row_idx
                    yield value
                    continue
                cell.value = value
                cell.column, cell.row = col_idx, row_idx
                yield cell

    return StyledRowsSheet


@cache
def _style_parts(name: str) -> tuple[Any, Any, Any, Any, str]:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    spec = STYLES[name]
    font = Font(
        bold=spec.get("bold", False),
        italic=spec.get("italic", False),
        color=spec.get("color"),
        size=spec.get("size", 11),
    )
    fill = PatternFill("solid", fgColor=spec["fill"]) if "fill" in spec else PatternFill()
    align = Alignment(vertical=spec.get("vertical"), wrap_text=spec.get("wrap", False))
    side = Side(style="thin", color="BFBFBF")
    border = Border(left=side, right=side, top=side, bottom=side) if spec.get("border") else Border()
    return font, fill, align, border, spec.get("format", "General")


def _new_cell(sheet: Any, style: str) -> WriteOnlyCell:
    """An empty cell in `style`. Why a template: setting font, fill... hashes each style object into the
    workbook's tables, which for 10,000 rows costs more than writing them; copying the ids does not."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles.cell_style import StyleArray

    templates = _TEMPLATES.setdefault(sheet.parent, {})
    if style not in templates:
        template = WriteOnlyCell(sheet)
        font, fill, align, border, number_format = _style_parts(style)
        template.font, template.fill, template.alignment, template.border = font, fill, align, border
        template.number_format = number_format
        templates[style] = template._style
    cell = WriteOnlyCell(sheet)
    cell._style = StyleArray(templates[style])
    return cell


def styled(sheet: Any, value: object, style: str = "plain") -> WriteOnlyCell:
    """A new cell holding `value` in `style`. Text starting with = + - @ stays text: never a formula, and
    marked with Excel's quote prefix so that editing the cell later does not turn it into one either."""
    cell = _new_cell(sheet, style)
    cell.value = value
    if is_risky(value):
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell


def is_risky(value: object) -> bool:
    return isinstance(value, str) and value.startswith(RISKY_START)


def reuse(cell: WriteOnlyCell, value: object) -> WriteOnlyCell:
    """Put a new value in a cell that is written once per row (the fast path for 10,000 rows).

    Its style must never change once written: openpyxl keeps the style object itself in its table,
    so risky text gets a cell of its own from `styled` instead.
    """
    assert not is_risky(value), value
    cell.value = value
    return cell


def formula(sheet: Any, text: str, style: str = "number") -> WriteOnlyCell:
    """A cell holding a formula we wrote ourselves (never text from specs or users)."""
    assert text.startswith("="), text
    cell = _new_cell(sheet, style)
    cell.value = text
    return cell


def list_validation(formula1: str, sqref: str, prompt: str, *, allow_blank: bool = True) -> Any:
    from openpyxl.worksheet.datavalidation import DataValidation

    validation = DataValidation(
        type="list",
        formula1=formula1,
        allow_blank=allow_blank,
        showErrorMessage=True,
        errorTitle="Not in the list",
        error=prompt,
    )
    validation.add(sqref)
    return validation


def whole_validation(low: int, high: int, sqref: str) -> Any:
    from openpyxl.worksheet.datavalidation import DataValidation

    validation = DataValidation(
        type="whole",
        operator="between",
        formula1=str(low),
        formula2=str(high),
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Out of range",
        error=f"Enter a whole number from {low} to {high}.",
    )
    validation.add(sqref)
    return validation


def save(workbook: Workbook, path: Path, *, stable: bool = False) -> Path:
    """Save `workbook` to `path`; with `stable`, the same content always gives the same bytes."""
    if not stable:
        workbook.save(path)
        return path
    buffer = io.BytesIO()
    workbook.save(buffer)
    path.write_bytes(stable_zip(buffer.getvalue()))
    return path


def stable_zip(data: bytes) -> bytes:
    """The same xlsx with its clock readings fixed: zip entry times, and the created and modified dates
    openpyxl stamps into docProps/core.xml when it saves."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dest:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "docProps/core.xml":
                content = _W3CDTF.sub(rb"\g<1>2000-01-01T00:00:00Z\g<2>", content)
            fixed = zipfile.ZipInfo(info.filename, FIXED_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            dest.writestr(fixed, content)
    return out.getvalue()
