"""``read_inputs`` and ``validate``: inputs from DataFrames, CSV files or Excel workbooks."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import pandas as pd

from ..inputs import Inputs, Report, from_frames
from ..inputs.checks import AREA_TOLERANCE, cross_check
from .preflight import Limits, UnreadableFileError

PathLike = str | os.PathLike


def read_inputs(
    source: PathLike | Sequence[PathLike] | Mapping[str, pd.DataFrame],
    *,
    strict: bool = True,
    table: str | None = None,
    require: Iterable[str] = (),
    area_tolerance: float = AREA_TOLERANCE,
    decimal: str | None = None,
    max_file_bytes: int | None = None,
    max_uncompressed_bytes: int | None = None,
    max_cells: int | None = None,
) -> Inputs:
    """Read and validate inputs.

    Parameters
    ----------
    source
        A mapping ``{table name: DataFrame}``; a workbook (``.xlsx``/``.xlsm``, one sheet per
        table of DESIGN §4, English or Chinese sheet names); a CSV file (UTF-8, UTF-8 with BOM,
        GBK or GB18030, detected; one table, named by the file stem, its headers, or
        ``table``); or a list of such files.
    strict
        Raise :class:`~geep.inputs.InputValidationError` (carrying the full report) if there
        is any error; a file refused as a whole (wrong type, unsafe, encrypted) raises
        :class:`~geep.io.preflight.UnreadableFileError`. Otherwise return the inputs with
        their report.
    table
        Read only this table (for a CSV: the table it holds).
    require
        Tables that must be present (a missing one is an error naming the closest sheet).
    area_tolerance
        Land-cover total over the region area allowed before it is an error [fraction].
    decimal
        The decimal separator (``"."`` or ``","``) of numbers typed as text; needed where a
        comma is ambiguous (a semicolon-separated CSV exported with a decimal comma).
    max_file_bytes, max_uncompressed_bytes, max_cells
        Safety limits; default from ``GEEP_MAX_*`` environment variables, else
        :class:`~geep.io.preflight.Limits`.

    Returns
    -------
    Inputs
        Normalised tables; ``report`` lists every error, warning and note with its cell
        (``file!sheet!D7``); ``sources`` records each file's SHA-256 and text encoding.
    """
    if isinstance(source, Mapping):
        inputs = from_frames(source, strict=False)
        inputs.report.extend(cross_check(inputs.tables, area_tolerance))
        if strict:
            inputs.report.raise_if_errors()
        return inputs
    from .workbook import read_paths

    paths = [Path(source)] if isinstance(source, str | os.PathLike) else [Path(p) for p in source]
    limits = Limits.from_env(
        max_file_bytes=max_file_bytes,
        max_uncompressed_bytes=max_uncompressed_bytes,
        max_cells=max_cells,
    )
    return read_paths(
        paths,
        strict=strict,
        table=table,
        require=require,
        limits=limits,
        area_tolerance=area_tolerance,
        decimal=decimal,
    )


def validate(
    source: PathLike | Sequence[PathLike] | Mapping[str, pd.DataFrame], **kwargs: object
) -> Report:
    """Read ``source`` and return the report of every problem (never raises on bad data).

    Keyword arguments are those of :func:`read_inputs`.
    """
    try:
        return read_inputs(source, strict=False, **kwargs).report  # type: ignore[arg-type]
    except UnreadableFileError as err:  # pragma: no cover - read_paths reports these
        from ..inputs.report import Issue

        return Report([Issue("file", str(err.file or source), None, None, err.message,
                             err.hint or "")])  # fmt: skip


__all__ = ["Limits", "UnreadableFileError", "read_inputs", "validate"]
