"""The one workbook writer: every workbook geep writes is a :class:`Book`.

A Book writes tables (styled headers — two rows, Chinese first, under ``lang="zh"`` where a
table has machine names — number formats on every numeric cell, widths, frozen header,
filter), notes and banners; it sets up every sheet for printing (A4, landscape when wide, fit
to one page wide, header rows repeated on every page, print area) and its bytes are
reproducible and marked as a geep output (:func:`geep.io.xlsxout.workbook_bytes`). All text
goes through the one neutraliser (:func:`geep.io.xlsxout.cell_value`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from .atomic import atomic_write_bytes
from .xlsxout import HEADER_FILL, _display_len, cell_value, exact_numbers, workbook_bytes

MONEY_FMT = "#,##0.00"
NUMBER_FMT = "#,##0.00##"
INT_FMT = "#,##0"
YEAR_FMT = "0"
#: sheets wider than this many columns print in landscape
LANDSCAPE_FROM = 6
#: money units a summary may be presented in: (label, divisor)
MONEY_UNITS: dict[str, tuple[str, float]] = {
    "元": ("元", 1.0), "CNY": ("元", 1.0), "yuan": ("元", 1.0),
    "万元": ("万元", 1.0e4), "wan": ("万元", 1.0e4),
    "亿元": ("亿元", 1.0e8), "yi": ("亿元", 1.0e8),
}  # fmt: skip


def money_unit(unit: str | None) -> tuple[str, float]:
    """``(label, divisor)`` of a presentation unit (``None``: 元)."""
    if unit is None:
        return "元", 1.0
    try:
        return MONEY_UNITS[unit]
    except KeyError:
        from ..errors import InputError
        from ..messages import text

        raise InputError(text("writer.money_unit", unit=unit),
                         hint=text("writer.hint_money_unit")) from None  # fmt: skip


def headers_for(columns, lang: str, *kinds: str) -> tuple[list[str], list[str] | None]:
    """Header rows of a table: under zh the reader's names (``<kind>.<name>`` of the first
    given message kind that names the column — the table's own words — else the generic
    ``column.<name>``) over the machine names; otherwise the machine names alone."""
    from ..messages import MESSAGES, msg

    cols = [str(c) for c in columns]
    if lang != "zh":
        return cols, None
    first = []
    for c in cols:
        key = next((f"{k}.{c}" for k in (*kinds, "column") if f"{k}.{c}" in MESSAGES), None)
        first.append(msg(key) if key else c)
    return first, cols


def _default_format(name: str, s: pd.Series) -> str | None:
    if not pd.api.types.is_numeric_dtype(s) or pd.api.types.is_bool_dtype(s):
        return None
    if "year" in str(name):
        return YEAR_FMT
    if pd.api.types.is_integer_dtype(s):
        return INT_FMT
    return NUMBER_FMT


class Book:
    """A workbook being written (see the module docstring).

    Parameters
    ----------
    lang
        ``"en"`` or ``"zh"``: which header comes first where a table has two.
    """

    def __init__(self, lang: str = "en") -> None:
        self.wb = Workbook()
        self.lang = lang
        self._fresh = True
        self._exact: dict[str, dict[str, str]] = {}
        self._header_rows: dict[str, int] = {}

    def sheet(self, title: str):
        """A new worksheet (the workbook's first sheet is reused once)."""
        if self._fresh:
            ws = self.wb.active
            ws.title = title
            self._fresh = False
            return ws
        return self.wb.create_sheet(title)

    def table(
        self,
        ws,
        frame: pd.DataFrame,
        *,
        headers: Sequence[str] | None = None,
        second: Sequence[str] | None = None,
        formats: Mapping[str, str] | None = None,
        exact: Sequence[str] = (),
        max_width: int = 60,
        start_row: int | None = None,
    ) -> tuple[int, int]:
        """Write ``frame`` as a table at ``start_row`` (default: the sheet's first free row).

        ``headers`` (default the column names) is the first header row and ``second`` an
        optional second one (the machine names under Chinese headers); ``formats`` override
        the number format by column; ``exact`` columns are written bit for bit. Returns the
        first and last rows of the data.
        """
        start = start_row or (ws.max_row + 1 if ws.max_row > 1 or ws["A1"].value else 1)
        cols = list(frame.columns)
        rows = [list(headers or map(str, cols))] + ([list(second)] if second else [])
        for k, r in enumerate(rows):
            for j, h in enumerate(r, start=1):
                cell = ws.cell(start + k, j, cell_value(h))
                cell.font = Font(bold=k == 0, italic=k > 0, color="595959" if k else None)
                cell.fill = HEADER_FILL
                cell.alignment = Alignment(wrap_text=True, vertical="top")
        first = start + len(rows)
        data = [frame[c].tolist() for c in cols]
        for i, row in enumerate(zip(*data, strict=True)):
            for j, v in enumerate(row, start=1):
                ws.cell(first + i, j, cell_value(v))
        last = first + len(frame) - 1
        fmts = {c: f for c in cols if (f := (formats or {}).get(c) or _default_format(c, frame[c]))}
        for j, c in enumerate(cols, start=1):
            if c in fmts and len(frame):
                for (cell,) in ws.iter_rows(min_row=first, max_row=last, min_col=j, max_col=j):
                    cell.number_format = fmts[c]
            sample = [str(v) for v in frame[c].head(200).tolist()]
            width = max(
                [_display_len(str(h[j - 1])) for h in rows] + [_display_len(s) for s in sample]
            )
            letter = get_column_letter(j)
            ws.column_dimensions[letter].width = max(ws.column_dimensions[letter].width or 0,
                                                     min(max(10, width + 2), max_width))  # fmt: skip
        if start == 1:
            ws.freeze_panes = f"A{first}"
            self._header_rows[ws.title] = len(rows)
            if len(frame):
                ws.auto_filter.ref = f"A{len(rows)}:{get_column_letter(len(cols))}{last}"
        if exact:
            self._exact.setdefault(ws.title, {}).update(
                exact_numbers(ws, frame, tuple(exact), first)
            )
        return first, last

    def line(self, ws, *values: object, bold: bool = False, color: str | None = None,
             size: int | None = None, wrap: bool = False) -> int:  # fmt: skip
        """Append one row of values (titles, notes, banners); returns its row number."""
        ws.append([cell_value(v) for v in values] or [None])  # an empty line is a row too
        r = ws.max_row
        for cell in ws[r]:
            cell.font = Font(bold=bold, color=color, size=size)
            if wrap:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            if isinstance(cell.value, int | float) and not isinstance(cell.value, bool):
                cell.number_format = YEAR_FMT if isinstance(cell.value, int) else NUMBER_FMT
        return r

    def banner(self, ws, message: object, width: int = 100) -> int:
        """A warning line that is never cut off: bold red, wrapped, in a column wide enough."""
        r = self.line(ws, message, bold=True, color="C00000", wrap=True)
        ws.column_dimensions["A"].width = max(ws.column_dimensions["A"].width or 0, 40)
        n = max(1, _display_len(str(message)) // width + 1)
        ws.row_dimensions[r].height = 15 * n
        return r

    def bytes(self) -> bytes:
        """The workbook's bytes: print-ready, reproducible, marked as a geep output."""
        return print_ready_bytes(self.wb, self._exact, self._header_rows)

    def save(self, path: str | Path) -> Path:
        """Write the workbook atomically (never a partial file)."""
        path = Path(path)
        atomic_write_bytes(path, self.bytes())
        return path


def print_setup(ws, header_rows: int | None = None) -> None:
    """A4; landscape when wider than :data:`LANDSCAPE_FROM` columns; fit to one page wide;
    the header rows repeated on every page; the print area the used range."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if ws.max_column > LANDSCAPE_FROM else "portrait"
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    if header_rows:
        ws.print_title_rows = f"1:{header_rows}"
    if ws.max_row and ws.max_column:
        ws.print_area = f"A1:{get_column_letter(ws.max_column)}{ws.max_row}"


def print_ready_bytes(wb, exact: Mapping[str, dict[str, str]] | None = None,
                      header_rows: Mapping[str, int] | None = None) -> bytes:  # fmt: skip
    """Bytes of any openpyxl workbook geep builds: every visible sheet set up for printing
    (:func:`print_setup`; a sheet whose header is row 1 repeats it), reproducible and marked."""
    for ws in wb.worksheets:
        if ws.sheet_state != "visible":
            continue
        rows = (header_rows or {}).get(ws.title)
        if rows is None and ws.freeze_panes and ws.freeze_panes.startswith("A"):
            rows = int(ws.freeze_panes[1:]) - 1 or None
        print_setup(ws, rows)
    return workbook_bytes(wb, dict(exact or {}))


def scaled(frame: pd.DataFrame, columns: Sequence[str], divisor: float) -> pd.DataFrame:
    """``frame`` with money ``columns`` divided for presentation (the lines keep exact values)."""
    if divisor == 1.0:
        return frame
    out = frame.copy()
    for c in columns:
        if c in out.columns:
            out[c] = out[c].to_numpy(dtype=float) / divisor
    return out


__all__ = [
    "MONEY_FMT",
    "MONEY_UNITS",
    "Book",
    "headers_for",
    "money_unit",
    "print_ready_bytes",
    "print_setup",
    "scaled",
]
