"""SEEA account workbooks: one sheet per table, identity checks, metadata, notes and the cube.

All workbook writing of :mod:`geep.seea` is in this module (so that it can move onto geep's
shared writer as a whole). Sheet titles start with the SEEA table number; row labels are given
in English and Chinese, column headers bilingually. The ``cube`` sheet holds every cell in the
contract columns and a hidden sheet the metadata, so :func:`read_account` rebuilds the account
and every layout from the workbook. Written with :mod:`geep.io.xlsxout` (neutralised text,
exact numbers, no time stamps) and atomically.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from ..errors import InputError
from ..io.atomic import atomic_write_bytes
from ..io.writer import print_ready_bytes
from ..io.xlsxout import cell_value, exact_numbers, style_header, write_frame
from ..messages import MESSAGES, language_scope, msg, text
from .account import render_both
from .layouts import layout_headers
from .vocab import CHECK_COLUMNS, CUBE_COLUMNS
from .zh import layout_zh, metadata_zh, subtitle_zh

if TYPE_CHECKING:
    from .account import Account

META_SHEET = "_geep_seea"
CUBE_SHEET = "cube"
NUMBER_FORMAT = "#,##0.00"
_FORBIDDEN = str.maketrans({c: " " for c in "[]:*?/\\"})


def _both(code: str, **kw: Any) -> str:
    en, zh = (_in(lang, code, **kw) for lang in ("en", "zh"))
    return en if en == zh else f"{en} / {zh}"


def _in(lang: str, code: str, **kw: Any) -> str:
    with language_scope(lang):
        return msg(code, **kw)


def sheet_title(table: str, lang: str = "en") -> str:
    """``"4.1 Extent 范围"``: the table number, then its short name in both languages
    (``"4.1 范围"`` under ``lang="zh"``)."""
    key = f"seea.sheet.{table}"
    if key in MESSAGES:
        en, zh = MESSAGES[key]
        title = f"{table} {zh}" if lang == "zh" else f"{table} {en} {zh}"
    else:
        title = table
    return title.translate(_FORBIDDEN)[:31]


def _title(code: str, lang: str) -> str:
    return _in("zh", code) if lang == "zh" else _both(code)


def _subtitle(account: Account, table: str, lang: str) -> str:
    meta = account.metadata.get(table, {})
    if lang == "zh":
        return subtitle_zh(meta)
    parts = [f"{k}: {meta[k]}" for k in ("unit", "price_year", "status", "value_concept")
             if meta.get(k) not in (None, "")]  # fmt: skip
    return "; ".join(parts)


def _table_sheet(wb: Workbook, account: Account, table: str, lang: str) -> dict[str, str]:
    ws = wb.create_sheet(sheet_title(table, lang))
    frame = account.layout(table)
    ws.append([cell_value(_title(f"seea.table.{table}", lang))])
    ws["A1"].font = Font(bold=True, size=12)
    ws.append([cell_value(_subtitle(account, table, lang))])
    if lang == "zh":  # Chinese names over the machine names (code columns stay codes)
        frame, *heads = layout_zh(frame)
    else:
        heads = [layout_headers(frame)]
    for k, row in enumerate(heads):
        ws.append([cell_value(h) for h in row])
        style_header(ws, row=3 + k, italic=k > 0)
    first = 3 + len(heads)
    for row in frame.itertuples(index=False):
        ws.append([cell_value(v) for v in row])
    numeric = [c for c in frame.columns if pd.api.types.is_float_dtype(frame[c])]
    for j, c in enumerate(frame.columns, start=1):
        letter = get_column_letter(j)
        if c in numeric:
            for (cell,) in ws.iter_rows(min_row=first, max_row=len(frame) + first - 1,
                                        min_col=j, max_col=j):  # fmt: skip
                cell.number_format = NUMBER_FORMAT
        ws.column_dimensions[letter].width = 14 if c in numeric else 18
    ws.freeze_panes = f"A{first}"
    if len(frame):
        last = get_column_letter(frame.shape[1])
        ws.auto_filter.ref = f"A{first - 1}:{last}{len(frame) + first - 1}"
    return exact_numbers(ws, frame, tuple(numeric), first_row=first)


def _checks_sheet(wb: Workbook, account: Account, lang: str) -> None:
    names = {"table": "seea.hdr.table", "identity": "seea.hdr.identity",
             "region_code": "seea.col.region_code", "period": "seea.col.period",
             "column_code": "seea.hdr.column_code", "lhs": "seea.hdr.lhs",
             "rhs": "seea.hdr.rhs", "residual": "seea.hdr.residual",
             "tolerance": "seea.hdr.tolerance", "ok": "seea.hdr.ok"}  # fmt: skip
    checks = account.checks[list(CHECK_COLUMNS)].copy()
    checks["ok"] = checks["ok"].astype(bool)
    formats = {c: "0.000E+00" for c in ("residual", "tolerance")}
    ws = wb.create_sheet(_plain("checks", lang))
    if lang != "zh":
        write_frame(ws, checks, [_both(names[c]) for c in CHECK_COLUMNS], formats=formats)
        return
    checks["ok"] = checks["ok"].map({True: "是", False: "否"})
    write_frame(ws, checks, [_in("zh", names[c]) for c in CHECK_COLUMNS], formats=formats)
    ws.insert_rows(2)  # the machine names under the Chinese ones
    for j, c in enumerate(CHECK_COLUMNS, start=1):
        ws.cell(2, j, c)
    style_header(ws, row=2, italic=True)
    ws.freeze_panes = "A3"
    ws.auto_filter.ref = f"A2:{get_column_letter(len(CHECK_COLUMNS))}{len(checks) + 2}"


def _plain(key: str, lang: str = "en") -> str:
    en, zh = MESSAGES[f"seea.sheet.{key}"]
    return (zh if lang == "zh" else f"{en} {zh}").translate(_FORBIDDEN)[:31]


def _metadata_frame(account: Account) -> pd.DataFrame:
    rows = []
    for table, meta in account.metadata.items():
        for k, v in meta.items():
            val = (
                v
                if isinstance(v, str | int | float | bool) or v is None
                else json.dumps(v, ensure_ascii=False, sort_keys=True, default=str)
            )
            rows.append({"table": table, "field": k, "value": val})
    return pd.DataFrame(rows, columns=["table", "field", "value"])


def build_workbook(
    account: Account, lang: str = "en"
) -> tuple[Workbook, dict[str, dict[str, str]]]:
    """The workbook of ``account`` and the exact-number patches of its sheets."""
    wb = Workbook()
    wb.remove(wb.active)
    exact: dict[str, dict[str, str]] = {}
    for table in account.tables:
        exact[sheet_title(table, lang)] = _table_sheet(wb, account, table, lang)
    _checks_sheet(wb, account, lang)
    meta = _metadata_frame(account)
    meta = metadata_zh(meta) if lang == "zh" else meta
    write_frame(wb.create_sheet(_plain("metadata", lang)), meta,
                [_title(f"seea.hdr.{c}", lang) for c in ("table", "field", "value")],
                max_width=100)  # fmt: skip
    notes = pd.DataFrame([render_both(n) for n in account.notes] or [{"en": "", "zh": ""}])
    if lang == "zh":
        write_frame(wb.create_sheet(_plain("notes", lang)), notes[["zh"]],
                    [_in("zh", "seea.hdr.note")], max_width=120)  # fmt: skip
    else:
        write_frame(wb.create_sheet(_plain("notes")), notes[["en", "zh"]],
                    ["Note", "说明"], max_width=120)  # fmt: skip
    cube = account.cube[list(CUBE_COLUMNS)]
    ws = wb.create_sheet(CUBE_SHEET)
    write_frame(ws, cube, formats={"value": "General"})
    exact[CUBE_SHEET] = exact_numbers(ws, cube, ("value",))
    meta_ws = wb.create_sheet(META_SHEET)
    payload = json.dumps(account.meta_record(), ensure_ascii=False, sort_keys=True, default=str)
    for k in range(0, len(payload), 30000):  # below Excel's 32,767 characters per cell
        meta_ws.append([payload[k : k + 30000]])
    meta_ws.sheet_state = "hidden"
    return wb, exact


def write_account(account: Account, path: str | Path, lang: str = "en") -> Path:
    """Write ``account`` as a workbook at ``path`` (atomically, reproducibly)."""
    path = Path(path)
    wb, exact = build_workbook(account, lang)
    atomic_write_bytes(path, print_ready_bytes(wb, exact))
    return path


def read_account(path: str | Path) -> Account:
    """Rebuild an :class:`~geep.seea.account.Account` from a workbook written by
    :meth:`~geep.seea.account.Account.to_excel` (cube sheet + hidden metadata)."""
    from openpyxl import load_workbook

    from ..io.preflight import Limits, check_workbook
    from ..io.safety import FORMULA_PREFIXES
    from .account import from_cube

    path = Path(path)
    if not path.exists():
        raise InputError(text("seea.file_missing", file=str(path)), file=str(path),
                         hint=text("seea.hint_file_missing"))  # fmt: skip
    check_workbook(path, Limits.from_env())  # size, zip bombs, external entities
    wb = load_workbook(path, read_only=True, data_only=True)
    try:
        if CUBE_SHEET not in wb.sheetnames:
            raise InputError(text("seea.not_account_book", file=path.name), file=str(path),
                             hint=text("seea.hint_cube"))  # fmt: skip
        rows = list(wb[CUBE_SHEET].iter_rows(values_only=True))
        meta_rows = (
            list(wb[META_SHEET].iter_rows(values_only=True)) if META_SHEET in wb.sheetnames else []
        )
    finally:
        wb.close()
    cube = pd.DataFrame(rows[1:], columns=list(rows[0]))
    for c in CUBE_COLUMNS:
        if c != "value":
            s = cube[c].fillna("").astype(str)
            quoted = s.str.startswith("'") & s.str[1:2].isin(list(FORMULA_PREFIXES))
            cube[c] = s.where(~quoted, s.str[1:])
    cube["value"] = pd.to_numeric(cube["value"], errors="raise").astype(float)
    meta = json.loads("".join(r[0] or "" for r in meta_rows)) if meta_rows else {}
    return from_cube(cube[list(CUBE_COLUMNS)], meta)
