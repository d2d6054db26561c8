"""The forest formulas: hand calculations with units, unit invariance, linearity, the bug list.

Hand calculations use pint (``geep.units``) for every unit step, independently of the constants
in :mod:`geep.methods.forest_flow`; the expected numbers are worked out in the comments.
"""

from __future__ import annotations

import inspect
import math
import pickle

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geep.errors import MethodError
from geep.messages import language_scope
from geep.methods import forest_formulas as F
from geep.methods.forest_checks import (
    MissingPriceError,
    StandInputError,
    check_age_classes,
    check_prices,
    check_stands,
)
from geep.methods.forest_spec import DRIVERS, INDICATORS, PRICES
from geep.units import Q_, factor

MIN_PER_YEAR_365 = Q_(365, "day").to("min").magnitude  # the standard's year: 365 days


def one(flows: dict[str, F.Flow], component: str = "") -> tuple[float, float, float]:
    f = flows[component]
    return float(f.quantity), float(f.price), float(f.value)


# --- constants ---------------------------------------------------------------------------
def test_unit_constants_follow_from_pint():
    assert F.MM_HA_TO_M3 == (Q_(1, "mm") * Q_(1, "ha")).to("m**3").magnitude == 10.0
    per_min = (Q_(1, "1/cm**3") * Q_(1, "ha") * Q_(1, "m") / Q_(1, "min")).to("1/min").magnitude
    assert pytest.approx(per_min * MIN_PER_YEAR_365, rel=1e-15) == F.ANION_FACTOR
    assert F.ANION_FACTOR == 5.256e15
    assert F.MINUTES_PER_YEAR == 525_600


def test_stoichiometric_constants():
    # 6 CO2 + 6 H2O -> C6H12O6 + 6 O2, then (C6H10O5)n: 264 g CO2 and 192 g O2 per 162 g
    assert round(264 / 162, 2) == F.CO2_PER_BIOMASS == 1.63
    assert round(192 / 162, 2) == F.O2_PER_BIOMASS == 1.19
    assert F.C_PER_CO2 == 12 / 44
    assert abs(F.C_PER_CO2 - 0.2727) < 5e-5  # P1: R_c = 27.27 %


# --- hand calculations -------------------------------------------------------------------
def test_water_regulation_by_hand():
    # 250 ha, P − E − C = 650 − 420 − 35 = 195 mm → 0.195 m × 2.5e6 m² = 487 500 m³
    q, p, v = one(F.water_regulation(250, 650, 420, 35, reservoir_cost=6.11))
    assert q == pytest.approx((Q_(195, "mm") * Q_(250, "ha")).to("m**3").magnitude, rel=1e-12)
    assert q == pytest.approx(487_500.0)
    assert (p, v) == (6.11, pytest.approx(487_500 * 6.11))  # 2 978 625 CNY/a


def test_water_purification_by_hand():
    # the same 487 500 m³ are 487 500 t of water at 1 t/m³, × 2.09 CNY/t
    q, _, v = one(F.water_purification(250, 650, 420, 35, water_purification=2.09))
    assert q == pytest.approx((Q_(487_500, "m**3") * Q_(1, "t/m**3")).to("t").magnitude)
    assert v == pytest.approx(1_018_875.0)


def test_soil_retention_by_hand():
    # 120 ha × (35 − 3.5) t/ha/a = 3 780 t/a; / 1.30 t/m³ = 2 907.69 m³ × 12.6 CNY/m³ = 36 636.92
    q, p, v = one(F.soil_retention(120, 35, 3.5, soil_bulk_density=1.30, soil_excavation=12.6))
    assert q == pytest.approx(3780.0)
    volume = (Q_(3780, "t") / Q_(1.30, "t/m**3")).to("m**3").magnitude
    assert v == pytest.approx(volume * 12.6) == pytest.approx(36_636.923, rel=1e-7)
    assert p == pytest.approx(12.6 / 1.30)  # CNY per t of soil


def test_soil_fertility_by_hand():
    # 3 780 t soil/a; N 0.12 % → 4.536 t N at 2 400 CNY/t DAP ÷ 14 % N = 17 142.86 CNY/t N …
    flows = F.soil_fertility(
        120, 35, 3.5, soil_n=0.12, soil_p=0.05, soil_k=1.8, soil_organic_matter=2.5,
        fertilizer_dap=2400, fertilizer_kcl=2200, organic_matter=320,
        dap_n_content=14, dap_p_content=15.01, kcl_k_content=50,
    )  # fmt: skip
    expect = {
        "n": (4.536, 2400 / 0.14),
        "p": (1.89, 2400 / 0.1501),
        "k": (68.04, 2200 / 0.50),
        "organic_matter": (94.5, 320.0),
    }
    for comp, (q, p) in expect.items():
        got = one(flows, comp)
        assert got == pytest.approx((q, p, q * p), rel=1e-12), comp
    total = sum(f.value for f in flows.values())
    assert float(total) == pytest.approx(77_760 + 30_219.853_431 + 299_376 + 30_240, rel=1e-9)


