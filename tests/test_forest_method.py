"""The forest method through its front end ``geep.forest`` (registry → resolve → kernel → assemble).

* P1 (张春华 et al. 2018, Shandong) Table 5 reproduced from its printed inputs through
  ``geep.forest`` — conventions as documented in ``tests/test_forest_oracle.py``;
* every indicator on one stand by hand, with the units the stand sheet and the prices are
  given in (mu, g m⁻² a⁻¹, g cm⁻³, 万元, per t CO₂ …), worked out in the comments;
* the ledger equals the formulas of ``geep.methods.forest_formulas`` for every indicator;
* unit invariance, linearity in area (property), the bug list, and the price-year policy.
"""

from __future__ import annotations

import math
from decimal import Decimal
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import geep
import geep.coefficients as C
from geep.errors import PriceYearError
from geep.inputs import InputValidationError
from geep.methods import forest_formulas as F
from geep.methods.forest import rollup
from geep.methods.forest_checks import ForestPriceError, MissingPriceError, StandInputError
from geep.methods.forest_spec import INDICATORS

DATA = Path(__file__).parent / "data" / "forest"
YEAR = 2016


def half_unit(printed: str) -> float:
    return 0.5 * 10.0 ** Decimal(printed).as_tuple().exponent


def reproduces(value: float, printed: str) -> bool:
    return abs(value - float(printed)) <= half_unit(printed) * (1 + 1e-9)


# --- P1 through geep.forest ----------------------------------------------------------------
@pytest.fixture(scope="module")
def p1() -> pd.DataFrame:
    return pd.read_csv(DATA / "p1_shandong_2004_2013.csv", comment="#", dtype=str)


def p1_stands(p1: pd.DataFrame) -> pd.DataFrame:
    """The types with a cited (not averaged) B年 and an area, as a stand sheet: areas in hm²
    from Table 4's 10² hm², B年 as printed in g m⁻² a⁻¹ (read as dry matter), F = (0.02/0.49)·B年."""
    rows = p1[
        (p1.npp_mean == "0") & (p1.area_1e2_ha != "-") & (p1.stand_type != "mixed_coniferous")
    ]
    b = rows.npp_g_m2_a.astype(float).to_numpy()
    return pd.DataFrame(
        {
            "region_code": "370000",
            "year": np.where(rows.period == "2004-2008", 2008, 2013),
            "stand_type": rows.stand_type.to_numpy(),
            "area (hm2)": rows.area_1e2_ha.astype(float).to_numpy() * 100.0,
            "net_productivity (g/m2/a)": b,
            "soil_carbon_sequestration (t_C/ha/a)": b * 0.01 * 0.02 / 0.49,
        }
    )


def test_p1_table_5_through_geep_forest(p1):
    """13 stands × 3 cells of Table 5 (10⁸ 元 a⁻¹) to the printed rounding, with the shipped
    prices (1200 元 per t C, 1000 元 per t O₂, price year unknown: stated by price_year)."""
    led = geep.forest(p1_stands(p1), price_year=2013)
    assert set(led.lines["indicator"]) == {"carbon_sequestration", "oxygen_release"}
    wide = rollup(led, by="stand_type") / 1e8
    printed = p1.assign(year=np.where(p1.period == "2004-2008", 2008, 2013))
    checked, off = 0, []
    for (year, _, stand), r in wide.iterrows():
        row = printed[(printed.year == year) & (printed.stand_type == stand)].iloc[0]
        for got, cell in (
            (r["carbon_sequestration"], "carbon_1e8_cny"),
            (r["oxygen_release"], "oxygen_1e8_cny"),
            (r["total"], "total_1e8_cny"),
        ):
            if reproduces(got, row[cell]):
                checked += 1
            else:
                off.append((stand, year, cell))
    assert len(wide) == 13
    # 赤松 2004—2008's total reproduces only with its area inside the ±50 ha of its rounding
    # (test_forest_oracle.py); every other cell reproduces exactly from the printed inputs
    assert off == [("pinus_densiflora", 2008, "total_1e8_cny")] and checked == 38
    assert led.check()
    assert led.status == "provisional"


