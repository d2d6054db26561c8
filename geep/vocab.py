"""Canonical vocabularies: land classes and GEP indicators, with Chinese names."""

from __future__ import annotations

from .indicators import INDICATORS

#: geep's canonical land classes (Xie 2015 ecosystem types + built_up) → Chinese name
LAND_CLASSES: dict[str, str] = {
    "farmland.dryland": "旱地",
    "farmland.paddy": "水田",
    "forest.coniferous": "针叶林",
    "forest.mixed": "针阔混交林",
    "forest.broadleaf": "阔叶林",
    "forest.shrub": "灌木林",
    "grassland.steppe": "草原",
    "grassland.shrub_grass": "灌草丛",
    "grassland.meadow": "草甸",
    "wetland": "湿地",
    "desert": "荒漠",
    "desert.bare": "裸地",
    "water": "水系",
    "glacier": "冰川积雪",
    "built_up": "建设用地",
}

#: Chinese names accepted as land classes (in addition to crosswalk tables)
LAND_CLASS_BY_ZH: dict[str, str] = {zh: en for en, zh in LAND_CLASSES.items()}

INDICATOR_NAMES: tuple[str, ...] = tuple(INDICATORS)
INDICATOR_BY_ZH: dict[str, str] = {d.zh: d.name for d in INDICATORS.values()}

#: driver variables understood by the built-in GEP quantity models (see geep.methods.gep_models)
DRIVERS: dict[str, tuple[str, str]] = {
    "precipitation": ("mm", "降水量"),
    "storm_runoff": ("mm", "地表径流量"),
    "evapotranspiration": ("mm", "蒸散发量"),
    "ecosystem_area": ("ha", "生态系统面积"),
    "usle.r": ("dimensionless", "降雨侵蚀力因子 R (MJ·mm·ha⁻¹·h⁻¹·a⁻¹)"),
    "usle.k": ("dimensionless", "土壤可蚀性因子 K (t·ha·h·ha⁻¹·MJ⁻¹·mm⁻¹)"),
    "usle.ls": ("dimensionless", "坡长坡度因子 LS"),
    "usle.c": ("dimensionless", "植被覆盖因子 C"),
    "usle.p": ("dimensionless", "水土保持措施因子 P"),
    "rweq.potential": ("t/ha", "潜在风蚀模数"),
    "rweq.actual": ("t/ha", "实际风蚀模数"),
    "reservoir_capacity": ("m**3", "水库总库容"),
    "npp": ("t_C", "净初级生产力 (碳)"),
    "soil_respiration": ("t_C", "土壤异养呼吸 (碳)"),
    "transpiration_heat": ("kJ/m**2/d", "植被蒸腾消耗热量"),
    "vegetation_area": ("ha", "植被面积"),
    "ac_days": ("d", "空调开放天数"),
    "water_evaporation": ("m**3", "水面蒸发量"),
    "emission.so2": ("t", "二氧化硫排放量"),
    "emission.nox": ("t", "氮氧化物排放量"),
    "emission.dust": ("t", "粉尘排放量"),
    "emission.fluoride": ("t", "氟化物排放量"),
    "emission.cod": ("t", "化学需氧量排放量"),
    "emission.nh3n": ("t", "氨氮排放量"),
    "emission.tp": ("t", "总磷排放量"),
}

#: Costanza et al. leaf biome ids (accepted as land classes by benefit transfer)
BIOMES: tuple[str, ...] = (
    "open_ocean", "estuaries", "seagrass_algae_beds", "coral_reefs", "shelf", "tropical_forest",
    "temperate_boreal_forest", "grass_rangelands", "tidal_marsh_mangroves", "swamps_floodplains",
    "lakes_rivers", "desert", "tundra", "ice_rock", "cropland", "urban",
)  # fmt: skip
