"""Workbooks of uncertainty results: the quantile ledger, sensitivity indices, settlement
draws — written atomically and reproducibly like a ledger workbook (no time of writing
inside, formula-like text neutralised, doubles written exactly).

The model objects find these writers through :mod:`geep._formats`
(``uncertainty.write_ledger``, ``uncertainty.write_sensitivity``,
``uncertainty.write_settlement``); sheet names and the settings labels come from the message
catalogue in the language asked for.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd
from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from ..messages import label, language, language_scope, msg
from .atomic import atomic_write_bytes
from .writer import headers_for
from .xlsxout import exact_numbers, style_header, workbook_bytes, write_frame

MONEY = "#,##0.00"


def _sheet(wb: Workbook, code: str, frame: pd.DataFrame, exact: dict, money=(),
           groups: object = None) -> None:  # fmt: skip
    ws = wb.create_sheet(msg(code)[:31])
    cols = [c for c in frame.columns if c in money]
    zh = language() == "zh" and code not in ("uncertainty.xl_settings", "uncertainty.xl_notes")
    if zh:  # Chinese names beside the codes, 是/否, Chinese headers over the machine names
        frame = for_zh(frame, groups)
    heads = headers_for(frame.columns, "zh", "uncertainty.col")[0] if zh else None
    write_frame(ws, frame, heads, formats={c: MONEY for c in cols})
    first = 2
    if zh:
        ws.insert_rows(2)
        for j, c in enumerate(frame.columns, start=1):
            ws.cell(2, j, str(c))
        style_header(ws, row=2, italic=True)
        ws.freeze_panes, first = "A3", 3
        if len(frame):
            ws.auto_filter.ref = f"A2:{get_column_letter(frame.shape[1])}{len(frame) + 2}"
    numbers = tuple(c for c in frame.columns if pd.api.types.is_float_dtype(frame[c]))
    exact[ws.title] = exact_numbers(ws, frame, numbers, first_row=first)


def for_zh(frame: pd.DataFrame, groups: object = None) -> pd.DataFrame:
    """A result table for a Chinese reader: ``group_label`` beside ``group`` (the names of
    the grouped codes), ``dist_label`` beside ``dist``, booleans as 是/否."""
    out = frame.copy()
    kind = groups if isinstance(groups, str) else None
    for col, name in (("group", lambda v: label(kind, v) if kind else str(v)),
                      ("dist", lambda v: label("uncertainty.dist", v))):  # fmt: skip
        if col in out.columns:
            out.insert(out.columns.get_loc(col) + 1, f"{col}_label", out[col].map(name))
    for c in out.columns:
        if pd.api.types.is_bool_dtype(out[c]) or set(out[c].dropna().map(type)) == {bool}:
            out[c] = out[c].map({True: "是", False: "否"}).astype(object)
    return out


def _settings(items: dict[str, Any]) -> pd.DataFrame:
    zh = language() == "zh"
    rows = [(label("uncertainty.set", k) if zh else k,
             _setting_value(k, v, zh) if isinstance(v, str | int | float)
             else json.dumps(v, ensure_ascii=False, default=str, sort_keys=True))
            for k, v in items.items()]  # fmt: skip
    return pd.DataFrame(rows, columns=[msg("uncertainty.xl_item"), msg("uncertainty.xl_value")])


def _setting_value(key: str, value: object, zh: bool) -> object:
    if zh and key == "status":
        return label("status", value)
    if zh and key in ("technique", "sampling"):
        return label(f"uncertainty.{key}", value)
    return value


def _notes(notes: list[str]) -> pd.DataFrame:
    return pd.DataFrame({msg("uncertainty.xl_note"): notes or [msg("uncertainty.xl_none")]})


def _save(wb: Workbook, exact: dict, path: str | Path) -> Path:
    del wb[wb.sheetnames[0]]
    path = Path(path)
    atomic_write_bytes(path, workbook_bytes(wb, exact))
    return path


def write_quantile_ledger(ql, path: str | Path, lang: str = "en") -> Path:
    """Sheets: quantiles (one row per line), varied coefficients, settings, notes."""
    with language_scope(lang):
        wb, exact = Workbook(), {}
        q = [c for c in ql.lines.columns if c.startswith("q") and c[1:2].isdigit()]
        _sheet(wb, "uncertainty.xl_quantiles", ql.lines, exact, ("deterministic", "mean", "sd", *q))
        _sheet(wb, "uncertainty.xl_varied", ql.varied, exact)
        settings = dict(ql.meta.get("uncertainty", {}))
        settings["status"] = ql.status
        if ql.meta.get("widths"):
            named = (lambda k: label("evidence", k)) if lang == "zh" else str
            settings["defaults"] = msg("uncertainty.defaults_note", widths=", ".join(
                f"{named(k)} {v:.0%}" for k, v in sorted(ql.meta["widths"].items())))  # fmt: skip
        _sheet(wb, "uncertainty.xl_settings", _settings(settings), exact)
        notes = [*ql.meta.get("notes", []), *ql.meta.get("warnings", [])]
        _sheet(wb, "uncertainty.xl_notes", _notes(notes), exact)
        return _save(wb, exact, path)


def write_sensitivity(res, path: str | Path, lang: str = "en") -> Path:
    """Sheets: indices (Sobol or Morris), CS, varied coefficients, settings, notes."""
    with language_scope(lang):
        wb, exact = Workbook(), {}
        groups = res.meta.get("groups")
        _sheet(wb, "uncertainty.xl_indices", res.indices, exact, groups=groups)
        _sheet(wb, "uncertainty.xl_cs", res.cs, exact, groups=groups)
        _sheet(wb, "uncertainty.xl_varied", pd.DataFrame(res.meta.get("varied", [])), exact)
        keep = {k: v for k, v in res.meta.items() if k not in ("varied", "notes")}
        _sheet(wb, "uncertainty.xl_settings", _settings(keep), exact)
        _sheet(wb, "uncertainty.xl_notes", _notes(res.meta.get("notes", [])), exact)
        return _save(wb, exact, path)


def write_settlement(sim, path: str | Path, lang: str = "en") -> Path:
    """Sheets: net positions (quantiles), tier crossings by section and by line, settings."""
    with language_scope(lang):
        wb, exact = Workbook(), {}
        _sheet(wb, "uncertainty.xl_net", sim.quantiles(q=(0.05, 0.25, 0.5, 0.75, 0.95)), exact)
        _sheet(wb, "uncertainty.xl_tiers_section", sim.tiers(by=("section_id",)), exact)
        _sheet(wb, "uncertainty.xl_tiers", sim.tiers(), exact)
        _sheet(wb, "uncertainty.xl_settings", _settings(sim.meta), exact)
        return _save(wb, exact, path)


__all__ = ["write_quantile_ledger", "write_sensitivity", "write_settlement"]
