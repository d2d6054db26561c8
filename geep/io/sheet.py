"""One raw sheet → one validated input table, every issue located at its cell.

Finds the header row (one row, or two rows: the bilingual headers of ``geep template``),
reports what only the file shows — Excel error values, formulas without a saved result, merged
cells, values under no header — and hands the table to :func:`geep.inputs.normalise.normalise`
with a ``where`` callback that names each cell as ``file!sheet!D7``.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from openpyxl.utils import column_index_from_string, get_column_letter, range_boundaries

from ..errors import GeepError
from ..inputs.columns import map_headers
from ..inputs.normalise import Locator, match_column, normalise
from ..inputs.report import Issue
from ..inputs.spec import TABLES, TableDef
from ..messages import msg
from ..units import factor, split_header
from .cells import EXCEL_ERRORS, RawSheet

HEADER_SEARCH_ROWS = 10


def _blank(v: object) -> bool:
    return (
        v is None
        or (isinstance(v, str) and v.strip() == "")
        or (isinstance(v, float) and math.isnan(v))
    )


def _has_data(row: tuple) -> bool:
    """True if any cell of ``row`` holds something (fast path of ``not all(_blank)``)."""
    for v in row:
        if v is None:
            continue
        if v.__class__ is str:
            if v.strip():
                return True
            continue
        if v.__class__ is float and v != v:
            continue
        return True
    return False


def _recognised(table: TableDef, row: tuple) -> int:
    return sum(
        1 for v in row if isinstance(v, str) and match_column(table, v) not in (None, "unit")
    )


def find_header(rows: list[tuple], table: str | TableDef) -> tuple[int, int | None]:
    """Index of the header row and of a second (bilingual) header row, if any."""
    spec = TABLES[table] if isinstance(table, str) else table
    need = min(2, sum(c.required for c in spec.columns))
    first_nonempty = None
    for k, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        if first_nonempty is None and any(not _blank(v) for v in row):
            first_nonempty = k
        if _recognised(spec, row) >= need:
            nxt = rows[k + 1] if k + 1 < len(rows) else ()
            numeric = any(isinstance(v, int | float) and not isinstance(v, bool) for v in nxt)
            second = k + 1 if not numeric and _recognised(spec, nxt) >= need else None
            return k, second
    return (first_nonempty or 0), None


def _combine(table: TableDef, h1: object, h2: object) -> tuple[str | None, tuple[str, str] | None]:
    """Header text of one column from two header rows, and a unit conflict if any."""
    t1 = None if _blank(h1) else str(h1).strip()
    t2 = None if _blank(h2) else str(h2).strip()
    if t2 is None:
        return t1, None
    if t1 is None:
        return t2, None
    m1, m2 = match_column(table, t1), match_column(table, t2)
    chosen, other = (t1, t2) if m1 or not m2 else (t2, t1)
    u_c, u_o = split_header(chosen)[1], split_header(other)[1]
    conflict = None
    if m1 and m1 == m2 and u_c and u_o and u_c != u_o:
        try:
            same = abs(factor(u_c, u_o) - 1.0) < 1e-12
        except GeepError:
            same = False
        if not same:
            conflict = (u_c, u_o) if chosen is t1 else (u_o, u_c)
    if u_c is None and u_o is not None and match_column(table, other):
        chosen = f"{chosen} ({u_o})"
    return chosen, conflict


@dataclass
class SheetTable:
    """One sheet read as a table: the normalised frame, every issue, and where its cells are.

    ``where(position, column)`` names the cell of a row as read (``file!sheet!H6``; the
    column canonical or as headed) — with a spec that keeps positions, the checks a domain
    runs on the normalised frame name any cell of the row.
    """

    frame: pd.DataFrame
    issues: list[Issue] = field(default_factory=list)
    where: Locator | None = None


class _Sheet:
    """The state of reading one sheet: its spec, header, cells and the issues found."""

    def __init__(self, raw: RawSheet, spec: TableDef) -> None:
        self.raw, self.spec, self.pre = raw, spec, raw.prefix
        self.issues: list[Issue] = []
        self.handled: set[str] = set()
        self.bad_rows: set[int] = set()  # spreadsheet rows with an unusable cell

    def issue(self, where: str, problem, hint="", value=None, col=None, sev="error") -> None:
        v = None if value is None else str(value)
        self.issues.append(Issue(self.spec.name, where, col, v, problem, hint, sev))

    def header(self, h: int, h2: int | None) -> list[str | None]:
        """The header text of every column (two header rows combined), units compared."""
        rows = self.raw.rows
        row1, row2 = rows[h], (rows[h2] if h2 is not None else ())
        header: list[str | None] = []
        for j in range(max(len(row1), len(row2))):
            text, conflict = _combine(
                self.spec, row1[j] if j < len(row1) else None, row2[j] if j < len(row2) else None
            )
            header.append(text)
            if conflict:
                self.issue(f"{self.pre}!{get_column_letter(j + 1)}{h + 1}",
                           msg("io.header_units", column=text, a=conflict[0], b=conflict[1]),
                           msg("hint.header_units"), col=text)  # fmt: skip
        while header and header[-1] is None:
            header.pop()
        return header

    def merged(self, last_header: int) -> None:
        """Merged ranges: in the header an error, in the data one error per range."""
        for ref in self.raw.merged:
            c1, r1, c2, r2 = range_boundaries(ref)
            if r1 <= last_header + 1:
                self.issue(f"{self.pre}!{ref}", msg("io.merged_header", ref=ref),
                           msg("hint.merged_header"))  # fmt: skip
            else:
                self.issue(f"{self.pre}!{ref}", msg("io.merged_data", ref=ref),
                           msg("hint.merged_data"))  # fmt: skip
            for r in range(r1, r2 + 1):
                if r > last_header + 1:
                    self.bad_rows.add(r)
                for c in range(c1, c2 + 1):
                    if (r, c) != (r1, c1):
                        self.handled.add(f"{self.pre}!{get_column_letter(c)}{r}")

    def columns(self, header: list, h: int, data_idx: list[int]) -> list[int]:
        """Columns kept (one per non-empty, distinct header); values under no header and
        repeated headers are reported."""
        rows, width = self.raw.rows, len(header)
        stray: set[int] = set()
        unnamed = [j for j in range(width) if header[j] is None]
        for k in data_idx:
            r = rows[k]
            stray.update(j for j in unnamed if j < len(r) and not _blank(r[j]))
            stray.update(j for j in range(width, len(r)) if not _blank(r[j]))
        for j in sorted(stray):
            letter = get_column_letter(j + 1)
            self.issue(f"{self.pre}!{letter}{h + 1}", msg("io.stray_column", letter=letter),
                       msg("hint.stray_column"), sev="warning")  # fmt: skip
        keep: list[int] = []
        seen: dict[str, int] = {}
        for j, text in enumerate(header):
            if text is None:
                continue
            if text in seen:
                a, b = get_column_letter(seen[text] + 1), get_column_letter(j + 1)
                self.issue(f"{self.pre}!{b}{h + 1}", msg("io.duplicate_header", column=text,
                           a=f"{a}{h + 1}", b=f"{b}{h + 1}"), msg("hint.two_sheets"), col=text)  # fmt: skip
                continue
            seen[text] = j
            keep.append(j)
        return keep

    def cells(self, header: list, keep: list[int], data_idx: list[int]) -> dict[str, list]:
        """Cell values by column: Excel errors and formulas without a saved value are errors
        at their cell, never blanks."""
        rows, pre = self.raw.rows, self.pre
        columns: dict[str, list] = {header[j]: [] for j in keep}
        targets = [(j, columns[header[j]]) for j in keep]
        for k in data_idx:
            r = rows[k]
            n = len(r)
            for j, col in targets:
                v = r[j] if j < n else None
                if v.__class__ is str and v[:1] == "#" and v.upper() in EXCEL_ERRORS:
                    loc = f"{pre}!{get_column_letter(j + 1)}{k + 1}"
                    self.issue(loc, msg("io.excel_error", value=v), msg("hint.excel_error"), v,
                               header[j])  # fmt: skip
                    self.handled.add(loc)
                    self.bad_rows.add(k + 1)
                    v = None
                col.append(v)
        for ref, formula in self.raw.uncached.items():
            loc = f"{pre}!{ref}"
            m = _CELL.search("!" + ref)
            j = column_index_from_string(m.group(1)) - 1
            self.issue(loc, msg("io.formula_uncached", formula=formula),
                       msg("hint.formula_uncached"), formula,
                       header[j] if j < len(header) else None)  # fmt: skip
            self.handled.add(loc)
            self.bad_rows.add(int(m.group(2)))
        return columns


def read_sheet(raw: RawSheet, table: str | TableDef, decimal: str | None = None) -> SheetTable:
    """Validate and normalise ``raw`` as the table ``table`` (a name of
    :data:`~geep.inputs.spec.TABLES` or any spec).

    Returns
    -------
    SheetTable
        The normalised table (empty if the sheet has no data rows), every issue, each
        located at its cell (``file!sheet!D7``), header cell or sheet, and the locator of
        the cells of its rows.
    """
    spec = TABLES[table] if isinstance(table, str) else table
    st = _Sheet(raw, spec)
    rows, pre = raw.rows, raw.prefix
    if not any(_has_data(r) for r in rows):
        return SheetTable(pd.DataFrame(), st.issues)
    h, h2 = find_header(rows, spec)
    last_header = h2 if h2 is not None else h
    if h > 0:
        st.issue(pre, msg("io.header_row", row=h + 1), sev="note")
    header = st.header(h, h2)
    st.merged(last_header)
    data_idx = [k for k in range(last_header + 1, len(rows)) if _has_data(rows[k])]
    keep = st.columns(header, h, data_idx)
    columns = st.cells(header, keep, data_idx)
    if not data_idx:
        return SheetTable(pd.DataFrame(), sorted(st.issues, key=_position))
    frame = pd.DataFrame(columns, dtype=object)
    letters = {header[j]: get_column_letter(j + 1) for j in keep}
    primary = next(
        (header[j] for c in spec.columns if c.kind in ("quantity", "number", "decimal")
         for j in keep if match_column(spec, header[j]) == c.name),
        None,
    )  # fmt: skip
    last = get_column_letter(max(len(header), 1))
    where = CellRefs(pre, [k + 1 for k in data_idx], letters, primary, last)

    def header_where(col: str | None) -> str:
        if col is not None and col in letters:
            return f"{pre}!{letters[col]}{h + 1}"
        return f"{pre}!A{h + 1}:{last}{h + 1}"

    exclude = np.isin(where.excel_rows, sorted(st.bad_rows)) if st.bad_rows else None
    df, more = normalise(frame, spec, where=where, source=pre, header_where=header_where,
                         decimal=decimal, ambiguous_comma=raw.delimiter in (";", "\t"),
                         exclude=exclude)  # fmt: skip
    st.issues.extend(i for i in more if i.where not in st.handled)
    mapping = map_headers(spec, frame.columns).mapping
    return SheetTable(df, sorted(st.issues, key=_position), Locator(where, mapping))


def read_table(
    raw: RawSheet, table: str | TableDef, decimal: str | None = None
) -> tuple[pd.DataFrame, list[Issue]]:
    """Validate and normalise ``raw`` as input table ``table``: ``(frame, issues)`` (see
    :func:`read_sheet`)."""
    t = read_sheet(raw, table, decimal)
    return t.frame, t.issues


_CELL = re.compile(r"!([A-Z]+)([0-9]+)(?::[A-Z]+[0-9]+)?$")


def _position(issue: Issue) -> tuple[int, int]:
    """Sort key of an issue: sheet-level first, then by row and column of its cell."""
    m = _CELL.search(issue.where)
    if m is None:
        return (0, 0)
    return (int(m.group(2)), column_index_from_string(m.group(1)))


class CellRefs:
    """``where`` callback of :func:`normalise`: row position and header → ``file!sheet!D7``.

    A row without a column is named by the cell of the table's value column (``primary``),
    or by the row's range when the table has none.
    """

    def __init__(
        self, pre: str, excel_rows: list[int], letters: dict[str, str], primary: str | None,
        last: str,
    ) -> None:  # fmt: skip
        self.pre, self.excel_rows, self.letters = pre, excel_rows, letters
        self.primary, self.last = primary, last

    def __call__(self, i: int, col: str | None = None) -> str:
        r = self.excel_rows[i]
        col = col if col is not None else self.primary
        if col is None or col not in self.letters:
            return f"{self.pre}!A{r}:{self.last}{r}"
        return f"{self.pre}!{self.letters[col]}{r}"

    def rows(self, n: int) -> list[str]:
        """Locations of rows ``0 … n-1`` (vectorised form of ``where(i, None)``)."""
        if self.primary is None or self.primary not in self.letters:
            return [self(i) for i in range(n)]
        head = f"{self.pre}!{self.letters[self.primary]}"
        return [f"{head}{r}" for r in self.excel_rows[:n]]

    def row(self, i: int) -> str:
        """The row as a whole: ``file!sheet!row 7``."""
        return f"{self.pre}!row {self.excel_rows[i]}"


from .sheetnames import (  # noqa: E402 - kept here for callers of the first reader
    AUX_SHEETS,
    SHEET_ALIASES,
    is_exact_sheet_name,
    sheet_suggestion,
    table_for_sheet,
)

__all__ = ["AUX_SHEETS", "SHEET_ALIASES", "CellRefs", "SheetTable", "find_header",
           "is_exact_sheet_name", "read_sheet", "read_table", "sheet_suggestion",
           "table_for_sheet"]  # fmt: skip
