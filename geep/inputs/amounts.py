"""Quantity columns: the unit of every cell, its conversion, and what the value may be.

A value's unit comes from its header (``面积（亩）``) or from a unit column (``单位``); when
both are given they must agree — a header in 亿元 over a unit column of 万元 is an error at the
header and at the first cell that disagrees, never a choice. The canonical unit is the column's
or, for quantities whose unit depends on the row, the one the row's code names (GEP indicator
→ m³, t, kWh …). After conversion a value must be finite, and it must not be negative unless
the column or the row's vocabulary entry is signed.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..errors import GeepError
from ..messages import text
from ..units import factor
from .spec import ColumnDef


@dataclass
class UnitSource:
    """Where the units of one quantity column come from."""

    header: str | None  # unit written in the header
    column: pd.Categorical | None  # cleaned unit cells (the table's unit column)
    column_name: str | None  # original header of the unit column


def row_units(src: UnitSource, n: int, canonical_if_number: str | None) -> pd.Categorical:
    """The unit text of every row: the header's, else the unit column's, else (for pure
    numbers) the canonical unit."""
    if src.header is not None:
        return pd.Categorical.from_codes(np.zeros(n, dtype=np.int8), categories=[src.header])
    if src.column is not None:
        return src.column
    if canonical_if_number is None:
        return pd.Categorical.from_codes(np.full(n, -1, dtype=np.int8), categories=[])
    return pd.Categorical.from_codes(np.zeros(n, dtype=np.int8), categories=[canonical_if_number])


def unit_conflicts(src: UnitSource, need: np.ndarray) -> np.ndarray:
    """Rows whose unit cell states a different unit of the same kind as the header's (亿元 in
    the header, 万元 in the cell). A unit cell of another kind (``ha`` beside a population
    column) is about another column of the table, not a conflict."""
    if src.header is None or src.column is None:
        return np.zeros(len(need), dtype=bool)
    cats = list(src.column.categories)
    same = np.zeros(len(cats) + 1, dtype=bool)
    same[-1] = True  # an empty unit cell: the header's unit holds
    for k, u in enumerate(cats):
        try:
            same[k] = abs(factor(u, src.header) - 1.0) < 1e-12
        except GeepError:
            same[k] = True  # another kind of unit, or not a unit: reported where it is used
    codes = src.column.codes
    return need & ~same[np.where(codes < 0, len(cats), codes)]


def factors(units: pd.Categorical, targets: pd.Categorical, need: np.ndarray):
    """Conversion factor of every row (NaN where it cannot convert), and per failing
    (unit, target) pair the rows and the error: ``(factors, [(rows, unit, error)])``."""
    n = len(need)
    out = np.full(n, np.nan)
    u_codes = np.asarray(units.codes, dtype=np.int64)
    t_codes = np.asarray(targets.codes, dtype=np.int64)
    n_t = len(targets.categories) + 1
    pair = (u_codes + 1) * n_t + (t_codes + 1)
    pair[~need] = -1
    failed: list[tuple[np.ndarray, str | None, GeepError | None]] = []
    for key in np.unique(pair[pair >= 0]):
        rows = pair == key
        ui, ti = divmod(int(key), n_t)
        if ti == 0:  # unknown indicator/variable: reported by the vocabulary check
            continue
        u = units.categories[ui - 1] if ui > 0 else None
        if u is None:
            failed.append((rows, None, None))
            continue
        try:
            out[rows] = factor(u, targets.categories[ti - 1])
        except GeepError as exc:
            failed.append((rows, u, exc))
    return out, failed


def sign_allowed(c: ColumnDef, codes: pd.Categorical | None, vocab) -> np.ndarray | bool:
    """Where negative values are valid: the column is signed, or the row's entry is."""
    if c.signed:
        return True
    if c.unit_by is None or codes is None or vocab is None or vocab.signed is None:
        return False
    per = np.array([bool(vocab.signed(str(k))) for k in codes.categories] + [False])
    return per[np.where(codes.codes < 0, len(per) - 1, codes.codes)]


def negative_problem(c: ColumnDef) -> tuple[object, object]:
    if c.name == "area":
        return text("in.negative_area"), text("hint.area")
    return text("in.negative", column=c.name, zh=c.zh), text("hint.negative", column=c.name)


__all__ = ["UnitSource", "factors", "negative_problem", "row_units", "sign_allowed",
           "unit_conflicts"]  # fmt: skip
