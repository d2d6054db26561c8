"""Files of the compensation engine: input workbooks/CSV and settlement workbooks/CSV.

Inputs: a workbook with sheets ``observations`` (or 监测), optional ``flows`` (流量),
``sections`` (断面) and ``parameters`` (参数: name, value, unit); or a CSV of observations.
Every value keeps its location (``file!sheet!cell``) for error reports.
Outputs are written atomically; text cells that a spreadsheet would run as formulas are
neutralised.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd
from openpyxl.utils import get_column_letter

from ..errors import InputError
from ..io.atomic import atomic_write_bytes
from ..io.safety import neutralise_frame

if TYPE_CHECKING:
    from .settlement import Settlement

SHEETS = {
    "observations": ("observations", "monitoring", "监测", "水质监测", "监测数据"),
    "flows": ("flows", "flow", "流量", "水量"),
    "sections": ("sections", "断面"),
    "parameters": ("parameters", "参数"),
}
Where = Callable[[int, str | None], str]


def _sheet_where(file: str, sheet: str, frame: pd.DataFrame) -> Where:
    cols = {c: get_column_letter(j + 1) for j, c in enumerate(frame.columns)}

    def where(i: int, col: str | None) -> str:
        letter = cols.get(col, "A") if col is not None else "A"
        return f"{file}!{sheet}!{letter}{i + 2}"

    return where


def _csv_where(file: str) -> Where:
    return lambda i, col: f"{file}:{i + 2}" + (f" ({col})" if col else "")


def read_inputs(path: str | Path) -> dict[str, tuple[pd.DataFrame, Where]]:
    """Read an input workbook or CSV: ``{table: (frame, where)}`` for the tables present.

    Raises
    ------
    InputError
        If the file does not exist, cannot be read, or has no observations.
    """
    path = Path(path)
    if not path.exists():
        raise InputError(f"file not found: {path}", file=str(path), hint="check the path")
    name = path.name
    if path.suffix.lower() in (".csv", ".txt"):
        raw = path.read_bytes()
        for enc in ("utf-8-sig", "gbk"):
            try:
                text = raw.decode(enc)
                break
            except UnicodeDecodeError:
                continue
        else:
            raise InputError("not UTF-8 or GBK text", file=str(path), hint="save the CSV as UTF-8")
        frame = pd.read_csv(io.StringIO(text), dtype=object, keep_default_na=False)
        return {"observations": (frame.replace("", None), _csv_where(name))}
    try:
        sheets = pd.read_excel(
            path, sheet_name=None, dtype=object, keep_default_na=False, na_values=[""]
        )
    except Exception as exc:  # openpyxl raises many kinds
        raise InputError(
            f"cannot read workbook ({exc})", file=str(path), hint="save it as .xlsx"
        ) from exc
    out: dict[str, tuple[pd.DataFrame, Where]] = {}
    for sheet, frame in sheets.items():
        key = next((k for k, names in SHEETS.items() if str(sheet).strip().lower() in names), None)
        if key and key not in out:
            out[key] = (frame, _sheet_where(name, str(sheet), frame))
    if "observations" not in out:
        raise InputError(
            f"no observations sheet (sheets: {list(sheets)})",
            file=str(path),
            hint="name the sheet 'observations' (or 监测); optional sheets: flows, sections, parameters",
        )
    return out


def parameters_from_frame(frame: pd.DataFrame) -> dict[str, Any]:
    """``{name: value}`` overrides from a parameters sheet (``name``/``parameter``, ``value``,
    optional ``unit``); lists and mappings may be written as JSON."""
    cols = {str(c).strip().lower(): c for c in frame.columns}
    ncol = cols.get("name") or cols.get("parameter") or cols.get("参数")
    vcol = cols.get("value") or cols.get("取值") or cols.get("值")
    if ncol is None or vcol is None:
        raise InputError(
            "the parameters sheet needs columns 'name' and 'value'", sheet="parameters"
        )
    ucol = cols.get("unit") or cols.get("单位")
    out: dict[str, Any] = {}
    for r in frame.to_dict(orient="records"):
        name = r.get(ncol)
        if name is None or (isinstance(name, float) and pd.isna(name)):
            continue
        value = parse_value(r.get(vcol))
        unit = r.get(ucol) if ucol else None
        out[str(name).strip()] = (
            {"value": value, "unit": str(unit)} if unit and not pd.isna(unit) else value
        )
    return out


def parse_value(raw: Any) -> Any:
    """A parameter value typed by a user: JSON (numbers, lists, mappings, null) or text."""
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        return None if pd.isna(raw) else raw
    text = str(raw).strip()
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return text


# --- writers (the workbook itself is built by geep.io.settlement_excel) -----------------------
def workbook_bytes(s: Settlement, lang: str = "en") -> bytes:
    """Bytes of the settlement workbook (reproducible, print-ready)."""
    from ..io.settlement_excel import settlement_bytes

    return settlement_bytes(s, lang)


def write_settlement_excel(s: Settlement, path: str | Path, lang: str = "en") -> Path:
    """Write the settlement workbook atomically."""
    from ..io.settlement_excel import write_settlement_excel as write

    return write(s, path, lang)


def write_settlement_csv(s: Settlement, path: str | Path) -> Path:
    """Obligations at ``path``, net at ``<stem>.net.csv``, provenance at ``<stem>.meta.json``."""
    path = Path(path)
    base = path.with_suffix("")

    def csv(frame: pd.DataFrame) -> bytes:
        df = neutralise_frame(frame)
        for c in df.columns:
            if pd.api.types.is_float_dtype(df[c]):
                df[c] = df[c].map(lambda v: "" if pd.isna(v) else repr(float(v)))
        return df.to_csv(index=False, lineterminator="\n").encode("utf-8")

    atomic_write_bytes(path, csv(s.obligations))
    atomic_write_bytes(Path(f"{base}.net.csv"), csv(s.net))
    meta = json.dumps(s.meta, ensure_ascii=False, indent=2, sort_keys=True, default=str) + "\n"
    atomic_write_bytes(Path(f"{base}.meta.json"), meta.encode("utf-8"))
    return path