# --- one stand, every indicator, by hand ---------------------------------------------------
def hand_stand(**extra) -> pd.DataFrame:
    cols = {
        "region_code": ["140105"],
        "year": [YEAR],
        "stand_type": ["油松"],
        "area (mu)": [150.0],  # = 10 ha
        "net_productivity (g/m2/a)": [600.0],  # = 6 t ha⁻¹ a⁻¹
        "soil_carbon_sequestration (t_C/ha/a)": [0.3],
        "precipitation (mm/a)": [600.0],
        "evapotranspiration (mm/a)": [350.0],
        "runoff (mm/a)": [50.0],
        "erosion_without_forest (t/hm2/a)": [30.0],
        "erosion_with_forest (t/hm2/a)": [5.0],
        "soil_bulk_density (g/cm3)": [1.25],  # = 1.25 t m⁻³
        "soil_n (%)": [0.1],
        "soil_p (%)": [0.05],
        "soil_k (%)": [1.5],
        "soil_organic_matter (%)": [2.0],
        "tree_n (%)": [0.5],
        "tree_p (%)": [0.1],
        "tree_k (%)": [0.3],
        "anion_concentration (个/cm3)": [1500.0],
        "stand_height (m)": [12.0],
        "anion_lifetime (min)": [10.0],
        "so2_absorption (kg/hm2/a)": [88.65],
        "fluoride_absorption (kg/hm2/a)": [0.5],
        "nox_absorption (kg/hm2/a)": [6.0],
        "dust_retention (kg/hm2/a)": [10110.0],
        "shannon_wiener": [2.5],
        "recreation_revenue (万元/a)": [100.0],  # = 10⁶ CNY a⁻¹
        "recreation_share (%)": [20.0],
    }
    cols.update(extra)
    return pd.DataFrame(cols)


SPECIES = {"lower_bounds": [0, 1, 2, 3, 4, 5, 6],
           "values": [3000, 5000, 10000, 20000, 30000, 40000, 50000], "unit": "元/hm2/a",
           "price_year": YEAR}  # fmt: skip
PRICES = {
    "water_purification": (2.5, "元/t", YEAR),
    "soil_excavation": (12.6, "元/m3", YEAR),
    "fertilizer_dap": (3300, "元/t", YEAR),
    "fertilizer_kcl": (2800, "元/t", YEAR),
    "organic_matter": (320, "元/t", YEAR),
    "dap_n_content": (14, "%"),
    "dap_p_content": (15.01, "%"),
    "kcl_k_content": (50, "%"),
    "carbon": (380, "CNY/t_CO2", YEAR),
    "anion": (5.8185e-18, "元/个", YEAR),
    "anion_threshold": (600, "个/cm3"),
    "so2": (1.20, "元/kg", YEAR),
    "fluoride": (0.69, "元/kg", YEAR),
    "nox": (0.63, "元/kg", YEAR),
    "dust": (0.15, "元/kg", YEAR),
    "species": SPECIES,
}

