"""The GEP indicator vocabulary: what each indicator measures and how it is valued.

This is the structure of the function-value method (Ouyang et al. 2013; Garze 2017;
MEE 2020 guide family), not its coefficients: prices and constants come from the
``gep-parameters`` table named by the profile.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class IndicatorDef:
    """One GEP indicator.

    Attributes
    ----------
    name
        Canonical dotted id, e.g. ``water_supply.domestic``.
    category
        ``provisioning`` | ``regulating`` | ``cultural``.
    service
        Service the indicator belongs to (its lines are summed into it).
    quantity_unit
        Canonical unit of the physical quantity (功能量); its dimension is enforced.
    valuation
        ``price`` (quantity × price parameter), ``money`` (the quantity *is* a value, e.g.
        products at value added), ``soil`` (split into siltation, N and P lines), ``sand``
        (mass → area via bulk density and thickness), ``carbon`` (t C or t CO₂, priced on the
        table's basis).
    price
        Parameter id of the price in ``gep-parameters``.
    cap
        Driver variable that caps the quantity (emission-capped purification).
    zh
        Chinese name.
    signed
        The quantity may be negative (a water balance with evapotranspiration above
        precipitation; net ecosystem production of a carbon source); otherwise a negative
        quantity is an input error.
    """

    name: str
    category: str
    service: str
    quantity_unit: str
    valuation: str
    price: str | None
    zh: str
    cap: str | None = None
    signed: bool = False


def _i(*a, **k) -> IndicatorDef:
    return IndicatorDef(*a, **k)


_LIST = [
    _i("products.agriculture", "provisioning", "products", "CNY", "money", None, "农业产品"),
    _i("products.forestry", "provisioning", "products", "CNY", "money", None, "林业产品"),
    _i("products.livestock", "provisioning", "products", "CNY", "money", None, "畜牧业产品"),
    _i("products.fishery", "provisioning", "products", "CNY", "money", None, "渔业产品"),
    _i("products", "provisioning", "products", "CNY", "money", None, "农林牧渔产品"),
    _i(
        "water_supply.domestic",
        "provisioning",
        "water_supply",
        "m**3",
        "price",
        "price.water_supply.domestic",
        "生活用水",
    ),
    _i(
        "water_supply.industrial",
        "provisioning",
        "water_supply",
        "m**3",
        "price",
        "price.water_supply.industrial",
        "工业用水",
    ),
    _i(
        "water_supply.agricultural",
        "provisioning",
        "water_supply",
        "m**3",
        "price",
        "price.water_supply.agricultural",
        "农业用水",
    ),
    _i("hydropower", "provisioning", "hydropower", "kWh", "price", "price.hydropower", "水电"),
    _i(
        "water_conservation",
        "regulating",
        "water_conservation",
        "m**3",
        "price",
        "price.water_conservation",
        "水源涵养",
        signed=True,
    ),
    _i("soil_retention", "regulating", "soil_retention", "t", "soil", None, "土壤保持"),
    _i(
        "soil_retention.siltation",
        "regulating",
        "soil_retention",
        "m**3",
        "price",
        "price.soil_retention.siltation",
        "减少泥沙淤积",
    ),
    _i(
        "soil_retention.nitrogen",
        "regulating",
        "soil_retention",
        "t",
        "price",
        "price.soil_retention.nitrogen",
        "减少氮面源污染",
    ),
    _i(
        "soil_retention.phosphorus",
        "regulating",
        "soil_retention",
        "t",
        "price",
        "price.soil_retention.phosphorus",
        "减少磷面源污染",
    ),
    _i(
        "sand_fixation",
        "regulating",
        "sand_fixation",
        "t",
        "sand",
        "price.sand_fixation",
        "防风固沙",
    ),
    _i(
        "flood_regulation.lake",
        "regulating",
        "flood_regulation",
        "m**3",
        "price",
        "price.flood_regulation",
        "湖泊洪水调蓄",
    ),
    _i(
        "flood_regulation.reservoir",
        "regulating",
        "flood_regulation",
        "m**3",
        "price",
        "price.flood_regulation",
        "水库洪水调蓄",
    ),
    _i(
        "flood_regulation.marsh",
        "regulating",
        "flood_regulation",
        "m**3",
        "price",
        "price.flood_regulation",
        "沼泽洪水调蓄",
    ),
    _i(
        "air_purification.so2",
        "regulating",
        "air_purification",
        "t",
        "price",
        "price.air_purification.so2",
        "净化二氧化硫",
        cap="emission.so2",
    ),
    _i(
        "air_purification.nox",
        "regulating",
        "air_purification",
        "t",
        "price",
        "price.air_purification.nox",
        "净化氮氧化物",
        cap="emission.nox",
    ),
    _i(
        "air_purification.dust",
        "regulating",
        "air_purification",
        "t",
        "price",
        "price.air_purification.dust",
        "净化工业粉尘",
        cap="emission.dust",
    ),
    _i(
        "air_purification.fluoride",
        "regulating",
        "air_purification",
        "t",
        "price",
        "price.air_purification.fluoride",
        "净化氟化物",
        cap="emission.fluoride",
    ),
    _i(
        "water_purification.cod",
        "regulating",
        "water_purification",
        "t",
        "price",
        "price.water_purification.cod",
        "净化化学需氧量",
        cap="emission.cod",
    ),
    _i(
        "water_purification.nh3n",
        "regulating",
        "water_purification",
        "t",
        "price",
        "price.water_purification.nh3n",
        "净化氨氮",
        cap="emission.nh3n",
    ),
    _i(
        "water_purification.tp",
        "regulating",
        "water_purification",
        "t",
        "price",
        "price.water_purification.tp",
        "净化总磷",
        cap="emission.tp",
    ),
    _i(
        "carbon_sequestration",
        "regulating",
        "carbon_sequestration",
        "t_CO2",
        "carbon",
        "price.carbon_sequestration",
        "固碳",
        signed=True,
    ),
    _i(
        "oxygen_release",
        "regulating",
        "oxygen_release",
        "t",
        "price",
        "price.oxygen_release",
        "释氧",
    ),
    _i(
        "climate_regulation.transpiration",
        "regulating",
        "climate_regulation",
        "kWh",
        "price",
        "price.climate_regulation",
        "植被蒸腾降温增湿",
    ),
    _i(
        "climate_regulation.evaporation",
        "regulating",
        "climate_regulation",
        "kWh",
        "price",
        "price.climate_regulation",
        "水面蒸发降温增湿",
    ),
    _i(
        "pest_control.forest",
        "regulating",
        "pest_control",
        "ha",
        "price",
        "price.pest_control.forest",
        "森林病虫害控制",
    ),
    _i(
        "pest_control.grassland",
        "regulating",
        "pest_control",
        "ha",
        "price",
        "price.pest_control.grassland",
        "草地病虫害控制",
    ),
    _i("recreation", "cultural", "recreation", "CNY", "money", None, "休闲旅游"),
    _i(
        "recreation.visits",
        "cultural",
        "recreation",
        "visit",
        "price",
        "price.recreation",
        "游客人次",
    ),
]

INDICATORS: dict[str, IndicatorDef] = {d.name: d for d in _LIST}

#: services whose values overlap (same water, same photosynthesis, ET counted twice)
OVERLAPS: tuple[tuple[str, str, str], ...] = (
    (
        "water_conservation",
        "flood_regulation",
        "water conservation and flood regulation may count the same water (methods §7.3)",
    ),
    (
        "water_conservation",
        "hydropower",
        "water conservation and hydropower/water supply may count the same water (methods §7.3)",
    ),
    (
        "carbon_sequestration",
        "oxygen_release",
        "carbon sequestration and oxygen release come from the same photosynthesis (methods §7.3)",
    ),
    (
        "water_conservation",
        "climate_regulation",
        "climate regulation via ET and water conservation both depend on ET (methods §7.3)",
    ),
)
