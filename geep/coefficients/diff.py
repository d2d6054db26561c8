"""Differences between two editions of a coefficient table."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..errors import CoefficientTableError
from ..messages import text
from .catalog import load
from .table import CoefficientTable


@dataclass(frozen=True)
class TableDiff:
    """Rows added, removed and changed between editions ``a`` and ``b``.

    ``changed`` has one row per changed cell: the key columns, ``column``, ``old``, ``new``.
    ``meta`` lists changed metadata fields as ``(field, old, new)``.
    """

    a: str
    b: str
    key: list[str]
    added: pd.DataFrame
    removed: pd.DataFrame
    changed: pd.DataFrame
    meta: list[tuple[str, object, object]]

    @property
    def empty(self) -> bool:
        return self.added.empty and self.removed.empty and self.changed.empty and not self.meta

    def __repr__(self) -> str:
        return (
            f"<TableDiff {self.a} → {self.b}: {len(self.added)} added, {len(self.removed)} "
            f"removed, {len(self.changed)} changed cells, {len(self.meta)} metadata fields>"
        )


def _as_table(t: CoefficientTable | str) -> CoefficientTable:
    return t if isinstance(t, CoefficientTable) else load(t)


def _differs(old: pd.Series, new: pd.Series) -> np.ndarray:
    """Element-wise "cell changed": missing vs present differs, two missing cells do not.

    Compared cell by cell so that ``pd.NA`` (nullable int columns such as ``price_year``)
    never reaches a boolean context.
    """
    old_na, new_na = old.isna().to_numpy(), new.isna().to_numpy()
    both = ~old_na & ~new_na
    out = old_na != new_na
    ov, nv = old.to_numpy(dtype=object), new.to_numpy(dtype=object)
    out[both] = [bool(x != y) for x, y in zip(ov[both], nv[both], strict=True)]
    return out


def diff(a: CoefficientTable | str, b: CoefficientTable | str) -> TableDiff:
    """Compare two editions (tables or ``"id@edition"`` refs) with the same key columns."""
    ta, tb = _as_table(a), _as_table(b)
    if ta.meta.key != tb.meta.key:
        raise CoefficientTableError(
            text("catalogue.diff_keys", a=ta.ref, b=tb.ref, key_a=ta.meta.key, key_b=tb.meta.key),
            hint=text("hint.catalogue.diff_keys"),
        )
    key = list(ta.meta.key)
    fa = ta.frame.set_index(key)
    fb = tb.frame.set_index(key)
    added = tb.frame[~fb.index.isin(fa.index)].reset_index(drop=True)
    removed = ta.frame[~fa.index.isin(fb.index)].reset_index(drop=True)
    common = fa.index.intersection(fb.index, sort=False)
    cols = [c for c in fa.columns if c in fb.columns]
    records = []
    for col in cols:
        old = fa.loc[common, col]
        new = fb.loc[common, col]
        differs = _differs(old, new)
        for idx in common[differs]:
            k = idx if isinstance(idx, tuple) else (idx,)
            records.append(
                {
                    **dict(zip(key, k, strict=True)),
                    "column": col,
                    "old": fa.at[idx, col],
                    "new": fb.at[idx, col],
                }
            )
    changed = pd.DataFrame(records, columns=[*key, "column", "old", "new"])
    if not changed.empty:
        changed = changed.sort_values([*key, "column"], kind="stable").reset_index(drop=True)
    meta = []
    da, db = ta.meta.model_dump(), tb.meta.model_dump()
    for field in sorted(set(da) | set(db)):
        if field in {"edition", "columns"}:
            continue
        if da.get(field) != db.get(field):
            meta.append((field, da.get(field), db.get(field)))
    return TableDiff(ta.ref, tb.ref, key, added, removed, changed, meta)
