"""Formatted ledger workbooks: summary, by service, by region, lines, provenance, warnings.

The ``lines`` sheet (contract column names) and the hidden ``_geep_meta`` sheet make the
round trip with :func:`geep.io.ledger_read.read_ledger`. The summary recomputes each account
total with a ``SUMIFS`` formula over the lines next to the value geep computed, so a
spreadsheet that recalculates shows the same number twice. Text cells are neutralised, the
file is written atomically and reproducibly (no time of writing inside).
"""

from __future__ import annotations

import hashlib
import json
import math
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from ..ledger import COLUMNS
from .atomic import atomic_write_bytes
from .ledger_read import LINES_SHEET, META_SHEET
from .safety import FORMULA_PREFIXES
from .xlsxout import cell_value, exact_numbers, style_header, workbook_bytes, write_frame

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
        "totals": "totals by account",
        "recalc": "value recalculated from the lines sheet",
        "by_category": "by region, year, account and category",
        "none": "(none)",
        "key": "item",
        "val": "value",
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
        "totals": "各账户合计",
        "recalc": "由 lines 表重新计算的价值",
        "by_category": "按区域、年份、账户和类别",
        "none": "（无）",
        "key": "项目",
        "val": "内容",
    },
}
#: column headings of the summary sheets in Chinese (the lines sheet keeps contract names)
ZH_COLUMNS = {
    "region_code": "区划代码", "region_name": "区域名称", "year": "年份", "account": "账户",
    "category": "类别", "service": "服务", "indicator": "指标", "quantity": "数量",
    "quantity_unit": "数量单位", "price": "单价", "price_unit": "单价单位", "value": "价值",
    "value_unit": "价值单位", "price_year": "价格年份", "method": "方法", "coefficient": "系数",
    "input_ref": "数据来源单元格", "lines": "行数",
}  # fmt: skip
MONEY_FMT = "#,##0.00"
PRICE_FMT = "#,##0.00##"
#: number format of quantities by canonical unit
QTY_FORMATS = {
    "ha": "#,##0.00",
    "m ** 3": "#,##0",
    "m**3": "#,##0",
    "kWh": "#,##0",
    "visit": "#,##0",
    "CNY": MONEY_FMT,
}
META_CHUNK = 30000  # below Excel's 32,767-character cell limit


def _fsum(s: pd.Series) -> float:
    return math.fsum(s.to_numpy(dtype=float))