#: (indicator, component): (quantity, quantity unit, price [CNY per unit], value [CNY a⁻¹])
HAND = {
    # 10 ha × (600 − 350 − 50) mm = 10⁵ m² × 0.2 m = 20 000 m³, at C库 6.11 CNY m⁻³ (shipped)
    ("water_regulation", None): (20000.0, "m**3", 6.11, 122200.0),
    # the same 20 000 m³ of water (= 20 000 t) at K水 2.5 CNY t⁻¹
    ("water_purification", None): (20000.0, "m**3", 2.5, 50000.0),
    # 10 ha × (30 − 5) t ha⁻¹ = 250 t = 200 m³ at 1.25 t m⁻³; × 12.6 CNY m⁻³ = 2520 CNY
    ("soil_retention", None): (250.0, "t", 12.6 / 1.25, 2520.0),
    # 250 t × 0.1 % N = 0.25 t N; DAP at 3300 CNY t⁻¹ holds 14 % N → 3300/0.14 per t N
    ("soil_fertility", "n"): (0.25, "t", 3300 / 0.14, 0.25 * 3300 / 0.14),
    ("soil_fertility", "p"): (0.125, "t", 3300 / 0.1501, 0.125 * 3300 / 0.1501),
    # 250 t × 1.5 % K = 3.75 t K; KCl at 2800 CNY t⁻¹ holds 50 % K
    ("soil_fertility", "k"): (3.75, "t", 5600.0, 21000.0),
    ("soil_fertility", "organic_matter"): (5.0, "t", 320.0, 1600.0),
    # 1.63 t CO₂ per t dry matter × 10 ha × 6 t ha⁻¹ = 97.8 t CO₂ (= 1.63·(12/44)·60 t C), 380 CNY/t CO₂
    ("carbon_sequestration", "vegetation"): (97.8, "t_CO2", 380.0, 97.8 * 380),
    # 10 ha × 0.3 t C ha⁻¹ = 3 t C = 11 t CO₂
    ("carbon_sequestration", "soil"): (11.0, "t_CO2", 380.0, 4180.0),
    # 1.19 × 60 t = 71.4 t O₂ at C氧 1000 CNY t⁻¹ (shipped)
    ("oxygen_release", None): (71.4, "t", 1000.0, 71400.0),
    # 60 t of growth × 0.5 % N = 0.3 t N, priced as N of DAP
    ("nutrient_accumulation", "n"): (0.3, "t", 3300 / 0.14, 0.3 * 3300 / 0.14),
    ("nutrient_accumulation", "p"): (0.06, "t", 3300 / 0.1501, 0.06 * 3300 / 0.1501),
    # 60 t × 0.3 % K = 0.18 t K, priced as K of KCl (not with the organic-matter price)
    ("nutrient_accumulation", "k"): (0.18, "t", 5600.0, 1008.0),
    # ions: 1500 cm⁻³ × (10⁵ m² × 12 m = 1.2·10¹² cm³) / 10 min × 525 600 min a⁻¹
    ("negative_ions", "production"): (9.4608e19, "count", 5.8185e-18, 9.4608e19 * 5.8185e-18),
    # the 600 cm⁻³ below the threshold are not valued: −600/1500 of the production
    ("negative_ions", "threshold"): (-3.78432e19, "count", 5.8185e-18, -3.78432e19 * 5.8185e-18),
    # 10 ha × 88.65 kg ha⁻¹ = 886.5 kg = 0.8865 t at 1.20 CNY kg⁻¹ = 1200 CNY t⁻¹
    ("air_purification.so2", None): (0.8865, "t", 1200.0, 1063.8),
    ("air_purification.fluoride", None): (0.005, "t", 690.0, 3.45),
    ("air_purification.nox", None): (0.06, "t", 630.0, 37.8),
    ("dust_retention", None): (101.1, "t", 150.0, 15165.0),
    # Shannon-Wiener 2.5 lies in the class [2, 3): 10 000 CNY ha⁻¹ a⁻¹ × 10 ha
    ("species_conservation", None): (10.0, "ha", 10000.0, 100000.0),
    # 10⁶ CNY × 20 %, money of the report year (price 1)
    ("forest_recreation", None): (200000.0, "CNY", 1.0, 200000.0),
}


@pytest.fixture(scope="module")
def hand() -> geep.Ledger:
    return geep.forest(hand_stand(), PRICES, price_year=YEAR)


def test_every_indicator_by_hand_with_units(hand):
    lines = hand.lines
    got = {(r.indicator, None if pd.isna(r.component) else r.component): r
           for r in lines.itertuples()}  # fmt: skip
    assert set(got) == set(HAND)
    for key, (q, unit, price, value) in HAND.items():
        r = got[key]
        assert (r.quantity_unit, r.price_unit) == (unit, f"CNY/{unit}"), key
        assert r.quantity == pytest.approx(q, rel=1e-12), key
        assert r.price == pytest.approx(price, rel=1e-12), key
        assert r.value == pytest.approx(value, rel=1e-12), key
        assert r.ecosystem_type == "油松" and r.input_ref == "forest_stands[0]"
        assert r.account == "GEP" and r.price_year == YEAR
    assert hand.check()


def test_categories_services_and_the_regulating_subtotal(hand):
    cat = hand.lines.groupby("indicator", observed=True)["category"].first().astype(str)
    for name, spec in INDICATORS.items():
        assert cat[name] == spec.category
    assert set(cat[cat == "supporting"].index) == {"nutrient_accumulation", "species_conservation"}
    assert cat["forest_recreation"] == "cultural"
    reg = sum(v for (ind, _), (*_, v) in HAND.items() if INDICATORS[ind].category == "regulating")
    assert hand.total(by="category")["regulating"] == pytest.approx(reg, rel=1e-12)


