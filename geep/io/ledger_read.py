"""Read ledgers written by :meth:`Ledger.to_csv` / :meth:`Ledger.to_excel`.

A ledger handed back to geep may have been edited, truncated or damaged: every number is
checked at its line (CSV) or cell (workbook), and damaged provenance (the ``.meta.json`` file
or the hidden ``_geep_meta`` sheet) is an error that says where, never a parser traceback.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
from openpyxl.utils import get_column_letter

from ..errors import InputError
from ..ledger import COLUMNS, Ledger
from ..messages import Text, text
from .safety import FORMULA_PREFIXES

META_SHEET = "_geep_meta"
LINES_SHEET = "lines"
#: ledger columns that must hold numbers (``True``: whole numbers)
NUMERIC = {"quantity": False, "price": False, "value": False, "year": True, "price_year": True}


def _unneutralise(v: object) -> object:
    if isinstance(v, str) and v.startswith("'") and v[1:2] and v[1] in "".join(FORMULA_PREFIXES):
        return v[1:]
    return v


def _check_numbers(lines: pd.DataFrame, where) -> pd.DataFrame:
    """Numeric ledger columns as numbers; the first text or fraction is an error at its place.

    ``where(k, column)`` gives the location fields of data row ``k`` (0-based) in ``column``.
    """
    out = lines.copy()
    for col, whole in NUMERIC.items():
        if col not in out.columns:
            continue
        raw = out[col]
        blank = raw.isna() | raw.astype(str).str.strip().eq("")
        num = pd.to_numeric(raw.where(~blank), errors="coerce")
        bad = num.isna() & ~blank
        code = "cli.ledger_not_number"
        if whole and not bad.any():
            frac = num.notna() & (num != num.round())
            bad, code = frac, "cli.ledger_not_integer"
        if bad.any():
            k = int(bad.to_numpy().nonzero()[0][0])
            raise InputError(
                text(code, column=col, value=str(raw.iloc[k])),
                hint=text("cli.hint_ledger_edit"),
                **where(k, col),
            )
        out[col] = num
    return out


def _meta_error(what: str | Text, problem: str | Text, hint: bool = True, **where) -> InputError:
    return InputError(
        text("cli.ledger_meta", what=what, problem=problem),
        hint=text("cli.hint_ledger_edit") if hint else None,
        **where,
    )


def _read_csv_ledger(path: Path) -> tuple[pd.DataFrame, dict]:
    try:
        lines = pd.read_csv(
            path,
            dtype=str,
            keep_default_na=False,
            encoding="utf-8",
        )
    except pd.errors.EmptyDataError as exc:
        raise InputError(text("cli.ledger_empty", file=path.name), file=path.name) from exc
    except (pd.errors.ParserError, UnicodeDecodeError, ValueError) as exc:
        m = re.search(r"line (\d+)", str(exc))
        raise InputError(
            text("cli.ledger_meta", what=path.name, problem=str(exc).strip()),
            hint=text("cli.hint_ledger_edit"),
            file=path.name,
            row=int(m.group(1)) if m else None,
        ) from exc
    for c in lines.columns:
        lines[c] = lines[c].map(_unneutralise).replace("", None)
    _require_columns(lines, path)
    lines = _check_numbers(lines, lambda k, col: {"file": path.name, "row": k + 2, "column": col})
    meta_path = path.with_name(path.name + ".meta.json")
    meta: dict = {}
    if meta_path.exists():
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError) as exc:
            raise _meta_error(meta_path.name, str(exc), file=meta_path.name) from exc
        if not isinstance(meta, dict):
            raise _meta_error(meta_path.name, text("io.meta_not_object"), file=meta_path.name)
    return lines, meta


def _read_xlsx_ledger(path: Path) -> tuple[pd.DataFrame, dict]:
    from openpyxl import load_workbook

    from .preflight import UnreadableFileError, check_workbook, sniff

    if sniff(path) != "xlsx":  # same pre-flight as input workbooks (type, zip bombs, DTDs)
        raise UnreadableFileError(
            text("cli.ledger_not_ledger", file=path.name, sheet=LINES_SHEET), file=path.name
        )
    check_workbook(path)
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on damaged files
        raise UnreadableFileError(
            text("cli.ledger_meta", what=path.name, problem=f"{type(exc).__name__}: {exc}"),
            file=path.name,
        ) from exc
    try:
        if LINES_SHEET not in wb.sheetnames:
            raise InputError(
                text("cli.ledger_not_ledger", file=path.name, sheet=LINES_SHEET), file=path.name
            )
        ws = wb[LINES_SHEET]
        ws.reset_dimensions()  # never trust the stored <dimension>
        rows = list(ws.iter_rows(values_only=True))
        meta_rows = []
        if META_SHEET in wb.sheetnames:
            meta_ws = wb[META_SHEET]
            meta_ws.reset_dimensions()
            meta_rows = [r[0] for r in meta_ws.iter_rows(values_only=True) if r and r[0]]
    finally:
        wb.close()
    if not rows or not any(h is not None for h in rows[0]):
        raise InputError(text("cli.ledger_empty", file=path.name), file=path.name)
    # a workbook written in Chinese has the reader's names above the contract names
    skip = 1 if len(rows) > 1 and set(COLUMNS) <= {str(h) for h in rows[1] if h is not None} else 0
    header = ["" if h is None else str(h) for h in rows[skip]]
    keep = [j for j, h in enumerate(header) if h and h != "None"]
    lines = pd.DataFrame([[r[j] if j < len(r) else None for j in keep] for r in rows[1 + skip :]],
                         columns=[header[j] for j in keep])  # fmt: skip
    for c in lines.columns:
        if pd.api.types.is_string_dtype(lines[c]) or lines[c].dtype == object:
            lines[c] = lines[c].astype(object).map(_unneutralise)
    _require_columns(lines, path)
    letters = {header[j]: get_column_letter(j + 1) for j in keep}
    lines = _check_numbers(
        lines,
        lambda k, col: {
            "file": path.name,
            "sheet": LINES_SHEET,
            "cell": f"{letters[col]}{k + 2 + skip}",
        },
    )
    lines["region_code"] = lines["region_code"].astype(str)
    meta: dict = {}
    if meta_rows:
        try:
            meta = json.loads("".join(str(c) for c in meta_rows))
        except ValueError as exc:
            raise _meta_error(
                text("io.meta_sheet", sheet=META_SHEET), str(exc), file=path.name, sheet=META_SHEET
            ) from exc
        if not isinstance(meta, dict):
            raise _meta_error(
                text("io.meta_sheet", sheet=META_SHEET),
                text("io.meta_not_object"),
                file=path.name,
                sheet=META_SHEET,
            )
    return lines, meta


def _require_columns(lines: pd.DataFrame, path: Path) -> None:
    missing = [c for c in COLUMNS if c not in lines.columns]
    if missing:
        raise InputError(
            text("cli.ledger_columns", file=path.name, columns=", ".join(missing)),
            file=path.name,
        )


def read_ledger(path: str | Path) -> Ledger:
    """Read a ledger CSV (with its ``.meta.json``), a ledger workbook or a Parquet ledger.

    Raises
    ------
    InputError
        The file is not a geep ledger, a number is not a number (with its line or cell), or
        the provenance is damaged.
    """
    path = Path(path)
    if not path.exists():
        raise InputError(text("cli.not_found", file=str(path)), file=str(path))
    suffix = path.suffix.lower()
    if suffix == ".parquet":
        from .ledger_parquet import read_ledger_parquet

        return read_ledger_parquet(path)
    if suffix == ".csv":
        lines, meta = _read_csv_ledger(path)
    elif suffix in (".xlsx", ".xlsm"):
        lines, meta = _read_xlsx_ledger(path)
    else:
        raise InputError(
            text("cli.ledger_suffix", suffix=path.suffix),
            file=str(path),
            hint=text("cli.hint_ledger_suffix"),
        )
    return Ledger(lines, meta)
