"""Benefit transfer (Costanza 1997 oracle) and GEEP (2015 national identity)."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import geep
from geep import coefficients
from geep.errors import MethodError, PriceYearError


def costanza_1997_areas() -> pd.DataFrame:
    areas = coefficients.load("costanza-biome-areas@1997").frame
    leaf = areas[areas["level"] == "leaf"]
    return pd.DataFrame(
        {
            "region_code": "world",
            "year": 1997,
            "land_class": leaf["biome"],
            "area": leaf["area"],
            "unit": "Mha",
        }
    )


def test_costanza_1997_global_total():
    # Σ leaf biomes of 1997 areas × the 1997 paper's 1994-USD unit values = 33,268 ×10⁹ USD/yr.
    # Unit values are printed rounded; the reference recomputes 33,254, so 0.1 % tolerance.
    ledger = geep.benefit_transfer(costanza_1997_areas(), profile="costanza-1997")
    assert ledger.total() == pytest.approx(33_268e9, rel=1e-3)
    assert set(ledger.lines["value_unit"]) == {"USD"}
    assert set(ledger.lines["price_year"]) == {1994}
    assert ledger.status == "provisional"  # the 1997 unit values are [U]/[S]
    # the biomes with no value are named, valued 0
    assert any(w.startswith("desert: no unit value") for w in ledger.warnings)
    # per-biome totals of Table 2 (×10⁹ USD), e.g. open ocean 8,381 and tropical forest 3,813
    by = ledger.lines.set_index("indicator")["value"] / 1e9
    assert by["open_ocean"] == pytest.approx(8381, rel=2e-3)
    assert by["tropical_forest"] == pytest.approx(3813, rel=2e-3)


def test_costanza_2014_keeps_usd_2007_and_maps_geep_classes():
    lc = pd.DataFrame(
        {
            "region_code": "r",
            "year": 2020,
            "land_class": ["forest.broadleaf", "farmland.dryland", "water"],
            "area": [10.0, 20.0, 5.0],
            "unit": "ha",
        }
    )
    ledger = geep.benefit_transfer(lc)
    lines = ledger.lines.set_index("ecosystem_type")
    assert set(lines["value_unit"]) == {"USD"} and set(lines["price_year"]) == {2007}
    assert lines.loc["forest.broadleaf", "indicator"] == "temperate_boreal_forest"
    assert lines.loc["forest.broadleaf", "value"] == pytest.approx(10 * 3137)
    assert lines.loc["farmland.dryland", "value"] == pytest.approx(20 * 5567)
    assert lines.loc["water", "value"] == pytest.approx(5 * 12512)
    assert (
        "landclass-costanza@2014#forest.broadleaf" in lines.loc["forest.broadleaf", "coefficient"]
    )
    assert ledger.status == "provisional"  # the crosswalk is a modelling choice


def test_bt_and_esv_ledgers_never_add_across_currencies():
    lc = pd.DataFrame(
        {"region_code": "r", "year": 2020, "land_class": ["water"], "area": [5.0], "unit": "ha"}
    )
    both = geep.Ledger.concat([geep.benefit_transfer(lc), geep.esv(lc)])
    with pytest.raises(PriceYearError):
        both.total()
    by_acc = both.lines.groupby(["account", "value_unit"])["value"].sum()
    assert by_acc[("BT", "USD")] == pytest.approx(5 * 12512)


# GEEP 2015 (王金南 et al. 2018): GEEP 122.78, PDC 2.0, EDC 0.63, ERS 53.1 (×10¹² 元);
# implied GDP (Σ provincial GDP) = 72.31.
T = 1e12


def _gep_with_regulating(ers: float, products: float) -> geep.Ledger:
    """A 2015 GEP ledger at 2010 prices (Garze prices) with a given regulating subtotal."""
    q = pd.DataFrame(
        {
            "region_code": ["CN", "CN"],
            "year": [2015, 2015],
            "indicator": ["water_conservation", "products"],
            "quantity": [ers / 7.06, products],
            "unit": ["m3", "元"],
        }
    )
    return geep.gep(q)


def test_geep_2015_national_identity():
    gep_ledger = _gep_with_regulating(53.1 * T, 10.0 * T)
    economy = pd.DataFrame(
        {
            "region_code": ["CN"],
            "year": [2015],
            "gdp": [72.31 * T],
            "pdc": [2.0 * T],
            "edc": [0.63 * T],
            "unit": ["元"],
            "price_year": [2010],
        }
    )
    ledger = geep.geep(gep_ledger, economy)
    lines = ledger.lines.set_index("service")["value"]
    assert lines["ers"] == pytest.approx(53.1 * T, rel=1e-12)  # regulating only, not products
    assert lines["pdc"] == pytest.approx(-2.0 * T) and lines["edc"] == pytest.approx(-0.63 * T)
    assert ledger.total() == pytest.approx(122.78 * T, rel=1e-12)
    assert ledger.total() / (72.31 * T) == pytest.approx(1.70, abs=0.005)
    assert lines["ers"] / ledger.total() == pytest.approx(0.433, abs=0.0015)
    assert ledger.check().ok


def test_geep_price_years_must_agree_or_be_converted():
    gep_ledger = _gep_with_regulating(1e9, 1e9)  # 2010 prices
    economy = pd.DataFrame(
        {
            "region_code": ["CN"],
            "year": [2015],
            "gdp": [100.0],
            "pdc": [1.0],
            "edc": [1.0],
            "unit": ["亿元"],
            "price_year": [2014],
        }
    )
    with pytest.raises(PriceYearError, match="price_year"):
        geep.geep(gep_ledger, economy)
    converted = geep.geep(gep_ledger, economy, price_year=2015).lines.set_index("service")
    assert converted.loc["gdp", "value"] == pytest.approx(100e8 * 1.014, rel=1e-12)  # CPI 2015
    assert "cpi-china@nbs-annual#2014-2015" in converted.loc["gdp", "coefficient"]
    # ERS moved from 2010 to 2015 prices: CPI 2011..2015 = 105.4, 102.6, 102.6, 102.0, 101.4
    chain = 1.054 * 1.026 * 1.026 * 1.020 * 1.014
    assert converted.loc["ers", "value"] == pytest.approx(1e9 * chain, rel=1e-12)
    assert "cpi-china@nbs-annual#2010-2015" in converted.loc["ers", "coefficient"]


def test_geep_refuses_unmatched_region_years():
    gep_ledger = _gep_with_regulating(1e9, 1e9)
    economy = pd.DataFrame(
        {
            "region_code": ["CN", "XX"],
            "year": [2015, 2015],
            "gdp": [1.0, 1.0],
            "pdc": [0.0, 0.0],
            "edc": [0.0, 0.0],
            "unit": ["元", "元"],
            "price_year": [2015, 2015],
        }
    )
    with pytest.raises(MethodError, match="economy only"):
        geep.geep(gep_ledger, economy)


@settings(max_examples=20, deadline=None)
@given(values=st.lists(st.floats(min_value=0, max_value=1e12), min_size=3, max_size=3))
def test_ers_equals_gep_regulating_subtotal_and_aggregation_sums(values):
    q = pd.DataFrame(
        {
            "region_code": ["a", "a", "b"],
            "year": 2015,
            "indicator": ["water_conservation", "hydropower", "pest_control.forest"],
            "quantity": values,
            "unit": ["m3", "kWh", "ha"],
        }
    )
    gep_ledger = geep.gep(q, price_year=2015)
    economy = pd.DataFrame(
        {
            "region_code": ["a", "b"],
            "year": [2015, 2015],
            "gdp": [5.0, 7.0],
            "pdc": [1.0, 2.0],
            "edc": [0.5, 0.25],
            "unit": ["亿元", "亿元"],
            "price_year": [2015, 2015],
        }
    )
    g = geep.geep(gep_ledger, economy)
    reg = gep_ledger.lines.query("category == 'regulating'").groupby("region_code")["value"].sum()
    ers = g.lines.query("service == 'ers'").set_index("region_code")["value"]
    for r in ("a", "b"):
        assert ers[r] == pytest.approx(reg.get(r, 0.0), rel=1e-12, abs=1e-9)
    nat = geep.aggregate(g, {"a": "N", "b": "N"})
    assert nat.total() == pytest.approx(g.total(), rel=1e-12, abs=1e-6)
    assert nat.lines["region_code"].unique().tolist() == ["N"]
