"""How each forest indicator becomes ledger lines: the data factor, the quantity and the terms.

Every line of a forest ledger is ``value = data × Π θ_k^{p_k}``: ``data`` is computed from the
stand (area and drivers — never a price), and the product runs over prices, fertiliser
contents, the ion threshold and price-index chains (the coefficient vector θ, which
:mod:`geep.uncertainty` may draw). The quantity shown on the line is
``data × scale(stand) × Π θ_q`` in the line's quantity unit, and its price is the value over
the quantity, so ``value == quantity × price`` on every line.

The data and quantity of each :class:`Part` repeat the formulas of
:mod:`geep.methods.forest_formulas` (which the tests check by hand, with units); a test checks
that the ledger equals those formulas for every indicator.

Units in the ledger follow geep's GEP indicator vocabulary where an indicator has the same
name there (:data:`geep.indicators.INDICATORS`): carbon in t CO₂ (the LY/T formula fixes t C,
converted exactly by 44/12), SO₂, fluoride and NOx in t (the stand rates are kg ha⁻¹ a⁻¹);
dust retained is in t as well. ``water_purification`` is water, not a pollutant, so its
quantity is in m³ of water (the GEP ``water_purification.*`` indicators are t of pollutant).

References
----------
.. [1] LY/T 1721-2008 structure as reproduced in :mod:`geep.methods.forest_formulas` (J1, J2,
   P1, P3, P4); the standard's text was not seen.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np

from .forest_flow import (
    ANION_FACTOR,
    C_PER_CO2,
    CO2_PER_BIOMASS,
    O2_PER_BIOMASS,
    PERCENT,
    WATER_DENSITY,
    Array,
)
from .forest_formulas import negative_ion_production, soil_retained, water_yield

Cols = Mapping[str, Array]


@dataclass(frozen=True)
class Part:
    """One valued line of an indicator per stand.

    Attributes
    ----------
    indicator, component
        Canonical indicator and its component (``""``: a one-line indicator).
    data
        ``data(cols)``: the data factor per stand, from area and drivers.
    terms
        ``((price key, power), …)``: the θ product that multiplies ``data`` into the value
        (a price-index chain is added by the resolve step where a price needs one).
    unit
        Quantity unit of the formula (:mod:`geep.methods.forest_spec`).
    ledger_unit
        Quantity unit in the ledger (converted by pint in the resolve step).
    scale
        ``scale(cols)``: quantity per unit of data, from the stand (``None``: 1).
    quantity_terms
        ``((price key, power), …)``: θ factors of the quantity (the ion threshold).
    """

    indicator: str
    component: str
    data: Callable[[Cols], Array]
    terms: tuple[tuple[str, int], ...]
    unit: str
    ledger_unit: str
    scale: Callable[[Cols], Array] | None = None
    quantity_terms: tuple[tuple[str, int], ...] = ()


def _water(c: Cols) -> Array:
    return water_yield(c["area"], c["precipitation"], c["evapotranspiration"], c["runoff"])


def _water_t(c: Cols) -> Array:
    return _water(c) * WATER_DENSITY


def _per_water_t(c: Cols) -> Array:
    return np.full(len(c["area"]), 1.0 / WATER_DENSITY)


def _kept(c: Cols) -> Array:
    return soil_retained(c["area"], c["erosion_without_forest"], c["erosion_with_forest"])


def _kept_m3(c: Cols) -> Array:
    return _kept(c) / c["soil_bulk_density"]


def _density(c: Cols) -> Array:
    return c["soil_bulk_density"]


def _in_soil(column: str) -> Callable[[Cols], Array]:
    def data(c: Cols) -> Array:
        return _kept(c) * c[column] * PERCENT

    data.__name__ = f"soil_{column}"
    return data


def _in_growth(column: str) -> Callable[[Cols], Array]:
    def data(c: Cols) -> Array:
        return c["area"] * c["net_productivity"] * c[column] * PERCENT

    data.__name__ = f"growth_{column}"
    return data


def _veg_carbon(c: Cols) -> Array:
    return CO2_PER_BIOMASS * C_PER_CO2 * c["area"] * c["net_productivity"]


def _soil_carbon(c: Cols) -> Array:
    return c["area"] * c["soil_carbon_sequestration"]


def _oxygen(c: Cols) -> Array:
    return O2_PER_BIOMASS * c["area"] * c["net_productivity"]


def _ions(c: Cols) -> Array:
    return negative_ion_production(
        c["area"], c["anion_concentration"], c["stand_height"], c["anion_lifetime"]
    )


def _ions_per_concentration(c: Cols) -> Array:
    """−ions a year per unit of concentration [个 a⁻¹ per 个 cm⁻³]: times the threshold Q₀, the
    ions below it, which are not valued."""
    return -ANION_FACTOR * c["area"] * c["stand_height"] / c["anion_lifetime"]


def _absorbed(column: str) -> Callable[[Cols], Array]:
    def data(c: Cols) -> Array:
        return c["area"] * c[column]

    data.__name__ = f"absorbed_{column}"
    return data


def _area(c: Cols) -> Array:
    return np.array(c["area"], dtype=float)


def _credited(c: Cols) -> Array:
    return c["recreation_revenue"] * c["recreation_share"] * PERCENT


_N = (("fertilizer_dap", 1), ("dap_n_content", -1))
_P = (("fertilizer_dap", 1), ("dap_p_content", -1))
_K = (("fertilizer_kcl", 1), ("kcl_k_content", -1))

PARTS: tuple[Part, ...] = (
    Part("water_regulation", "", _water, (("reservoir_cost", 1),), "m**3", "m**3"),
    Part("water_purification", "", _water_t, (("water_purification", 1),), "m**3", "m**3",
         scale=_per_water_t),
    Part("soil_retention", "", _kept_m3, (("soil_excavation", 1),), "t", "t", scale=_density),
    Part("soil_fertility", "n", _in_soil("soil_n"), _N, "t", "t"),
    Part("soil_fertility", "p", _in_soil("soil_p"), _P, "t", "t"),
    Part("soil_fertility", "k", _in_soil("soil_k"), _K, "t", "t"),
    Part("soil_fertility", "organic_matter", _in_soil("soil_organic_matter"),
         (("organic_matter", 1),), "t", "t"),
    Part("carbon_sequestration", "vegetation", _veg_carbon, (("carbon", 1),), "t_C", "t_CO2"),
    Part("carbon_sequestration", "soil", _soil_carbon, (("carbon", 1),), "t_C", "t_CO2"),
    Part("oxygen_release", "", _oxygen, (("oxygen", 1),), "t", "t"),
    Part("nutrient_accumulation", "n", _in_growth("tree_n"), _N, "t", "t"),
    Part("nutrient_accumulation", "p", _in_growth("tree_p"), _P, "t", "t"),
    Part("nutrient_accumulation", "k", _in_growth("tree_k"), _K, "t", "t"),
    Part("negative_ions", "production", _ions, (("anion", 1),), "count", "count"),
    Part("negative_ions", "threshold", _ions_per_concentration,
         (("anion", 1), ("anion_threshold", 1)), "count", "count",
         quantity_terms=(("anion_threshold", 1),)),
    Part("air_purification.so2", "", _absorbed("so2_absorption"), (("so2", 1),), "kg", "t"),
    Part("air_purification.fluoride", "", _absorbed("fluoride_absorption"), (("fluoride", 1),),
         "kg", "t"),
    Part("air_purification.nox", "", _absorbed("nox_absorption"), (("nox", 1),), "kg", "t"),
    Part("dust_retention", "", _absorbed("dust_retention"), (("dust", 1),), "kg", "t"),
    Part("species_conservation", "", _area, (("species", 1),), "ha", "ha"),
    Part("forest_recreation", "", _credited, (), "CNY", "CNY"),
)  # fmt: skip

#: the parts of each indicator, in the order of :data:`PARTS`
PARTS_OF: dict[str, tuple[Part, ...]] = {}
for _p in PARTS:
    PARTS_OF[_p.indicator] = (*PARTS_OF.get(_p.indicator, ()), _p)
del _p

#: parts by (indicator, component)
BY_KEY: dict[tuple[str, str], Part] = {(p.indicator, p.component): p for p in PARTS}

__all__ = ["BY_KEY", "PARTS", "PARTS_OF", "Part"]
