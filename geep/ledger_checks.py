"""Consistency checks of ledger lines, and the line-by-line alignment of two ledgers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from .errors import PriceYearError
from .messages import text

if TYPE_CHECKING:
    from .ledger import Ledger

_KEY = ("region_code", "year", "account")
_LINE_KEY = (
    "region_code", "year", "account", "category", "service", "indicator", "ecosystem_type",
    "age_class", "input_class", "component",
)  # fmt: skip


@dataclass
class CheckResult:
    """Outcome of :meth:`Ledger.check`: ``ok`` and a list of problems (text)."""

    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def __bool__(self) -> bool:
        return self.ok

    def __str__(self) -> str:
        return str(text("ledger.checks_passed")) if self.ok else "\n".join(self.problems)


def check(df: pd.DataFrame, rtol: float = 1e-9) -> CheckResult:
    """Check ledger lines.

    * no missing or non-finite values; no duplicate lines;
    * ``value == quantity × price`` on every line that has both (relative ``rtol``);
    * one money unit and price year per region-year-account;
    * every subtotal (by service, by category) sums to its lines, and the category subtotals
      sum to the account total of each region-year.
    """
    res = CheckResult()
    bad = ~np.isfinite(df["value"].to_numpy())
    if bad.any():
        res.problems.append(str(text("ledger.check_nonfinite", n=int(bad.sum()))))
    key = [c for c in _LINE_KEY if c in df.columns]
    dup = df.duplicated(key, keep=False)
    if dup.any():
        res.problems.append(str(text("ledger.check_duplicates", n=int(dup.sum()), key=key)))
    qp = (df["quantity"].notna() & df["price"].notna()).to_numpy()
    if qp.any():
        q, p, v = (df[c].to_numpy()[qp] for c in ("quantity", "price", "value"))
        mism = ~np.isclose(q * p, v, rtol=rtol, atol=0.0)
        if mism.any():
            first = df.loc[qp].iloc[int(np.argmax(mism))]
            res.problems.append(
                str(
                    text(
                        "ledger.check_qp",
                        n=int(mism.sum()),
                        region=first["region_code"],
                        year=first["year"],
                        indicator=first["indicator"],
                    )
                )
            )
    if df.empty:
        return res
    g = df.groupby(list(_KEY), sort=True, observed=True, dropna=False)
    mixed = (g["value_unit"].nunique() > 1) | (g["price_year"].nunique(dropna=False) > 1)
    for r, y, a in mixed[mixed].index:
        res.problems.append(str(text("ledger.check_mixed", region=r, year=y, account=a)))
    total = g["value"].sum()
    scale = g["value"].apply(lambda s: np.abs(s.to_numpy()).sum()).clip(lower=1.0)
    for name, sub in (("categories", ["category"]), ("services", ["category", "service"])):
        parts = df.groupby([*_KEY, *sub], sort=True, observed=True, dropna=False)["value"].sum()
        subtotal = parts.groupby(level=list(range(3)), sort=True).sum()
        diff = (subtotal.reindex(total.index) - total).abs()
        off = diff > rtol * scale
        for (r, y, a), _d in diff[off & ~mixed].items():
            res.problems.append(
                str(text("ledger.check_subtotal", region=r, year=y, account=a, what=name,
                         sub=repr(float(subtotal[(r, y, a)])), total=repr(float(total[(r, y, a)]))))
            )  # fmt: skip
    return res


def compare_lines(a: Ledger, b: Ledger, on: Sequence[str] | None = None) -> pd.DataFrame:
    """Align ledger ``a`` with ``b`` line by line.

    Returns a frame with ``value_a``, ``value_b``, ``diff`` (b − a) and ``pct`` (diff / |a|,
    NaN where a is 0), and a ``note`` column naming lines present on one side only. Different
    price years or currencies raise :class:`PriceYearError`; different coefficient editions
    are listed in ``attrs["editions"]``.
    """
    la, lb = a._lines, b._lines
    keys = list(
        on
        or ["region_code", "year", "account", "category", "service", "indicator"]
        + (["ecosystem_type"] if "ecosystem_type" in la.columns and "ecosystem_type" in lb else [])
    )
    pa = set(la["price_year"].dropna().astype(int))
    pb = set(lb["price_year"].dropna().astype(int))
    ua = set(map(str, la["value_unit"].dropna()))
    ub = set(map(str, lb["value_unit"].dropna()))
    if pa != pb or ua != ub:
        raise PriceYearError(
            text(
                "ledger.compare_money",
                a=f"{sorted(pa)} {sorted(ua)}",
                b=f"{sorted(pb)} {sorted(ub)}",
            ),
            hint=text("ledger.hint_compare_money"),
        )

    def side(lines: pd.DataFrame) -> pd.Series:
        flat = lines[[*keys, "value"]].copy()
        for k in keys:
            if isinstance(flat[k].dtype, pd.CategoricalDtype):
                flat[k] = flat[k].astype(object)
        return flat.groupby(keys, dropna=False, sort=True)["value"].sum()

    out = pd.concat([side(la).rename("value_a"), side(lb).rename("value_b")], axis=1)
    out = out.reset_index()
    out["note"] = np.where(
        out["value_a"].isna(), "only in b", np.where(out["value_b"].isna(), "only in a", "")
    )
    out["diff"] = out["value_b"].fillna(0.0) - out["value_a"].fillna(0.0)
    denom = out["value_a"].abs().replace(0.0, np.nan)
    out["pct"] = out["diff"] / denom * 100.0
    ta, tb = a.meta.get("tables", {}), b.meta.get("tables", {})
    out.attrs["editions"] = {
        "only_a": sorted(set(ta) - set(tb)),
        "only_b": sorted(set(tb) - set(ta)),
    }
    return out


__all__ = ["CheckResult", "check", "compare_lines"]
