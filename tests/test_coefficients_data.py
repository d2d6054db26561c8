"""Evidence integrity of the shipped data, checked against geep's reference figures.

Expected values are transcribed from the reference notes (methods.md §2.3, §3.2, §3.3, §4.2,
§6.1; compensation.md StandardTable), not from the tables under test.
"""

from __future__ import annotations

import pytest

import geep.coefficients as C

EVIDENCE = {"published", "derived", "secondary", "unverified"}

# --- Xie et al. 2015, methods.md §3.3 ----------------------------------------------------
SERVICES = [
    "food_production",  # FP 食物生产
    "raw_materials",  # RM 原料生产
    "water_supply",  # WS 水资源供给
    "gas_regulation",  # GR 气体调节
    "climate_regulation",  # CR 气候调节
    "environmental_purification",  # PE 净化环境
    "hydrological_regulation",  # HR 水文调节
    "soil_conservation",  # SC 土壤保持
    "nutrient_cycling",  # NC 维持养分循环
    "biodiversity",  # BD 生物多样性
    "aesthetic_landscape",  # AL 美学景观
]
GROUPS = {
    "provisioning": {"food_production", "raw_materials", "water_supply"},
    "regulating": {
        "gas_regulation",
        "climate_regulation",
        "environmental_purification",
        "hydrological_regulation",
    },
    "supporting": {"soil_conservation", "nutrient_cycling", "biodiversity"},
    "cultural": {"aesthetic_landscape"},
}
# type: (FP RM WS GR CR PE HR SC NC BD AL, printed Σ, evidence tag)
XIE2015 = {
    "farmland.dryland": ("0.85 0.40 0.02 0.67 0.36 0.10 0.27 1.03 0.12 0.13 0.06", 4.01, "P"),
    "farmland.paddy": ("1.36 0.09 -2.63 1.11 0.57 0.17 2.72 0.01 0.19 0.21 0.09", 3.89, "P"),
    "forest.coniferous": ("0.22 0.52 0.27 1.70 5.07 1.49 3.34 2.06 0.16 1.88 0.82", 17.53, "U"),
    "forest.mixed": ("0.31 0.71 0.37 2.35 7.03 1.99 3.51 2.86 0.22 2.60 1.14", 23.09, "P"),
    "forest.broadleaf": ("0.29 0.66 0.34 2.17 6.50 1.93 4.74 2.65 0.20 2.41 1.06", 22.95, "P"),
    "forest.shrub": ("0.19 0.43 0.22 1.41 4.23 1.28 3.35 1.72 0.13 1.57 0.69", 15.22, "P"),
    "grassland.steppe": ("0.10 0.14 0.08 0.51 1.34 0.44 0.98 0.62 0.05 0.56 0.25", 5.07, "U"),
    "grassland.shrub_grass": ("0.38 0.56 0.31 1.97 5.21 1.72 3.82 2.40 0.18 2.18 0.96", 19.69, "P"),
    "grassland.meadow": ("0.22 0.33 0.18 1.14 3.02 1.00 2.21 1.39 0.11 1.27 0.56", 11.43, "U"),
    "wetland": ("0.51 0.50 2.59 1.90 3.60 3.60 24.23 2.31 0.18 7.87 4.73", 52.02, "P"),
    "desert": ("0.01 0.03 0.02 0.11 0.10 0.31 0.21 0.13 0.01 0.12 0.05", 1.10, "P"),
    "desert.bare": ("0.00 0.00 0.00 0.02 0.00 0.10 0.03 0.02 0.00 0.02 0.01", 0.20, "P"),
    "water": ("0.80 0.23 8.29 0.77 2.29 5.55 102.24 0.93 0.07 2.55 1.89", 125.61, "P"),
    "glacier": ("0.00 0.00 2.16 0.18 0.54 0.16 7.13 0.00 0.00 0.01 0.09", 10.27, "U"),
}


@pytest.fixture(scope="module")
def xie():
    return C.load("xie2015-factors@2015")


def test_every_row_of_every_edition_has_an_evidence_level():
    for tid, eds in C.index().items():
        for ed in eds:
            t = C.load(tid, edition=ed)
            bad = set(t.frame["evidence"]) - EVIDENCE
            assert not bad, f"{t.ref}: evidence {bad}"
            for cell in t.frame["source"]:
                assert set(cell.split(";")) <= set(t.meta.sources), f"{t.ref}: source {cell!r}"


def test_xie2015_has_14_types_by_11_services(xie):
    assert xie.status == "released"
    assert len(xie.frame) == 154
    assert set(xie.frame["ecosystem_type"]) == set(XIE2015)
    assert set(xie.frame["service"]) == set(SERVICES)


@pytest.mark.parametrize("etype", list(XIE2015))
def test_xie2015_factors_equal_the_reference(xie, etype):
    printed, total, _tag = XIE2015[etype]
    expected = [float(v) for v in printed.split()]
    got = [xie.value((etype, s), "factor") for s in SERVICES]
    assert got == expected
    assert sum(got) == pytest.approx(total, abs=0.005)  # the printed row total Σ