def test_carbon_sequestration_by_hand():
    # 1 000 ha × 10 t/ha/a dry matter × 1.63 t CO2/t × 12/44 t C/t CO2 = 4 445.45 t C; soil 0.5 t C/ha
    flows = F.carbon_sequestration(1000, 10, soil_carbon_sequestration=0.5, carbon=1200)
    veg_co2 = Q_(1000 * 10 * 1.63, "t_CO2")
    assert one(flows, "vegetation")[0] == pytest.approx(veg_co2.to("t_C").magnitude, rel=1e-12)
    assert one(flows, "soil") == (500.0, 1200.0, 600_000.0)
    assert one(flows, "vegetation")[2] == pytest.approx(4445.4545 * 1200, rel=1e-7)


def test_oxygen_release_by_hand():
    assert one(F.oxygen_release(1000, 10, oxygen=1000)) == pytest.approx((11_900, 1000, 1.19e7))


def test_nutrient_accumulation_by_hand():
    # growth 1 000 ha × 10 t/ha/a = 10 000 t/a; N 0.5 % = 50 t, P 0.1 % = 10 t, K 0.3 % = 30 t
    flows = F.nutrient_accumulation(
        1000, 10, tree_n=0.5, tree_p=0.1, tree_k=0.3, fertilizer_dap=2400, fertilizer_kcl=2200,
        dap_n_content=14, dap_p_content=15.01, kcl_k_content=50,
    )  # fmt: skip
    assert one(flows, "n") == pytest.approx((50, 2400 / 0.14, 50 * 2400 / 0.14))
    assert one(flows, "p") == pytest.approx((10, 2400 / 0.1501, 10 * 2400 / 0.1501))
    assert one(flows, "k") == pytest.approx((30, 4400, 132_000))


def test_negative_ions_by_hand():
    # 10 ha × 15 m of air at (1 800 − 600) ions/cm³, each living 10 min, for a 365-day year
    air = (Q_(1200, "1/cm**3") * Q_(10, "ha") * Q_(15, "m")).to("dimensionless").magnitude
    per_year = air / 10 * MIN_PER_YEAR_365
    q, _, v = one(F.negative_ions(10, 1800, 15, 10, anion=1e-17, anion_threshold=600))
    assert q == pytest.approx(per_year, rel=1e-12) == pytest.approx(9.4608e19, rel=1e-12)
    assert v == pytest.approx(per_year * 1e-17)
    total = F.negative_ion_production(10, 1800, 15, 10)
    assert float(total) == pytest.approx(q * 1800 / 1200)


def test_negative_ions_below_the_threshold_are_negative_not_clipped():
    _, _, v = one(F.negative_ions(10, 500, 15, 10, anion=1e-17, anion_threshold=600))
    assert v < 0


@pytest.mark.parametrize(
    ("fn", "driver", "price"),
    [(F.air_purification_so2, "so2_absorption", "so2"),
     (F.air_purification_fluoride, "fluoride_absorption", "fluoride"),
     (F.air_purification_nox, "nox_absorption", "nox"),
     (F.dust_retention, "dust_retention", "dust")],
)  # fmt: skip
def test_absorption_by_hand(fn, driver, price):
    # 50 ha × 88.65 kg/ha/a = 4 432.5 kg/a × 1.2 CNY/kg
    q, p, v = one(fn(area=50, **{driver: 88.65, price: 1.2}))
    assert (q, p, v) == pytest.approx((4432.5, 1.2, 5319.0))


def test_species_conservation_by_hand_and_by_class():
    assert one(F.species_conservation(100, 5000)) == (100.0, 5000.0, 500_000.0)
    s = F.shannon_class_values([0.0, 0.99, 1.0, 2.5, 7.0], [0, 1, 2, 3], [3000, 5000, 10000, 20000])
    assert s.tolist() == [3000, 3000, 5000, 10000, 20000]


def test_forest_recreation_by_hand():
    assert one(F.forest_recreation(2_000_000, 20)) == (400_000.0, 1.0, 400_000.0)


def test_water_is_signed():
    q, _, v = one(F.water_regulation(1, 300, 350, 10, reservoir_cost=6.11))
    assert q == -600.0 and v < 0


