"""Forest formulas for air quality, biodiversity and recreation (LY/T 1721-2008 structure).

Negative ions, SO₂ / fluoride / NOx absorption, dust retention, species conservation and forest
recreation; the conventions are those of :mod:`geep.methods.forest_formulas` (canonical units
of :mod:`geep.methods.forest_spec`, ``{component: Flow}`` results, no validation here).
Evidence: as reproduced by third-party code (J1, J2) and citing papers (P4); LY/T 1721-2008
structure; primary text not seen.

References
----------
.. [J1] debug-LiXiwen/lyzy @ 32a0d93b, ``src/main/java/com/softlab/lyzy/common/stxtCalculate.java``.
.. [J2] JavaScript layui calculator (index file ids 49005106950, 49213397046).
.. [P4] 孙庆祥, 周华荣. 阿尔泰山森林生态系统服务功能及其价值评估. 干旱区地理 (ChinaXiv 202101.00012).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from .forest_flow import ANION_FACTOR, PERCENT, Array, Flow
from .forest_flow import as_array as _f
from .forest_flow import flow as _flow


def negative_ion_production(
    area: ArrayLike,
    anion_concentration: ArrayLike,
    stand_height: ArrayLike,
    anion_lifetime: ArrayLike,
) -> Array:
    """Negative ions supplied by the stand, ``G = 5.256×10¹⁵·Q·A·H/L`` [个 a⁻¹].

    The air column over the stand (A·H) holds Q ions per cm³; each lives L minutes, so
    ``Q·A·H/L`` ions per minute are produced to keep the concentration, and
    :data:`ANION_FACTOR` carries the ha → m², m³ → cm³ and min → year conversions.

    Parameters
    ----------
    area
        A [ha].
    anion_concentration
        Q负离子 [个 cm⁻³].
    stand_height
        H [m].
    anion_lifetime
        L, lifetime of a negative ion [min] (J1 omits the division by L).

    References
    ----------
    J1 ``gflz`` (omits /L); J2 (lists L as an input); LY/T 1721-2008 structure.
    """
    return ANION_FACTOR * _f(anion_concentration) * _f(area) * _f(stand_height) / _f(anion_lifetime)


def negative_ions(
    area: ArrayLike,
    anion_concentration: ArrayLike,
    stand_height: ArrayLike,
    anion_lifetime: ArrayLike,
    anion: ArrayLike,
    anion_threshold: ArrayLike,
) -> dict[str, Flow]:
    """提供负离子: ``U = 5.256×10¹⁵·A·H·K负离子·(Q − Q₀)/L`` [CNY a⁻¹].

    Only the ions above the threshold Q₀ are valued (J1 uses Q₀ = 600 个 cm⁻³, a value
    found nowhere else, so it is a parameter). The line's quantity is therefore the ions
    produced *above the threshold* (``value = quantity × K负离子``); the whole production is
    :func:`negative_ion_production`. A stand below the threshold gets a negative value
    (not clipped).

    Parameters
    ----------
    area, anion_concentration, stand_height, anion_lifetime
        As in :func:`negative_ion_production` [ha; 个 cm⁻³; m; min].
    anion
        K负离子, cost of producing one negative ion [CNY 个⁻¹].
    anion_threshold
        Q₀ [个 cm⁻³].

    Returns
    -------
    dict
        ``{"": Flow}``: quantity [个 a⁻¹], price [CNY 个⁻¹].

    References
    ----------
    J1 ``uflz`` (omits /L; threshold 600); J2; LY/T 1721-2008 structure.
    """
    excess = _f(anion_concentration) - _f(anion_threshold)
    valued = negative_ion_production(area, excess, stand_height, anion_lifetime)
    return {"": _flow(valued, anion)}


def _absorbed(area: ArrayLike, rate: ArrayLike, price: ArrayLike) -> dict[str, Flow]:
    return {"": _flow(_f(area) * _f(rate), price)}


def air_purification_so2(
    area: ArrayLike, so2_absorption: ArrayLike, so2: ArrayLike
) -> dict[str, Flow]:
    """吸收二氧化硫: ``G = Q·A`` [kg a⁻¹], ``U = K二氧化硫·G`` [CNY a⁻¹].

    Parameters
    ----------
    area
        A [ha].
    so2_absorption
        SO₂ absorbed per unit area [kg ha⁻¹ a⁻¹].
    so2
        SO₂ abatement cost [CNY kg⁻¹].

    References
    ----------
    J1 ``geyhl``, ``ueyhl``; J2 "林分年吸收污染物计算"; LY/T 1721-2008 structure.
    """
    return _absorbed(area, so2_absorption, so2)


def air_purification_fluoride(
    area: ArrayLike, fluoride_absorption: ArrayLike, fluoride: ArrayLike
) -> dict[str, Flow]:
    """吸收氟化物: ``G = Q·A`` [kg a⁻¹], ``U = K氟化物·G`` [CNY a⁻¹].

    Parameters
    ----------
    area
        A [ha].
    fluoride_absorption
        Fluoride absorbed per unit area [kg ha⁻¹ a⁻¹].
    fluoride
        Fluoride abatement cost [CNY kg⁻¹].

    References
    ----------
    J1 ``gfhw``, ``ufu``; J2; LY/T 1721-2008 structure.
    """
    return _absorbed(area, fluoride_absorption, fluoride)


def air_purification_nox(
    area: ArrayLike, nox_absorption: ArrayLike, nox: ArrayLike
) -> dict[str, Flow]:
    """吸收氮氧化物: ``G = Q·A`` [kg a⁻¹], ``U = K氮氧化物·G`` [CNY a⁻¹].

    Parameters
    ----------
    area
        A [ha].
    nox_absorption
        NOx absorbed per unit area [kg ha⁻¹ a⁻¹].
    nox
        NOx abatement cost [CNY kg⁻¹].

    References
    ----------
    J1 ``gdyhw``, ``udyhw``; J2; LY/T 1721-2008 structure.
    """
    return _absorbed(area, nox_absorption, nox)


def dust_retention(area: ArrayLike, dust_retention: ArrayLike, dust: ArrayLike) -> dict[str, Flow]:
    """滞尘: ``G = Q滞尘·A`` [kg a⁻¹], ``U = K滞尘·G`` [CNY a⁻¹].

    Parameters
    ----------
    area
        A [ha].
    dust_retention
        Dust retained per unit area [kg ha⁻¹ a⁻¹].
    dust
        K滞尘, cost of cleaning up dust [CNY kg⁻¹].

    References
    ----------
    J1 ``gdc``, ``uzc``; J2; LY/T 1721-2008 structure.
    """
    return _absorbed(area, dust_retention, dust)


def species_conservation(area: ArrayLike, species: ArrayLike) -> dict[str, Flow]:
    """物种保育: ``U生物 = S生·A`` [CNY a⁻¹].

    Parameters
    ----------
    area
        A [ha].
    species
        S生, annual opportunity cost of species loss per unit area [CNY ha⁻¹ a⁻¹]: one value,
        or one per stand from its Shannon-Wiener class (:func:`shannon_class_values`).

    Returns
    -------
    dict
        ``{"": Flow}``: quantity = area [ha], price [CNY ha⁻¹ a⁻¹].

    References
    ----------
    J2 "林分年物种保育价值计算"; P4 Table 2 (value ÷ area is a class value for 16 of 17 stands);
    王兵, 郑秋红, 郭浩, 林业科学研究 2008(2):268-274 (the Shannon-Wiener method).
    """
    return {"": _flow(np.array(area, dtype=float), species)}  # own copy of the area


def shannon_class_values(index: ArrayLike, lower_bounds: ArrayLike, values: ArrayLike) -> Array:
    """S生 per stand from its Shannon-Wiener index and a class table.

    Class *i* covers ``lower_bounds[i] ≤ index < lower_bounds[i+1]`` (the last class is open
    above). ``lower_bounds`` must be increasing and start at or below every index (checked by
    :func:`geep.methods.forest_prices.species_classes`).

    Parameters
    ----------
    index
        Shannon-Wiener index per stand [–].
    lower_bounds
        Lower bound of each class [–], increasing.
    values
        S生 of each class [CNY ha⁻¹ a⁻¹].

    Returns
    -------
    numpy.ndarray
        S生 per stand [CNY ha⁻¹ a⁻¹].

    References
    ----------
    王兵, 郑秋红, 郭浩 2008 (W9 in geep's forest notes); class table not sourced — user input.
    """
    pos = np.searchsorted(_f(lower_bounds), _f(index), side="right") - 1
    return _f(values)[pos]


def forest_recreation(
    recreation_revenue: ArrayLike, recreation_share: ArrayLike
) -> dict[str, Flow]:
    """森林游憩 from user revenue: ``U = 年旅游价值 × 旅游价值划分比例`` [CNY a⁻¹].

    Parameters
    ----------
    recreation_revenue
        Annual tourism revenue attributed to the stand's forest [CNY a⁻¹].
    recreation_share
        Share of that revenue credited to the forest [%].

    Returns
    -------
    dict
        ``{"": Flow}``: quantity = credited revenue [CNY a⁻¹], price 1 [CNY CNY⁻¹] (money
        lines as in the GEP ledger).

    References
    ----------
    J2 (its own version; provenance unclear).
    """
    credited = _f(recreation_revenue) * _f(recreation_share) * PERCENT
    return {"": _flow(credited, 1.0)}