@pytest.mark.parametrize("etype", list(XIE2015))
def test_xie2015_evidence_follows_the_reference_tags(xie, etype):
    rows = xie.frame[xie.frame["ecosystem_type"] == etype]
    want = "unverified" if XIE2015[etype][2] == "U" else "published"
    assert set(rows["evidence"]) == {want}


def test_xie2015_unverified_types(xie):
    unverified = set(xie.frame.loc[xie.frame["evidence"] == "unverified", "ecosystem_type"])
    assert unverified == {"forest.coniferous", "grassland.steppe", "grassland.meadow", "glacier"}
    assert xie.evidence_counts == {"published": 110, "derived": 0, "secondary": 0, "unverified": 44}


def test_xie2015_negative_paddy_water_supply(xie):
    assert xie.value(("farmland.paddy", "water_supply"), "factor") == -2.63


def test_xie2015_service_groups(xie):
    for group, services in GROUPS.items():
        rows = xie.frame[xie.frame["service_group"] == group]
        assert set(rows["service"]) == services


def test_standard_equivalent_d():
    t = C.load("standard-equivalent@xie-2015")
    assert t.value("d_national") == 3406.50
    assert t.price_year_of("d_national") == 2010
    assert t.row("d_national")["evidence"] == "published"
    assert t.value("d_national", unit="CNY/ha/a") == pytest.approx(3406.50, rel=1e-12)
    assert t.value("d_national", unit="元/亩/a") == pytest.approx(3406.50 / 15, rel=1e-12)
    # the worked example of the 1/7 rule reproduces: 4600.89 kg/ha x 2.28 CNY/kg / 7 = 1498.58
    assert t.value("d_example_1990_2015") == 1498.58
    assert t.value("example_grain_yield") * t.value("example_grain_price") / 7 == pytest.approx(
        1498.58, abs=0.005
    )


# --- Garze 2010 GEP prices, methods.md §2.3 / §6.1 ----------------------------------------
GARZE_PRICES = {
    "price.water_supply.domestic": (2.6, "CNY/m**3"),
    "price.water_supply.industrial": (3.6, "CNY/m**3"),
    "price.water_supply.agricultural": (0.07, "CNY/m**3"),
    "price.hydropower": (0.53, "CNY/kWh"),
    "price.water_conservation": (7.06, "CNY/m**3"),
    "price.flood_regulation": (7.06, "CNY/m**3"),
    "price.soil_retention.siltation": (15.58, "CNY/m**3"),
    "price.soil_retention.nitrogen": (875, "CNY/t"),
    "price.soil_retention.phosphorus": (2800, "CNY/t"),
    "price.sand_fixation": (3.75, "CNY/m**2"),
    "price.air_purification.so2": (1200, "CNY/t"),
    "price.air_purification.nox": (630, "CNY/t"),
    "price.air_purification.dust": (150, "CNY/t"),
    "price.water_purification.cod": (700, "CNY/t"),
    "price.water_purification.nh3n": (875, "CNY/t"),
    "price.carbon_sequestration": (380, "CNY/t_CO2"),
    "price.oxygen_release": (727, "CNY/t"),
    "price.climate_regulation": (0.53, "CNY/kWh"),
    "price.pest_control.forest": (375, "CNY/ha"),
    "price.pest_control.grassland": (112.5, "CNY/ha"),
}
GARZE_CONSTANTS = {
    "const.soil_retention.siltation_ratio": 0.24,
    "const.soil_retention.bulk_density": 0.93,
    "const.soil_retention.n_content": 0.0037,  # 0.37 %
    "const.soil_retention.p_content": 0.00108,  # 0.108 %
    "const.sand_fixation.bulk_density": 1.28,
    "const.sand_fixation.thickness": 0.1,
    "const.flood_regulation.reservoir_share": 0.35,
}


@pytest.fixture(scope="module")
def garze():
    return C.load("gep-parameters@garze-2010")


@pytest.mark.parametrize("param", list(GARZE_PRICES))
def test_garze_prices(garze, param):
    value, unit = GARZE_PRICES[param]
    assert garze.value(param, unit=unit) == pytest.approx(value, rel=1e-12)
    assert garze.price_year_of(param) == 2010
    row = garze.row(param)
    assert row["evidence"] == "published"
    assert "Garze" in row["source"].split(";")


@pytest.mark.parametrize("param", list(GARZE_CONSTANTS))
def test_garze_constants(garze, param):
    assert garze.value(param) == GARZE_CONSTANTS[param]
    assert garze.row(param)["evidence"] == "published"


def test_carbon_price_is_per_tonne_of_co2(garze):
    assert garze.value("price.carbon_sequestration", unit="CNY/t_CO2") == 380
    assert garze.value("price.carbon_sequestration", unit="CNY/t_C") == pytest.approx(
        380 * 44 / 12, rel=1e-12
    )
    assert garze.value("const.carbon.c_to_co2") == pytest.approx(44 / 12, abs=1e-11)