def test_provenance_of_every_line(hand):
    lines = hand.lines.set_index(["indicator", "component"])
    coef = lines["coefficient"].astype(str)
    assert coef[("carbon_sequestration", "vegetation")] == "user#forest.carbon"
    stated = "forest-prices@lyt1721-2008#oxygen|stated_price_year=2016"
    assert coef[("oxygen_release", np.nan)] == stated
    assert coef[("soil_fertility", "n")] == "user#forest.fertilizer_dap;user#forest.dap_n_content"
    assert coef[("negative_ions", "threshold")] == "user#forest.anion;user#forest.anion_threshold"
    assert coef[("species_conservation", np.nan)] == "user#forest.species[2,3)"
    assert pd.isna(lines.loc[("forest_recreation", np.nan), "coefficient"])  # money of 2016
    method = lines.loc[("soil_retention", np.nan), "method"]
    assert method.startswith("forest[lyt1721-2008] G固土 = A·(X2 − X1)") and "J1;J2" in method
    used = {c["ref"]: c for c in hand.meta["coefficients"]}
    assert used["forest-prices@lyt1721-2008#reservoir_cost"]["evidence"] == "secondary"
    assert used["user#forest.carbon"]["evidence"] == "user"
    assert used["user#forest.carbon"]["value"] == pytest.approx(380 * 44 / 12, rel=1e-15)
    assert used["user#forest.dap_n_content"]["value"] == pytest.approx(0.14)  # a fraction
    py = hand.meta["forest"]["price_years"]
    assert py["oxygen"] == {"given": None, "source": "forest-prices@lyt1721-2008#oxygen",
                            "taken_as": YEAR}  # fmt: skip
    assert py["carbon"]["given"] == YEAR and py["carbon"]["taken_as"] is None
    assert any("reservoir_cost, oxygen" in w and "price_year=2016" in w for w in hand.warnings)
    assert any("GB/T 38582-2020" in w for w in hand.warnings)


def test_the_ledger_equals_the_formulas():
    """geep.forest and geep.methods.forest_formulas agree on every indicator and component."""
    led = geep.forest(hand_stand(), PRICES, price_year=YEAR)
    cols = {
        "area": 10.0,
        "net_productivity": 6.0,
        "soil_carbon_sequestration": 0.3,
        "precipitation": 600.0,
        "evapotranspiration": 350.0,
        "runoff": 50.0,
        "erosion_without_forest": 30.0,
        "erosion_with_forest": 5.0,
        "soil_bulk_density": 1.25,
        "soil_n": 0.1,
        "soil_p": 0.05,
        "soil_k": 1.5,
        "soil_organic_matter": 2.0,
        "tree_n": 0.5,
        "tree_p": 0.1,
        "tree_k": 0.3,
        "anion_concentration": 1500.0,
        "stand_height": 12.0,
        "anion_lifetime": 10.0,
        "so2_absorption": 88.65,
        "fluoride_absorption": 0.5,
        "nox_absorption": 6.0,
        "dust_retention": 10110.0,
        "recreation_revenue": 1e6,
        "recreation_share": 20.0,
    }
    prices = {"reservoir_cost": 6.11, "water_purification": 2.5, "soil_excavation": 12.6,
              "fertilizer_dap": 3300, "fertilizer_kcl": 2800, "organic_matter": 320,
              "dap_n_content": 14, "dap_p_content": 15.01, "kcl_k_content": 50,
              "carbon": 380 * 44 / 12, "oxygen": 1000, "anion": 5.8185e-18, "anion_threshold": 600,
              "so2": 1.2, "fluoride": 0.69, "nox": 0.63, "dust": 0.15, "species": 10000}  # fmt: skip
    values = led.lines.groupby(["indicator"], observed=True)["value"].sum()
    for name in INDICATORS:
        flows = F.evaluate(name, cols, prices)
        expected = sum(float(f.value) for f in flows.values())
        assert values[name] == pytest.approx(expected, rel=1e-12), name
        comps = set(led.lines.loc[led.lines["indicator"] == name, "component"].dropna())
        if name == "negative_ions":  # one formula value, two lines (production − threshold)
            assert comps == {"production", "threshold"}
        else:
            assert comps == {c for c in flows if c}, name


