"""Condition accounts (variables → indicators → index) and supply and use tables."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import geep
import geep.seea as seea
from geep.errors import InputError


def _condition_inputs():
    ind = pd.DataFrame({
        "region_code": "r1", "year": [2015] * 4 + [2020] * 4,
        "ecosystem_type": ["forest", "forest", "forest", "wetland"] * 2,
        "variable": ["ndvi", "soil_carbon", "no3", "no3"] * 2,
        "value": [0.60, 40.0, 2.0, 1.5, 0.65, 42.0, 3.0, 0.2],
        "unit": ["1", "t/ha", "mg/L", "mg/L"] * 2,
    })  # fmt: skip
    ref = pd.DataFrame({
        "ecosystem_type": ["forest", "forest", "forest", "wetland"],
        "variable": ["ndvi", "soil_carbon", "no3", "no3"],
        "upper": [0.9, 6000.0, 0.5, 1.0],  # soil carbon reference in t/km2 (converted)
        "lower": [0.2, 1000.0, 10.0, 5.0],  # nitrate: less is better, upper < lower
        "unit": ["1", "t/km2", "mg/L", "mg/L"],
        "ect_class": ["B3", "a2", "A2", "A2"],
    })  # fmt: skip
    return ind, ref


def test_rescaling_direction_units_and_capping():
    ind, ref = _condition_inputs()
    acc = seea.condition_account(ind, ref)
    long = acc.long[acc.long["stage"] == "indicator"].set_index(
        ["year", "ecosystem_type", "variable"]
    )
    assert long.loc[(2015, "forest", "ndvi"), "value"] == pytest.approx((0.60 - 0.2) / 0.7)
    assert long.loc[(2015, "forest", "soil_carbon"), "value"] == pytest.approx(
        (40 - 10) / (60 - 10)
    )
    assert long.loc[(2015, "forest", "no3"), "value"] == pytest.approx((2 - 10) / (0.5 - 10))
    assert (
        long.loc[(2020, "wetland", "no3"), "value"] == 1.0
    )  # 0.2 mg/L is better than the reference
    assert long.loc[(2020, "wetland", "no3"), "flags"] == "capped_at_1"
    idx = acc.layout("5.4").set_index("row_code")
    forest = np.mean([(0.60 - 0.2) / 0.7, 30 / 50, 8 / 9.5])
    assert idx.loc["index|opening", "forest"] == pytest.approx(forest)
    assert list(acc.layout("5.4").columns[-3:-1]) == ["forest", "wetland"]  # no cross-type total
    assert acc.ok and set(acc.tables) == {"5.2", "5.3", "5.4"}


def test_ect_coverage_is_recorded():
    ind, ref = _condition_inputs()
    acc = seea.condition_account(ind, ref)
    cov = acc.metadata["5.4"]["ect_coverage"]
    assert cov["forest"]["populated"] == ["A2", "B3"] and "C1" in cov["forest"]["missing"]
    assert cov["wetland"]["populated"] == ["A2"]
    assert any("wetland" in str(n) and "B3" in str(n) for n in acc.notes)
    assert any("never averaged" in str(n) for n in acc.notes)


def test_a_missing_variable_is_an_error_unless_allowed():
    ind, ref = _condition_inputs()
    short = ind.drop(index=[5])  # forest soil carbon not measured in 2020
    with pytest.raises(InputError, match="silently reweight"):
        seea.condition_account(short, ref)
    acc = seea.condition_account(short, ref, allow_incomplete=True)
    flags = acc.long[(acc.long["stage"] == "index") & (acc.long["year"] == 2020)].set_index(
        "ecosystem_type"
    )
    assert flags.loc["forest", "flags"] == "incomplete" and flags.loc["wetland", "flags"] == ""


@pytest.mark.parametrize(
    ("change", "match"),
    [
        (lambda ind, ref: (ind, ref.drop(index=[3])), "no reference levels"),
        (lambda ind, ref: (ind, ref.assign(ect_class="Z9")), "ECT class"),
        (lambda ind, ref: (ind, ref.assign(lower=ref["upper"])), "equal"),
        (lambda ind, ref: (ind, ref.drop(columns="unit")), "units in both tables"),
        (lambda ind, ref: (ind, ref.assign(unit="kg")), "cannot|dimension|unit"),
        (lambda ind, ref: (ind[ind["year"] == 2015], ref), "two or more years"),
    ],
)
def test_bad_condition_inputs(change, match):
    ind, ref = change(*_condition_inputs())
    with pytest.raises((InputError, ValueError), match=match):
        seea.condition_account(ind, ref)


def test_condition_round_trip(tmp_path):
    acc = seea.condition_account(*_condition_inputs())
    back = seea.read_cube(acc.to_csv(tmp_path / "c.csv"))
    for t in acc.tables:
        pd.testing.assert_frame_equal(back.layout(t), acc.layout(t))
    assert back.ok


# --- supply and use ---------------------------------------------------------------------------
def _gep():
    q = pd.DataFrame({
        "region_code": "r1", "year": 2020,
        "indicator": ["soil_retention", "water_conservation", "water_supply.domestic"],
        "quantity": [1000.0, 5000.0, 300.0], "unit": ["t", "m3", "m3"],
    })  # fmt: skip
    return geep.gep(q)


BEN = pd.DataFrame({
    "service": ["soil_retention", "water_conservation", "water_conservation", "water_supply"],
    "beneficiary": ["government", "households", "industries", "households"],
    "share": [1.0, 0.4, 0.6, 1.0],
})  # fmt: skip


def test_supply_equals_use_per_service():
    acc = seea.supply_use(_gep(), BEN)
    assert set(acc.tables) == {"7.1a", "7.1b", "9.1a", "9.1b"} and acc.ok
    use = acc.layout("9.1b").set_index("row_code")
    sup = acc.layout("9.1a").set_index("row_code")
    assert use.loc["water_conservation", "households"] == pytest.approx(
        0.4 * sup.loc["water_conservation", "total"]
    )
    assert use.loc["total", "total"] == pytest.approx(_gep().total())
    checks = acc.checks[acc.checks["table"] == "9.1a/9.1b"]
    assert set(checks["column_code"]) >= {
        "soil_retention",
        "water_conservation",
        "total",
        "total.final",
    }
    phys = acc.layout("7.1a").set_index("indicator")
    assert phys.loc["water_conservation", "unit"] == "m**3"
    assert acc.metadata["9.1a"]["value_concept"] == "exchange"


def test_shares_must_sum_to_one_and_cover_every_service():
    with pytest.raises(InputError, match=r"sum to 0\.9") as exc:
        seea.supply_use(_gep(), BEN.assign(share=[1.0, 0.3, 0.6, 1.0]))
    assert "water_conservation" in str(exc.value)
    with pytest.raises(InputError, match="no shares for service") as exc:
        seea.supply_use(_gep(), BEN[BEN["service"] != "water_supply"])
    assert "water_supply" in str(exc.value)
    with pytest.raises(InputError, match="negative"):
        seea.supply_use(_gep(), BEN.assign(share=[1.0, -0.4, 1.4, 1.0]))


def test_welfare_values_go_to_complementary_tables_and_supporting_is_intermediate():
    lc = pd.DataFrame({"region_code": "r", "year": 2020, "land_class": ["forest.broadleaf", "water"],
                       "area": [40.0, 5.0], "unit": "ha"})  # fmt: skip
    acc = seea.supply_use(geep.esv(lc))
    assert acc.tables == ["9.1a-w"]
    lay = acc.layout("9.1a-w").set_index("row_code")
    assert lay.loc["biodiversity", "flags"] == "intermediate"
    final = (
        lay.loc["total", "total"]
        - lay.loc[["biodiversity", "nutrient_cycling", "soil_conservation"], "total"].sum()
    )
    assert lay.loc["total.final", "total"] == pytest.approx(final)
    assert any("complementary" in str(n) for n in acc.notes)
    assert lay.loc["biodiversity", "label_zh"] == "生物多样性"


def test_attribution_splits_a_gep_ledger_onto_types():
    att = pd.DataFrame({
        "service": ["soil_retention", "soil_retention", "water_conservation", "water_supply"],
        "ecosystem_type": ["forest", "grassland", "forest", "water"],
        "share": [0.7, 0.3, 1.0, 1.0],
    })  # fmt: skip
    acc = seea.supply_use(_gep(), BEN, attribution=att)
    sup = acc.layout("9.1a").set_index("row_code")
    assert sup.loc["soil_retention", "forest"] == pytest.approx(
        0.7 * sup.loc["soil_retention", "total"]
    )
    assert acc.ok
