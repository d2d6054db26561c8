"""Number columns of the normaliser: whole numbers, quantities, pure numbers, exact decimals.

Each cell is parsed (numbers typed as text accepted with a note), whole numbers are checked
against their bounds, quantities are converted to their canonical unit through the unit
registry (or the conversion of the row's vocabulary), and a value must then be finite and —
unless the column or the row's entry is signed — not negative. ``decimal`` columns keep exact
:class:`~decimal.Decimal` values (money, traded quantities): the number as typed, times the
exact factor of its unit.
"""

from __future__ import annotations

from decimal import Decimal

import numpy as np
import pandas as pd

from ..messages import text
from . import amounts
from .cleaning import number_column
from .collect import Issues
from .spec import ColumnDef
from .vocabularies import VOCABULARIES

#: largest magnitude of an exact decimal (beyond it a number is no real amount) [1]
DECIMAL_LIMIT = Decimal("1e18")


def exact(x: object) -> Decimal:
    """The exact decimal of a parsed number: a float through its shortest repr (``0.1`` →
    ``Decimal("0.1")``), integral values without a trailing ``.0``."""
    d = x if isinstance(x, Decimal) else Decimal(repr(float(x)))  # type: ignore[arg-type]
    if abs(d) > DECIMAL_LIMIT:  # refused by the caller; beyond the context's precision
        return d
    return d.quantize(Decimal(1)) if d == d.to_integral_value() else d


def number_values(c: ColumnDef, col: pd.Series, orig: str, src: amounts.UnitSource, out,
                  bad, iss: Issues, decimal, ambiguous) -> None:  # fmt: skip
    """A number column: parsed, whole where it must be, converted, finite, signed only if
    allowed; the result in ``out[c.name]``."""
    nums, empty, errs, notes = number_column(col, decimal, ambiguous)
    for i, (raw, err) in errs.items():
        problem = text("in.whole_number", column=c.name) if c.kind == "int" else err
        hint = text("hint.year") if c.kind == "int" else text("hint.number")
        if "in.ambiguous_comma" in getattr(err, "codes", ()):
            hint = text("hint.ambiguous_comma")
        iss.cell(i, orig, raw, problem, hint)
        bad[i] = True
    for i, (raw, note) in notes.items():
        iss.note(orig, note, i, raw)
    if c.required and not c.nullable and empty.any():
        hint = text("hint.fill_cell") if c.kind == "int" else text("hint.fill_number")
        for i in np.flatnonzero(empty & ~bad):
            iss.cell(i, orig, None, text("in.empty", column=c.name, zh=c.zh), hint)
        bad |= empty
    ok = ~empty & ~np.isnan(nums)
    if c.kind == "int":
        out[c.name] = _whole(c, nums, ok, col, orig, bad, iss)
        return
    _convert(c, nums, ok, col, orig, src, out, bad, iss)


def _whole(c: ColumnDef, nums, ok, col, orig, bad, iss: Issues) -> np.ndarray:
    frac = ok & (np.mod(nums, 1.0) != 0)
    for i in np.flatnonzero(frac):
        iss.cell(i, orig, col.iloc[i], text("in.whole_number", column=c.name), text("hint.year"))
    bad |= frac
    if c.bounds is not None:
        lo, hi = c.bounds
        rng = ok & ~frac & ((nums < lo) | (nums > hi))
        for i in np.flatnonzero(rng):
            iss.cell(i, orig, col.iloc[i], text("in.year_range", year=int(nums[i]), lo=lo, hi=hi),
                     text("hint.check_year"))  # fmt: skip
        bad |= rng
    return np.where(frac, np.nan, nums)