def _summary(lines: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Sum of value by ``keys``, never across money units or price years."""
    cols = [*keys, "value_unit", "price_year"]
    if lines.empty:
        return pd.DataFrame(columns=[*cols, "value"])
    out = lines.groupby(cols, sort=True, dropna=False)["value"].agg(_fsum).reset_index()
    return out


def _headers(cols: list[str], lang: str) -> list[str]:
    return [ZH_COLUMNS.get(c, c) for c in cols] if lang == "zh" else list(cols)


def _lines_formats(lines: pd.DataFrame) -> dict[str, str]:
    return {"value": MONEY_FMT, "price": PRICE_FMT}


def _write_lines(ws, lines: pd.DataFrame) -> dict[str, str]:
    write_frame(ws, lines, formats=_lines_formats(lines))
    if lines.empty:
        return {}
    j = list(lines.columns).index("quantity") + 1
    for unit, (cell,) in zip(
        lines["quantity_unit"].tolist(),
        ws.iter_rows(min_row=2, max_row=len(lines) + 1, min_col=j, max_col=j),
        strict=True,
    ):
        cell.number_format = QTY_FORMATS.get(str(unit), "#,##0.00##")
    return exact_numbers(ws, lines, ("quantity", "price", "value"))


def _write_summary(wb: Workbook, ledger: Ledger, lab: dict[str, str], lang: str) -> None:
    ws = wb.active
    ws.title = lab["summary"]
    meta = ledger.meta
    lines = ledger.lines
    years = sorted(int(y) for y in lines["price_year"].dropna().unique())
    profiles = meta.get("profiles") or ({"": meta["profile"]} if meta.get("profile") else {})
    head = [
        [lab["title"]],
        ["geep", meta.get("geep_version", "")],
        [lab["status"], ledger.status],
        ["profile" if lang == "en" else "配置", "; ".join(
            f"{k}={v}" if k else str(v) for k, v in sorted(profiles.items())) or "-"],
        ["price year" if lang == "en" else "价格年份", ", ".join(map(str, years)) or "-"],
    ]  # fmt: skip
    if ledger.status != "released":
        head.append([lab["note_prov"]])
    for r in head:
        ws.append([cell_value(v) for v in r])
    ws["A1"].font = Font(bold=True, size=14)
    if ledger.status != "released":
        ws.cell(len(head), 1).font = Font(bold=True, color="C00000")
    ws.append([])
    ws.append([lab["totals"]])
    ws.cell(ws.max_row, 1).font = Font(bold=True)
    totals = _summary(lines, ["account", "year"])
    years_of_flow = sorted(int(y) for y in lines["year"].unique())
    wide = totals.pivot_table(index=["account", "value_unit", "price_year"], columns="year",
                              values="value", aggfunc="sum", observed=True, sort=True)  # fmt: skip
    col = {c: get_column_letter(i + 1) for i, c in enumerate(lines.columns)}
    n = len(lines) + 1
    start = ws.max_row + 1
    ny = len(years_of_flow)
    ws.append([*_headers(["account", "value_unit", "price_year"], lang),
               *[str(y) for y in years_of_flow],
               *[f"{y} ({lab['recalc']})" for y in years_of_flow]])  # fmt: skip
    style_header(ws, start)

    def rng(c: str) -> str:
        return f"{LINES_SHEET}!${col[c]}$2:${col[c]}${n}"

    for k, (key, row) in enumerate(wide.iterrows(), start=start + 1):
        account, unit, py = key
        values = [None if pd.isna(row.get(y)) else float(row.get(y)) for y in years_of_flow]
        formulas = [
            f"=SUMIFS({rng('value')},{rng('account')},$A{k},{rng('value_unit')},$B{k},"
            f"{rng('price_year')},$C{k},{rng('year')},{y})"
            for y in years_of_flow
        ]
        ws.append([cell_value(account), cell_value(unit), cell_value(py), *values, *formulas])
        for j in range(4, 4 + 2 * ny):
            ws.cell(k, j).number_format = MONEY_FMT
    ws.append([])
    ws.append([lab["by_category"]])
    ws.cell(ws.max_row, 1).font = Font(bold=True)
    cat = _summary(lines, ["region_code", "region_name", "year", "account", "category"])
    start = ws.max_row + 1
    ws.append(_headers(list(cat.columns), lang))
    style_header(ws, start)
    vcol = list(cat.columns).index("value") + 1
    for r in cat.itertuples(index=False):
        ws.append([cell_value(v) for v in r])
        ws.cell(ws.max_row, vcol).number_format = MONEY_FMT
    widths = (18, 18, 12, 12, 14, 12, 12, 20)
    for j, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(j)].width = w
    ws.column_dimensions["D"].width = 20
    ws.column_dimensions["E"].width = 22


def _provenance(ledger: Ledger, lang: str) -> pd.DataFrame:
    meta = ledger.meta
    lines = ledger.lines
    rows: list[tuple[str, str]] = [
        ("geep_version", str(meta.get("geep_version", ""))),
        ("status", ledger.status),
        ("price_year", ", ".join(str(int(y)) for y in sorted(lines["price_year"].dropna().unique()))),
        ("value_unit", ", ".join(sorted(lines["value_unit"].dropna().unique()))),
        ("lines", str(len(lines))),
        ("lines_sha256", hashlib.sha256(ledger.csv_bytes()).hexdigest()),
    ]  # fmt: skip
    for k in sorted(meta):
        if k in ("tables", "warnings", "inputs", "geep_version", "status"):
            continue
        v = meta[k]
        text = (
            json.dumps(v, ensure_ascii=False, sort_keys=True, default=str)
            if isinstance(v, dict | list)
            else str(v)
        )
        rows.append((k, text))
    for ref, digest in sorted(meta.get("tables", {}).items()):
        rows.append((f"table {ref}", f"sha256={digest}"))
    for name, desc in sorted(meta.get("inputs", {}).items()):
        rows.append((f"input {name}", str(desc)))
    lab = LABELS.get(lang, LABELS["en"])
    return pd.DataFrame(rows, columns=[lab["key"], lab["val"]])


def _chunks(text: str) -> list[str]:
    """Split ``text`` into cell-sized pieces, none starting like a formula."""
    out: list[str] = []
    i = 0
    while i < len(text):
        j = min(i + META_CHUNK, len(text))
        while j < len(text) and j > i + 1 and text[j] in FORMULA_PREFIXES:
            j -= 1
        out.append(text[i:j])
        i = j
    return out


def build_workbook(ledger: Ledger, lang: str = "en") -> Workbook:
    """The formatted workbook of ``ledger`` (``lang``: ``"en"`` or ``"zh"`` labels)."""
    return _build(ledger, lang)[0]


def _build(ledger: Ledger, lang: str) -> tuple[Workbook, dict[str, dict[str, str]]]:
    lab = LABELS.get(lang, LABELS["en"])
    wb = Workbook()
    _write_summary(wb, ledger, lab, lang)
    lines = ledger.lines
    for key, keys in (
        ("by_service", ["region_code", "region_name", "year", "account", "category", "service"]),
        ("by_region", ["region_code", "region_name", "year", "account"]),
    ):
        frame = _summary(lines, keys)
        write_frame(wb.create_sheet(lab[key]), frame, _headers(list(frame.columns), lang),
                    formats={"value": MONEY_FMT})  # fmt: skip
    exact = _write_lines(wb.create_sheet(LINES_SHEET), lines[list(COLUMNS) + [
        c for c in lines.columns if c not in COLUMNS]])  # fmt: skip
    write_frame(wb.create_sheet(lab["provenance"]), _provenance(ledger, lang), max_width=100)
    warn = pd.DataFrame({"warning": ledger.warnings or [lab["none"]]})
    write_frame(wb.create_sheet(lab["warnings"]), warn,
                ["提示" if lang == "zh" else "warning"], max_width=150)  # fmt: skip
    meta_ws = wb.create_sheet(META_SHEET)
    text = json.dumps(ledger.meta, ensure_ascii=False, sort_keys=True, default=str)
    for chunk in _chunks(text):
        meta_ws.append([chunk])
    meta_ws.sheet_state = "hidden"
    wb.calculation.fullCalcOnLoad = True
    return wb, {LINES_SHEET: exact}


def workbook_bytes_for(ledger: Ledger, lang: str = "en") -> bytes:
    """The bytes of the formatted workbook for ``ledger`` (reproducible)."""
    wb, exact = _build(ledger, lang)
    return workbook_bytes(wb, exact)


def write_ledger_excel(ledger: Ledger, path: str | Path, lang: str = "en") -> Path:
    """Write ``ledger`` as a formatted workbook at ``path`` (atomically, reproducibly)."""
    path = Path(path)
    atomic_write_bytes(path, workbook_bytes_for(ledger, lang))
    return path
