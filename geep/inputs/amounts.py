"""Quantity columns: the unit of every cell, its conversion, and what the value may be.

A value's unit comes from its header (``面积（亩）``) or from a unit column (``单位``); when
both are given they must agree — a header in 亿元 over a unit column of 万元 is an error at the
header and at the first cell that disagrees, never a choice. The canonical unit is the column's
or, for quantities whose unit depends on the row, the one the row's code names (GEP indicator
→ m³, t, kWh …). After conversion a value must be finite, and it must not be negative unless
the column or the row's vocabulary entry is signed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

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


def row_targets(c: ColumnDef, codes, vocab, units: pd.Categorical, n: int) -> pd.Categorical:
    """The canonical unit of every row: the column's; one of its alternatives, by the
    dimension of the row's unit; or, for ``unit_by`` columns, the one the row's code names in
    its vocabulary (a template ``"CNY/{}"`` in ``canonical`` makes it a price per that unit)."""
    if c.unit_by:
        if codes is None or vocab is None or vocab.unit is None:
            return _codes(np.full(n, -1, dtype=np.int8), [])
        per = [vocab.unit(str(k)) for k in codes.categories]
        if c.canonical and "{}" in c.canonical:
            per = [None if u is None else c.canonical.format(u) for u in per]
        return _mapped(codes, per)
    if c.alternatives and c.canonical:
        choices = (c.canonical, *c.alternatives)
        per = [next((t for t in choices if _converts(u, t)), c.canonical) for u in units.categories]
        out = _mapped(units, per)
        if (units.codes < 0).any():  # no unit: the first canonical unit is the one named
            cats = list(out.categories)
            k = cats.index(c.canonical) if c.canonical in cats else len(cats)
            cats = cats if c.canonical in cats else [*cats, c.canonical]
            return _codes(np.where(units.codes < 0, k, out.codes), cats)
        return out
    if c.canonical is None:
        return _codes(np.full(n, -1, dtype=np.int8), [])
    return _codes(np.zeros(n, dtype=np.int8), [c.canonical])


def _codes(codes: np.ndarray, cats: list) -> pd.Categorical:
    return pd.Categorical.from_codes(codes, categories=pd.Index(cats, dtype=object))


def _mapped(cat: pd.Categorical, per: list) -> pd.Categorical:
    inv, cats = pd.factorize(pd.Series(per, dtype=object), use_na_sentinel=True)
    new = np.append(inv, -1)[cat.codes] if len(cat) else cat.codes
    return _codes(new, list(cats))


def _converts(unit: str, target: str) -> bool:
    try:
        factor(unit, target)
    except GeepError:
        return False
    return True


@dataclass
class Conversion:
    """Factors of one column: ``factor`` per row (NaN where none), ``pairs`` the exact factor
    of each (unit, target) pair and its rows, ``failed`` ``(rows, unit, error)``,
    ``assumed`` ``(rows, target)`` rows without a unit read in their canonical unit, ``notes``
    ``(rows, unit, note)`` readings a domain's conversion explains."""

    factor: np.ndarray
    pairs: list = field(default_factory=list)
    failed: list = field(default_factory=list)
    assumed: list = field(default_factory=list)
    notes: list = field(default_factory=list)


def _registry(unit: str, target: str) -> tuple[float, None]:
    return factor(unit, target), None


def factors(units: pd.Categorical, targets: pd.Categorical, need: np.ndarray,
            convert: Callable | None = None, assume: bool = False) -> Conversion:  # fmt: skip
    """Conversion factor of every row, once per distinct (unit, target) pair.

    ``convert(unit, target) -> (factor, note)`` is a vocabulary's own conversion (units the
    registry does not know, readings of a domain); by default the unit registry's
    :func:`~geep.units.factor`. With ``assume``, a row without a unit takes factor 1.
    """
    n = len(need)
    conv = Conversion(np.full(n, np.nan))
    convert = convert or _registry
    u_codes = np.asarray(units.codes, dtype=np.int64)
    t_codes = np.asarray(targets.codes, dtype=np.int64)
    n_t = len(targets.categories) + 1
    pair = (u_codes + 1) * n_t + (t_codes + 1)
    pair[~need] = -1
    for key in np.unique(pair[pair >= 0]):
        rows = pair == key
        ui, ti = divmod(int(key), n_t)
        if ti == 0:  # unknown indicator/variable: reported by the vocabulary check
            continue
        target = targets.categories[ti - 1]
        u = units.categories[ui - 1] if ui > 0 else None
        if u is None:
            if assume:
                conv.assumed.append((rows, target))
                conv.pairs.append((rows, 1))
                conv.factor[rows] = 1.0
            else:
                conv.failed.append((rows, None, None))
            continue
        try:
            f, note = convert(u, target)
        except GeepError as exc:
            conv.failed.append((rows, u, exc))
            continue
        conv.pairs.append((rows, f))
        conv.factor[rows] = float(f)
        if note:
            conv.notes.append((rows, u, note))
    return conv


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


__all__ = ["Conversion", "UnitSource", "factors", "negative_problem", "row_targets", "row_units",
           "sign_allowed", "unit_conflicts"]  # fmt: skip