def _convert(c: ColumnDef, nums, ok, col, orig, src, out, bad, iss: Issues) -> None:
    n = len(nums)
    codes = out.get(c.unit_by) if c.unit_by else None
    vocab = VOCABULARIES[iss.spec.column(c.unit_by).vocabulary] if c.unit_by else None
    units = amounts.row_units(src, n, c.canonical if c.kind == "number" else None)
    targets = amounts.row_targets(c, codes, vocab, units, n)
    need = ok & ~bad
    need &= ~_conflicts(c, src, need, orig, bad, iss)
    hook = getattr(vocab, "factor", None) if vocab is not None else None
    conv = amounts.factors(units, targets, need, hook, c.assume_unit)
    _report_units(c, conv, col, orig, src, bad, iss)
    if c.kind == "decimal":
        values, shadow = _decimals(c, nums, conv, need & ~bad, col, orig, bad, iss)
    else:
        with np.errstate(over="ignore", invalid="ignore"):  # reported just below
            values = shadow = nums * conv.factor
        inf = need & ~bad & ~np.isfinite(values)
        for i in np.flatnonzero(inf):
            iss.cell(i, orig, col.iloc[i], text("in.not_finite_converted", column=c.name),
                     text("hint.not_finite_converted"))  # fmt: skip
        bad |= inf
    neg = need & ~bad & (shadow < 0) & ~np.asarray(amounts.sign_allowed(c, codes, vocab))
    problem, hint = amounts.negative_problem(c)
    for i in np.flatnonzero(neg):
        iss.cell(i, orig, col.iloc[i], problem, hint)
    bad |= neg
    out[c.name] = values
    if c.canonical is None or c.alternatives or "{}" in c.canonical:
        out[c.name + "_unit"] = targets


def _conflicts(c: ColumnDef, src, need, orig, bad, iss: Issues) -> np.ndarray:
    """A header unit and a unit cell that disagree: an error at the header and the cell."""
    conflict = amounts.unit_conflicts(src, need)
    if conflict.any():
        first = int(np.flatnonzero(conflict)[0])
        cell = iss.where(first, src.column_name)
        iss.header(orig, text("in.unit_conflict", column=c.name, header=src.header,
                              unit=str(src.column[first]), cell=cell, n=int(conflict.sum())),
                   text("hint.unit_conflict"), value=src.header)  # fmt: skip
        iss.cell(first, src.column_name, src.column[first],
                 text("in.unit_conflict_cell", header=src.header, column=c.name),
                 text("hint.unit_conflict"))  # fmt: skip
        bad |= conflict
    return conflict


def _report_units(c: ColumnDef, conv, col, orig, src, bad, iss: Issues) -> None:
    """Units that do not convert (errors), units read as the canonical one, and readings the
    vocabulary explains (notes)."""
    unit_at = src.column_name if src.header is None and src.column_name else orig
    for rows, u, exc in conv.failed:
        for i in np.flatnonzero(rows):
            if u is None:
                iss.cell(i, orig, col.iloc[i], text("in.no_unit", column=c.name),
                         text("hint.unit_header", column=c.name, unit=c.canonical or "unit"))  # fmt: skip
            else:
                iss.cell(i, unit_at, u, exc.message, exc.hint or "")
        bad |= rows
    if c.unit_column is not None and c.assume_note:
        for rows, target in conv.assumed:
            if target not in ("dimensionless", "", "1"):
                for i in np.flatnonzero(rows):
                    iss.note(orig, text("in.unit_assumed", column=c.name, unit=target), int(i),
                             col.iloc[i])  # fmt: skip
    for rows, u, note in conv.notes:
        for i in np.flatnonzero(rows):
            iss.note(unit_at, note, int(i), u)


def _decimals(c: ColumnDef, nums, conv, need, col, orig, bad, iss: Issues):
    """Exact values (number as parsed × exact factor) and a float shadow for sign checks."""
    n = len(nums)
    values = np.full(n, None, dtype=object)
    exact_f = np.full(n, None, dtype=object)
    has = np.zeros(n, dtype=bool)
    for rows, f in conv.pairs:
        exact_f[rows] = exact(f)
        has |= rows
    idx = np.flatnonzero(need & has)
    keys, uniq = pd.factorize(nums[idx])
    parsed = np.array([exact(v) for v in uniq], dtype=object)
    raw = parsed[keys] if len(idx) else parsed
    big = np.array([abs(d) > DECIMAL_LIMIT for d in raw], dtype=bool)
    conv_v = raw * exact_f[idx] if len(idx) else raw
    big |= np.array([abs(d) > DECIMAL_LIMIT for d in conv_v], dtype=bool)
    for k in np.flatnonzero(big):
        i = int(idx[k])
        iss.cell(i, orig, col.iloc[i], text("in.too_large", value=float(nums[i]),
                                            limit=float(DECIMAL_LIMIT)),
                 text("hint.not_finite_converted"))  # fmt: skip
        bad[i] = True
    values[idx[~big]] = conv_v[~big]
    with np.errstate(over="ignore", invalid="ignore"):
        return values, nums * conv.factor


__all__ = ["DECIMAL_LIMIT", "exact", "number_values"]
