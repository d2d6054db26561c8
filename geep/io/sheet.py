"""One raw sheet → one validated input table, every issue located at its cell.

Finds the header row (one row, or two rows: the bilingual headers of ``geep template``),
reports what only the file shows — Excel error values, formulas without a saved result, merged
cells, values under no header — and hands the table to :func:`geep.inputs.normalise.normalise`
with a ``where`` callback that names each cell as ``file!sheet!D7``.
"""

from __future__ import annotations

import math
import re
import unicodedata

import pandas as pd
from openpyxl.utils import column_index_from_string, get_column_letter, range_boundaries

from ..errors import GeepError
from ..inputs.normalise import match_column, normalise
from ..inputs.report import Issue
from ..inputs.spec import TABLES
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


def _recognised(table: str, row: tuple) -> int:
    return sum(
        1 for v in row if isinstance(v, str) and match_column(table, v) not in (None, "unit")
    )


def find_header(rows: list[tuple], table: str) -> tuple[int, int | None]:
    """Index of the header row and of a second (bilingual) header row, if any."""
    need = min(2, sum(c.required for c in TABLES[table].columns))
    first_nonempty = None
    for k, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        if first_nonempty is None and any(not _blank(v) for v in row):
            first_nonempty = k
        if _recognised(table, row) >= need:
            nxt = rows[k + 1] if k + 1 < len(rows) else ()
            numeric = any(isinstance(v, int | float) and not isinstance(v, bool) for v in nxt)
            second = k + 1 if not numeric and _recognised(table, nxt) >= need else None
            return k, second
    return (first_nonempty or 0), None


def _combine(table: str, h1: object, h2: object) -> tuple[str | None, tuple[str, str] | None]:
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


def read_table(
    raw: RawSheet, table: str, decimal: str | None = None
) -> tuple[pd.DataFrame, list[Issue]]:
    """Validate and normalise ``raw`` as input table ``table``.

    Returns
    -------
    (DataFrame, list[Issue])
        The normalised table (empty if the sheet has no data rows) and every issue, each
        located at its cell (``file!sheet!D7``), header cell or sheet.
    """
    spec = TABLES[table]
    issues: list[Issue] = []
    handled: set[str] = set()
    rows = raw.rows
    pre = raw.prefix

    def issue(where: str, problem: str, hint: str = "", value=None, col=None, sev="error"):
        issues.append(
            Issue(table, where, col, None if value is None else str(value), problem, hint, sev)
        )

    if not any(_has_data(r) for r in rows):
        return pd.DataFrame(), issues
    h, h2 = find_header(rows, table)
    last_header = h2 if h2 is not None else h
    if h > 0:
        issue(pre, msg("io.header_row", row=h + 1), sev="note")
    row1 = rows[h]
    row2 = rows[h2] if h2 is not None else ()
    width = max(len(row1), len(row2))
    header: list[str | None] = []
    for j in range(width):
        text, conflict = _combine(
            table, row1[j] if j < len(row1) else None, row2[j] if j < len(row2) else None
        )
        header.append(text)
        if conflict:
            letter = get_column_letter(j + 1)
            issue(
                f"{pre}!{letter}{h + 1}",
                msg("io.header_units", column=text, a=conflict[0], b=conflict[1]),
                msg("hint.header_units"),
                col=text,
            )
    while header and header[-1] is None:
        header.pop()
    width = len(header)

    # merged ranges: in the header → error; in the data → one error per range
    for ref in raw.merged:
        c1, r1, c2, r2 = range_boundaries(ref)
        if r1 <= last_header + 1:
            issue(f"{pre}!{ref}", msg("io.merged_header", ref=ref), msg("hint.merged_header"))
        else:
            issue(f"{pre}!{ref}", msg("io.merged_data", ref=ref), msg("hint.merged_data"))
        for r in range(r1, r2 + 1):
            for c in range(c1, c2 + 1):
                if (r, c) != (r1, c1):
                    handled.add(f"{pre}!{get_column_letter(c)}{r}")

    # columns: one per non-empty, distinct header
    keep: list[int] = []
    seen: dict[str, int] = {}
    stray: set[int] = set()
    data_idx = [k for k in range(last_header + 1, len(rows)) if _has_data(rows[k])]
    unnamed = [j for j in range(width) if header[j] is None]
    for k in data_idx:
        r = rows[k]
        for j in unnamed:
            if j < len(r) and not _blank(r[j]):
                stray.add(j)
        for j in range(width, len(r)):
            if not _blank(r[j]):
                stray.add(j)
    for j in sorted(stray):
        letter = get_column_letter(j + 1)
        issue(
            f"{pre}!{letter}{h + 1}",
            msg("io.stray_column", letter=letter),
            msg("hint.stray_column"),
            sev="warning",
        )
    for j, text in enumerate(header):
        if text is None:
            continue
        if text in seen:
            a, b = get_column_letter(seen[text] + 1), get_column_letter(j + 1)
            issue(
                f"{pre}!{b}{h + 1}",
                msg("io.duplicate_header", column=text, a=f"{a}{h + 1}", b=f"{b}{h + 1}"),
                msg("hint.two_sheets"),
                col=text,
            )
            continue
        seen[text] = j
        keep.append(j)

    # cells: Excel errors and formulas without a saved value are errors, never blanks
    columns: dict[str, list] = {header[j]: [] for j in keep}
    targets = [(j, columns[header[j]]) for j in keep]
    excel_rows = [k + 1 for k in data_idx]
    for k in data_idx:
        r = rows[k]
        n = len(r)
        for j, col in targets:
            v = r[j] if j < n else None
            if v.__class__ is str and v[:1] == "#" and v.upper() in EXCEL_ERRORS:
                loc = f"{pre}!{get_column_letter(j + 1)}{k + 1}"
                issue(loc, msg("io.excel_error", value=v), msg("hint.excel_error"), v,
                      header[j])  # fmt: skip
                handled.add(loc)
                v = None
            col.append(v)
    for ref, formula in raw.uncached.items():
        loc = f"{pre}!{ref}"
        j = column_index_from_string(_CELL.search("!" + ref).group(1)) - 1
        issue(loc, msg("io.formula_uncached", formula=formula), msg("hint.formula_uncached"),
              formula, header[j] if j < len(header) else None)  # fmt: skip
        handled.add(loc)
    if not data_idx:
        return pd.DataFrame(), sorted(issues, key=_position)

    frame = pd.DataFrame(columns, dtype=object)
    letters = {header[j]: get_column_letter(j + 1) for j in keep}
    primary = next(
        (
            header[j]
            for c in spec.columns
            if c.kind in ("quantity", "number")
            for j in keep
            if match_column(table, header[j]) == c.name
        ),
        None,
    )
    last = get_column_letter(max(width, 1))
    where = CellRefs(pre, excel_rows, letters, primary, last)

    def header_where(col: str | None) -> str:
        if col is not None and col in letters:
            return f"{pre}!{letters[col]}{h + 1}"
        return f"{pre}!A{h + 1}:{last}{h + 1}"

    df, more = normalise(frame, table, where=where, source=pre, header_where=header_where,
                         decimal=decimal, ambiguous_comma=raw.delimiter in (";", "\t"))  # fmt: skip
    issues.extend(i for i in more if i.where not in handled)
    return df, sorted(issues, key=_position)


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


