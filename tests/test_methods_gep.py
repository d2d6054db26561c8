"""GEP by the function-value method: the Garze 2010 oracle, driver models, bad inputs."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import geep
from geep import coefficients
from geep.errors import CoefficientNotFoundError, GeepError, MethodError
from geep.inputs import InputValidationError, from_frames

DATA = Path(__file__).parent / "data"
YI = 1e8  # 亿


def garze() -> tuple[pd.DataFrame, pd.Series]:
    """Garze 2010 quantities (白玛卓嘎 et al. 2017, Table 3) with the paper's values [亿元]."""
    q = pd.read_csv(DATA / "garze_2010_quantities.csv", dtype={"region_code": str})
    return q.drop(columns="paper_value_yi"), q["paper_value_yi"]


# Lines whose printed quantity is rounded harder than the value (methods reference §6.1):
# reservoir 0.01 亿m³ (implied 0.0097), carbon 0.31 亿t (implied 0.3088), oxygen 2.51 (2.5061),
# so2/dust/nh3n values printed to 4 decimals of 亿元.
TOLERANCE = {
    "flood_regulation.reservoir": 0.035,
    "carbon_sequestration": 0.004,
    "oxygen_release": 0.002,
    "air_purification.so2": 0.004,
    "air_purification.dust": 0.009,
    "air_purification.nox": 0.003,
    "water_purification.nh3n": 0.006,
    "water_purification.cod": 0.001,
}


def test_garze_line_by_line():
    q, paper = garze()
    lines = geep.gep(q).lines.set_index("indicator")
    for ind, printed in zip(q["indicator"], paper, strict=True):
        tol = TOLERANCE.get(ind, 0.0015)  # ≤ 0.15 % where quantity and value agree in print
        assert lines.loc[ind, "value"] / YI == pytest.approx(printed, rel=tol), ind


def test_garze_subtotals_and_total():
    q, _ = garze()
    ledger = geep.gep(q)
    cat = ledger.total(by="category") / YI
    # provisioning is exact: products are the derived residual 632.64 − water − hydropower
    assert cat["provisioning"] == pytest.approx(632.64, abs=0.005)
    # regulating 6842.28 and GEP 7545.59: printed quantities are rounded (carbon, O2), so 0.1 %
    assert cat["regulating"] == pytest.approx(6842.28, rel=1e-3)
    assert cat["cultural"] == pytest.approx(70.67, abs=0.005)
    assert ledger.total() / YI == pytest.approx(7545.59, rel=1e-3)
    svc = ledger.total(by="service") / YI
    # the paper's regulating subtotal by service (methods reference §6.1)
    for service, printed in {
        "water_conservation": 2269.71,
        "soil_retention": 399.60,
        "sand_fixation": 2.28,
        "flood_regulation": 59.56,
        "climate_regulation": 2157.86,
        "pest_control": 13.93,
    }.items():
        # printed to 0.01 亿元; flood regulation quantities are rounded in print (0.05 %)
        assert svc[service] == pytest.approx(printed, abs=max(0.005, 1e-3 * printed)), service
    assert svc["carbon_sequestration"] + svc["oxygen_release"] == pytest.approx(1939.27, rel=3e-3)
    assert ledger.check().ok


def test_soil_retention_chain_from_total_mass():
    # 38.86 亿t retained → siltation 10.03 亿m³, N 1437.94 万t, P 419.72 万t (methods §6.1)
    q = pd.DataFrame(
        {
            "region_code": ["g"],
            "year": [2010],
            "indicator": ["soil_retention"],
            "quantity": [38.86],
            "unit": ["亿t"],
        }
    )
    lines = geep.gep(q).lines.set_index("indicator")
    assert lines.loc["soil_retention.siltation", "quantity"] / YI == pytest.approx(10.03, rel=1e-3)
    assert lines.loc["soil_retention.nitrogen", "quantity"] / 1e4 == pytest.approx(
        1437.94, rel=1e-3
    )
    assert lines.loc["soil_retention.phosphorus", "quantity"] / 1e4 == pytest.approx(
        419.72, rel=1e-3
    )
    assert lines["value"].sum() / YI == pytest.approx(399.60, rel=1e-3)
    assert (
        "const.soil_retention.siltation_ratio"
        in lines.loc["soil_retention.siltation", "coefficient"]
    )


