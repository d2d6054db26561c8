"""Comparison workbooks: notes, totals with a native bar chart, side-by-side lines, drivers."""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd
from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from .atomic import atomic_write_bytes
from .safety import neutralise

if TYPE_CHECKING:
    from ..compare import Comparison

HEADER = PatternFill("solid", fgColor="DDEBF7")
WARN = PatternFill("solid", fgColor="FCE4D6")
LABELS = {
    "en": {
        "about": "about",
        "totals": "totals",
        "lines": "side_by_side",
        "drivers": "drivers",
        "title": "geep comparison",
        "unit": "values in {unit} at price year {py}",
        "chart": "Total value by side",
    },
    "zh": {
        "about": "说明",
        "totals": "合计",
        "lines": "逐项对比",
        "drivers": "差异来源",
        "title": "geep 对比",
        "unit": "单位 {unit}，价格年份 {py}",
        "chart": "各方合计价值",
    },
}


def _put(ws, frame: pd.DataFrame, money: tuple[str, ...] = ()) -> None:
    ws.append([str(c) for c in frame.columns])
    for c in ws[ws.max_row]:
        c.font = Font(bold=True)
        c.fill = HEADER
    for row in frame.itertuples(index=False):
        ws.append(
            [
                None
                if (isinstance(v, float) and v != v)
                else (
                    neutralise(v) if isinstance(v, str) else (v.item() if hasattr(v, "item") else v)
                )
                for v in row
            ]
        )
    for j, c in enumerate(frame.columns, start=1):
        letter = get_column_letter(j)
        ws.column_dimensions[letter].width = min(40, max(12, len(str(c)) + 2))
        if c in money or str(c).startswith(("diff:", "value", "per_")) or c in money:
            for cell in ws[letter][1:]:
                cell.number_format = "#,##0.00"
        if str(c).startswith("pct:") or c == "share_of_total_diff":
            for cell in ws[letter][1:]:
                cell.number_format = "0.00"
    ws.freeze_panes = "A2"
    if len(frame):
        ws.auto_filter.ref = f"A1:{get_column_letter(len(frame.columns))}{len(frame) + 1}"


def comparison_bytes(cmp: Comparison, lang: str = "en") -> bytes:
    lab = LABELS.get(lang, LABELS["en"])
    wb = Workbook()
    ws = wb.active
    ws.title = lab["about"]
    ws.append([lab["title"]])
    ws["A1"].font = Font(bold=True, size=14)
    ws.append(["sides", ", ".join(cmp.sides)])
    ws.append([lab["unit"].format(unit=cmp.unit, py=cmp.price_year)])
    for n in cmp.notes:
        ws.append([neutralise("NOTE: " + n)])
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
    _put(tot, wide)
    if len(wide.columns) > 1 and len(wide):
        chart = BarChart()
        chart.title = lab["chart"]
        chart.y_axis.title = cmp.unit
        data = Reference(
            tot, min_col=2, max_col=len(wide.columns), min_row=1, max_row=len(wide) + 1
        )
        cats = Reference(tot, min_col=1, min_row=2, max_row=len(wide) + 1)
        chart.add_data(data, titles_from_data=True)
        chart.set_categories(cats)
        chart.width, chart.height = 18, 9
        tot.add_chart(chart, f"A{len(wide) + 4}")
    detail_start = len(wide) + 24
    tot.cell(detail_start, 1, "per side and account").font = Font(bold=True)
    rows = cmp.totals
    for j, c in enumerate(rows.columns, start=1):
        tot.cell(detail_start + 1, j, str(c)).font = Font(bold=True)
    for i, r in enumerate(rows.itertuples(index=False), start=detail_start + 2):
        for j, v in enumerate(r, start=1):
            tot.cell(
                i,
                j,
                None
                if (isinstance(v, float) and v != v)
                else (
                    neutralise(v) if isinstance(v, str) else (v.item() if hasattr(v, "item") else v)
                ),
            )
    _put(wb.create_sheet(lab["lines"]), cmp.table, money=tuple(cmp.sides))
    _put(wb.create_sheet(lab["drivers"]), cmp.drivers, money=("diff",))
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def write_comparison(cmp: Comparison, path: Path, lang: str = "en") -> Path:
    """Write the comparison workbook atomically."""
    atomic_write_bytes(path, comparison_bytes(cmp, lang))
    return path