# --- the bug list of the circulating code (J1) -------------------------------------------
def test_bug_soil_retention_has_no_factor_10():
    assert float(F.soil_retained(1, 10, 0)) == 10.0  # t/a, not 100


def test_bug_soil_retention_value_divides_by_bulk_density():
    v1 = one(F.soil_retention(1, 10, 0, soil_bulk_density=1.0, soil_excavation=12.6))[2]
    v2 = one(F.soil_retention(1, 10, 0, soil_bulk_density=2.0, soil_excavation=12.6))[2]
    assert v1 == pytest.approx(2 * v2) == pytest.approx(126.0)


def test_bug_oxygen_is_1_19_not_1_91():
    assert one(F.oxygen_release(1, 1, oxygen=1))[0] == 1.19


def test_bug_potassium_is_priced_as_kcl_not_organic_matter():
    assert "organic_matter" not in inspect.signature(F.nutrient_accumulation).parameters
    assert "organic_matter" not in INDICATORS["nutrient_accumulation"].prices
    k = F.nutrient_accumulation(1, 100, 0, 0, 1.0, 2400, 2200, 14, 15.01, 50)["k"]
    assert float(k.value) == pytest.approx(1.0 * 2200 / 0.5)  # 1 t K × C2/R3


def test_bug_negative_ions_divide_by_lifetime():
    v = [one(F.negative_ions(1, 1600, 10, L, anion=1e-17, anion_threshold=600))[2] for L in (5, 10)]
    assert v[0] == pytest.approx(2 * v[1])


# --- unit invariance ---------------------------------------------------------------------
def test_area_in_mu_gives_the_same_values():
    area_mu = np.array([150.0, 3000.0, 7.5])
    area_ha = area_mu * factor("mu", "ha")
    assert area_ha.tolist() == pytest.approx([10.0, 200.0, 0.5])
    a = F.oxygen_release(area_ha, 10, 1000)[""].value
    b = F.oxygen_release(area_mu / 15, 10, 1000)[""].value
    np.testing.assert_allclose(a, b, rtol=1e-15)


def test_productivity_in_g_per_m2_gives_the_same_values():
    f = factor("g/(m2·a)", "t/(hm2·a)")
    assert f == pytest.approx(0.01)
    a = F.oxygen_release(1000, 1172 * f, 1000)[""].value
    assert float(a) == pytest.approx(1000 * 11.72 * 1.19 * 1000, rel=1e-12)


def test_carbon_price_per_t_co2_converts_exactly():
    from geep.methods.forest_prices import normalise_price

    per_c = normalise_price("carbon", 1200, "CNY/t_C").value
    per_co2 = normalise_price("carbon", 1200 * 12 / 44, "元/t_CO2").value
    assert per_co2 == pytest.approx(per_c, rel=1e-15)
    assert normalise_price("carbon", 380, "CNY/t_CO2").value == pytest.approx(
        380 * 44 / 12, rel=1e-15
    )
    a = F.carbon_sequestration(10, 5, 0.1, per_c)
    b = F.carbon_sequestration(10, 5, 0.1, per_co2)
    assert float(a["vegetation"].value) == pytest.approx(float(b["vegetation"].value), rel=1e-15)


# --- linearity in area (property) ----------------------------------------------------------
def _num(lo: float, hi: float) -> st.SearchStrategy[float]:
    """0 (if allowed) or a number of magnitude ≥ 1e-6 in [lo, hi] (no underflow in products)."""
    mag = st.floats(max(lo, 1e-6), hi, allow_nan=False)
    neg = st.floats(1e-6, -lo, allow_nan=False).map(lambda x: -x) if lo < 0 else st.nothing()
    return st.one_of(st.just(0.0) if lo <= 0 else st.nothing(), mag, neg)


def _driver_value(name: str) -> st.SearchStrategy[float]:
    d = DRIVERS[name]
    lo = 0.01 if d.strict_minimum else (d.minimum if d.minimum is not None else -50.0)
    hi = d.maximum if d.maximum is not None else 5000.0
    return _num(lo, hi)


def _price_value(key: str) -> st.SearchStrategy[float]:
    lo = 0.01 if PRICES[key].kind == "parameter" else 0.0
    return _num(lo, 100.0 if PRICES[key].unit == "percent" else 1e4)


AREA = _num(0.0, 1e6)


@st.composite
def case(draw):
    name = draw(st.sampled_from([n for n, i in INDICATORS.items() if i.uses_area]))
    spec = INDICATORS[name]
    cols = {d: draw(_driver_value(d)) for d in spec.drivers}
    prices = {k: draw(_price_value(k)) for k in spec.prices}
    return name, cols, prices


