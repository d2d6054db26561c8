"""Formatted ledger workbooks: summary, by service, by region, lines, provenance, warnings."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from .atomic import atomic_write_bytes
from .ledger_read import LINES_SHEET, META_SHEET
from .safety import neutralise

if TYPE_CHECKING:
    from ..ledger import Ledger

LABELS = {
    "en": {
        "summary": "summary",
        "by_service": "by_service",
        "by_region": "by_region",
        "provenance": "provenance",
        "warnings": "warnings",
        "title": "geep ledger",
        "status": "status",
        "note_prov": "PROVISIONAL: uses provisional coefficients",
    },
    "zh": {
        "summary": "汇总",
        "by_service": "按服务",
        "by_region": "按区域",
        "provenance": "来源",
        "warnings": "提示",
        "title": "geep 核算账户",
        "status": "状态",
        "note_prov": "暂定结果：使用了暂定（未正式发布）的系数",
    },
}
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
MONEY_FMT = "#,##0.00"
QTY_FMT = "#,##0.####"
META_CHUNK = 30000  # below Excel's 32,767-character cell limit


def _write_frame(ws, frame: pd.DataFrame, money_cols=(), qty_cols=()) -> None:
    ws.append([str(c) for c in frame.columns])
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in frame.itertuples(index=False):
        ws.append(
            [
                None
                if (isinstance(v, float) and v != v) or v is pd.NA
                else (
                    neutralise(v)
                    if isinstance(v, str)
                    else (
                        int(v)
                        if hasattr(v, "item") and float(v).is_integer() and not isinstance(v, float)
                        else (v.item() if hasattr(v, "item") else v)
                    )
                )
                for v in row
            ]
        )
    cols = list(frame.columns)
    for j, c in enumerate(cols, start=1):
        letter = get_column_letter(j)
        fmt = MONEY_FMT if c in money_cols else (QTY_FMT if c in qty_cols else None)
        if fmt:
            for cell in ws[letter][1:]:
                cell.number_format = fmt
        width = max([len(str(c))] + [len(str(v)) for v in frame[c].head(200).tolist()])
        ws.column_dimensions[letter].width = min(max(10, width + 2), 60)
    ws.freeze_panes = "A2"
    if len(frame):
        ws.auto_filter.ref = f"A1:{get_column_letter(len(cols))}{len(frame) + 1}"


def workbook_bytes(ledger: Ledger, lang: str = "en") -> bytes:
    """The bytes of the formatted workbook for ``ledger``."""
    lab = LABELS.get(lang, LABELS["en"])
    wb = Workbook()
    ws = wb.active
    ws.title = lab["summary"]
    head = [
        [lab["title"]],
        [f"geep {ledger.meta.get('geep_version', '')}"],
        [lab["status"], ledger.status],
    ]
    if ledger.status != "released":
        head.append([lab["note_prov"]])
    for r in head:
        ws.append([neutralise(v) for v in r])
    ws["A1"].font = Font(bold=True, size=14)
    ws.append([])
    summary = ledger.by_category()
    start = ws.max_row + 1
    ws.append(list(summary.columns))
    for cell in ws[start]:
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
    for row in summary.itertuples(index=False):
        ws.append(
            [
                neutralise(v) if isinstance(v, str) else (v.item() if hasattr(v, "item") else v)
                for v in row
            ]
        )
    vcol = list(summary.columns).index("value") + 1
    for r in range(start + 1, ws.max_row + 1):
        ws.cell(r, vcol).number_format = MONEY_FMT
    for j in range(1, len(summary.columns) + 1):
        ws.column_dimensions[get_column_letter(j)].width = 16

    _write_frame(wb.create_sheet(lab["by_service"]), ledger.by_service(), money_cols=("value",))
    _write_frame(wb.create_sheet(lab["by_region"]), ledger.by_region(), money_cols=("value",))
    _write_frame(
        wb.create_sheet(LINES_SHEET),
        ledger.lines,
        money_cols=("value", "price"),
        qty_cols=("quantity",),
    )
    prov = wb.create_sheet(lab["provenance"])
    prov_rows = [("key", "value")]
    for k in sorted(ledger.meta):
        if k in ("tables", "warnings"):
            continue
        v = ledger.meta[k]
        prov_rows.append(
            (
                k,
                json.dumps(v, ensure_ascii=False, sort_keys=True, default=str)
                if isinstance(v, dict | list)
                else str(v),
            )
        )
    for ref, digest in sorted(ledger.meta.get("tables", {}).items()):
        prov_rows.append((f"table {ref}", f"sha256 {digest}"))
    _write_frame(prov, pd.DataFrame(prov_rows[1:], columns=prov_rows[0]))
    warn = pd.DataFrame({"warning": ledger.warnings or ["(none)"]})
    _write_frame(wb.create_sheet(lab["warnings"]), warn)
    meta_ws = wb.create_sheet(META_SHEET)
    text = json.dumps(ledger.meta, ensure_ascii=False, sort_keys=True, default=str)
    for i in range(0, len(text), META_CHUNK):
        meta_ws.append([text[i : i + META_CHUNK]])
    meta_ws.sheet_state = "hidden"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def write_ledger_excel(ledger: Ledger, path: str | Path, lang: str = "en") -> Path:
    """Write ``ledger`` as a formatted workbook at ``path`` (atomically)."""
    path = Path(path)
    atomic_write_bytes(path, workbook_bytes(ledger, lang))
    return path
