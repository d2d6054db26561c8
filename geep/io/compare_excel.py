"""Comparison workbooks: notes, totals with a native bar chart, side-by-side lines, drivers."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Font, PatternFill

from .xlsxout import cell_value, save_workbook, style_header, workbook_bytes, write_frame

if TYPE_CHECKING:
    from ..comparison import Comparison

WARN = PatternFill("solid", fgColor="FCE4D6")
MONEY = "#,##0.00"
PCT = "0.00"
LABELS = {
    "en": {"about": "about", "totals": "totals", "lines": "side_by_side", "drivers": "drivers",
           "title": "geep comparison", "unit": "values in {unit} at price year {py}",
           "chart": "Total value by side", "detail": "per side and account"},
    "zh": {"about": "说明", "totals": "合计", "lines": "逐项对比", "drivers": "差异来源",
           "title": "geep 对比", "unit": "单位 {unit}，价格年份 {py}", "chart": "各方合计价值",
           "detail": "各方各账户"},
}  # fmt: skip


def _formats(columns, money=()) -> dict[str, str]:
    out = {}
    for c in columns:
        name = str(c)
        if c in money or name.startswith(("diff", "value", "per_")):
            out[c] = MONEY
        elif name.startswith("pct:") or name == "share_of_total_diff":
            out[c] = PCT
    return out


def build_comparison_workbook(cmp: Comparison, lang: str = "en") -> Workbook:
    """The comparison as an openpyxl workbook (see :func:`write_comparison`)."""
    lab = LABELS.get(lang, LABELS["en"])
    wb = Workbook()
    ws = wb.active
    ws.title = lab["about"]
    ws.append([lab["title"]])
    ws["A1"].font = Font(bold=True, size=14)
    ws.append(["sides", cell_value(", ".join(cmp.sides))])
    money = cmp.money or {"": (cmp.unit, cmp.price_year)}
    for acc, (unit, py) in money.items():  # like with like: the money of each account
        ws.append([cell_value(f"{acc}: " if acc else "") + lab["unit"].format(unit=unit, py=py)])
    for n in cmp.notes:
        ws.append([cell_value("NOTE: " + n)])
        ws.cell(ws.max_row, 1).fill = WARN
    ws.column_dimensions["A"].width = 100

    tot = wb.create_sheet(lab["totals"])
    wide = (
        cmp.totals.pivot_table(
            index="side", columns="account", values="value", aggfunc="sum", sort=False
        )
        .reindex(cmp.sides)
        .reset_index()
    )
    write_frame(tot, wide, formats={c: MONEY for c in wide.columns[1:]})
    if len(wide.columns) > 1 and len(wide):
        chart = BarChart()
        chart.title = lab["chart"]
        chart.y_axis.title = cmp.unit
        chart.add_data(
            Reference(tot, min_col=2, max_col=len(wide.columns), min_row=1, max_row=len(wide) + 1),
            titles_from_data=True,
        )
        chart.set_categories(Reference(tot, min_col=1, min_row=2, max_row=len(wide) + 1))
        chart.width, chart.height = 18, 9
        tot.add_chart(chart, f"A{len(wide) + 4}")
    start = len(wide) + 24
    tot.cell(start, 1, lab["detail"]).font = Font(bold=True)
    for j, c in enumerate(cmp.totals.columns, start=1):
        tot.cell(start + 1, j, str(c))
    style_header(tot, start + 1)
    for i, r in enumerate(cmp.totals.itertuples(index=False), start=start + 2):
        for j, v in enumerate(r, start=1):
            tot.cell(i, j, cell_value(v))
    lines = wb.create_sheet(lab["lines"])
    write_frame(lines, cmp.table, formats=_formats(cmp.table.columns, tuple(cmp.sides)))
    drivers = wb.create_sheet(lab["drivers"])
    write_frame(drivers, cmp.drivers, formats=_formats(cmp.drivers.columns))
    return wb


def comparison_bytes(cmp: Comparison, lang: str = "en") -> bytes:
    """Reproducible bytes of the comparison workbook."""
    return workbook_bytes(build_comparison_workbook(cmp, lang))


def write_comparison(cmp: Comparison, path: Path, lang: str = "en") -> Path:
    """Write the comparison workbook atomically."""
    save_workbook(build_comparison_workbook(cmp, lang), path)
    return Path(path)
