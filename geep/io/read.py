"""``read_inputs`` and ``validate``: inputs from DataFrames, CSV files or Excel workbooks."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from ..inputs import Inputs, Report, from_frames


def read_inputs(
    source: str | os.PathLike | Mapping[str, pd.DataFrame], *, strict: bool = True
) -> Inputs:
    """Read and validate inputs.

    Parameters
    ----------
    source
        A mapping ``{table name: DataFrame}``, a CSV file (one table, named by the file
        stem or a ``table`` argument), or an Excel workbook (one sheet per table).
    strict
        Raise :class:`~geep.inputs.InputValidationError` (carrying the full report) if
        there is any error; otherwise return the inputs with their report.
    """
    if isinstance(source, Mapping):
        return from_frames(source, strict=strict)
    from .workbook import read_workbook_inputs

    return read_workbook_inputs(Path(source), strict=strict)


def validate(source: str | os.PathLike | Mapping[str, pd.DataFrame]) -> Report:
    """Read ``source`` and return the report of every problem (never raises on bad data)."""
    return read_inputs(source, strict=False).report