# --- unit invariance and linearity ----------------------------------------------------------
def test_units_of_the_sheet_and_of_the_prices_do_not_change_the_values(hand):
    in_ha = hand_stand(**{"area (mu)": [10.0]}).rename(columns={"area (mu)": "area (ha)"})
    in_t = in_ha.rename(columns={"net_productivity (g/m2/a)": "net_productivity (t/ha/a)"})
    in_t["net_productivity (t/ha/a)"] = 6.0
    per_c = {**PRICES, "carbon": (380 * 44 / 12, "CNY/t_C", YEAR), "so2": (1200, "元/t", YEAR),
             "species": {**SPECIES, "values": [v / 15 for v in SPECIES["values"]],
                         "unit": "CNY/mu/a"}}  # fmt: skip
    other = geep.forest(in_t, per_c, price_year=YEAR)
    a = hand.lines.set_index(["indicator", "component"])
    b = other.lines.set_index(["indicator", "component"])
    for col in ("quantity", "price", "value"):
        np.testing.assert_allclose(b[col].to_numpy(), a[col].to_numpy(), rtol=1e-12)


_TYPES = ["油松", "落叶松", "侧柏", "栎类"]


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.floats(0.0, 1e6, allow_nan=False), min_size=1, max_size=4),
    st.floats(1e-3, 1e3),
)
def test_values_are_linear_in_area(areas, k):
    """Scaling every area by k scales every value but recreation's (which has no area) by k."""
    n = len(areas)
    base = pd.concat([hand_stand()] * n, ignore_index=True).assign(stand_type=_TYPES[:n])
    one = geep.forest(base.assign(**{"area (mu)": areas}), PRICES, price_year=YEAR).lines
    two = geep.forest(base.assign(**{"area (mu)": [k * a for a in areas]}), PRICES,
                      price_year=YEAR).lines  # fmt: skip
    area_based = (one["indicator"] != "forest_recreation").to_numpy()
    x, y = one["value"].to_numpy(), two["value"].to_numpy()
    np.testing.assert_allclose(y[area_based], k * x[area_based], rtol=1e-9, atol=1e-9)
    np.testing.assert_array_equal(y[~area_based], x[~area_based])
    # two stands of areas a and b are worth one of a + b, indicator by indicator
    if n >= 2:
        split = one[one["ecosystem_type"].isin(_TYPES[:2])]
        whole = geep.forest(base.iloc[:1].assign(**{"area (mu)": [areas[0] + areas[1]]}), PRICES,
                            price_year=YEAR).lines  # fmt: skip
        by = split.groupby("indicator", observed=True)["value"].sum()
        for ind, v in whole.groupby("indicator", observed=True)["value"].sum().items():
            expected = by[ind] if ind != "forest_recreation" else by[ind] / 2
            assert math.isclose(v, expected, rel_tol=1e-9, abs_tol=1e-6), ind


# --- the bug list, through geep.forest ------------------------------------------------------
def _value(led: geep.Ledger, indicator: str, component: str | None = None) -> float:
    lines = led.lines[led.lines["indicator"] == indicator]
    if component is not None:
        lines = lines[lines["component"] == component]
    return float(lines["value"].sum())


def test_bugs_of_the_circulating_code_do_not_come_back(hand):
    # 固土: no ×10, and the excavation cost is per m³ (÷ bulk density): 250 t / 1.25 × 12.6
    assert _value(hand, "soil_retention") == pytest.approx(2520.0)
    assert _value(hand, "soil_retention") != pytest.approx(10 * 250 * 12.6)  # J1: ×10, no ρ
    # 释氧 1.19 (J1's gy has 1.91)
    assert _value(hand, "oxygen_release") == pytest.approx(1.19 * 60 * 1000)
    # K of the trees is priced as KCl: a different organic-matter price changes nothing there
    dearer = geep.forest(hand_stand(), {**PRICES, "organic_matter": (9999, "元/t", YEAR)},
                         price_year=YEAR)  # fmt: skip
    assert _value(dearer, "nutrient_accumulation", "k") == _value(
        hand, "nutrient_accumulation", "k"
    )
    assert _value(dearer, "soil_fertility", "organic_matter") == pytest.approx(5 * 9999)
    # 负离子 ÷ L: a lifetime twice as long halves the value
    longer = geep.forest(hand_stand(**{"anion_lifetime (min)": [20.0]}), PRICES, price_year=YEAR)
    assert _value(longer, "negative_ions") == pytest.approx(_value(hand, "negative_ions") / 2)