@settings(max_examples=300, deadline=None)
@given(case(), AREA, AREA, st.floats(1e-3, 1e3))
def test_values_are_linear_in_area(c, a1, a2, k):
    name, cols, prices = c
    f1 = F.evaluate(name, {**cols, "area": a1}, prices)
    f2 = F.evaluate(name, {**cols, "area": a2}, prices)
    f12 = F.evaluate(name, {**cols, "area": a1 + a2}, prices)
    fk = F.evaluate(name, {**cols, "area": k * a1}, prices)
    for comp in f1:
        for attr in ("quantity", "value"):
            x1, x2 = float(getattr(f1[comp], attr)), float(getattr(f2[comp], attr))
            scale = abs(x1) + abs(x2) + 1e-300
            assert math.isclose(
                float(getattr(f12[comp], attr)), x1 + x2, rel_tol=1e-9, abs_tol=1e-12 * scale
            )
            assert math.isclose(
                float(getattr(fk[comp], attr)), k * x1, rel_tol=1e-9, abs_tol=1e-12 * abs(k * x1)
            )
        assert float(f1[comp].value) == float(f1[comp].quantity) * float(f1[comp].price)


def test_formulas_broadcast_over_stands():
    area = np.array([1.0, 2.0, 3.0])
    out = F.carbon_sequestration(area, np.array([10.0, 10.0, 10.0]), 0.5, 1200)
    assert out["soil"].value.tolist() == [600.0, 1200.0, 1800.0]
    assert out["soil"].price.shape == (3,)


# --- bad input, at the level of pure functions -------------------------------------------
def stands(**cols) -> pd.DataFrame:
    base = {
        "region_code": ["140100", "140100", "140100"],
        "year": [2020, 2020, 2020],
        "stand_type": ["油松", "落叶松", "侧柏"],
        "area": [120.0, 80.0, 15.5],
        "net_productivity": [6.2, 8.1, 4.4],
        "soil_carbon_sequestration": [0.3, 0.4, 0.2],
        # the reader names a row by its area cell (column E of the template)
        "input_ref": ["in.xlsx!林分!E2", "in.xlsx!林分!E3", "in.xlsx!林分!E4"],
    }
    base.update(cols)
    return pd.DataFrame(base)


def test_good_stands_pass():
    check_stands(stands(), ["carbon_sequestration", "oxygen_release"])


def test_missing_driver_column_names_the_column_and_the_indicator():
    with pytest.raises(StandInputError) as err:
        check_stands(stands(), ["soil_retention"])
    e = err.value
    cols = {p.column for p in e.problems}
    assert cols == {"erosion_without_forest", "erosion_with_forest", "soil_bulk_density"}
    assert e.column == "erosion_without_forest" and e.table == "forest_stands"
    assert "soil_retention" in str(e) and "erosion_without_forest" in str(e)


def test_empty_driver_cell_names_the_stand_row_and_the_column():
    with pytest.raises(StandInputError) as err:
        check_stands(stands(net_productivity=[6.2, np.nan, 4.4]), ["oxygen_release"])
    e = err.value
    assert (e.file, e.sheet, e.row, e.column) == ("in.xlsx", "林分", "3", "net_productivity")
    assert e.cell is None  # the row's reference is its area cell, not this column's
    assert str(e).startswith("in.xlsx!林分 row 3, column 'net_productivity': ")
    assert "oxygen_release" in str(e)


def test_a_driver_no_requested_indicator_needs_may_be_missing():
    check_stands(stands(net_productivity=[6.2, np.nan, 4.4]), ["species_conservation"])


def test_negative_productivity_is_refused_with_row_and_column():
    with pytest.raises(StandInputError) as err:
        check_stands(stands(net_productivity=[6.2, -8.1, 4.4]), ["oxygen_release"])
    e = err.value
    assert (e.sheet, e.row, e.column) == ("林分", "3", "net_productivity")
    assert "-8.1" in str(e)


def test_rows_without_input_ref_are_named_by_their_frame_index():
    with pytest.raises(StandInputError) as err:
        check_stands(stands(net_productivity=[6.2, -8.1, 4.4]).drop(columns="input_ref"), None)
    first = err.value.problems[0]
    assert any(
        p.where == "forest_stands[1]" and p.column == "net_productivity" for p in err.value.problems
    )
    assert first.where.startswith("forest_stands")


