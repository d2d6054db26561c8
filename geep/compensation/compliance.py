"""Compliance, reward and quantity primitives: runs of compliant months, improvement on the
same period last year, compliance rates, quantity against a baseline, e-flow shortfall.

Pure functions over arrays and Series; amounts in the caller's money unit.

References
----------
compensation.md §1.3 (S4 maintenance and improvement rewards; S18 compliance > 90 %),
§1.2 (S75 e-flow), §2.5 (S33 compliance rates), §2.6 (S30 "多来水多奖励").
"""

from __future__ import annotations

import numpy as np
import pandas as pd

ArrayLike = np.ndarray | pd.Series | list | float


def _f(x: ArrayLike) -> np.ndarray:
    return np.asarray(x, dtype="float64")


def run_position(compliant: pd.Series, group: pd.Series, month_index: pd.Series) -> pd.Series:
    """1-based position of each compliant month within its run of consecutive compliant
    months (0 where not compliant). A gap in ``month_index`` or a non-compliant (or
    excluded) month ends a run. Rows must be sorted by group, then month."""
    ok = compliant.astype(bool)
    gap = month_index.diff().ne(1) | group.ne(group.shift())
    brk = (~ok) | gap
    run_id = brk.cumsum()
    pos = ok.astype("int64").groupby([group, run_id], sort=False).cumsum()
    return pos.where(ok, 0)


def maintenance_reward(position: ArrayLike, run_length: int, amount: float) -> np.ndarray:
    """Reward each completed block of ``run_length`` consecutive compliant months
    (non-overlapping: months 3, 6, 9, ... of a run) [S4: 3 months → 10万]."""
    p = np.asarray(position, dtype="int64")
    return np.where((p > 0) & (p % run_length == 0), float(amount), 0.0)


def improvement_reward(
    compliant_now: ArrayLike,
    compliant_prev: ArrayLike,
    class_now: ArrayLike,
    class_prev: ArrayLike,
    to_compliant: float,
    cross_class: float,
) -> tuple[np.ndarray, np.ndarray]:
    """Improvement on the same period a year earlier [S4].

    Non-compliant → compliant earns ``to_compliant``; compliant in both and a better class
    earns ``cross_class``. Rows with NaN inputs earn nothing.

    Returns
    -------
    amount, kind
        Non-negative reward and ``"to_compliant"`` / ``"cross_class"`` / ``""``.
    """
    cn, cp = _f(compliant_now), _f(compliant_prev)
    kn, kp = _f(class_now), _f(class_prev)
    up = (cp == 0) & (cn == 1)
    cross = (cp == 1) & (cn == 1) & (kn < kp)
    amount = np.where(up, to_compliant, np.where(cross, cross_class, 0.0))
    kind = np.where(up, "to_compliant", np.where(cross, "cross_class", ""))
    return amount, kind


def compliance_rate(
    compliant: pd.Series, valid: pd.Series, groups: list[pd.Series]
) -> pd.DataFrame:
    """Share of valid periods that are compliant, per group (excluded periods are not in the
    denominator). Returns columns ``n_valid``, ``n_compliant``, ``rate`` (NaN if no valid)."""
    frame = pd.DataFrame(
        {
            "v": valid.astype("int64"),
            "c": (compliant.astype(bool) & valid.astype(bool)).astype("int64"),
        }
    )
    g = frame.groupby(groups, sort=True)
    out = pd.DataFrame({"n_valid": g["v"].sum(), "n_compliant": g["c"].sum()})
    out["rate"] = out["n_compliant"] / out["n_valid"].where(out["n_valid"] > 0)
    return out


def compliance_amount(
    rate: ArrayLike, threshold: ArrayLike, reward: float, penalty: float, strict: bool = False
) -> np.ndarray:
    """Signed amount from a compliance rate: −reward if the rate meets the threshold (rate >
    threshold when ``strict``), +penalty otherwise; NaN rate → NaN [S18, S33]."""
    r, t = _f(rate), _f(threshold)
    meets = r > t if strict else r >= t
    return np.where(np.isnan(r), np.nan, np.where(meets, -reward, penalty))


def quantity_vs_baseline(
    quantity: ArrayLike, baseline: ArrayLike, price_above: float, price_below: float
) -> np.ndarray:
    """Signed amount for water quantity against a baseline ("多来水多奖励" [S30]).

    Each unit above the baseline earns ``price_above`` (negative = upstream receives); each
    unit below costs ``price_below``.
    """
    d = _f(quantity) - _f(baseline)
    return np.where(d >= 0, -d * price_above, -d * price_below)


def eflow_shortfall(flow_rate: ArrayLike, floor: ArrayLike) -> np.ndarray:
    """True where the period's mean flow is below the ecological-flow floor [S75]."""
    q = _f(flow_rate)
    return np.where(np.isnan(q), False, q < _f(floor))