# --- prices and price years -----------------------------------------------------------------
def test_a_missing_price_names_the_indicator_and_the_price():
    with pytest.raises(MissingPriceError) as err:
        geep.forest(hand_stand(), price_year=YEAR, indicators=["soil_retention", "oxygen_release"])
    assert (err.value.indicator, err.value.price) == ("soil_retention", "soil_excavation")
    assert "soil_excavation" in str(err.value) and "soil_retention" in str(err.value)


def test_all_missing_prices_are_named_at_once():
    with pytest.raises(MissingPriceError) as err:
        geep.forest(hand_stand(), price_year=YEAR, indicators=list(INDICATORS))
    missing = dict(err.value.missing)
    assert missing["air_purification.nox"] == "nox" and "oxygen_release" not in missing
    # every (indicator, price) pair; 15 distinct prices: 18 prices and parameters, 3 shipped
    assert len(err.value.missing) == 20 and len({k for _, k in err.value.missing}) == 15
    assert str(err.value).startswith("15 prices are missing")


def test_a_carbon_price_per_plain_tonne_is_refused():
    with pytest.raises(ForestPriceError, match="carbon or CO₂"):
        geep.forest(hand_stand(), {"carbon": (100, "CNY/t", YEAR)}, price_year=YEAR,
                    indicators="carbon_sequestration")  # fmt: skip


def test_unknown_price_years_need_a_stated_report_year():
    with pytest.raises(PriceYearError) as err:
        geep.forest(hand_stand(), indicators="oxygen_release")
    assert "oxygen" in str(err.value) and "price_year" in str(err.value.hint)


def test_known_price_years_are_converted_with_the_price_index():
    cpi = C.load("cpi-china@nbs-annual").frame.set_index("year")["index_prev_year"]
    chain = float(np.prod(cpi.loc[2016:2020].to_numpy() / 100.0))  # 2015 prices → 2020
    led = geep.forest(hand_stand(), {"oxygen": (1000, "元/t", 2015)}, price_year=2020,
                      indicators="oxygen_release")  # fmt: skip
    line = led.lines.iloc[0]
    assert line["price"] == pytest.approx(1000 * chain, rel=1e-12)
    assert line["coefficient"] == "user#forest.oxygen;cpi-china@nbs-annual#2015-2020"
    assert (
        set(led.lines["price_year"]) == {2020}
        and not led.meta["forest"]["price_years"]["oxygen"]["taken_as"]
    )


def test_prices_of_one_known_year_give_the_report_year():
    led = geep.forest(hand_stand(), {"oxygen": (1000, "元/t", 2015)}, indicators="oxygen_release")
    assert set(led.lines["price_year"]) == {2015} and led.lines["price"].iloc[0] == 1000.0


def test_prices_of_several_years_need_a_report_year():
    prices = {"oxygen": (1000, "元/t", 2015), "carbon": (1200, "CNY/t_C", 2010)}
    with pytest.raises(PriceYearError, match="2010, 2015"):
        geep.forest(hand_stand(), prices, indicators=["oxygen_release", "carbon_sequestration"])


def test_recreation_revenue_is_money_of_its_stand_year():
    two = pd.concat([hand_stand(), hand_stand(year=[2015])], ignore_index=True)
    led = geep.forest(two, indicators="forest_recreation", price_year=2016)
    lines = led.lines.set_index("year")
    cpi = C.load("cpi-china@nbs-annual").frame.set_index("year")["index_prev_year"]
    assert lines.loc[2016, "value"] == 200000.0
    assert lines.loc[2015, "value"] == pytest.approx(200000.0 * cpi[2016] / 100, rel=1e-12)
    assert lines.loc[2015, "coefficient"] == "cpi-china@nbs-annual#2015-2016"


def test_prices_as_a_table():
    table = pd.DataFrame(
        [("oxygen", 1000, "元/t", 2016, None), ("species", 3000, "元/hm2/a", 2016, 0),
         ("species", 10000, "元/hm2/a", 2016, 2.0)],
        columns=["price", "value", "unit", "price_year", "lower_bound"],
    )  # fmt: skip
    led = geep.forest(hand_stand(), table, indicators=["oxygen_release", "species_conservation"])
    assert _value(led, "species_conservation") == pytest.approx(10 * 10000)
    assert set(led.lines["price_year"]) == {2016}
    with pytest.raises(ForestPriceError, match=r"prices\[1\]"):
        geep.forest(hand_stand(), table.iloc[[0, 0]].reset_index(drop=True),
                    indicators="oxygen_release")  # fmt: skip
    with pytest.raises(ForestPriceError, match="lacks column"):
        geep.forest(hand_stand(), table.drop(columns="unit"), indicators="oxygen_release")


