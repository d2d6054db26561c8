"""The validation report as a CSV for people (``geep validate … --format csv``): the sheet a
provincial office sends back to a county, opened by double-click in Excel.

UTF-8 with a byte-order mark (Excel reads BOM-less UTF-8 as the local ANSI code page), headers
in the user's language, the location split into file, sheet and cell columns.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from .._version import __version__
from ..messages import MESSAGES, language, msg

#: machine names of the columns, in order (the headers under en)
COLUMNS = (
    "severity", "file", "sheet", "cell", "where", "table", "column", "value", "problem", "hint",
)  # fmt: skip

BOM = "\ufeff"


def _split_where(where: pd.Series) -> pd.DataFrame:
    """``file!sheet!cell`` → three columns (other forms, ``file:line`` or ``frame[row]``,
    keep only ``where``)."""
    parts = where.fillna("").astype(str).str.rsplit("!", n=2, expand=True)
    out = pd.DataFrame(index=where.index, columns=["file", "sheet", "cell"], dtype=object)
    if parts.shape[1] == 3:
        full = parts[2].notna()
        out.loc[full, "file"] = parts.loc[full, 0]
        out.loc[full, "sheet"] = parts.loc[full, 1]
        out.loc[full, "cell"] = parts.loc[full, 2]
    return out.fillna("")


def problems_frame(issues: pd.DataFrame) -> pd.DataFrame:
    """The report frame (:meth:`Report.to_frame`) with the location split and, under zh,
    severities and headers in Chinese."""
    df = issues.copy()
    df[["file", "sheet", "cell"]] = _split_where(df["where"])
    sev = df["severity"].astype(str)
    df["severity"] = sev.map(lambda s: msg(f"severity.{s}") if f"severity.{s}" in MESSAGES else s)
    df = df[list(COLUMNS)]
    if language() == "zh":
        df.columns = [msg(f"validate.col.{c}") for c in COLUMNS]
    return df


def csv_text(frame: pd.DataFrame) -> str:
    """CSV text with formula-like cells neutralised (``=…`` would run in Excel)."""
    from ..io.safety import neutralise_frame

    return neutralise_frame(frame).to_csv(index=False, lineterminator="\n")


def write_csv(path: Path, frame: pd.DataFrame, inputs: list[Path], force: bool) -> None:
    """Write the CSV (BOM first) and its ``.meta.json`` atomically; an input, a folder or a
    file geep did not write is refused (unless ``force`` for the last)."""
    from ..io.atomic import atomic_write_bytes, guard_output, output_policy

    data = (BOM + csv_text(frame)).encode("utf-8")
    meta = {
        "geep": __version__,
        "kind": "validation report",
        "inputs": [str(p) for p in inputs],
        "columns": list(COLUMNS),
        "rows": len(frame),
    }
    meta_path = path.with_name(path.name + ".meta.json")
    with output_policy(inputs, force=force):
        guard_output(path, data=data)
        guard_output(meta_path)
        atomic_write_bytes(path, data)
        atomic_write_bytes(
            meta_path, (json.dumps(meta, ensure_ascii=False, indent=1) + "\n").encode()
        )
