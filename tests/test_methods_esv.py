"""ESV by the equivalent-factor method: the Beibu Gulf 1999 oracle, properties, bad inputs."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import geep
from geep.errors import GeepError, MethodError
from geep.inputs import InputValidationError

# Beibu Gulf 1999 (罗盛锋 & 闫文德 2018, Table 7 and methods reference §6.2): D = 3406.5 CNY/ha,
# class mapping of the paper, areas in km².
BEIBU_AREAS_KM2 = [
    ("耕地", "farmland.paddy", 3678.80),
    ("林地", "forest.broadleaf", 1525.38),
    ("果园", "forest.shrub", 2553.95),
    ("水产养殖", "wetland", 249.31),
    ("红树林", "wetland", 80.38),
    ("水体", "water", 290.43),
    ("裸地", "desert.bare", 341.46),
    ("建设用地", "built_up", 122.40),
]
# printed per-group totals (元) and total, 3 significant figures
BEIBU_PAPER = {
    "farmland": 4.87e9,
    "forest": 2.52e10,
    "wetland": 5.84e9,
    "water": 1.24e10,
    "desert": 2.33e7,
}
BEIBU_TOTAL = 4.83e10


def beibu_frame() -> pd.DataFrame:
    # the two wetland rows are different paper classes: give them distinct regions so the
    # region-year-class key stays unique, then sum
    rows = [
        {"region_code": f"beibu-{i}", "year": 1999, "land_class": cls, "area": a, "unit": "km2"}
        for i, (_, cls, a) in enumerate(BEIBU_AREAS_KM2)
    ]
    return pd.DataFrame(rows)


def test_beibu_1999_per_group_and_total_to_three_significant_figures():
    ledger = geep.esv(beibu_frame())
    lines = ledger.lines
    group = lines["ecosystem_type"].str.split(".").str[0]
    per_group = lines.groupby(group)["value"].sum()
    for g, printed in BEIBU_PAPER.items():
        # the paper prints 3 significant figures: half a unit in the last place
        half_ulp = 0.5 * 10 ** (math.floor(math.log10(printed)) - 2)
        assert abs(per_group[g] - printed) <= half_ulp, (g, per_group[g], printed)
    total = ledger.total()
    assert abs(total - BEIBU_TOTAL) <= 0.5e8
    # and the unrounded recomputation of the reference (4.833e10) to 0.01 %
    assert total == pytest.approx(4.833e10, rel=1e-3)


def test_beibu_uses_d_3406_5_at_2010_prices_and_records_it():
    ledger = geep.esv(beibu_frame())
    lines = ledger.lines
    assert set(lines["price_year"]) == {2010}
    assert lines["coefficient"].str.contains("standard-equivalent@xie-2015#d_national").all()
    row = lines[
        (lines["ecosystem_type"] == "forest.broadleaf") & (lines["service"] == "climate_regulation")
    ].iloc[0]
    assert row["price"] == pytest.approx(6.50 * 3406.5)
    assert row["quantity"] == pytest.approx(152538.0)
    assert row["coefficient"].startswith("xie2015-factors@2015#forest.broadleaf/climate_regulation")
    assert row["input_ref"] == "land_cover[1]"


def test_negative_paddy_water_supply_is_kept():
    ledger = geep.esv(beibu_frame())
    ws = ledger.lines.query("ecosystem_type == 'farmland.paddy' and service == 'water_supply'")
    assert len(ws) == 1
    assert ws["value"].iloc[0] == pytest.approx(367880 * -2.63 * 3406.5)
    assert any("negative" in w for w in ledger.warnings)


def test_built_up_is_reported_not_silently_dropped():
    ledger = geep.esv(beibu_frame())
    assert "built_up" not in set(ledger.lines["ecosystem_type"])
    assert any(w.startswith("built_up: 12,240.00 ha") for w in ledger.warnings)


def test_service_groups_follow_xie_2015():
    cats = geep.esv(beibu_frame()).lines.groupby("service")["category"].first()
    assert cats["food_production"] == "provisioning"
    assert cats["water_supply"] == "provisioning"
    assert cats["hydrological_regulation"] == "regulating"
    assert cats["soil_conservation"] == "supporting"
    assert cats["biodiversity"] == "supporting"
    assert cats["aesthetic_landscape"] == "cultural"


def _one(area, unit, cls="forest.mixed"):
    return pd.DataFrame(
        {"region_code": ["r1"], "year": [2020], "land_class": [cls], "area": [area], "unit": [unit]}
    )


@settings(max_examples=40, deadline=None)
@given(area_ha=st.floats(min_value=1e-3, max_value=1e7, allow_nan=False))
def test_unit_invariance_mu_ha_km2(area_ha):
    v_ha = geep.esv(_one(area_ha, "ha")).total()
    v_mu = geep.esv(_one(area_ha * 15.0, "亩")).total()
    v_km2 = geep.esv(_one(area_ha / 100.0, "km²")).total()
    assert v_mu == pytest.approx(v_ha, rel=1e-12)
    assert v_km2 == pytest.approx(v_ha, rel=1e-12)


@settings(max_examples=30, deadline=None)
@given(
    areas=st.lists(st.floats(min_value=0, max_value=1e6, allow_nan=False), min_size=3, max_size=3),
    k=st.floats(min_value=0.01, max_value=100),
)
def test_esv_is_linear_in_area(areas, k):
    classes = ["farmland.paddy", "grassland.meadow", "water"]

    def frame(scale):
        return pd.DataFrame(
            {
                "region_code": "r",
                "year": 2020,
                "land_class": classes,
                "area": [a * scale for a in areas],
                "unit": "ha",
            }
        )

    base = geep.esv(frame(1.0)).total()
    assert geep.esv(frame(k)).total() == pytest.approx(k * base, rel=1e-9, abs=1e-6)


def test_subtotals_equal_sum_of_lines():
    ledger = geep.esv(beibu_frame())
    assert ledger.check().ok
    by_service = ledger.by_service()["value"].sum()
    by_cat = ledger.by_category()["value"].sum()
    assert by_service == pytest.approx(ledger.total(), rel=1e-12)
    assert by_cat == pytest.approx(ledger.total(), rel=1e-12)


def test_deterministic_and_order_independent():
    a = geep.esv(beibu_frame()).csv_bytes()
    b = geep.esv(beibu_frame()).csv_bytes()
    shuffled = beibu_frame().sample(frac=1.0, random_state=7)
    c = geep.esv(shuffled).lines
    assert a == b
    pd.testing.assert_series_equal(
        geep.esv(beibu_frame()).lines["value"], c["value"], check_exact=True
    )


def test_price_year_conversion_uses_cpi_chain_and_is_recorded():
    base = geep.esv(_one(100.0, "ha"))
    moved = geep.esv(_one(100.0, "ha"), price_year=2012)
    # CPI previous year = 100: 2011 105.4, 2012 102.6 (cpi-china@nbs-annual)
    assert moved.total() == pytest.approx(base.total() * 1.054 * 1.026, rel=1e-12)
    assert set(moved.lines["price_year"]) == {2012}
    assert moved.lines["coefficient"].str.contains("cpi-china@nbs-annual#2010-2012").all()
    assert moved.status == "provisional"  # the CPI table is provisional
    assert base.status == "released"


def test_user_d_and_grain_rule():
    own = geep.esv(_one(10.0, "ha"), d=1000.0, d_price_year=2020)
    assert set(own.lines["price_year"]) == {2020}
    assert own.total() == pytest.approx(10.0 * 23.09 * 1000.0, rel=1e-12)
    grain = pd.DataFrame(
        {
            "crop": ["rice", "wheat"],
            "sown_area": [1.0, 3.0],
            "yield": [7000.0, 5000.0],
            "price": [2.8, 2.4],
        }
    )
    d = (1.0 * 7000 * 2.8 + 3.0 * 5000 * 2.4) / 4.0 / 7.0
    by_grain = geep.esv(_one(10.0, "ha"), grain=grain, d_price_year=2020)
    assert by_grain.total() == pytest.approx(10.0 * 23.09 * d, rel=1e-9)
    with pytest.raises(MethodError, match="d_price_year"):
        geep.esv(_one(10.0, "ha"), d=1000.0)


def test_adjustments_scale_the_named_services():
    adj = pd.DataFrame({"region_code": ["r1"], "npp_ratio": [1.5], "precipitation_ratio": [0.5]})
    base = geep.esv(_one(100.0, "ha")).lines.set_index("service")["value"]
    adjd = geep.esv(_one(100.0, "ha"), adjustments=adj).lines.set_index("service")["value"]
    assert adjd["gas_regulation"] == pytest.approx(1.5 * base["gas_regulation"])
    assert adjd["hydrological_regulation"] == pytest.approx(0.5 * base["hydrological_regulation"])
    assert adjd["soil_conservation"] == pytest.approx(base["soil_conservation"])


def test_unknown_class_duplicates_and_negative_area_are_all_reported():
    bad = pd.DataFrame(
        {
            "region_code": ["r1", "r1", "r1", "r2"],
            "year": [2020, 2020, 2020, 2020],
            "land_class": ["forest.braodleaf", "water", "water", "wetland"],
            "area": [1.0, 2.0, 3.0, -5.0],
            "unit": "ha",
        }
    )
    with pytest.raises(InputValidationError) as exc:
        geep.esv(bad)
    text = str(exc.value)
    assert "unknown land class 'forest.braodleaf'" in text
    assert "did you mean 'forest.broadleaf'" in text
    assert "duplicate region_code/year/land_class r1/2020/water" in text
    assert "land_cover[1]" in text and "land_cover[2]" in text
    assert "negative area" in text
    assert len(exc.value.report.errors) == 3
    assert isinstance(exc.value, GeepError) and isinstance(exc.value, ValueError)


def test_area_in_wrong_dimension_is_refused():
    with pytest.raises(InputValidationError, match=r"m3.*volume.*area"):
        geep.esv(_one(10.0, "m3"))


def test_chinese_headers_and_class_names_are_accepted_with_notes():
    frame = pd.DataFrame(
        {"区划代码": ["140100"], "年份": [2020], "地类": ["阔叶林"], "面积（亩）": ["1,500"]}
    )
    ledger = geep.esv(frame)
    assert ledger.lines["quantity"].iloc[0] == pytest.approx(100.0)
    assert set(ledger.lines["ecosystem_type"]) == {"forest.broadleaf"}


def test_biome_ids_are_refused_for_esv():
    with pytest.raises(MethodError, match="benefit_transfer"):
        geep.esv(_one(10.0, "ha", cls="tropical_forest"))


def test_xie_2008_coarse_types_apply_to_geep_classes():
    # Xie 2008 (9 services × 6 coarse types, [U]) with the user's D: forest, farmland and water
    # factors from methods reference §3.5 summed by hand.
    lc = pd.DataFrame(
        {
            "region_code": "r",
            "year": 2020,
            "land_class": ["forest.broadleaf", "farmland.paddy", "water"],
            "area": [10.0, 20.0, 5.0],
            "unit": "ha",
        }
    )
    ledger = geep.esv(lc, profile="xie-2008", d=1000.0, d_price_year=2020)
    forest = 4.32 + 4.07 + 4.09 + 4.02 + 1.72 + 4.51 + 0.33 + 2.98 + 2.08
    farm = 0.72 + 0.97 + 0.77 + 1.47 + 1.39 + 1.02 + 1.00 + 0.39 + 0.17
    water = 0.51 + 2.06 + 18.77 + 0.41 + 14.85 + 3.43 + 0.53 + 0.35 + 4.44
    assert ledger.total() == pytest.approx((10 * forest + 20 * farm + 5 * water) * 1000.0)
    assert ledger.lines["coefficient"].str.startswith("xie2008-factors@2008#forest/").sum() == 9
    assert ledger.status == "provisional"


def test_no_class_with_factors_is_a_clear_error():
    with pytest.raises(MethodError, match="none of the land classes"):
        geep.esv(_one(10.0, "ha", cls="built_up"))