# --- indicators chosen by the data ----------------------------------------------------------
def test_indicators_follow_the_drivers_given():
    stands = hand_stand()[["region_code", "year", "stand_type", "area (mu)",
                           "net_productivity (g/m2/a)"]]  # fmt: skip
    led = geep.forest(stands, price_year=YEAR)
    assert set(led.lines["indicator"]) == {"oxygen_release"}  # carbon also needs soil carbon
    assert any("carbon_sequestration" in w and "not valued" in w for w in led.warnings)


def test_indicators_with_data_but_no_price_are_left_out_and_named():
    """Not requested by name: valued only with their prices; the rest are named, not zeros."""
    led = geep.forest(hand_stand(), price_year=YEAR)
    assert set(led.lines["indicator"]) == {"water_regulation", "carbon_sequestration",
                                           "oxygen_release", "forest_recreation"}  # fmt: skip
    note = next(w for w in led.warnings if "without a price" in w)
    assert "water_purification: water_purification (CNY/t)" in note
    assert "soil_retention: soil_excavation (CNY/m**3)" in note
    assert "species_conservation: species (CNY/ha/a)" in note  # it has Shannon-Wiener indices


# --- bad stands, through geep.forest --------------------------------------------------------
def test_a_missing_driver_names_the_stand_row_and_the_column():
    stands = hand_stand(**{"soil_bulk_density (g/cm3)": [np.nan]})
    with pytest.raises(StandInputError) as err:
        geep.forest(stands, PRICES, price_year=YEAR, indicators="soil_retention")
    e = err.value
    assert (e.row, e.column) == ("0", "soil_bulk_density")
    assert "soil_retention" in str(e)


def test_a_missing_driver_column_names_the_column():
    stands = hand_stand().drop(columns="soil_bulk_density (g/cm3)")
    with pytest.raises(StandInputError, match="soil_bulk_density"):
        geep.forest(stands, PRICES, price_year=YEAR, indicators="soil_retention")


def test_negative_productivity_is_refused():
    """Refused where the stand table is read (a negative of an unsigned column, at its cell);
    a normalised table with one is refused by the method's own checks."""
    with pytest.raises(InputValidationError) as err:
        geep.forest(hand_stand(**{"net_productivity (g/m2/a)": [-600.0]}), price_year=YEAR,
                    indicators="oxygen_release")  # fmt: skip
    issue = err.value.report.errors[0]
    assert (issue.where, issue.column) == ("forest_stands[0]", "net_productivity (g/m2/a)")
    assert "negative" in issue.problem
    inputs = geep.read_inputs({"forest_stands": hand_stand()})
    inputs.tables["forest_stands"].loc[0, "net_productivity"] = -6.0
    with pytest.raises(StandInputError) as err:
        geep.forest(inputs, price_year=YEAR, indicators="oxygen_release")
    assert err.value.column == "net_productivity" and "-6.0 is negative" in str(err.value)


def test_soil_carbon_may_be_negative():
    led = geep.forest(hand_stand(**{"soil_carbon_sequestration (t_C/ha/a)": [-0.3]}), PRICES,
                      price_year=YEAR, indicators="carbon_sequestration")  # fmt: skip
    assert _value(led, "carbon_sequestration", "soil") == pytest.approx(-4180.0)


def _aged(parts: list[float], whole: float = 300.0) -> pd.DataFrame:
    rows = [
        hand_stand(**{"age_class": [a], "area (mu)": [x]})
        for a, x in zip([None, "幼龄林", "middle_aged", "成熟林"], [whole, *parts], strict=False)
    ]
    return pd.concat(rows, ignore_index=True)  # fmt: skip


def test_age_classes_that_do_not_sum_to_the_stand_are_refused():
    with pytest.raises(StandInputError) as err:
        geep.forest(_aged([100.0, 150.0, 60.0]), price_year=YEAR, indicators="oxygen_release")
    assert err.value.column == "area" and err.value.row == "0"
    assert "20.66666667 ha" in str(err.value) and "gives 20 ha" in str(err.value)  # 310 vs 300 mu


