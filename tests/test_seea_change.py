"""ESV change by transition, EQI, CS, value shares and values per area.

Oracle: 宋永永 et al. 2018 (ChinaXiv 201809.00013): Table 1 unit values × Table 2 areas give its
1995 ESV (4.38 × 10¹⁰ 元); Table 4 (EQI of every class and year) follows exactly from Tables 1
and 2; Table 5 (contribution rates of transitions) follows from Table 3 for 2000–2015 to within
0.02 percentage points (the paper rounds its relative values). Contradictions, documented:
its 2015 ESV (6.24 × 10¹⁰) does not follow from its Tables 1–2 (4.55 × 10¹⁰), and its
1995–2000 rate of 草地→耕地 (−1.77 %) does not follow from the 5,464 km² of Table 3 (−2.18 %);
the 0.4 % by which every other 1995–2000 rate exceeds the matrix's is what a smaller 草地→耕地
cell (about 4,420 km²) in the authors' calculation would cause.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp
from seea_oracles import (
    AREAS,
    CLASSES,
    CONTRIBUTIONS,
    EQI,
    MATRICES,
    UNIT_VALUES,
    land_cover,
    transitions,
)

import geep
import geep.seea as seea
from geep.errors import InputError, PriceYearError
from geep.ledger import COLUMNS, Ledger


def ledger(
    areas_ha: dict[str, float], unit_values: dict[str, float], year: int, region="jsm", skip=()
):
    """One ESV-like line per class: quantity = area [ha], price = unit value [CNY/ha]."""
    rows = [(region, year, k, a, unit_values[k]) for k, a in areas_ha.items() if k not in skip]
    df = pd.DataFrame(rows, columns=["region_code", "year", "ecosystem_type", "quantity", "price"])
    df = df.assign(value=df["quantity"] * df["price"], region_name=None, account="ESV",
                   category="regulating", service="all", indicator="all", quantity_unit="ha",
                   price_unit="CNY/ha", value_unit="CNY", price_year=2015, method="song2018",
                   coefficient="song2018#table1", input_ref="table2")  # fmt: skip
    return Ledger(df[[*COLUMNS, "ecosystem_type"]])


def margins(period):
    m = np.array(MATRICES[period], dtype=float) * 100  # km² → ha
    return dict(zip(CLASSES, m.sum(axis=1), strict=True)), dict(
        zip(CLASSES, m.sum(axis=0), strict=True)
    )


def contributions(period, **kw):
    a, b = margins(period)
    acc = seea.esv_change(ledger(a, UNIT_VALUES, period[0]), ledger(b, UNIT_VALUES, period[1]),
                          transitions(period), **kw)  # fmt: skip
    eff = acc.long[acc.long["item"] == "area_effect"]
    return acc, {
        (f, t): c
        for f, t, c in zip(eff["from_class"], eff["to_class"], eff["contribution"], strict=True)
    }


# --- the published oracle ------------------------------------------------------------------
def test_esv_1995_follows_from_tables_1_and_2_but_2015_does_not():
    areas = {y: dict(zip(CLASSES, np.array(v, float) * 100, strict=True)) for y, v in AREAS.items()}
    esv = {y: ledger(a, UNIT_VALUES, y).total() for y, a in areas.items()}
    assert esv[1995] == pytest.approx(4.38e10, abs=0.005e10)  # printed 4.38 × 10¹⁰
    assert esv[2015] == pytest.approx(4.548e10, rel=1e-3)
    assert abs(esv[2015] - 6.24e10) > 1.5e10  # printed 6.24 × 10¹⁰: a contradiction


@pytest.mark.parametrize("year", list(EQI))
def test_eqi_table_4(year):
    out = seea.eqi(land_cover((year,)), UNIT_VALUES)
    by_class = (
        out[out["ecosystem_type"] != "total"].set_index("ecosystem_type")["eqi"].reindex(CLASSES)
    )
    printed, total = EQI[year]
    np.testing.assert_allclose(by_class.to_numpy(), printed, atol=5e-5 + 1e-12)
    assert out.loc[out["ecosystem_type"] == "total", "eqi"].iloc[0] == pytest.approx(
        total, abs=5e-5
    )
    rel = out.set_index("ecosystem_type")["relative_value"]
    assert rel["水域"] == pytest.approx(0.796, abs=5e-4)  # Table 1, 相对生态价值


def test_eqi_from_a_ledger_and_its_land_cover():
    lc = land_cover((1995,))
    areas = dict(zip(CLASSES, np.array(AREAS[1995], float) * 100, strict=True))
    led = ledger(areas, UNIT_VALUES, 1995, skip=("建设用地",))  # built-up: no value lines
    out = seea.eqi(led, land_cover=lc, zero_value=("建设用地",))
    assert out.iloc[-1]["eqi"] == pytest.approx(EQI[1995][1], abs=5e-5)
    with pytest.raises(InputError, match="建设用地"):
        seea.eqi(led, land_cover=lc, zero_value=())


@pytest.mark.parametrize("period", [(2000, 2005), (2005, 2010), (2010, 2015)])
def test_contribution_rates_table_5(period):
    acc, got = contributions(period)
    for key, printed in CONTRIBUTIONS[period].items():
        assert got[key] == pytest.approx(printed, abs=0.025), key
    assert acc.ok


def test_contribution_rates_1995_2000_contradiction():
    _, got = contributions((1995, 2000))
    printed = CONTRIBUTIONS[(1995, 2000)]
    assert got[("草地", "耕地")] == pytest.approx(-2.18, abs=0.005)
    assert abs(got[("草地", "耕地")] - printed[("草地", "耕地")]) > 0.4
    ratios = [printed[k] / got[k] for k in printed if k != ("草地", "耕地")]
    assert np.median(ratios) == pytest.approx(1.0042, abs=0.001)


def test_area_effect_equals_esv_change_at_constant_unit_values():
    acc, _ = contributions((2005, 2010))
    v = acc.long.groupby("item")["value"].sum()
    assert v["area_effect"] == pytest.approx(v["closing"] - v["opening"], rel=1e-12)
    assert v["price_effect"] == 0.0


# --- decomposition -------------------------------------------------------------------------
def test_price_effect_and_per_type_area_effect_without_a_matrix():
    a = ledger({"forest": 100.0, "grass": 50.0}, {"forest": 10.0, "grass": 2.0}, 2010)
    b = ledger({"forest": 90.0, "grass": 60.0}, {"forest": 12.0, "grass": 2.0}, 2020)
    acc = seea.esv_change(a, b)
    long = acc.long.set_index(["item", "ecosystem_type"])["value"]
    assert long[("area_effect", "forest")] == pytest.approx(-10 * 10.0)
    assert long[("area_effect", "grass")] == pytest.approx(10 * 2.0)
    assert long[("price_effect", "forest")] == pytest.approx(90 * 2.0)
    assert acc.ok and any("not per transition" in str(n) for n in acc.notes)
    mid = seea.esv_change(a, b, weights="midpoint").long.set_index(["item", "ecosystem_type"])[
        "value"
    ]
    assert mid[("area_effect", "forest")] == pytest.approx(-10 * 11.0)
    assert mid[("price_effect", "forest")] == pytest.approx(95 * 2.0)


@st.composite
def pairs(draw):
    k = draw(st.integers(2, 5))
    m = draw(hnp.arrays(np.float64, (k, k), elements=st.one_of(st.just(0.0), st.floats(1, 1e5))))
    va = draw(hnp.arrays(np.float64, k, elements=st.floats(0, 1e5)))
    vb = draw(hnp.arrays(np.float64, k, elements=st.floats(0, 1e5)))
    return m, va, vb


@settings(max_examples=40, deadline=None)
@given(pairs(), st.sampled_from(["opening", "midpoint"]))
def test_decomposition_identity_and_symmetry(data, weights):
    m, va, vb = data
    names = [f"c{i}" for i in range(len(va))]
    a = ledger(
        dict(zip(names, m.sum(axis=1), strict=True)), dict(zip(names, va, strict=True)), 2000
    )
    b = ledger(
        dict(zip(names, m.sum(axis=0), strict=True)), dict(zip(names, vb, strict=True)), 2010
    )
    t = pd.DataFrame([("jsm", 2000, 2010, f, g, m[i, j], "ha") for i, f in enumerate(names)
                      for j, g in enumerate(names)],
                     columns=["region_code", "year_from", "year_to", "from_class", "to_class", "area", "unit"])  # fmt: skip
    fwd = seea.esv_change(a, b, t, weights=weights)
    assert fwd.ok, fwd.failed
    if weights == "midpoint":  # the same change backwards: b's state in 2000, a's in 2010
        b0 = ledger(
            dict(zip(names, m.sum(axis=0), strict=True)), dict(zip(names, vb, strict=True)), 2000
        )
        a1 = ledger(
            dict(zip(names, m.sum(axis=1), strict=True)), dict(zip(names, va, strict=True)), 2010
        )
        back_t = t.rename(columns={"from_class": "to_class", "to_class": "from_class"})
        back = seea.esv_change(b0, a1, back_t, weights="midpoint")
        s_f = fwd.long.groupby("item")["value"].sum()
        s_b = back.long.groupby("item")["value"].sum()
        scale = max(1.0, float(np.abs(fwd.long["value"]).sum()))
        assert abs(s_f["area_effect"] + s_b["area_effect"]) <= 1e-9 * scale
        assert abs(s_f["price_effect"] + s_b["price_effect"]) <= 1e-9 * scale


def test_esv_change_on_geep_ledgers_with_built_up():
    lc = pd.DataFrame({"region_code": "r1", "year": [2000] * 3 + [2010] * 3,
                       "land_class": ["farmland.dryland", "forest.broadleaf", "built_up"] * 2,
                       "area": [100.0, 50.0, 5.0, 90.0, 58.0, 7.0], "unit": "ha"})  # fmt: skip
    a, b = geep.esv(lc[lc["year"] == 2000]), geep.esv(lc[lc["year"] == 2010])
    t = pd.DataFrame({"region_code": "r1", "year_from": 2000, "year_to": 2010,
                      "from_class": ["farmland.dryland"] * 3 + ["forest.broadleaf", "built_up"],
                      "to_class": ["farmland.dryland", "forest.broadleaf", "built_up",
                                   "forest.broadleaf", "built_up"],
                      "area": [90.0, 8.0, 2.0, 50.0, 5.0], "unit": "ha"})  # fmt: skip
    acc = seea.esv_change(a, b, t)
    eff = acc.long[acc.long["item"] == "area_effect"].set_index("to_class")
    per_ha = a.lines.groupby("ecosystem_type", observed=True)["price"].sum()
    assert eff.loc["built_up", "value"] == pytest.approx(-2 * per_ha["farmland.dryland"])
    assert acc.ok
    with pytest.raises(InputError, match="zero_value"):
        seea.esv_change(a, b, t, zero_value=())


# --- bad input -----------------------------------------------------------------------------
def test_margins_that_disagree_with_the_ledgers():
    period = (1995, 2000)
    areas_b = dict(zip(CLASSES, np.array(AREAS[2000], float) * 100, strict=True))  # Table 2
    a, _ = margins(period)
    with pytest.raises(InputError) as exc:
        seea.esv_change(
            ledger(a, UNIT_VALUES, 1995), ledger(areas_b, UNIT_VALUES, 2000), transitions(period)
        )
    msg = str(exc.value)
    assert "column sums (closing)" in msg and "ledger b" in msg and "水域" in msg


def test_bad_ledgers_for_a_change_analysis():
    a = ledger({"x": 1.0}, {"x": 1.0}, 2000)
    both = Ledger.concat([a, ledger({"x": 2.0}, {"x": 1.0}, 2010)])
    with pytest.raises(InputError, match="one year"):
        seea.esv_change(both, a)
    with pytest.raises(InputError, match="both ledgers are for 2000"):
        seea.esv_change(a, a)
    with pytest.raises(InputError, match="different regions"):
        seea.esv_change(a, ledger({"x": 1.0}, {"x": 1.0}, 2010, region="other"))
    other = ledger({"x": 2.0}, {"x": 1.0}, 2010).lines.assign(price_year=2020)
    with pytest.raises(PriceYearError):
        seea.esv_change(a, Ledger(other))
    with pytest.raises(InputError, match="weights"):
        seea.esv_change(a, ledger({"x": 2.0}, {"x": 1.0}, 2010), weights="chained")


# --- CS, shares, values per area -------------------------------------------------------------
def test_cs_equals_the_value_share_for_a_linear_total():
    lc = pd.DataFrame({"region_code": "r", "year": 2020,
                       "land_class": ["farmland.paddy", "forest.broadleaf", "water"],
                       "area": [100.0, 40.0, 5.0], "unit": "ha"})  # fmt: skip
    led = geep.esv(lc)
    cs = seea.cs_index(led)
    shares = seea.value_shares(led).set_index("ecosystem_type")["share"]
    np.testing.assert_allclose(cs.set_index("ecosystem_type")["cs_up"], shares, rtol=1e-12)
    np.testing.assert_allclose(cs["cs_up"], cs["cs_down"], rtol=1e-12)
    np.testing.assert_allclose(seea.cs_index(led, step=0.1)["cs_up"], cs["cs_up"], rtol=1e-12)
    assert shares.sum() == pytest.approx(1.0)
    by_service = seea.value_shares(led, by="service")
    assert set(by_service["flags"]) == {"mixed_sign"}  # paddy water supply is negative
    with pytest.raises(InputError, match="step"):
        seea.cs_index(led, step=50)


def test_values_per_area():
    lc = pd.DataFrame({"region_code": "r", "year": 2020,
                       "land_class": ["farmland.dryland", "forest.broadleaf", "built_up"],
                       "area": [100.0, 40.0, 60.0], "unit": "ha"})  # fmt: skip
    led = geep.esv(lc)
    per = seea.per_area(led).set_index("ecosystem_type")
    prices = led.lines.groupby("ecosystem_type", observed=True)["price"].sum()
    assert per.loc["forest.broadleaf", "value_per_area"] == pytest.approx(
        prices["forest.broadleaf"]
    )
    region = seea.per_area(led, lc, by=None).iloc[0]
    assert region["area"] == 200.0 and region["value_per_area"] == pytest.approx(led.total() / 200)
    assert seea.per_area(led, by=None).iloc[0]["flags"] == "valued_classes_only"
