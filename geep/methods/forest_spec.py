"""Declarative specification of the forest method: the ``forest_stands`` table, the prices it
needs, and the indicators of the LY/T 1721-2008 structure.

Plain data only (frozen dataclasses and dicts). The columns of the stand table are declared in
the input layer (:mod:`geep.inputs.stands`, which builds its table spec) and re-exported here
with the indicators that need each driver (:data:`DRIVERS`); the method uses
:data:`INDICATORS` and :data:`PRICES`. Texts shown to users
(column descriptions, indicator names) are in the message catalogue
(:mod:`geep.messages.forest`): ``forest.col.<column>``, ``forest.price.<key>``,
``forest.ind.<indicator>``, ``forest.comp.<component>``, ``forest.svc.<service>``.

Units are pint expressions of :data:`geep.units.ureg`; every driver is converted to
``unit`` at the boundary and the kernels of :mod:`geep.methods.forest_formulas` compute in it.
All flows are annual: quantities per year, values in CNY per year.

References
----------
.. [J1] debug-LiXiwen/lyzy @ 32a0d93b, ``stxtCalculate.java`` (30 formulas; third-party code,
   with known bugs, see :mod:`geep.methods.forest_formulas`).
.. [J2] a JavaScript layui calculator (repository not resolvable): inputs, symbols and units
   per indicator.
.. [LYT] LY/T 1721-2008 森林生态系统服务功能评估规范. Its text was not seen: the structure
   here is the standard's as reproduced by [J1], [J2] and the papers that cite it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..inputs.forest_prices import PRICE_SPECS as _PRICES
from ..inputs.forest_prices import PriceSpec
from ..inputs.stands import AGE_CLASSES, KEYS, TABLE, TABLE_ZH, Driver, KeyColumn
from ..inputs.stands import DRIVERS as _DRIVERS

#: where every formula here comes from, and how sure we are of it
FORMULA_EVIDENCE = (
    "as reproduced by third-party code (J1, J2) and citing papers; LY/T 1721-2008 structure; "
    "primary text not seen"
)
STANDARD = "LY/T 1721-2008"


@dataclass(frozen=True)
class Component:
    """One valued line of an indicator: its quantity unit and the unit of its price."""

    name: str  # "" for a single-line indicator
    quantity_unit: str
    price_unit: str


@dataclass(frozen=True)
class Indicator:
    """One indicator: ledger category and service, what it needs, what it yields."""

    name: str
    category: str  # "regulating" | "supporting" | "cultural"
    service: str
    drivers: tuple[str, ...]
    prices: tuple[str, ...]
    components: tuple[Component, ...]
    formula: str  # the formula as found (symbols of J1/J2)
    sources: str  # short keys: J1, J2, P1 …
    uses_area: bool = True


def _c(name: str, quantity_unit: str, price_unit: str) -> Component:
    return Component(name, quantity_unit, price_unit)


_WATER = ("precipitation", "evapotranspiration", "runoff")
_EROSION = ("erosion_without_forest", "erosion_with_forest")
_FERT = ("fertilizer_dap", "fertilizer_kcl")
_CONTENT = ("dap_n_content", "dap_p_content", "kcl_k_content")

_INDICATORS: tuple[Indicator, ...] = (
    Indicator(
        "water_regulation", "regulating", "water_conservation", _WATER,
        ("reservoir_cost",), (_c("", "m**3", "CNY/m**3"),),
        "G调 = 10·A·(P − E − C); U调 = G调·C库", "J1;J2",
    ),
    Indicator(
        "water_purification", "regulating", "water_conservation", _WATER,
        ("water_purification",), (_c("", "t", "CNY/t"),),
        "G = 10·A·(P − E − C)·ρ水; U水质 = G·K水", "J1;J2",
    ),
    Indicator(
        "soil_retention", "regulating", "soil_conservation",
        (*_EROSION, "soil_bulk_density"), ("soil_excavation",), (_c("", "t", "CNY/t"),),
        "G固土 = A·(X2 − X1); U固土 = A·C土·(X2 − X1)/ρ", "J1;J2",
    ),
    Indicator(
        "soil_fertility", "regulating", "soil_conservation",
        (*_EROSION, "soil_n", "soil_p", "soil_k", "soil_organic_matter"),
        (*_FERT, "organic_matter", *_CONTENT),
        (
            _c("n", "t", "CNY/t"), _c("p", "t", "CNY/t"), _c("k", "t", "CNY/t"),
            _c("organic_matter", "t", "CNY/t"),
        ),
        "G_N = A·N·(X2 − X1) …; U肥 = A·(X2 − X1)·(N·C1/R1 + P·C1/R2 + K·C2/R3 + M·C3)", "J1;J2",
    ),
    Indicator(
        "carbon_sequestration", "regulating", "carbon_oxygen",
        ("net_productivity", "soil_carbon_sequestration"), ("carbon",),
        (_c("vegetation", "t_C", "CNY/t_C"), _c("soil", "t_C", "CNY/t_C")),
        "G = A·(1.63·R碳·B年 + F土壤碳); U碳 = G·C碳", "J1;P1",
    ),
    Indicator(
        "oxygen_release", "regulating", "carbon_oxygen", ("net_productivity",),
        ("oxygen",), (_c("", "t", "CNY/t"),),
        "G氧 = 1.19·A·B年; U氧 = G氧·C氧", "J1;P1;P3",
    ),
    Indicator(
        "nutrient_accumulation", "supporting", "nutrient_accumulation",
        ("net_productivity", "tree_n", "tree_p", "tree_k"), (*_FERT, *_CONTENT),
        (_c("n", "t", "CNY/t"), _c("p", "t", "CNY/t"), _c("k", "t", "CNY/t")),
        "G_N = A·N营养·B年 …; U = A·B年·(N·C1/R1 + P·C1/R2 + K·C2/R3)", "J2",
    ),
    Indicator(
        "negative_ions", "regulating", "air_purification",
        ("anion_concentration", "stand_height", "anion_lifetime"), ("anion", "anion_threshold"),
        (_c("", "count", "CNY/count"),),
        "U = 5.256×10¹⁵·A·H·K负离子·(Q负离子 − 600)/L", "J1;J2",
    ),
    Indicator(
        "air_purification.so2", "regulating", "air_purification",
        ("so2_absorption",), ("so2",), (_c("", "kg", "CNY/kg"),),
        "G = Q二氧化硫·A; U = K二氧化硫·G", "J1;J2",
    ),
    Indicator(
        "air_purification.fluoride", "regulating", "air_purification",
        ("fluoride_absorption",), ("fluoride",), (_c("", "kg", "CNY/kg"),),
        "G = Q氟化物·A; U = K氟化物·G", "J1;J2",
    ),
    Indicator(
        "air_purification.nox", "regulating", "air_purification",
        ("nox_absorption",), ("nox",), (_c("", "kg", "CNY/kg"),),
        "G = Q氮氧化物·A; U = K氮氧化物·G", "J1;J2",
    ),
    Indicator(
        "dust_retention", "regulating", "air_purification", ("dust_retention",),
        ("dust",), (_c("", "kg", "CNY/kg"),),
        "G = Q滞尘·A; U = K滞尘·G", "J1;J2",
    ),
    Indicator(
        "species_conservation", "supporting", "biodiversity", (), ("species",),
        (_c("", "ha", "CNY/ha"),),
        "U生物 = S生·A (S生 from the Shannon-Wiener class of the stand)", "J2;P4",
    ),
    Indicator(
        "forest_recreation", "cultural", "recreation",
        ("recreation_revenue", "recreation_share"), (), (_c("", "CNY", "CNY/CNY"),),
        "U游憩 = 年旅游价值 × 旅游价值划分比例 (user revenue)", "J2", uses_area=False,
    ),
)  # fmt: skip

#: indicators by canonical name, in the order of the issue
INDICATORS: dict[str, Indicator] = {i.name: i for i in _INDICATORS}


def _needed_by(name: str, attr: str) -> tuple[str, ...]:
    return tuple(i.name for i in _INDICATORS if name in getattr(i, attr))


def _who_needs(d: Driver) -> tuple[str, ...]:
    """Indicators needing a driver directly, else through a class table looked up by it."""
    via_classes = (
        i for p in _PRICES if p.class_driver == d.name for i in _needed_by(p.key, "prices")
    )
    return _needed_by(d.name, "drivers") or tuple(via_classes)


#: driver columns by name; ``indicators`` lists who needs each (``shannon_wiener`` is needed by
#: ``species_conservation`` only when ``species`` is given as a Shannon-Wiener class table)
DRIVERS: dict[str, Driver] = {d.name: replace(d, indicators=_who_needs(d)) for d in _DRIVERS}

#: prices and parameters by key, with the indicators that need each
PRICES: dict[str, PriceSpec] = {
    p.key: replace(p, indicators=_needed_by(p.key, "prices")) for p in _PRICES
}

#: every column of ``forest_stands``: keys, then drivers
COLUMNS: tuple[str, ...] = tuple(k.name for k in KEYS) + tuple(DRIVERS)

#: indicators whose value is priced per tonne of carbon (a plain ``t`` price is ambiguous)
CARBON_PRICES = ("carbon",)

__all__ = [
    "AGE_CLASSES",
    "CARBON_PRICES",
    "COLUMNS",
    "DRIVERS",
    "FORMULA_EVIDENCE",
    "INDICATORS",
    "KEYS",
    "PRICES",
    "STANDARD",
    "TABLE",
    "TABLE_ZH",
    "Component",
    "Driver",
    "Indicator",
    "KeyColumn",
    "PriceSpec",
]
