"""Stand-based forest ecosystem service formulas (the LY/T 1721-2008 structure).

One pure, vectorised function per indicator of :data:`geep.methods.forest_spec.INDICATORS`.
Arguments are named like the driver columns and price keys of the spec; each is a scalar or
an array (one value per stand) in the canonical unit of the spec, and they broadcast. Each
function returns ``{component: Flow}`` (component ``""`` for a one-line indicator) where
``value == quantity × price`` exactly, so that every ledger line checks. Inputs are not
validated here: run :func:`geep.methods.forest_checks.check_stands` and
:func:`~geep.methods.forest_checks.check_prices` first.

Evidence: every formula is the LY/T 1721-2008 structure *as reproduced by third-party code
(J1, J2) and by papers citing the standard (P1, P3, P4); the primary text was not seen*. The
circulating code J1 has defects that are **not** reproduced here, each pinned by a test:

* 固土 (soil retention): J1 multiplies the physical quantity by 10 — dimensionally wrong
  (X is already t·ha⁻¹·a⁻¹ and A is ha);
* 固土 value: J1 omits the soil bulk density ρ, which turns tonnes into the m³ that the
  excavation cost C土 is priced in;
* 释氧 (oxygen): J1's physical formula has 1.91 instead of the 1.19 of its own value formula
  (and of P1, P3);
* 林木积累营养物质: J1 prices potassium with the organic-matter price C3 instead of the
  potassium chloride price C2 / R3;
* 负离子 (negative ions): J1 omits the division by the ion lifetime L, without which the
  5.256×10¹⁵ factor has the wrong dimension.

References
----------
.. [J1] debug-LiXiwen/lyzy @ 32a0d93b, ``src/main/java/com/softlab/lyzy/common/stxtCalculate.java``.
.. [J2] JavaScript layui calculator (index file ids 49005106950, 49213397046).
.. [P1] 张春华, 居为民, 王登杰, 王希群, 王昕. 2004—2013年山东省森林碳储量及其碳汇经济价值.
   生态学报 2018, 38(5):1739-1749, §1.3.2 (固碳释氧 with 1.63, R碳 = 27.27 %, 1.19).
.. [P3] 缪建群 et al. 江西高天岩自然保护区生态系统服务功能价值评估. 生态学报 2017, 37(19):6422-6430.
.. [P4] 孙庆祥, 周华荣. 阿尔泰山森林生态系统服务功能及其价值评估. 干旱区地理 (U = S生·A).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from numpy.typing import ArrayLike

from .forest_flow import (
    ANION_FACTOR,
    C_PER_CO2,
    CM3_PER_M3,
    CO2_PER_BIOMASS,
    M2_PER_HA,
    MINUTES_PER_YEAR,
    MM_HA_TO_M3,
    O2_PER_BIOMASS,
    PERCENT,
    WATER_DENSITY,
    Array,
    Flow,
)
from .forest_flow import as_array as _f
from .forest_flow import flow as _flow
from .forest_formulas_air import (
    air_purification_fluoride,
    air_purification_nox,
    air_purification_so2,
    dust_retention,
    forest_recreation,
    negative_ion_production,
    negative_ions,
    shannon_class_values,
    species_conservation,
)
from .forest_spec import INDICATORS


def water_yield(
    area: ArrayLike, precipitation: ArrayLike, evapotranspiration: ArrayLike, runoff: ArrayLike
) -> Array:
    """Annual water regulated by the stand, ``G调 = 10·A·(P − E − C)`` [m³ a⁻¹].

    Parameters
    ----------
    area
        Stand area A [ha].
    precipitation, evapotranspiration, runoff
        P, E (stand evapotranspiration) and C (surface runoff) [mm a⁻¹].

    Notes
    -----
    Signed: a stand that evaporates and sheds more than it receives (E + C > P) regulates a
    negative amount; the result is not clipped.

    References
    ----------
    J1 ``gt``; J2 "林分年调节水量计算"; LY/T 1721-2008 structure (primary text not seen).
    """
    return MM_HA_TO_M3 * _f(area) * (_f(precipitation) - _f(evapotranspiration) - _f(runoff))


def water_regulation(
    area: ArrayLike,
    precipitation: ArrayLike,
    evapotranspiration: ArrayLike,
    runoff: ArrayLike,
    reservoir_cost: ArrayLike,
) -> dict[str, Flow]:
    """调节水量: ``U调 = 10·C库·A·(P − E − C)`` [CNY a⁻¹].

    Parameters
    ----------
    area, precipitation, evapotranspiration, runoff
        As in :func:`water_yield` [ha; mm a⁻¹].
    reservoir_cost
        C库, reservoir construction cost per m³ of storage [CNY m⁻³].

    Returns
    -------
    dict
        ``{"": Flow}``: quantity [m³ a⁻¹], price [CNY m⁻³].

    References
    ----------
    J1 ``gt``, ``utiao``; J2; LY/T 1721-2008 structure (primary text not seen).
    """
    return {"": _flow(water_yield(area, precipitation, evapotranspiration, runoff), reservoir_cost)}


def water_purification(
    area: ArrayLike,
    precipitation: ArrayLike,
    evapotranspiration: ArrayLike,
    runoff: ArrayLike,
    water_purification: ArrayLike,
) -> dict[str, Flow]:
    """净化水质: ``U水质 = 10·K水·A·(P − E − C)`` [CNY a⁻¹].

    The water regulated by the stand (:func:`water_yield`, m³) is valued at the purification
    cost per tonne, 1 m³ of water being 1 t (:data:`WATER_DENSITY`).

    Parameters
    ----------
    area, precipitation, evapotranspiration, runoff
        As in :func:`water_yield` [ha; mm a⁻¹].
    water_purification
        K水, cost of purifying water [CNY t⁻¹].

    Returns
    -------
    dict
        ``{"": Flow}``: quantity = water purified [t a⁻¹], price [CNY t⁻¹].

    References
    ----------
    J1 ``usz``; J2 "林分年净化水质价值计算"; LY/T 1721-2008 structure (primary text not seen).
    """
    water_t = water_yield(area, precipitation, evapotranspiration, runoff) * WATER_DENSITY
    return {"": _flow(water_t, water_purification)}


def soil_retained(
    area: ArrayLike, erosion_without_forest: ArrayLike, erosion_with_forest: ArrayLike
) -> Array:
    """Soil kept in place by the stand, ``G固土 = A·(X2 − X1)`` [t a⁻¹] — no factor 10 (J1 bug).

    Parameters
    ----------
    area
        A [ha].
    erosion_without_forest, erosion_with_forest
        X2 (without forest) and X1 (with forest) soil erosion moduli [t ha⁻¹ a⁻¹].

    References
    ----------
    J1 ``ggt`` (with a spurious ×10); J2 "林分年固土量计算"; LY/T 1721-2008 structure.
    """
    return _f(area) * (_f(erosion_without_forest) - _f(erosion_with_forest))


def soil_retention(
    area: ArrayLike,
    erosion_without_forest: ArrayLike,
    erosion_with_forest: ArrayLike,
    soil_bulk_density: ArrayLike,
    soil_excavation: ArrayLike,
) -> dict[str, Flow]:
    """固土: ``U固土 = A·C土·(X2 − X1)/ρ`` [CNY a⁻¹].

    The retained soil (t) is turned into a volume by the bulk density ρ and valued at the
    cost of digging and transporting that volume (the density is missing in J1).

    Parameters
    ----------
    area, erosion_without_forest, erosion_with_forest
        As in :func:`soil_retained` [ha; t ha⁻¹ a⁻¹].
    soil_bulk_density
        ρ, forest soil bulk density [t m⁻³].
    soil_excavation
        C土, cost of excavating and transporting soil [CNY m⁻³].

    Returns
    -------
    dict
        ``{"": Flow}``: quantity [t a⁻¹], price = C土/ρ [CNY t⁻¹].

    References
    ----------
    J1 ``ugt`` (omits ρ); J2 (asks for ρ); LY/T 1721-2008 structure (primary text not seen).
    """
    kept = soil_retained(area, erosion_without_forest, erosion_with_forest)
    return {"": _flow(kept, _f(soil_excavation) / _f(soil_bulk_density))}


def _npk_prices(
    fertilizer_dap: ArrayLike,
    fertilizer_kcl: ArrayLike,
    dap_n_content: ArrayLike,
    dap_p_content: ArrayLike,
    kcl_k_content: ArrayLike,
) -> tuple[Array, Array, Array]:
    """CNY per t of N, P and K: C1/R1, C1/R2 (diammonium phosphate) and C2/R3 (KCl)."""
    dap, kcl = _f(fertilizer_dap), _f(fertilizer_kcl)
    return (
        dap / (_f(dap_n_content) * PERCENT),
        dap / (_f(dap_p_content) * PERCENT),
        kcl / (_f(kcl_k_content) * PERCENT),
    )


def soil_fertility(
    area: ArrayLike,
    erosion_without_forest: ArrayLike,
    erosion_with_forest: ArrayLike,
    soil_n: ArrayLike,
    soil_p: ArrayLike,
    soil_k: ArrayLike,
    soil_organic_matter: ArrayLike,
    fertilizer_dap: ArrayLike,
    fertilizer_kcl: ArrayLike,
    organic_matter: ArrayLike,
    dap_n_content: ArrayLike,
    dap_p_content: ArrayLike,
    kcl_k_content: ArrayLike,
) -> dict[str, Flow]:
    """保肥: ``U肥 = A·(X2 − X1)·(N·C1/R1 + P·C1/R2 + K·C2/R3 + M·C3)`` [CNY a⁻¹].

    Nutrients held in the retained soil, valued at the price of the fertiliser that would
    replace them (N and P as diammonium phosphate, K as potassium chloride) and organic matter
    at its own price.

    Parameters
    ----------
    area, erosion_without_forest, erosion_with_forest
        As in :func:`soil_retained` [ha; t ha⁻¹ a⁻¹].
    soil_n, soil_p, soil_k, soil_organic_matter
        N, P, K and M, mean contents of the forest soil [%].
    fertilizer_dap, fertilizer_kcl, organic_matter
        C1 (diammonium phosphate), C2 (potassium chloride), C3 (organic matter) [CNY t⁻¹].
    dap_n_content, dap_p_content, kcl_k_content
        R1, R2 (N and P content of diammonium phosphate), R3 (K content of KCl) [%].

    Returns
    -------
    dict
        ``{"n", "p", "k", "organic_matter": Flow}``: quantity [t a⁻¹], price [CNY t⁻¹].

    References
    ----------
    J1 ``gn``, ``gp``, ``gk``, ``ufei``; J2 "林分年保肥量计算"; LY/T 1721-2008 structure.
    """
    kept = soil_retained(area, erosion_without_forest, erosion_with_forest)
    pn, pp, pk = _npk_prices(
        fertilizer_dap, fertilizer_kcl, dap_n_content, dap_p_content, kcl_k_content
    )
    return {
        "n": _flow(kept * _f(soil_n) * PERCENT, pn),
        "p": _flow(kept * _f(soil_p) * PERCENT, pp),
        "k": _flow(kept * _f(soil_k) * PERCENT, pk),
        "organic_matter": _flow(kept * _f(soil_organic_matter) * PERCENT, organic_matter),
    }


def carbon_sequestration(
    area: ArrayLike,
    net_productivity: ArrayLike,
    soil_carbon_sequestration: ArrayLike,
    carbon: ArrayLike,
) -> dict[str, Flow]:
    """固碳: ``U碳 = A·C碳·(1.63·R碳·B年 + F土壤碳)`` [CNY a⁻¹].

    Parameters
    ----------
    area
        A [ha].
    net_productivity
        B年, net primary productivity of the stand as dry matter [t ha⁻¹ a⁻¹].
    soil_carbon_sequestration
        F土壤碳, carbon fixed by the soil [t C ha⁻¹ a⁻¹] (signed).
    carbon
        C碳, carbon price per tonne of **carbon** [CNY (t C)⁻¹]; convert a per-t-CO₂ price by
        44/12 at the boundary (:mod:`geep.methods.forest_prices`).

    Returns
    -------
    dict
        ``{"vegetation", "soil": Flow}``: quantity [t C a⁻¹], price [CNY (t C)⁻¹].
        Vegetation: ``1.63·R碳·A·B年`` with R碳 = 12/44.

    References
    ----------
    J1 ``gzbgt``, ``gtrgt``, ``utan``; P1 §1.3.2 eq. (2); LY/T 1721-2008 structure.
    """
    veg = CO2_PER_BIOMASS * C_PER_CO2 * _f(area) * _f(net_productivity)
    soil = _f(area) * _f(soil_carbon_sequestration)
    return {"vegetation": _flow(veg, carbon), "soil": _flow(soil, carbon)}


def oxygen_release(
    area: ArrayLike, net_productivity: ArrayLike, oxygen: ArrayLike
) -> dict[str, Flow]:
    """释氧: ``U氧 = 1.19·C氧·A·B年`` [CNY a⁻¹] (1.19, not J1's 1.91).

    Parameters
    ----------
    area
        A [ha].
    net_productivity
        B年 [t ha⁻¹ a⁻¹].
    oxygen
        C氧, price of oxygen [CNY t⁻¹].

    Returns
    -------
    dict
        ``{"": Flow}``: quantity [t O₂ a⁻¹], price [CNY t⁻¹].

    References
    ----------
    J1 ``uy`` (``gy`` has the typo 1.91); P1 §1.3.2 eq. (2); P3 Table 1; LY/T 1721-2008 structure.
    """
    return {"": _flow(O2_PER_BIOMASS * _f(area) * _f(net_productivity), oxygen)}


def nutrient_accumulation(
    area: ArrayLike,
    net_productivity: ArrayLike,
    tree_n: ArrayLike,
    tree_p: ArrayLike,
    tree_k: ArrayLike,
    fertilizer_dap: ArrayLike,
    fertilizer_kcl: ArrayLike,
    dap_n_content: ArrayLike,
    dap_p_content: ArrayLike,
    kcl_k_content: ArrayLike,
) -> dict[str, Flow]:
    """林木积累营养物质: ``U = A·B年·(N·C1/R1 + P·C1/R2 + K·C2/R3)`` [CNY a⁻¹].

    Potassium is priced as potassium chloride (C2/R3), not with the organic-matter price C3
    as in J1 ``uyy``.

    Parameters
    ----------
    area, net_productivity
        A [ha], B年 [t ha⁻¹ a⁻¹].
    tree_n, tree_p, tree_k
        N, P and K contents of the trees [%].
    fertilizer_dap, fertilizer_kcl, dap_n_content, dap_p_content, kcl_k_content
        C1, C2 [CNY t⁻¹] and R1, R2, R3 [%] as in :func:`soil_fertility`.

    Returns
    -------
    dict
        ``{"n", "p", "k": Flow}``: quantity [t a⁻¹], price [CNY t⁻¹].

    References
    ----------
    J2 "林分年营养物质积累量计算"; J1 ``uyy`` (prices K with C3); LY/T 1721-2008 structure.
    """
    growth = _f(area) * _f(net_productivity)
    pn, pp, pk = _npk_prices(
        fertilizer_dap, fertilizer_kcl, dap_n_content, dap_p_content, kcl_k_content
    )
    return {
        "n": _flow(growth * _f(tree_n) * PERCENT, pn),
        "p": _flow(growth * _f(tree_p) * PERCENT, pp),
        "k": _flow(growth * _f(tree_k) * PERCENT, pk),
    }


#: the formula of each indicator (keys of :data:`geep.methods.forest_spec.INDICATORS`)
FORMULAS: dict[str, Callable[..., dict[str, Flow]]] = {
    "water_regulation": water_regulation,
    "water_purification": water_purification,
    "soil_retention": soil_retention,
    "soil_fertility": soil_fertility,
    "carbon_sequestration": carbon_sequestration,
    "oxygen_release": oxygen_release,
    "nutrient_accumulation": nutrient_accumulation,
    "negative_ions": negative_ions,
    "air_purification.so2": air_purification_so2,
    "air_purification.fluoride": air_purification_fluoride,
    "air_purification.nox": air_purification_nox,
    "dust_retention": dust_retention,
    "species_conservation": species_conservation,
    "forest_recreation": forest_recreation,
}


def evaluate(
    indicator: str, columns: Mapping[str, ArrayLike], prices: Mapping[str, ArrayLike]
) -> dict[str, Flow]:
    """Run the formula of ``indicator`` with the arguments its spec names.

    Parameters
    ----------
    indicator
        Canonical indicator name (a key of :data:`FORMULAS`).
    columns
        ``area`` [ha] and the driver columns of the indicator, in canonical units (one value
        per stand, or scalars); extra entries are ignored.
    prices
        The indicator's price and parameter values in canonical units (numbers, or one per
        stand, e.g. S生 from a Shannon-Wiener class); extra entries are ignored.

    Returns
    -------
    dict
        ``{component: Flow}`` as returned by the formula.

    References
    ----------
    :data:`geep.methods.forest_spec.INDICATORS` (drivers and prices per indicator).
    """
    spec = INDICATORS[indicator]
    args: dict[str, ArrayLike] = {d: columns[d] for d in spec.drivers}
    if spec.uses_area:
        args["area"] = columns["area"]
    args.update({k: prices[k] for k in spec.prices})
    return FORMULAS[indicator](**args)


__all__ = [
    "ANION_FACTOR",
    "CM3_PER_M3",
    "CO2_PER_BIOMASS",
    "C_PER_CO2",
    "FORMULAS",
    "M2_PER_HA",
    "MINUTES_PER_YEAR",
    "MM_HA_TO_M3",
    "O2_PER_BIOMASS",
    "PERCENT",
    "WATER_DENSITY",
    "Flow",
    "air_purification_fluoride",
    "air_purification_nox",
    "air_purification_so2",
    "carbon_sequestration",
    "dust_retention",
    "evaluate",
    "forest_recreation",
    "negative_ion_production",
    "negative_ions",
    "nutrient_accumulation",
    "oxygen_release",
    "shannon_class_values",
    "soil_fertility",
    "soil_retained",
    "soil_retention",
    "species_conservation",
    "water_purification",
    "water_regulation",
    "water_yield",
]
