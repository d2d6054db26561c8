"""Input tables: specifications, normalisation, validation reports, and :class:`Inputs`."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import pandas as pd

from .normalise import FrameRefs, normalise, parse_number
from .report import InputValidationError, Issue, Report
from .spec import TABLES, ColumnDef, TableDef


@dataclass
class Inputs:
    """Validated, normalised input tables (canonical columns and units) and their report.

    Attributes
    ----------
    tables
        ``{"land_cover": DataFrame, "quantities": ..., ...}`` — only the tables given.
    report
        Every error, warning and note found while reading.
    sources
        ``{source name: description}`` (file hash, detected encoding, ...).
    """

    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    report: Report = field(default_factory=Report)
    sources: dict[str, str] = field(default_factory=dict)

    def __getitem__(self, name: str) -> pd.DataFrame:
        return self.tables[name]

    def __contains__(self, name: object) -> bool:
        return name in self.tables

    def get(self, name: str) -> pd.DataFrame | None:
        return self.tables.get(name)

    def region_names(self) -> dict[str, str]:
        """``{region_code: region_name}`` from the ``regions`` table (empty if absent)."""
        reg = self.tables.get("regions")
        if reg is None or reg.empty:
            return {}
        return dict(zip(reg["region_code"], reg["region_name"], strict=True))

    def __repr__(self) -> str:
        parts = ", ".join(f"{k}: {len(v)} rows" for k, v in self.tables.items())
        return f"<Inputs {parts}; {len(self.report.errors)} error(s), {len(self.report)} issue(s)>"


def from_frames(frames: Mapping[str, pd.DataFrame], strict: bool = True) -> Inputs:
    """Build :class:`Inputs` from raw DataFrames keyed by table name.

    Raises :class:`InputValidationError` (with the full report) if ``strict`` and any error.
    """
    inputs = Inputs()
    for name, frame in frames.items():
        if name not in TABLES:
            from ..messages import did_you_mean

            inputs.report.add(
                Issue(
                    name,
                    name,
                    None,
                    None,
                    f"unknown input table {name!r}{did_you_mean(name, list(TABLES))}",
                    f"tables are: {', '.join(TABLES)}",
                )
            )
            continue
        df, issues = normalise(frame, name, where=FrameRefs(name), source=name)
        inputs.report.extend(issues)
        inputs.tables[name] = df
    if strict:
        inputs.report.raise_if_errors()
    return inputs


__all__ = [
    "TABLES",
    "ColumnDef",
    "InputValidationError",
    "Inputs",
    "Issue",
    "Report",
    "TableDef",
    "from_frames",
    "normalise",
    "parse_number",
]