def test_sand_fixation_area_conversion():
    # 779.42 万t / (1.28 t/m³ × 0.1 m) = 60.89 km² × 3.75 CNY/m² = 2.2835 亿元
    q = pd.DataFrame(
        {
            "region_code": ["g"],
            "year": [2010],
            "indicator": ["sand_fixation"],
            "quantity": [779.42],
            "unit": ["万t"],
        }
    )
    line = geep.gep(q).lines.iloc[0]
    assert line["value"] / YI == pytest.approx(2.2835, rel=1e-4)
    assert line["price_unit"] == "CNY/t"


@pytest.mark.parametrize(("unit", "factor"), [("t_CO2", 1.0), ("t_C", 44.0 / 12.0)])
def test_carbon_basis_is_explicit_and_converted(unit, factor):
    q = pd.DataFrame(
        {
            "region_code": ["g"],
            "year": [2010],
            "indicator": ["carbon_sequestration"],
            "quantity": [1000.0],
            "unit": [unit],
        }
    )
    line = geep.gep(q).lines.iloc[0]
    assert line["quantity_unit"] == "t_CO2"
    assert line["value"] == pytest.approx(1000.0 * factor * 380.0, rel=1e-12)


def test_carbon_in_plain_tonnes_is_refused_as_ambiguous():
    q = pd.DataFrame(
        {
            "region_code": ["g"],
            "year": [2010],
            "indicator": ["carbon_sequestration"],
            "quantity": [1000.0],
            "unit": ["t"],
        }
    )
    with pytest.raises(InputValidationError, match="carbon"):
        geep.gep(q)


def test_quantity_in_wrong_dimension():
    q = pd.DataFrame(
        {
            "region_code": ["g"],
            "year": [2010],
            "indicator": ["water_conservation"],
            "quantity": [5.0],
            "unit": ["万t"],
        }
    )
    with pytest.raises(InputValidationError) as exc:
        geep.gep(q)
    assert "volume" in str(exc.value) and "quantities[0]" in str(exc.value)


def test_unknown_indicator_has_a_suggestion():
    q = pd.DataFrame(
        {
            "region_code": ["g"],
            "year": [2010],
            "indicator": ["water_conservaton"],
            "quantity": [5.0],
            "unit": ["m3"],
        }
    )
    with pytest.raises(InputValidationError, match="did you mean 'water_conservation'"):
        geep.gep(q)


def test_missing_price_for_present_indicator():
    q = pd.DataFrame(
        {
            "region_code": ["g"],
            "year": [2010],
            "indicator": ["recreation.visits"],
            "quantity": [100.0],
            "unit": ["万人次"],
        }
    )
    with pytest.raises(CoefficientNotFoundError) as exc:
        geep.gep(q)
    assert "price.recreation" in str(exc.value) and "gep-parameters@garze-2010" in str(exc.value)
    assert isinstance(exc.value, KeyError) and isinstance(exc.value, GeepError)


def test_override_price_adds_it_and_carries_provenance():
    params = coefficients.load("gep-parameters@garze-2010")
    changed = coefficients.override(
        params, {"price.water_conservation": 7.53}, by="test bureau", reason="2011 reservoir cost"
    )
    q = pd.DataFrame(
        {
            "region_code": ["g"],
            "year": [2010],
            "indicator": ["water_conservation"],
            "quantity": [1.0],
            "unit": ["亿m3"],
        }
    )
    ledger = geep.gep(q, tables={"parameters": changed})
    assert ledger.total() == pytest.approx(7.53e8)
    assert ledger.status == "draft"
    assert any("override of gep-parameters@garze-2010 by test bureau" in w for w in ledger.warnings)


def test_oxygen_release_switch_is_reported():
    q, _ = garze()
    ledger = geep.gep(q, options={"oxygen_release": False})
    assert "oxygen_release" not in set(ledger.lines["indicator"])
    assert any(w.startswith("oxygen_release: 1 quantity(ies) excluded") for w in ledger.warnings)


def test_overlap_warnings_and_provisional_status():
    q, _ = garze()
    ledger = geep.gep(q)
    assert ledger.status == "provisional"
    text = " ".join(ledger.warnings)
    assert "water conservation and flood regulation" in text
    assert "carbon sequestration and oxygen release" in text
    assert ledger.warnings[0].startswith("profile cn-gep-2020 is PROVISIONAL")


def test_provisioning_basis_is_labelled():
    q, _ = garze()
    ledger = geep.gep(q, options={"provisioning_basis": "gross_output"})
    products = ledger.lines.query("service == 'products'")
    assert products["method"].str.endswith("+basis:gross_output").all()
    with pytest.raises(MethodError):
        geep.gep(q, options={"provisioning_basis": "turnover"})


