"""Present values of ecosystem service flows: discount factors, annuity factors, asset values.

An ecosystem asset is valued as the net present value of its expected service flows over an
asset life of ``N`` years at a discount rate ``r`` [1/a]. Two timing conventions are in use and
must be stated:

* ``"end"`` — ordinary annuity: the flow of year τ arrives at the end of the year and is
  discounted by :math:`(1+r)^{-\\tau}`, τ = 1 … N (the SEEA EA formula);
* ``"beginning"`` — annuity-due: the flow arrives at the start of the year, discounted by
  :math:`(1+r)^{-(\\tau-1)}`; the first flow is not discounted. For a constant rate the value is
  :math:`(1+r)` times the ordinary annuity.

A schedule of rates (declining discount rates) gives the rate of each year τ; the discount
factor is then :math:`\\prod_{s \\le \\tau} (1+r_s)^{-1}`. A flow projection gives the flow of each
year instead of a constant one.

References
----------
United Nations et al. (2021). SEEA EA, §10 (NPV of expected ecosystem service flows).
博文静, 王莉雁, 操建华, 王效科, 肖燚, 欧阳志云 (2017). 中国森林生态资产价值评估. 生态学报
37(12):4182-4190, eqs. (2)-(3): annuity-due over 100 years at 2.77 % (ChinaXiv 201706.00846).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import numpy as np

from ..errors import InputError
from ..messages import text

TIMINGS = ("end", "beginning")


def check_timing(timing: str) -> str:
    """``"end"`` or ``"beginning"`` (``"begin"`` is accepted); anything else is an error."""
    t = {"begin": "beginning", "start": "beginning"}.get(str(timing), str(timing))
    if t not in TIMINGS:
        raise InputError(
            text("seea.bad_timing", timing=timing),
            hint=text("seea.hint_timing"),
            parameter="timing",
        )
    return t


def check_life(asset_life: object) -> int:
    """The asset life as a whole number of years ≥ 1."""
    if isinstance(asset_life, bool) or not isinstance(
        asset_life, int | float | np.integer | np.floating
    ):
        raise InputError(
            text("seea.bad_life", life=asset_life),
            hint=text("seea.hint_life"),
            parameter="asset_life",
        )
    life = float(asset_life)
    if not math.isfinite(life) or life <= 0 or life != round(life):
        raise InputError(
            text("seea.bad_life", life=asset_life),
            hint=text("seea.hint_life"),
            parameter="asset_life",
        )
    return int(life)


def _check_rates(rates: np.ndarray, given: object) -> None:
    bad = ~np.isfinite(rates)
    if bad.any():
        raise InputError(
            text("seea.rate_not_number", rate=given),
            hint=text("seea.hint_rate"),
            parameter="discount_rate",
        )
    if (rates >= 1).any():
        r = float(rates[rates >= 1][0])
        raise InputError(
            text("seea.rate_percent", rate=r),
            hint=text("seea.hint_rate_percent", rate=r, fraction=r / 100),
            parameter="discount_rate",
        )
    if (rates <= -1).any():
        r = float(rates[rates <= -1][0])
        raise InputError(
            text("seea.rate_too_low", rate=r),
            hint=text("seea.hint_rate"),
            parameter="discount_rate",
        )


def rate_schedule(discount_rate: object, asset_life: int) -> np.ndarray:
    """The rate of each year τ = 1 … N [1/a] from a constant rate, a sequence of N rates, or a
    step schedule ``{first_year: rate}`` (``{1: 0.035, 31: 0.03}``: 3.5 % in years 1–30, then
    3 %).

    Raises
    ------
    InputError
        If a rate is ≥ 1 (a percentage such as 2.77 for 2.77 %), ≤ −1 or not a number, or a
        sequence does not have one rate per year.
    """
    if isinstance(discount_rate, Mapping):
        starts = sorted(discount_rate)
        if not starts or starts[0] != 1 or any(not float(s).is_integer() for s in starts):
            raise InputError(
                text("seea.bad_schedule", schedule=dict(discount_rate)),
                hint=text("seea.hint_schedule"), parameter="discount_rate",
            )  # fmt: skip
        rates = np.empty(asset_life)
        bounds = [*(int(s) for s in starts), asset_life + 1]
        for k, s in enumerate(starts):
            rates[bounds[k] - 1 : bounds[k + 1] - 1] = float(discount_rate[s])
    elif isinstance(discount_rate, Sequence | np.ndarray) and not isinstance(discount_rate, str):
        rates = np.asarray(discount_rate, dtype=float).ravel()
        if len(rates) != asset_life:
            raise InputError(
                text("seea.schedule_length", n=len(rates), life=asset_life),
                hint=text("seea.hint_schedule"), parameter="discount_rate",
            )  # fmt: skip
    else:
        try:
            r = float(discount_rate)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            raise InputError(
                text("seea.rate_not_number", rate=discount_rate),
                hint=text("seea.hint_rate"), parameter="discount_rate",
            ) from None  # fmt: skip
        rates = np.full(asset_life, r)
    _check_rates(rates, discount_rate)
    return rates


def discount_factors(discount_rate: object, asset_life: object, timing: str = "end") -> np.ndarray:
    """Discount factor of the flow of each year τ = 1 … N [–].

    Parameters
    ----------
    discount_rate
        A rate [1/a] as a fraction (0.02 for 2 %), a sequence of N rates, or ``{first_year:
        rate}``.
    asset_life
        N [a], a whole number ≥ 1.
    timing
        ``"end"`` (ordinary annuity) or ``"beginning"`` (annuity-due).

    Returns
    -------
    numpy.ndarray
        Length N; ``end``: :math:`\\prod_{s\\le\\tau}(1+r_s)^{-1}`; ``beginning``: the ``end``
        factor of year τ − 1 (1 for τ = 1).

    References
    ----------
    United Nations et al. (2021). SEEA EA, §10.
    """
    n = check_life(asset_life)
    t = check_timing(timing)
    rates = rate_schedule(discount_rate, n)
    end = np.cumprod(1.0 / (1.0 + rates))
    if t == "end":
        return end
    return np.concatenate(([1.0], end[:-1]))


def annuity_factor(discount_rate: object, asset_life: object, timing: str = "end") -> float:
    """Present value of 1 per year over the asset life [a]: the sum of :func:`discount_factors`.

    For a constant rate r > 0: ``end`` :math:`(1-(1+r)^{-N})/r`; ``beginning`` that times
    :math:`(1+r)`; r = 0 gives N.

    References
    ----------
    United Nations et al. (2021). SEEA EA, §10.
    """
    return math.fsum(discount_factors(discount_rate, asset_life, timing))


def asset_value(
    annual_value: object = None,
    discount_rate: object = None,
    asset_life: object = None,
    timing: str = "end",
    *,
    flows: Sequence[float] | np.ndarray | None = None,
) -> float | np.ndarray:
    """Net present value of an ecosystem service flow [money].

    Parameters
    ----------
    annual_value
        A constant annual flow [money/a]: a number, or an array of flows (one asset each; the
        result has the same shape). Leave ``None`` when ``flows`` is given.
    discount_rate
        [1/a] as a fraction (0.0277 for 2.77 %); a sequence of one rate per year, or a step
        schedule ``{first_year: rate}`` (declining discount rates). A rate ≥ 1 is an error:
        it is almost always a percentage.
    asset_life
        N [a], a whole number ≥ 1. With ``flows`` it defaults to the length of the projection.
    timing
        ``"end"`` (ordinary annuity, the SEEA EA formula) or ``"beginning"`` (annuity-due).
    flows
        A flow projection [money/a]: the flow of each year τ = 1 … N (a 1-D sequence), or one
        projection per asset (2-D, assets × N).

    Returns
    -------
    float or numpy.ndarray

    Raises
    ------
    InputError
        Bad rate, life, timing, or both / neither of ``annual_value`` and ``flows``.

    Examples
    --------
    China's forests, 19.10 万亿元/a over 100 years at 2.77 % (博文静 et al. 2017):

    >>> round(asset_value(19.10, 0.0277, 100, timing="beginning"), 2)
    662.52
    >>> round(asset_value(19.10, 0.0277, 100, timing="end"), 2)
    644.66

    References
    ----------
    United Nations et al. (2021). SEEA EA, §10.
    博文静 et al. (2017). 生态学报 37(12):4182-4190, eq. (3).
    """
    if (annual_value is None) == (flows is None):
        raise InputError(text("seea.value_or_flows"), hint=text("seea.hint_value_or_flows"))
    if flows is not None:
        proj = np.asarray(flows, dtype=float)
        if proj.ndim not in (1, 2) or proj.shape[-1] == 0:
            raise InputError(text("seea.bad_flows", shape=proj.shape), hint=text("seea.hint_flows"))
        n = proj.shape[-1] if asset_life is None else check_life(asset_life)
        if proj.shape[-1] != n:
            raise InputError(
                text("seea.flows_length", n=proj.shape[-1], life=n), hint=text("seea.hint_flows")
            )
        _finite(proj)
        d = discount_factors(discount_rate, n, timing)
        out = proj @ d
        return float(out) if proj.ndim == 1 else out
    if asset_life is None:
        raise InputError(text("seea.bad_life", life=None), hint=text("seea.hint_life"))
    value = np.asarray(annual_value, dtype=float)
    _finite(value)
    out = value * annuity_factor(discount_rate, asset_life, timing)
    return float(out) if value.ndim == 0 else out


def _finite(values: np.ndarray) -> None:
    if not np.isfinite(values).all():
        raise InputError(text("seea.flow_not_finite"), hint=text("seea.hint_flows"))
