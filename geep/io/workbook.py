"""Reading input workbooks and CSV files (minimal; superseded by the full reader)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..errors import InputError
from ..inputs import Inputs, from_frames
from ..inputs.spec import TABLES


def read_workbook_inputs(path: Path, strict: bool = True) -> Inputs:
    if not path.exists():
        raise InputError(f"file not found: {path}", file=str(path))
    if path.suffix.lower() == ".csv":
        name = path.stem if path.stem in TABLES else "land_cover"
        return from_frames({name: pd.read_csv(path)}, strict=strict)
    sheets = pd.read_excel(path, sheet_name=None)
    return from_frames({k: v for k, v in sheets.items() if k in TABLES}, strict=strict)
