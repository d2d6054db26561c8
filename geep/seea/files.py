"""Files of the SEEA accounts: the cube CSV (+ ``.meta.json``), and input tables for the CLI.

The cube CSV is UTF-8 with a byte-order mark (what spreadsheet users and statistics offices
open without garbling Chinese), one row per cell, numbers written exactly (``repr``), text
that a spreadsheet would run as a formula neutralised; the same account always gives the same
bytes. Input tables (transitions, land cover, change matrices) are read with geep's safe
readers (:mod:`geep.io.cells`: size limits, no external entities, Excel error cells kept as
errors).
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from ..errors import InputError
from ..io.atomic import atomic_write_bytes
from ..io.safety import neutralise_frame
from ..messages import text
from .vocab import CUBE_COLUMNS

if TYPE_CHECKING:
    from .account import Account


def meta_path(path: Path) -> Path:
    """``<path>.meta.json``, the metadata file written next to a cube CSV."""
    return path.with_name(path.name + ".meta.json")


def cube_bytes(cube: pd.DataFrame) -> bytes:
    """The cube as CSV bytes (UTF-8 with BOM, exact numbers, neutralised text)."""
    df = neutralise_frame(cube[list(CUBE_COLUMNS)])
    df["value"] = [("" if v != v else repr(float(v))) for v in cube["value"].to_numpy(dtype=float)]
    return df.to_csv(index=False, lineterminator="\n").encode("utf-8-sig")


def write_cube(account: Account, path: str | Path) -> Path:
    """Write the cube CSV and ``<path>.meta.json`` (metadata, notes), atomically."""
    from .account import dumps

    path = Path(path)
    atomic_write_bytes(path, cube_bytes(account.cube))
    atomic_write_bytes(meta_path(path), dumps(account.meta_record()).encode("utf-8"))
    return path


def read_cube_file(path: str | Path) -> Account:
    """An :class:`~geep.seea.account.Account` from a cube CSV and its ``.meta.json`` (or from
    an account workbook)."""
    from ..io.safety import FORMULA_PREFIXES
    from .account import from_cube

    path = Path(path)
    if not path.exists():
        raise InputError(text("seea.file_missing", file=str(path)), file=str(path),
                         hint=text("seea.hint_file_missing"))  # fmt: skip
    from ..io.preflight import Limits, sniff

    if sniff(path, Limits.from_env()) == "xlsx":  # size limit; refuses PDFs, HTML, .xls
        from .excel import read_account

        return read_account(path)
    raw = path.read_bytes().decode("utf-8-sig")
    cube = pd.read_csv(io.StringIO(raw), dtype=str, keep_default_na=False)
    missing = [c for c in CUBE_COLUMNS if c not in cube.columns]
    if missing:
        raise InputError(text("seea.missing_columns", table=path.name, columns=", ".join(missing)),
                         file=str(path), hint=text("seea.hint_cube"))  # fmt: skip
    for c in CUBE_COLUMNS:
        if c != "value":  # undo the neutralising quote of formula-like text
            s = cube[c]
            quoted = s.str.startswith("'") & s.str[1:2].isin(list(FORMULA_PREFIXES))
            cube[c] = s.where(~quoted, s.str[1:])
    cube["value"] = pd.to_numeric(cube["value"].replace("", "nan"), errors="raise")
    mp = meta_path(path)
    meta: dict[str, Any] = json.loads(mp.read_text(encoding="utf-8")) if mp.exists() else {}
    return from_cube(cube[list(CUBE_COLUMNS)], meta)


def read_table_file(path: str | Path, sheet: str | None = None) -> pd.DataFrame:
    """The first table of a CSV file or of a workbook sheet, as read by geep's safe readers.

    The header is the first non-empty row; every cell keeps its location in ``input_ref``
    (``file!sheet!row`` for workbooks, ``file:row`` for CSV).
    """
    from ..io.cells import read_csv, read_xlsx
    from ..io.preflight import Limits, check_workbook, sniff

    path = Path(path)
    if not path.exists():
        raise InputError(text("seea.file_missing", file=str(path)), file=str(path),
                         hint=text("seea.hint_file_missing"))  # fmt: skip
    limits = Limits.from_env()
    kind = sniff(path, limits)
    if kind == "xlsx":
        sheets = [s for s in read_xlsx(path, check_workbook(path, limits)) if not s.hidden]
        if sheet is not None:
            sheets = [s for s in sheets if s.title == sheet]
        raws = [s for s in sheets if any(any(v is not None for v in r) for r in s.rows)]
    else:
        raws = [read_csv(path, limits)[0]]
    if not raws:
        raise InputError(text("seea.file_empty", file=path.name), file=str(path),
                         hint=text("seea.hint_file_missing"))  # fmt: skip
    raw = raws[0]
    filled = [i for i, r in enumerate(raw.rows) if any(v not in (None, "") for v in r)]
    start = filled[0]
    header = [("" if v is None else str(v)).strip() for v in raw.rows[start]]
    body = [i for i in filled[1:]]
    if body and _machine_row(header, raw.rows[body[0]]):  # geep's zh tables: 中文 over names
        header = [str(v).strip() for v in raw.rows[body[0]]]
        body = body[1:]
    width = len(header)
    data = [tuple(raw.rows[i][:width]) + (None,) * (width - len(raw.rows[i])) for i in body]
    frame = pd.DataFrame(data, columns=header)
    sep = "!" if kind == "xlsx" else ":"
    frame["input_ref"] = [f"{raw.prefix}{sep}{i + 1}" for i in body]  # spreadsheet row numbers
    return frame


def workbook_tables(path: str | Path) -> set[str]:
    """The geep input tables (``land_cover``, …) whose sheets a workbook has (empty for CSV)."""
    from ..io.preflight import Limits, sniff
    from ..io.sheet import table_for_sheet

    path = Path(path)
    if not path.exists() or sniff(path, Limits.from_env()) != "xlsx":
        return set()
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True)
    try:
        return {t for t in (table_for_sheet(n) for n in wb.sheetnames) if t}
    finally:
        wb.close()


def _machine_row(header: list[str], row: tuple) -> bool:
    """Whether ``row`` is the machine-name row geep writes under Chinese headers (a header
    with Chinese above a row of snake_case names only)."""
    import re

    names = [v for v in row if v not in (None, "")]
    return (
        any(re.search(r"[\u4e00-\u9fff]", h) for h in header)
        and len(names) >= 2
        and all(isinstance(v, str) and re.fullmatch(r"[a-z][a-z0-9_]*", v) for v in names)
    )
