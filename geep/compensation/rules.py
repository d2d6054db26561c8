"""Rule primitives of horizontal eco-compensation: small pure functions over arrays/tables.

No file access, no globals, no pint objects: amounts are plain floats in the caller's money
unit (the engine uses CNY), concentrations in mg/L, flows in m³/s and volumes in m³.
Functions that describe a one-sided payment (a penalty or a reward) return non-negative
magnitudes; two-sided rules (class step, index change, P index, quantity against a baseline)
return a **signed** amount: positive = the responsible (upstream) side pays, negative = it
receives.

References
----------
geep ``compensation.md``: §1.3 (Shanxi 2013 tiers S4, Jincheng multiple S11, Hebei S16,
Baoding netting S17, Henan S9, Zhoukou continuous tier S18, Zhenjiang load rule S84),
§2.2 (Xin'an P index, unverified), §2.3 (豫鲁 S6/S7, 豫晋陕 S77), §2.4 (Chishui pool S26),
§2.5 (compliance rate S33), §2.6 (quantity vs baseline S30), §3.3 and §5.4 (apportionment
by shares, S62/S93), §5.1 (the primitive list).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from ..errors import SchemeError as _SchemeError  # (private: the API page lists rules only)
from ..messages import text
from .allocation import (  # noqa: F401  (re-exported: rules.* is the primitive namespace)
    apply_cap,
    apply_group_cap,
    apportion,
    normalise_shares,
    pooled_fund,
)
from .compliance import (  # noqa: F401  (re-exported)
    compliance_amount,
    compliance_rate,
    eflow_shortfall,
    improvement_reward,
    maintenance_reward,
    quantity_vs_baseline,
    run_position,
)

ArrayLike = np.ndarray | pd.Series | Sequence[float] | float

#: band index of a value that is within the standard (no exceedance)
COMPLIANT = -1
#: band index of a value that could not be assessed (NaN)
UNASSESSED = -2


def _f(x: ArrayLike) -> np.ndarray:
    return np.asarray(x, dtype="float64")


def exceedance_multiple(
    value: ArrayLike, limit: ArrayLike, direction: ArrayLike | str = "max"
) -> np.ndarray:
    """Exceedance multiple x = (C − C_limit) / C_limit [1].

    Parameters
    ----------
    value
        Observed concentration C [mg/L].
    limit
        Limit of the section's target class, C_limit [mg/L] (GB 3838-2002).
    direction
        ``"max"`` (must not exceed, most pollutants) or ``"min"`` (must not fall below,
        dissolved oxygen: x = (C_limit − C) / C_limit); scalar or per element.

    Returns
    -------
    numpy.ndarray
        x (≤ 0 within the standard); NaN where C or C_limit is NaN.

    References
    ----------
    compensation.md §1.3: Jincheng notice S11 (multiples reproduced by this formula [D]).
    """
    v, lim = _f(value), _f(limit)
    up = (v - lim) / lim
    if isinstance(direction, str):
        return up if direction == "max" else -up
    return np.where(np.asarray(direction) == "min", -up, up)


def band_of(x: ArrayLike, edges: Sequence[float], closed: str = "right") -> np.ndarray:
    """Band index of each exceedance multiple.

    ``edges`` are the lower edges of the bands, ascending: band k covers
    (edges[k], edges[k+1]] (``closed="right"``) or [edges[k], edges[k+1]) (``"left"``); the
    last band is open-ended. x ≤ edges[0] is :data:`COMPLIANT` (−1); NaN is
    :data:`UNASSESSED` (−2).

    Examples
    --------
    Shanxi 2013 tiers (≤ 0.5, 0.5–1 inclusive, 1–5, 5–10, > 10) [S4]:

    >>> band_of([0.0, 0.5, 0.51, 1.0, 10.0, 12.0], [0, 0.5, 1, 5, 10]).tolist()
    [-1, 0, 1, 1, 3, 4]
    """
    xs = _f(x)
    e = np.asarray(edges, dtype="float64")
    if np.any(np.diff(e) <= 0):
        raise _SchemeError(text("comp.err.band_edges", edges=list(edges)))
    side = "left" if closed == "right" else "right"
    idx = np.searchsorted(e, xs, side=side) - 1
    idx = np.where(xs <= e[0], COMPLIANT, idx)
    return np.where(np.isnan(xs), UNASSESSED, idx).astype("int64")


def _pick(values: Sequence[float | None], band: np.ndarray) -> np.ndarray:
    table = np.array([np.nan if v is None else float(v) for v in values], dtype="float64")
    out = np.zeros(band.shape, dtype="float64")
    hit = band >= 0
    out[hit] = table[band[hit]]
    return out


def tier_by_exceedance(
    x: ArrayLike, edges: Sequence[float], amounts: Sequence[float | None], closed: str = "right"
) -> tuple[np.ndarray, np.ndarray]:
    """Fixed amount per exceedance band.

    Parameters
    ----------
    x
        Exceedance multiples (see :func:`exceedance_multiple`).
    edges
        Lower band edges (see :func:`band_of`).
    amounts
        Amount per band [money], same length as ``edges``; ``None`` for a band whose amount is
        not known (the result is NaN there, so the caller can refuse it).

    Returns
    -------
    amount, band
        Non-negative amount (0 when compliant or unassessed) and the band index.

    References
    ----------
    S4 (Shanxi 2013: five tiers 50–300万 per section per month), S16, S17.
    """
    if len(amounts) != len(edges):
        raise _SchemeError(text("comp.err.band_amounts"))
    band = band_of(x, edges, closed)
    return _pick(amounts, band), band


def continuous_tier(
    x: ArrayLike, edges: Sequence[float], bases: Sequence[float | None], closed: str = "right"
) -> tuple[np.ndarray, np.ndarray]:
    """Continuous tier: amount = base_k × (1 + x) in band k [1].

    References
    ----------
    S18 (Zhoukou: 10/25/50/100/200万 × (1 + x) for x in (0.1, 0.5], ..., (2, ∞)).
    """
    xs = _f(x)
    band = band_of(xs, edges, closed)
    base = _pick(bases, band)
    return np.where(band >= 0, base * (1.0 + np.nan_to_num(xs)), 0.0), band


def water_class_of(
    value: ArrayLike, limits: np.ndarray, direction: ArrayLike | str = "max"
) -> np.ndarray:
    """Water-quality class 1–6 (6 = 劣V) of each concentration.

    Parameters
    ----------
    value
        Concentrations [mg/L], shape (n,).
    limits
        Class I–V limits per row, shape (n, 5) [mg/L] (GB 3838-2002).
    direction
        ``"max"`` or ``"min"`` per row (see :func:`exceedance_multiple`).

    Returns
    -------
    numpy.ndarray
        The best class whose limit the value meets; 6 if it fails class V; NaN where the
        value or all limits are missing.
    """
    v = _f(value)[:, None]
    lim = np.asarray(limits, dtype="float64")
    d = np.full(len(v), direction) if isinstance(direction, str) else np.asarray(direction)
    meets = np.where(d[:, None] == "min", v >= lim, v <= lim)
    first = np.where(meets.any(axis=1), meets.argmax(axis=1) + 1, 6).astype("float64")
    return np.where(np.isnan(v[:, 0]) | np.isnan(lim).all(axis=1), np.nan, first)


def class_step(
    observed_class: ArrayLike,
    base_class: float,
    per_class_worse: float,
    per_class_better: float,
) -> np.ndarray:
    """Signed amount per water-quality class relative to a base class.

    Each class worse than ``base_class`` → the upstream side pays ``per_class_worse``; each
    class better → it receives ``per_class_better`` (negative amount).

    References
    ----------
    S6/S7 (豫鲁: base III, 6,000万 per class), S77 (豫晋陕: base II, 6,000万 per class).
    """
    c = _f(observed_class)
    steps = c - float(base_class)
    return np.where(steps >= 0, steps * per_class_worse, steps * per_class_better)


def index_change(
    current: ArrayLike,
    previous: ArrayLike,
    per_point: float,
    mode: str = "relative",
    whole_points: bool = False,
) -> tuple[np.ndarray, np.ndarray]:
    """Signed amount per percentage point of change of a composite index.

    Parameters
    ----------
    current, previous
        Index this period and in the comparison period (same month or year, a year earlier).
    per_point
        Amount per percentage point [money].
    mode
        ``"relative"``: change = (I_t − I_{t−1}) / I_{t−1} × 100; ``"absolute"``: the index is
        itself in percent and change = I_t − I_{t−1}.
    whole_points
        Count only whole points (truncated toward zero).

    Returns
    -------
    change, amount
        Change in points (positive = worse) and amount (positive = upstream pays).

    References
    ----------
    S6 (豫鲁: 100万 per point, cap 4,000万), S77 (豫晋陕: 5万 per point per month, cap 200万),
    S27 (Shandong). Which reading ("relative"/"absolute") the agreements use is not published.
    """
    cur, prev = _f(current), _f(previous)
    if mode == "relative":
        with np.errstate(divide="ignore", invalid="ignore"):
            change = (cur - prev) / prev * 100.0
    elif mode == "absolute":
        change = cur - prev
    else:
        raise _SchemeError(text("comp.err.band_mode", mode=mode))
    change = np.where(np.isfinite(change), change, np.nan)
    pts = np.trunc(np.round(change, 9)) if whole_points else change
    return change, pts * per_point


def composite_index(
    conc: np.ndarray, standards: Sequence[float], weights: Sequence[float]
) -> np.ndarray:
    """Weighted pollution index Σ w_i C_i / S_i (rows = periods, columns = pollutants)."""
    c = np.asarray(conc, dtype="float64")
    return (c / np.asarray(standards, dtype="float64")) @ np.asarray(weights, dtype="float64")


def p_index(
    conc: np.ndarray, baseline: Sequence[float], weights: Sequence[float], k0: float
) -> np.ndarray:
    """Xin'an compensation index P = K0 × Σ k_i × C_i / C_i0 (unverified formula).

    References
    ----------
    compensation.md §2.2 — the formula, K0 and the weights are [U].
    """
    return k0 * composite_index(conc, baseline, weights)


def threshold_transfer(value: ArrayLike, threshold: float, amount: float) -> np.ndarray:
    """+amount where value > threshold (upstream pays), −amount where ≤ (it receives)."""
    v = _f(value)
    return np.where(np.isnan(v), np.nan, np.where(v > threshold, amount, -amount))


def load_based(
    conc: ArrayLike, target: ArrayLike, volume_m3: ArrayLike, unit_price: ArrayLike
) -> tuple[np.ndarray, np.ndarray]:
    """Load-based compensation: (C − C_target)⁺ × Q × price.

    Parameters
    ----------
    conc, target
        Section value and control target [mg/L].
    volume_m3
        Section water volume in the period [m³].
    unit_price
        Price per tonne of excess load [money/t].

    Returns
    -------
    load_t, amount
        Excess load [t] (mg/L × m³ × 10⁻⁶) and amount.

    References
    ----------
    S84 (Zhenjiang: CODMn 1.5万/t, NH3-N 10万/t, TP 10万/t); TC-5.
    """
    excess = np.clip(_f(conc) - _f(target), 0.0, None)
    load = excess * _f(volume_m3) * 1e-6
    return load, load * _f(unit_price)


def net_upstream(
    value: ArrayLike, control: ArrayLike, limit: ArrayLike, mode: str
) -> tuple[np.ndarray, np.ndarray]:
    """Upstream netting of a section value against its control (inflow) section.

    ``exempt_if_not_worse``: a section whose value is not higher than the control section's
    is treated as compliant (effective value = limit) [S17, Baoding]. ``subtract_inflow``: the
    inflow's excess over the limit is subtracted [S9, Henan]. Where the control value is
    NaN nothing is netted. The effective value never exceeds the observed one.

    Returns
    -------
    effective, netted
        Effective value and a mask of the rows changed by netting.
    """
    v, c, lim = _f(value), _f(control), _f(limit)
    have = ~np.isnan(c) & ~np.isnan(v)
    if mode == "none":
        return v, np.zeros(v.shape, dtype=bool)
    if mode == "exempt_if_not_worse":
        hit = have & (v > lim) & (v <= c)
        return np.where(hit, np.minimum(v, lim), v), hit
    if mode == "subtract_inflow":
        inflow_excess = np.where(have, np.clip(c - lim, 0.0, None), 0.0)
        hit = (v > lim) & (inflow_excess > 0)
        eff = np.where(hit, np.maximum(v - inflow_excess, np.minimum(v, lim)), v)
        return eff, hit
    raise _SchemeError(text("comp.err.netting_mode", mode=mode))
