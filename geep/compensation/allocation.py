"""Money-allocation primitives: caps, share vectors, value-based apportionment, pooled funds.

Pure functions; amounts in the caller's money unit.

References
----------
compensation.md §2.3 (caps, S6/S77), §2.4 (Chishui pool S26), §3.3 (S62, S93, S40),
§5.4 (rounded published shares: normalise explicitly and report the residual).
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from ..errors import SchemeError
from ..messages import text

ArrayLike = np.ndarray | pd.Series | list | float


def _f(x: ArrayLike) -> np.ndarray:
    return np.asarray(x, dtype="float64")


def apply_cap(amount: ArrayLike, cap: float) -> tuple[np.ndarray, np.ndarray]:
    """Limit |amount| to ``cap`` per line; returns (capped amount, capped mask)."""
    a = _f(amount)
    capped = np.abs(a) > cap
    return np.where(capped, np.sign(a) * cap, a), capped


def apply_group_cap(
    amount: pd.Series, groups: list[pd.Series], cap: float
) -> tuple[pd.Series, pd.Series]:
    """Scale the lines of each group so that |Σ amount| ≤ ``cap``; returns (amount, capped)."""
    total = amount.groupby(groups, sort=False).transform("sum")
    scale = np.where(total.abs() > cap, cap / total.abs().where(total != 0, 1.0), 1.0)
    return amount * scale, pd.Series(scale < 1.0, index=amount.index)


def normalise_shares(
    shares: Mapping[str, float], normalise: bool = True, tolerance: float = 0.005
) -> tuple[dict[str, float], float]:
    """Check and normalise a share vector.

    Published percentage shares are rounded and need not sum to exactly 1 [§5.4]. Returns the
    normalised shares and the residual Σ − 1 before normalising. Raises ``ValueError`` if a
    share is negative, if the residual exceeds ``tolerance``, or if ``normalise`` is False
    and the residual is not (numerically) zero.
    """
    vals = {k: float(v) for k, v in shares.items()}
    if not vals or any(v < 0 or not np.isfinite(v) for v in vals.values()):
        raise SchemeError(text("comp.err.shares_invalid", shares=shares))
    total = float(np.sum(list(vals.values())))
    residual = total - 1.0
    if abs(residual) > tolerance:
        raise SchemeError(
            text("comp.err.shares_off", total=total, residual=residual, tolerance=tolerance)
        )
    if not normalise and abs(residual) > 1e-12:
        raise SchemeError(text("comp.err.shares_not_one", total=total))
    return {k: v / total for k, v in vals.items()}, residual


def apportion(
    total: float, shares: Mapping[str, float], normalise: bool = True, tolerance: float = 0.005
) -> tuple[pd.Series, float]:
    """Value-based apportionment of ``total`` by shares (ESV/GEP, water use, contribution).

    Returns
    -------
    amounts, residual
        Amount per key (summing to ``total`` exactly up to rounding) and the residual of the
        given shares (Σ − 1) that was normalised away.

    References
    ----------
    S62 (Chishui payers by water-consumption share), S93 (南水北调 Henan source area),
    S40 (Yellow River payer shares), §5.4 (normalise explicitly and report the residual).
    """
    norm, residual = normalise_shares(shares, normalise, tolerance)
    return pd.Series({k: total * s for k, s in norm.items()}, dtype="float64"), residual


def pooled_fund(
    total: float,
    contributions: Mapping[str, float],
    allocations: Mapping[str, float],
    failed: Mapping[str, bool],
    forfeits: Mapping[str, Mapping[str, float]],
    fund: str,
) -> pd.DataFrame:
    """Joint fund: parties pay in by contribution ratio, the fund pays out by allocation ratio;
    a party whose section failed forfeits its allocation to the named beneficiaries.

    Parameters
    ----------
    total
        Fund size for the period [money].
    contributions, allocations
        Ratios per party (e.g. 1:5:4 and 3:4:3 [S26]); normalised here.
    failed
        Party → True if its assessed section failed (all-or-nothing).
    forfeits
        Party → {beneficiary: share} receiving a failed party's allocation.
    fund
        Party id of the fund.

    Returns
    -------
    pandas.DataFrame
        Columns ``payer, payee, amount, kind`` (``contribution``/``allocation``/``forfeit``);
        money in equals money out.
    """
    c_tot = float(sum(contributions.values()))
    a_tot = float(sum(allocations.values()))
    rows = [(p, fund, total * r / c_tot, "contribution", "") for p, r in contributions.items()]
    for p, r in allocations.items():
        share = total * r / a_tot
        if failed.get(p, False):
            to = forfeits.get(p)
            if not to:
                raise SchemeError(text("comp.err.no_forfeit", party=p))
            t_tot = float(sum(to.values()))
            rows += [(fund, b, share * s / t_tot, "forfeit", p) for b, s in to.items()]
        else:
            rows.append((fund, p, share, "allocation", ""))
    return pd.DataFrame(rows, columns=["payer", "payee", "amount", "kind", "forfeited_by"])