# --- sheet names --------------------------------------------------------------------------

SHEET_ALIASES: dict[str, tuple[str, ...]] = {
    "regions": ("region", "区域", "行政区", "行政区划", "区域信息"),
    "land_cover": (
        "landcover",
        "land_use",
        "landuse",
        "土地利用",
        "土地覆盖",
        "土地覆被",
        "地类面积",
    ),
    "quantities": ("quantity", "功能量", "实物量", "生态系统功能量"),
    "drivers": ("driver", "驱动因子", "参数"),
    "economy": ("经济", "经济数据", "经济核算"),
    "monitoring": ("水质", "水质监测", "断面监测"),
    "flows": ("flow", "流量", "水量"),
}
#: sheets of geep's own workbooks that are not input tables (skipped silently)
AUX_SHEETS = frozenset({"instructions", "说明", "填表说明", "_lists", "_geep_meta", "lists"})


def _fold(s: str) -> str:
    return unicodedata.normalize("NFKC", s).strip().lower().replace(" ", "_").replace("-", "_")


def _names() -> dict[str, str]:
    out: dict[str, str] = {}
    for t, spec in TABLES.items():
        for n in (t, spec.zh, *SHEET_ALIASES.get(t, ())):
            out[_fold(n)] = t
    return out


def table_for_sheet(title: str) -> str | None:
    """Input table a sheet name stands for: ``land_cover``, ``土地覆被``, ``土地覆被 land_cover``."""
    names = _names()
    f = _fold(title)
    if f in names:
        return names[f]
    for token in f.replace("（", "(").replace("(", "_").replace(")", "_").split("_"):
        if token and token in names:
            return names[token]
    # Chinese names inside a longer name, e.g. "2020年土地覆被" or "土地覆被land_cover"
    hits = {t for n, t in names.items() if not n.isascii() and len(n) > 1 and n in f}
    return hits.pop() if len(hits) == 1 else None


def is_exact_sheet_name(title: str) -> bool:
    """True if ``title`` is a table's English or Chinese name or alias (not a partial match)."""
    return _fold(title) in _names()


def sheet_suggestion(title: str) -> str | None:
    """The table name closest to an unknown sheet name (``None`` if nothing is close)."""
    import difflib

    names = _names()
    close = difflib.get_close_matches(_fold(title), list(names), n=1, cutoff=0.75)
    return names[close[0]] if close else None