def test_age_classes_are_valued_and_their_stand_row_is_a_check():
    led = geep.forest(_aged([100.0, 150.0, 50.0]), PRICES, price_year=YEAR)
    lines = led.lines
    assert set(lines["age_class"].dropna()) == {"young", "middle_aged", "mature"}
    assert lines["age_class"].notna().all()  # the stand row gives no lines
    assert set(lines["input_ref"]) == {"forest_stands[1]", "forest_stands[2]", "forest_stands[3]"}
    whole = geep.forest(hand_stand(**{"area (mu)": [300.0]}), PRICES, price_year=YEAR)
    by_ind = lines.groupby("indicator", observed=True)["value"].sum()
    for ind, v in whole.lines.groupby("indicator", observed=True)["value"].sum().items():
        scale = 1.0 if ind != "forest_recreation" else 3.0  # revenue is per row, not per area
        assert by_ind[ind] == pytest.approx(scale * v, rel=1e-12), ind
    assert any("total their age classes" in w and "not used" in w for w in led.warnings)
    table = rollup(led, by=["stand_type", "age_class"], columns="category")
    assert list(table.index.get_level_values("age_class")) == ["mature", "middle_aged", "young"]
    assert table["total"].sum() == pytest.approx(led.total())


# --- names and units next to the GEP vocabulary ---------------------------------------------
def test_shared_names_use_the_gep_units_and_water_is_not_a_pollutant(hand):
    from geep.indicators import INDICATORS as GEP

    units = hand.lines.groupby("indicator", observed=True)["quantity_unit"].unique()
    shared = [name for name in INDICATORS if name in GEP]
    assert set(shared) == {"soil_retention", "carbon_sequestration", "oxygen_release",
                           "air_purification.so2", "air_purification.fluoride",
                           "air_purification.nox"}  # fmt: skip
    for name in shared:
        assert list(units[name]) == [GEP[name].quantity_unit], name
    # the GEP water_purification.* lines are tonnes of pollutant; the forest line is water
    assert list(units["water_purification"]) == ["m**3"]
    assert {GEP[n].quantity_unit for n in GEP if n.startswith("water_purification.")} == {"t"}
    service = hand.lines.groupby("indicator", observed=True)["service"].first()
    assert service["water_purification"] == "water_conservation"


def test_region_names_come_from_the_regions_table():
    regions = pd.DataFrame({"region_code": ["140105"], "region_name": ["小店区"]})
    inputs = geep.read_inputs({"regions": regions, "forest_stands": hand_stand()})
    led = geep.forest(inputs, PRICES, price_year=YEAR, indicators="oxygen_release")
    assert set(led.lines["region_name"]) == {"小店区"}


# --- geep.uncertainty draws the forest coefficients through the same terms ------------------
def test_uncertainty_draws_a_forest_price_through_the_value_terms():
    """A triangular oxygen price (500, 1000, 1500 CNY t⁻¹) moves only the oxygen lines: the
    total's mean stays the deterministic total and its sd is 71.4 t × the price's sd."""
    pytest.importorskip("scipy")
    from geep import uncertainty

    spec = {"forest-prices@lyt1721-2008#oxygen": {"dist": "triangular", "min": 500.0,
                                                  "mode": 1000.0, "max": 1500.0}}  # fmt: skip
    sim = uncertainty.simulate("forest", hand_stand(), draws=4000, seed=7, price_year=YEAR,
                               options={"prices": PRICES}, distributions=spec)  # fmt: skip
    q = sim.quantiles(by=("region_code", "year")).iloc[0]
    det = geep.forest(hand_stand(), PRICES, price_year=YEAR).total()
    assert q["deterministic"] == pytest.approx(det, rel=1e-12)
    sd_price = math.sqrt((500**2 + 1000**2 + 1500**2 - 500 * 1000 - 500 * 1500 - 1000 * 1500) / 18)
    assert q["sd"] == pytest.approx(71.4 * sd_price, rel=0.05)  # Monte Carlo error ~1 %
    assert q["mean"] == pytest.approx(det, abs=4 * 71.4 * sd_price / math.sqrt(4000))