def test_price_year_conversion_of_prices_and_money_quantities():
    q = pd.DataFrame(
        {
            "region_code": ["g", "g"],
            "year": [2012, 2012],
            "indicator": ["hydropower", "products"],
            "quantity": [100.0, 50.0],
            "unit": ["万kWh", "万元"],
        }
    )
    ledger = geep.gep(q, price_year=2012).lines.set_index("indicator")
    cpi = 1.054 * 1.026  # 2011, 2012 over 2010 (cpi-china@nbs-annual, unverified)
    assert ledger.loc["hydropower", "value"] == pytest.approx(1e6 * 0.53 * cpi, rel=1e-12)
    assert ledger.loc["products", "value"] == pytest.approx(50e4, rel=1e-12)  # already 2012
    # default report year = the parameter table's (2010): the 2012 products are deflated
    base = geep.gep(q).lines.set_index("indicator")
    assert base.loc["products", "value"] == pytest.approx(50e4 / cpi, rel=1e-12)
    assert "cpi-china@nbs-annual#2012-2010" in base.loc["products", "coefficient"]


def test_driver_models_water_balance_usle_reservoir_and_caps():
    drivers = pd.DataFrame(
        {
            "region_code": "d",
            "year": 2020,
            "variable": [
                "precipitation",
                "storm_runoff",
                "evapotranspiration",
                "ecosystem_area",
                "usle.r",
                "usle.k",
                "usle.ls",
                "usle.c",
                "usle.p",
                "reservoir_capacity",
                "emission.so2",
                "npp",
                "soil_respiration",
            ],
            "value": [
                500.0,
                50.0,
                350.0,
                1000.0,
                2000.0,
                0.02,
                1.5,
                0.2,
                1.0,
                1.0,
                100.0,
                10.0,
                4.0,
            ],
            "unit": [
                "mm",
                "mm",
                "mm",
                "km2",
                "1",
                "1",
                "1",
                "1",
                "1",
                "亿m3",
                "t",
                "万t_C",
                "万t_C",
            ],
        }
    )
    quantities = pd.DataFrame(
        {
            "region_code": ["d"],
            "year": [2020],
            "indicator": ["air_purification.so2"],
            "quantity": [250.0],
            "unit": ["t"],
        }
    )
    inputs = from_frames({"drivers": drivers, "quantities": quantities})
    lines = geep.gep(inputs, price_year=2010).lines.set_index("indicator")
    # (500 − 50 − 350) mm × 100,000 ha × 10 m³/(mm·ha) = 1e8 m³
    assert lines.loc["water_conservation", "quantity"] == pytest.approx(1e8)
    # USLE: 2000 × 0.02 × 1.5 × (1 − 0.2) × 100,000 ha = 4.8e6 t → siltation 4.8e6·0.24/0.93 m³
    assert lines.loc["soil_retention.siltation", "quantity"] == pytest.approx(4.8e6 * 0.24 / 0.93)
    assert lines.loc["flood_regulation.reservoir", "quantity"] == pytest.approx(0.35e8)
    # NEP 6 万t C = 22 万t CO2
    assert lines.loc["carbon_sequestration", "quantity"] == pytest.approx(6e4 * 44 / 12)
    # capacity 250 t capped at the 100 t emitted
    assert lines.loc["air_purification.so2", "quantity"] == pytest.approx(100.0)
    assert lines.loc["air_purification.so2", "flags"] == "capped_at_emissions"
    assert "drivers[" in lines.loc["water_conservation", "input_ref"]


def test_soil_given_twice_is_an_error():
    q = pd.DataFrame(
        {
            "region_code": ["g", "g"],
            "year": [2010, 2010],
            "indicator": ["soil_retention", "soil_retention.siltation"],
            "quantity": [1.0, 1.0],
            "unit": ["t", "m3"],
        }
    )
    with pytest.raises(MethodError, match="given twice"):
        geep.gep(q)


@settings(max_examples=25, deadline=None)
@given(k=st.floats(min_value=0.001, max_value=1000.0))
def test_gep_is_linear_in_quantities(k):
    q, _ = garze()
    base = geep.gep(q).total()
    scaled = q.assign(quantity=q["quantity"] * k)
    assert geep.gep(scaled).total() == pytest.approx(k * base, rel=1e-9)