def test_garze_account_lines_reproduce(garze):
    """Quantity x price = the value printed in Garze (methods.md §6.1), in 亿元."""
    cases = [
        ("price.water_supply.industrial", 150.17, "亿m3", 540.6113, 0.001),
        ("price.hydropower", 95.30, "亿kWh", 50.5090, 0.001),
        ("price.water_conservation", 321.49, "亿m3", 2269.71, 0.001),
        ("price.soil_retention.nitrogen", 1437.94, "万t", 125.8199, 0.001),
        ("price.pest_control.grassland", 711.13, "万hm2", 8.0003, 0.001),
    ]
    for param, qty, qunit, printed, rel in cases:
        value_yi = qty * garze.value(param, unit=f"亿元/{qunit}")
        assert value_yi == pytest.approx(printed, rel=rel), param


# --- GB 3838-2002, compensation.md StandardTable (S38) -----------------------------------
GB3838 = {
    "cod": ([15, 15, 20, 30, 40], "max"),
    "nh3n": ([0.15, 0.5, 1.0, 1.5, 2.0], "max"),
    "tp_river": ([0.02, 0.1, 0.2, 0.3, 0.4], "max"),
    "do": ([7.5, 6, 5, 3, 2], "min"),
}


@pytest.fixture(scope="module")
def gb3838():
    return C.load("gb3838-limits@2002")


@pytest.mark.parametrize("pollutant", list(GB3838))
def test_gb3838_limits(gb3838, pollutant):
    limits, direction = GB3838[pollutant]
    for cls, limit in enumerate(limits, start=1):
        assert gb3838.value((pollutant, cls), "limit", unit="mg/L") == limit
        row = gb3838.row((pollutant, cls))
        assert row["direction"] == direction
        assert row["evidence"] == "published"


def test_gb3838_headline_values(gb3838):
    assert gb3838.value(("cod", 3), "limit") == 20
    assert gb3838.value(("nh3n", 3), "limit") == 1.0
    assert gb3838.row(("do", 3))["direction"] == "min"
    assert gb3838.unit_of("limit") == "mg/L"


def test_gb3838_unsourced_limits_are_unverified(gb3838):
    # CODMn and TN: "values not yet sourced" in the reference
    rows = gb3838.frame[gb3838.frame["pollutant"].isin(["codmn", "tn"])]
    assert len(rows) == 10 and set(rows["evidence"]) == {"unverified"}


# --- Costanza et al. 2014, methods.md §4.2 ------------------------------------------------
LEAF_BIOMES = {
    "open_ocean", "estuaries", "seagrass_algae_beds", "coral_reefs", "shelf", "tropical_forest",
    "temperate_boreal_forest", "grass_rangelands", "tidal_marsh_mangroves", "swamps_floodplains",
    "lakes_rivers", "desert", "tundra", "ice_rock", "cropland", "urban",
}  # fmt: skip
# 2011 unit values (2007 USD/ha/yr) and 2011 areas (10^6 ha); None = '–'
COSTANZA_2011 = {
    "open_ocean": (660, 33200),
    "estuaries": (28916, 180),
    "seagrass_algae_beds": (28916, 234),
    "coral_reefs": (352249, 28),
    "shelf": (2222, 2660),
    "tropical_forest": (5382, 1258),
    "temperate_boreal_forest": (3137, 3003),
    "grass_rangelands": (4166, 4418),
    "tidal_marsh_mangroves": (193843, 128),
    "swamps_floodplains": (25681, 60),
    "lakes_rivers": (12512, 200),
    "desert": (None, 2159),
    "tundra": (None, 433),
    "ice_rock": (None, 1640),
    "cropland": (5567, 1672),
    "urban": (6661, 352),
}


@pytest.mark.parametrize(
    "ref",
    [
        "costanza-unit-values@2014",
        "costanza-unit-values@2014-1997values",
        "costanza-biome-areas@2011",
    ],
)
def test_costanza_2014_tables_have_the_16_design_leaf_biomes(ref):
    t = C.load(ref)
    leaves = set(t.frame.loc[t.frame["level"] == "leaf", "biome"])
    assert leaves == LEAF_BIOMES
    assert len(leaves) == 16


def test_costanza_2011_unit_values_and_areas():
    uv = C.load("costanza-unit-values@2014")
    areas = C.load("costanza-biome-areas@2011")
    assert uv.meta.price_year == 2007
    assert uv.unit_of("unit_value") == "USD/ha/a"
    for biome, (value, area) in COSTANZA_2011.items():
        got = uv.row(biome)["unit_value"]
        assert (got != got) if value is None else got == value, biome  # NaN for '–', never 0
        assert areas.value(biome, "area") == area
    # aggregates are the sums of their leaves (marine 36,302; terrestrial 15,323)
    leaf = areas.frame[areas.frame["level"] == "leaf"]
    assert leaf["area"].sum() == 36302 + 15323
    marine = ["open_ocean", "estuaries", "seagrass_algae_beds", "coral_reefs", "shelf"]
    assert (
        leaf.loc[leaf["biome"].isin(marine), "area"].sum() == areas.value("marine", "area") == 36302
    )


def test_cpi_is_unverified():
    cpi = C.load("cpi-china@nbs-annual")
    assert cpi.status == "provisional"
    assert set(cpi.frame["evidence"]) == {"unverified"}
