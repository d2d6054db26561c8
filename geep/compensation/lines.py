"""Shared helpers of rule components: the section-line frame, flags and trace fields.

A section line is one assessed (section, period, indicator) with observed value, target,
exceedance, band, a signed amount in CNY (positive = the responsible, upstream side pays),
flags and the trace of its computation as data (``trace_code`` and ``trace_fields``, rendered
in the reader's language when shown: :mod:`geep.compensation.trace`).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .trace import band_steps, steps  # noqa: F401  (re-exported: the kernels' helpers)

LINE_COLUMNS = [
    "section_id", "period", "year", "month", "indicator", "observed", "target", "exceedance",
    "band", "amount", "flags", "trace_code", "trace_fields", "input_ref", "limit_evidence",
    "band_code", "band_fields",
]  # fmt: skip


def _series(x: object) -> pd.Series:
    """Float Series; a Series keeps its index (so text built from it aligns)."""
    if isinstance(x, pd.Series):
        return x.astype("float64")
    return pd.Series(np.atleast_1d(np.asarray(x, dtype="float64")))


def num(x: object, digits: int = 4) -> pd.Series:
    """Vectorised short text of numbers (rounded; 'nan' where missing)."""
    return _series(x).round(digits).astype(str)


def wan(x: object) -> pd.Series:
    """Amounts [CNY] as text in 万元."""
    return num(_series(x) / 1e4, 6) + "万元"


fmt = num


def join_flags(*parts: object) -> pd.Series:
    """Join non-empty flag strings with ';' (vectorised; parts without any flag are skipped)."""
    cols = [pd.Series(np.asarray(p, dtype=object)).fillna("").astype(str) for p in parts]
    if not cols or len(cols[0]) == 0:
        return pd.Series(dtype=object)
    used = [c for c in cols if (c != "").any()]
    if not used:
        return cols[0]
    s = used[0]
    for c in used[1:]:
        s = s + ";" + c
    return s.str.replace(r";{2,}", ";", regex=True).str.strip(";") if len(used) > 1 else s


def excluded_flag(status: pd.Series) -> np.ndarray:
    """The status of excluded rows (dry / frozen / missing) as a flag; '' for valid rows."""
    return np.where(status == "valid", "", status.astype(str))


def make_lines(df: pd.DataFrame, **cols: object) -> pd.DataFrame:
    """The section-line frame of :data:`LINE_COLUMNS` from ``df`` (same row order), with
    columns replaced by ``cols`` (arrays, Series or scalars; ``payer``/``payee`` optional)."""
    base = {c: df[c].to_numpy() if c in df else None for c in LINE_COLUMNS}
    base.update({k: (v.to_numpy() if isinstance(v, pd.Series) else v) for k, v in cols.items()})
    out = pd.DataFrame({c: base.get(c) for c in LINE_COLUMNS}, index=range(len(df)))
    for extra in ("payer", "payee"):
        if extra in cols:
            out[extra] = cols[extra]
    if "n_valid" in df.columns and len(df):
        n = df["n_valid"].fillna(12).astype(int).to_numpy()
        part = (n > 0) & (n < 12) & (out["month"].fillna(0).to_numpy() == 0)
        if part.any():
            tag = np.where(part, "partial_year:" + n.astype(str) + "/12", "")
            out["flags"] = join_flags(out["flags"].fillna(""), tag).to_numpy()
    return out
