"""Read ledgers written by :meth:`Ledger.to_csv` / :meth:`Ledger.to_excel`."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from ..errors import InputError
from ..ledger import COLUMNS, Ledger
from .safety import FORMULA_PREFIXES

META_SHEET = "_geep_meta"
LINES_SHEET = "lines"


def _unneutralise(v: object) -> object:
    if isinstance(v, str) and v.startswith("'") and v[1:2] and v[1] in "".join(FORMULA_PREFIXES):
        return v[1:]
    return v


def read_ledger(path: str | Path) -> Ledger:
    """Read a ledger CSV (with its ``.meta.json``) or a ledger workbook."""
    path = Path(path)
    if not path.exists():
        raise InputError(f"ledger file not found: {path}", file=str(path))
    if path.suffix.lower() == ".csv":
        lines = pd.read_csv(
            path,
            dtype={"region_code": str, "region_name": str},
            keep_default_na=False,
            na_values={"quantity": [""], "price": [""], "value": [""], "price_year": [""]},
        )
        for c in lines.columns:
            if pd.api.types.is_string_dtype(lines[c]) or lines[c].dtype == object:
                lines[c] = lines[c].astype(object).map(_unneutralise).replace("", None)
        meta_path = path.with_name(path.name + ".meta.json")
        meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
    elif path.suffix.lower() in (".xlsx", ".xlsm"):
        from openpyxl import load_workbook

        from .preflight import UnreadableFileError, check_workbook, sniff

        if sniff(path) != "xlsx":  # same pre-flight as input workbooks (type, zip bombs, DTDs)
            raise UnreadableFileError(
                f"{path.name} is not a workbook", file=path.name, hint="give a ledger .xlsx"
            )
        check_workbook(path)
        wb = load_workbook(path, read_only=True, data_only=True)
        if LINES_SHEET not in wb.sheetnames:
            wb.close()
            raise InputError(
                f"{path.name} has no {LINES_SHEET!r} sheet: not a geep ledger", file=str(path)
            )
        rows = list(wb[LINES_SHEET].iter_rows(values_only=True))
        header = [str(h) for h in rows[0]]
        lines = pd.DataFrame(rows[1:], columns=header)
        lines = lines[[c for c in header if c and c != "None"]]
        for c in lines.columns:
            if pd.api.types.is_string_dtype(lines[c]) or lines[c].dtype == object:
                lines[c] = lines[c].astype(object).map(_unneutralise)
        meta = {}
        if META_SHEET in wb.sheetnames:
            chunks = [r[0] for r in wb[META_SHEET].iter_rows(values_only=True) if r and r[0]]
            meta = json.loads("".join(chunks))
        wb.close()
        lines["region_code"] = lines["region_code"].astype(str)
    else:
        raise InputError(
            f"cannot read a ledger from {path.suffix!r} files",
            file=str(path),
            hint="use .csv or .xlsx",
        )
    missing = [c for c in COLUMNS if c not in lines.columns]
    if missing:
        raise InputError(f"{path.name} lacks ledger columns {missing}", file=str(path))
    return Ledger(lines, meta)
