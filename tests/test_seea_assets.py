"""Asset values and the monetary asset account (SEEA EA Table 10.1).

Oracle: 博文静 et al. 2017 (ChinaXiv 201706.00846) value China's forest ecosystem services of
2010, 19.10 万亿元/a (§2.2), over 100 years at 2.77 % with the annuity-due formula (3),
FIV = Σ_{i=1..n} F / (1 + r)^(i−1), and print 662 万亿元. The same paper contradicts itself:
its Table 2 totals 6,910,325.7 亿元 of indirect value (691 万亿元, also the abstract), which is
what 19.92 万亿元/a — the flow its Discussion gives — produces; 19.10 produces 662.52.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import geep
import geep.seea as seea
from geep.errors import InputError, PriceYearError
from geep.ledger import COLUMNS, Ledger

R, N = 0.0277, 100


# --- the published oracle ------------------------------------------------------------------
def test_bo_2017_national_forest_assets_both_conventions():
    assert seea.asset_value(19.10, R, N, timing="beginning") == pytest.approx(662.52, abs=0.005)
    assert seea.asset_value(19.10, R, N, timing="end") == pytest.approx(644.66, abs=0.005)
    # the paper prints "662万亿元": 662.52 truncated, not rounded
    assert int(seea.asset_value(19.10, R, N, timing="beginning")) == 662


def test_bo_2017_table_2_total_follows_from_the_discussion_flow_not_from_section_2_2():
    table_total = 6_910_325.7 / 1e4  # 亿元 → 万亿元
    from_discussion = seea.asset_value(19.92, R, N, timing="beginning")
    # 19.92 is printed to 0.01 万亿元/a: ±0.005 × 34.69 = ±0.17 万亿元 of asset value
    assert from_discussion == pytest.approx(
        table_total, abs=0.005 * seea.annuity_factor(R, N, "beginning")
    )
    assert abs(seea.asset_value(19.10, R, N, timing="beginning") - table_total) > 25


def test_bo_2017_shanxi_row():
    """Shanxi, Table 2: indirect 59,351.1, direct 373.4 (all stumpage: a stock, not the NPV of a
    flow), total 59,724.5 亿元. The paper prints no provincial flows; under its convention the
    indirect value implies 1,711.0 亿元/a, worth 59,351.1 / 1.0277 = 57,751.4 亿元 with the SEEA
    end-of-year convention."""
    indirect, direct, total = 59_351.1, 373.4, 59_724.5
    assert indirect + direct == pytest.approx(total, abs=0.05)
    flow = indirect / seea.annuity_factor(R, N, "beginning")
    assert flow == pytest.approx(1711.0, abs=0.05)
    assert seea.asset_value(flow, R, N, timing="end") == pytest.approx(57_751.4, abs=0.05)


# --- discounting ---------------------------------------------------------------------------
def test_annuity_factor_closed_forms():
    assert seea.annuity_factor(0.02, 100, "end") == pytest.approx(
        (1 - 1.02**-100) / 0.02, rel=1e-13
    )
    assert seea.annuity_factor(0.02, 100, "beginning") == pytest.approx(
        1.02 * (1 - 1.02**-100) / 0.02, rel=1e-13
    )
    assert seea.annuity_factor(0.0, 30, "end") == 30.0
    d = seea.discount_factors(0.05, 3, "beginning")
    np.testing.assert_allclose(d, [1.0, 1 / 1.05, 1 / 1.05**2], rtol=1e-15)


def test_declining_rate_schedule():
    steps = {1: 0.035, 31: 0.03, 76: 0.025}
    rates = np.r_[np.full(30, 0.035), np.full(45, 0.03), np.full(25, 0.025)]
    expected = sum(1 / np.prod(1 + rates[:t]) for t in range(1, 101))
    assert seea.annuity_factor(steps, 100) == pytest.approx(expected, rel=1e-13)
    assert seea.annuity_factor(list(rates), 100) == pytest.approx(expected, rel=1e-13)


def test_flow_projection():
    flows = [10.0] * 20
    assert seea.asset_value(flows=flows, discount_rate=0.03) == pytest.approx(
        seea.asset_value(10.0, 0.03, 20)
    )
    two = seea.asset_value(flows=np.array([flows, [20.0] * 20]), discount_rate=0.03)
    np.testing.assert_allclose(two, np.array([1, 2]) * seea.asset_value(10.0, 0.03, 20), rtol=1e-13)
    vector = seea.asset_value(np.array([1.0, 2.0, 3.0]), 0.03, 20)
    assert vector.shape == (3,)


@settings(max_examples=60, deadline=None)
@given(st.floats(-0.5, 0.99), st.integers(1, 300), st.floats(-1e9, 1e9))
def test_beginning_is_end_times_one_plus_r(r, n, v):
    end = seea.asset_value(v, r, n, timing="end")
    beginning = seea.asset_value(v, r, n, timing="beginning")
    assert beginning == pytest.approx(end * (1 + r), rel=1e-9, abs=1e-6)


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"discount_rate": 2.77}, "looks like a percentage"),
        ({"discount_rate": 1.0}, "looks like a percentage"),
        ({"discount_rate": -1.0}, "≤ −1"),
        ({"discount_rate": float("nan")}, "not a number"),
        ({"discount_rate": "2%"}, "not a number"),
        ({"asset_life": 0}, "whole number of years"),
        ({"asset_life": -5}, "whole number of years"),
        ({"asset_life": 10.5}, "whole number of years"),
        ({"asset_life": True}, "whole number of years"),
        ({"timing": "middle"}, "'end' or 'beginning'"),
        ({"discount_rate": [0.02, 0.03]}, "one rate per year"),
        ({"discount_rate": {2: 0.03}}, "starting at 1"),
    ],
)
def test_bad_rates_and_lives(kwargs, match):
    args = {
        "annual_value": 100.0,
        "discount_rate": 0.02,
        "asset_life": 50,
        "timing": "end",
    } | kwargs
    with pytest.raises(InputError, match=match) as exc:
        seea.asset_value(**args)
    assert exc.value.hint


def test_the_percentage_hint_gives_the_fraction():
    with pytest.raises(InputError) as exc:
        seea.asset_value(19.10, 2.77, 100)
    assert "0.0277" in exc.value.hint


# --- the asset account -----------------------------------------------------------------------
def _lines(rows):
    """A ledger from (region, year, type, service, quantity, quantity_unit, price)."""
    df = pd.DataFrame(rows, columns=["region_code", "year", "ecosystem_type", "service", "quantity",
                                     "quantity_unit", "price"])  # fmt: skip
    df["value"] = df["quantity"] * df["price"]
    df = df.assign(region_name=None, account="GEP", category="regulating", indicator=df["service"],
                   price_unit="CNY/t", value_unit="CNY", price_year=2020, method="test",
                   coefficient="test@1#x", input_ref="frame")  # fmt: skip
    return Ledger(df[[*COLUMNS, "ecosystem_type"]])


def _esv_pair():
    lc = pd.DataFrame({
        "region_code": "r1", "year": [2015] * 3 + [2020] * 3,
        "land_class": ["farmland.dryland", "forest.broadleaf", "water"] * 2,
        "area": [100.0, 50.0, 10.0, 90.0, 60.0, 10.0], "unit": "ha",
    })  # fmt: skip
    return geep.esv(lc), lc


def test_conversions_are_area_change_times_unit_asset_value():
    ledger, _lc = _esv_pair()
    acc = seea.asset_account(ledger, discount_rate=0.02, asset_life=100)
    f = seea.annuity_factor(0.02, 100)
    per_ha = (
        ledger.lines[ledger.lines["year"] == 2015]
        .groupby("ecosystem_type", observed=True)["price"]
        .sum()
    )
    long = acc.long.set_index(["ecosystem_type", "item"])["value"]
    assert long[("forest.broadleaf", "conversions")] == pytest.approx(
        10 * per_ha["forest.broadleaf"] * f, rel=1e-12
    )
    assert long[("farmland.dryland", "conversions")] == pytest.approx(
        -10 * per_ha["farmland.dryland"] * f, rel=1e-12
    )
    for item in ("enhancement", "degradation", "revaluation", "other_changes"):
        assert long.xs(item, level="item").abs().max() == 0.0
    assert acc.ok and set(acc.tables) == {"10.1", "10.1-v"}
    assert acc.metadata["10.1"]["timing"] == "end" and acc.metadata["10.1"]["asset_life"] == 100
    assert any("held constant in real terms" in str(n) for n in acc.notes)
    assert any("welfare values" in str(n) for n in acc.notes)  # an ESV ledger is a value transfer


def test_condition_and_price_changes():
    led = _lines([
        ("r", 2015, "forest", "soil", 100.0, "t", 5.0), ("r", 2020, "forest", "soil", 80.0, "t", 6.0),
        ("r", 2015, "forest", "water", 10.0, "t", 1.0), ("r", 2020, "forest", "water", 12.0, "t", 1.0),
    ])  # fmt: skip
    lc = pd.DataFrame({"region_code": "r", "year": [2015, 2020], "land_class": "forest",
                       "area": [50.0, 50.0], "unit": "ha"})  # fmt: skip
    acc = seea.asset_account(led, discount_rate=0.03, asset_life=40, land_cover=lc)
    f = seea.annuity_factor(0.03, 40)
    v = acc.long.set_index("item")["value"]
    assert v["degradation"] == pytest.approx(-20 * 5.0 * f)  # soil per ha fell
    assert v["enhancement"] == pytest.approx(2 * 1.0 * f)  # water per ha rose
    assert v["revaluation"] == pytest.approx(
        80 * 1.0 * f
    )  # soil price 5 → 6 on the closing quantity
    assert v["conversions"] == 0.0 and acc.ok


def test_other_changes_are_taken_out_of_degradation():
    led = _lines(
        [
            ("r", 2015, "forest", "soil", 100.0, "t", 5.0),
            ("r", 2020, "forest", "soil", 60.0, "t", 5.0),
        ]
    )
    lc = pd.DataFrame(
        {
            "region_code": "r",
            "year": [2015, 2020],
            "land_class": "forest",
            "area": 50.0,
            "unit": "ha",
        }
    )
    f = seea.annuity_factor(0.03, 40)
    fire = pd.DataFrame({"region_code": ["r"], "ecosystem_type": ["forest"], "year_from": [2015],
                         "year_to": [2020], "value": [-50 * f]})  # fmt: skip
    acc = seea.asset_account(
        led, discount_rate=0.03, asset_life=40, land_cover=lc, other_changes=fire
    )
    v = acc.long.set_index("item")["value"]
    assert v["other_changes"] == pytest.approx(-50 * f)
    assert v["degradation"] == pytest.approx(-150 * f)
    assert acc.ok
    with pytest.raises(InputError, match="exceed"):
        seea.asset_account(led, discount_rate=0.03, asset_life=40, land_cover=lc,
                           other_changes=fire.assign(value=-1e12))  # fmt: skip


def test_without_areas_conversions_are_not_separated():
    q = pd.DataFrame({"region_code": "r", "year": [2015, 2020], "indicator": "water_conservation",
                      "quantity": [1000.0, 1200.0], "unit": "m3"})  # fmt: skip
    acc = seea.asset_account(geep.gep(q), discount_rate=0.02, asset_life=50)
    v = acc.long.set_index("item")["value"]
    assert v["conversions"] == 0.0 and v["enhancement"] > 0
    assert any("conversions cannot be told" in str(n) for n in acc.notes)
    assert acc.metadata["10.1"]["conversions"].startswith("not separated")
    assert acc.status == "provisional"  # the cn-gep-2020 profile is provisional


def test_timing_and_flow_projection_scale_the_account():
    ledger, _ = _esv_pair()
    end = seea.asset_account(ledger, discount_rate=0.02, asset_life=100).long
    beg = seea.asset_account(ledger, discount_rate=0.02, asset_life=100, timing="beginning").long
    np.testing.assert_allclose(beg["value"], end["value"] * 1.02, rtol=1e-12, atol=1e-6)
    flat = seea.asset_account(ledger, discount_rate=0.02, asset_life=100, flows=[1.0] * 100).long
    np.testing.assert_allclose(flat["value"], end["value"], rtol=1e-12, atol=1e-6)
    half = seea.asset_account(ledger, discount_rate=0.02, asset_life=100, flows=[0.5] * 100).long
    np.testing.assert_allclose(half["value"], end["value"] / 2, rtol=1e-12, atol=1e-6)


@st.composite
def ledgers(draw):
    n_types = draw(st.integers(1, 4))
    years = sorted(draw(st.sets(st.integers(2000, 2030), min_size=2, max_size=4)))
    rows, areas = [], []
    for y in years:
        for k in range(n_types):
            area = draw(st.one_of(st.just(0.0), st.floats(0.01, 1e5)))
            areas.append(("r", y, f"t{k}", area, "ha"))
            for s in range(draw(st.integers(1, 3))):
                q = draw(st.floats(0, 1e6))
                p = draw(st.floats(-50, 500))
                rows.append(("r", y, f"t{k}", f"s{s}", q, "t", p))
    lc = pd.DataFrame(areas, columns=["region_code", "year", "land_class", "area", "unit"])
    return _lines(rows), lc


@settings(max_examples=40, deadline=None)
@given(ledgers(), st.floats(-0.02, 0.2), st.integers(1, 200))
def test_random_flows_satisfy_the_asset_identity(data, r, n):
    ledger, lc = data
    acc = seea.asset_account(ledger, discount_rate=r, asset_life=n, land_cover=lc)
    assert acc.ok, acc.failed
    long = acc.long.pivot_table(
        index=["year_from", "ecosystem_type"], columns="item", values="value"
    )
    assert (long["enhancement"] >= 0).all() and (long["degradation"] <= 0).all()


# --- bad input -----------------------------------------------------------------------------
def test_a_single_year_ledger_is_refused():
    _ledger, lc = _esv_pair()
    one = geep.esv(lc[lc["year"] == 2015])
    with pytest.raises(InputError, match="two or more years") as exc:
        seea.asset_account(one, discount_rate=0.02, asset_life=100)
    assert "asset_value" in exc.value.hint


def test_mixed_price_years_are_refused():
    led = _lines(
        [
            ("r", 2015, "forest", "soil", 100.0, "t", 5.0),
            ("r", 2020, "forest", "soil", 60.0, "t", 5.0),
        ]
    )
    lines = led.lines
    lines.loc[lines["year"] == 2020, "price_year"] = 2021
    with pytest.raises(PriceYearError, match="price years"):
        seea.asset_account(Ledger(lines), discount_rate=0.02, asset_life=10)


def test_the_asset_account_refuses_bad_rates_and_lives():
    ledger, _ = _esv_pair()
    with pytest.raises(InputError, match="percentage"):
        seea.asset_account(ledger, discount_rate=2, asset_life=100)
    with pytest.raises(InputError, match="whole number"):
        seea.asset_account(ledger, discount_rate=0.02, asset_life=0)
    with pytest.raises(InputError, match="geep Ledger"):
        seea.asset_account(ledger.lines, discount_rate=0.02, asset_life=10)


def test_asset_workbook_round_trip(tmp_path):
    ledger, _ = _esv_pair()
    acc = seea.asset_account(ledger, discount_rate=0.02, asset_life=100)
    back = seea.read_account(acc.to_excel(tmp_path / "a.xlsx"))
    for table in acc.tables:
        pd.testing.assert_frame_equal(back.layout(table), acc.layout(table))
    assert back.ok and back.metadata["10.1"]["discount_rate"] == 0.02