@pytest.mark.parametrize(
    ("column", "bad"),
    [("soil_bulk_density", 0.0), ("stand_height", -3.0), ("anion_lifetime", 0.0), ("soil_n", 120.0),
     ("recreation_share", 101.0), ("area", -1.0), ("precipitation", "six hundred")],
)  # fmt: skip
def test_out_of_bounds_values_are_refused(column, bad):
    values = [1.0, 1.0, bad] if column != "area" else [120.0, 80.0, bad]
    with pytest.raises(StandInputError) as err:
        check_stands(stands(**{column: values}), ["oxygen_release"])
    assert [(p.where, p.column) for p in err.value.problems] == [("in.xlsx!林分!E4", column)]
    e = err.value
    if column == "area":  # the row reference is the area cell itself
        assert (e.cell, e.row) == ("E4", None) and str(e).startswith("in.xlsx!林分!E4: ")
    else:
        assert (e.cell, e.row) == (None, "4")
        assert str(e).startswith(f"in.xlsx!林分 row 4, column {column!r}: ")


def test_soil_carbon_may_be_negative():
    check_stands(stands(soil_carbon_sequestration=[0.3, -0.4, 0.2]), ["carbon_sequestration"])


def age_classes(parts: list[float], whole: float = 90.0) -> pd.DataFrame:
    n = len(parts) + 1
    return pd.DataFrame(
        {
            "region_code": ["140100"] * n,
            "year": [2020] * n,
            "stand_type": ["油松"] * n,
            "age_class": [None, "young", "middle_aged", "成熟林"][:n],
            "area": [whole, *parts],
            "net_productivity": [5.0] * n,
        }
    )


def test_age_classes_that_sum_to_the_stand_pass():
    check_stands(age_classes([30.0, 40.0, 20.0]), ["oxygen_release"])
    assert check_age_classes(age_classes([30.0, 40.0, 20.0])) == []


def test_age_classes_that_do_not_sum_to_the_stand_are_refused():
    with pytest.raises(StandInputError) as err:
        check_stands(age_classes([30.0, 40.0, 25.0]), ["oxygen_release"])
    e = err.value
    assert (e.table, e.row, e.column) == ("forest_stands", "0", "area")
    assert str(e).startswith("forest_stands row 0, column 'area': ")
    assert "sum to 95 ha" in str(e) and "gives 90 ha" in str(e)
    assert "age-class rows" in str(e.hint)


def test_age_class_tolerance_is_explicit():
    df = age_classes([30.0, 40.0, 20.004])
    assert check_age_classes(df) != []
    assert check_age_classes(df, atol=0.01) == []


def test_duplicate_stands_and_unknown_age_classes_are_refused():
    df = age_classes([30.0, 40.0, 20.0])
    df.loc[3, "age_class"] = "young"  # the same age class twice
    df = pd.concat([df, df.iloc[[1]].assign(age_class="seedling")], ignore_index=True)
    problems = check_age_classes(df)
    # the repeated "young" row is a duplicate; the parts left (30 + 40 + 30) exceed the 90 ha
    assert [p.column for p in problems] == ["stand_type", "area"]
    with pytest.raises(StandInputError) as err:
        check_stands(df, ["oxygen_release"])
    texts = [str(p) for p in err.value.problems]
    assert any("seedling" in t for t in texts) and any("more than once" in t for t in texts)


def test_missing_prices_are_named_by_indicator_and_price():
    with pytest.raises(MissingPriceError) as err:
        check_prices(["oxygen_release", "carbon_sequestration"], {"oxygen": 1000.0})
    e = err.value
    assert isinstance(e, KeyError)
    assert (e.indicator, e.price, e.missing) == (
        "carbon_sequestration",
        "carbon",
        [("carbon_sequestration", "carbon")],
    )
    assert "'carbon'" in str(e) and "CNY/t_C" in str(e)
    with language_scope("zh"):
        assert "固碳" in str(e) and "需要价格" in str(e)


def test_no_price_is_ever_assumed():
    with pytest.raises(MissingPriceError) as err:
        check_prices(None, {})
    needed = {k for i in INDICATORS.values() for k in i.prices}
    assert {k for _, k in err.value.missing} == needed
    check_prices(None, dict.fromkeys(needed, 1.0))


def test_unknown_indicator_is_refused_with_a_suggestion():
    with pytest.raises(MethodError, match="carbon_sequestration"):
        check_prices(["carbon_sequestation"], {})


def test_errors_pickle_and_render_later_in_the_users_language():
    try:
        check_stands(stands(net_productivity=[6.2, -8.1, 4.4]), ["oxygen_release"])
    except StandInputError as exc:
        back = pickle.loads(pickle.dumps(exc))
    assert (back.row, back.column) == ("3", "net_productivity") and len(back.problems) == 1
    with language_scope("zh"):
        assert "为负" in str(back)
