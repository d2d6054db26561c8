"""Rule primitives of geep.compensation.rules, against published figures and hand computation.

Sources (compensation.md): S4 Shanxi 2013 tiers, S11 Jincheng multiple, S16/S17 Hebei and
Baoding multiples, S18 Zhoukou continuous tier, S84 / TC-5 load rule, S26 Chishui pool,
S40 / S62 / S93 shares, S6 / S77 class step and index change.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from geep.compensation import rules as R

SHANXI_EDGES = [0, 0.5, 1.0, 5.0, 10.0]  # S4: <=0.5, 0.5-1 (incl.), 1-5, 5-10, >10


def test_exceedance_multiple_reproduces_reported_multiples():
    # Hebei TC-2: COD 0.375x at a class III section (limit 20 mg/L) means C = 27.5 mg/L
    assert R.exceedance_multiple(27.5, 20.0)[()] == pytest.approx(0.375, abs=1e-12)
    # Baoding: NH3-N 0.48x at class III (1.0 mg/L) means 1.48 mg/L
    assert R.exceedance_multiple(1.48, 1.0)[()] == pytest.approx(0.48, abs=1e-12)
    # dissolved oxygen is a minimum: 4 mg/L against class III (5) is 0.2x below
    assert R.exceedance_multiple(4.0, 5.0, "min")[()] == pytest.approx(0.2)
    assert R.exceedance_multiple(6.0, 5.0, "min")[()] < 0


def test_band_edges_are_inclusive_on_the_right_as_in_s4():
    x = [-0.1, 0.0, 0.5, 0.5000001, 1.0, 5.0, 5.01, 10.0, 10.5, np.nan]
    assert R.band_of(x, SHANXI_EDGES).tolist() == [-1, -1, 0, 1, 1, 2, 3, 3, 4, -2]
    # left-closed variant: [0.5, 1) is band 1
    assert R.band_of([0.5, 1.0], SHANXI_EDGES, closed="left").tolist() == [1, 2]
    with pytest.raises(ValueError):
        R.band_of([1.0], [0, 1, 1])


def test_tier_amounts_and_unknown_tiers():
    amounts = [50, None, None, None, 300]  # only the published ends of S4
    amt, band = R.tier_by_exceedance([0.2, 0.7, 12.0, 0.0], SHANXI_EDGES, amounts)
    assert amt[0] == 50 and amt[2] == 300 and amt[3] == 0
    assert math.isnan(amt[1])  # an unpublished tier is NaN so the engine can refuse it
    assert band.tolist() == [0, 1, 4, -1]


def test_continuous_tier_zhoukou_hand_computed():
    # S18: 0.1<x<=0.5: 10万(1+x); 0.5<x<=1: 25万(1+x); 1<x<=1.5: 50万(1+x); 1.5<x<=2: 100万(1+x); x>2: 200万(1+x)
    edges, bases = [0.1, 0.5, 1.0, 1.5, 2.0], [10, 25, 50, 100, 200]
    amt, band = R.continuous_tier([0.05, 0.3, 0.8, 1.2, 1.5, 2.5], edges, bases)
    # x = 1.5 is in (1, 1.5] (upper edge inclusive): 50 × 2.5 = 125
    assert amt.tolist() == pytest.approx([0, 13.0, 45.0, 110.0, 125.0, 700.0])
    assert band.tolist() == [-1, 0, 1, 2, 2, 4]


def test_water_class_from_gb3838_limits():
    nh3n = np.array([[0.15, 0.5, 1.0, 1.5, 2.0]] * 5)
    got = R.water_class_of([0.1, 0.5, 1.2, 2.0, 2.01], nh3n)
    assert got.tolist() == [1, 2, 4, 5, 6]
    do = np.array([[7.5, 6, 5, 3, 2]] * 2)
    assert R.water_class_of([8.0, 4.0], do, "min").tolist() == [1, 4]


def test_class_step_yu_lu_and_yu_jin_shan():
    # 豫鲁 (S6): base III, 6,000万 per class; class II -> downstream pays 6,000 (negative)
    assert R.class_step([2, 3, 5], 3, 6000, 6000).tolist() == [-6000, 0, 12000]
    # 豫晋陕 (S77): base II; class I -> Henan pays 6,000; class IV -> upstream pays 12,000
    assert R.class_step([1, 2, 4], 2, 6000, 6000).tolist() == [-6000, 0, 12000]


def test_index_change_relative_absolute_and_whole_points():
    ch, amt = R.index_change([0.97, 1.05], [1.0, 1.0], 100)
    assert ch.tolist() == pytest.approx([-3.0, 5.0])
    assert amt.tolist() == pytest.approx([-300.0, 500.0])
    ch, amt = R.index_change([42.5], [40.0], 5, mode="absolute", whole_points=True)
    assert ch[0] == pytest.approx(2.5) and amt[0] == pytest.approx(10.0)
    _, amt = R.index_change([1.0], [np.nan], 5)
    assert np.isnan(amt[0])


def test_load_based_tc5():
    # TC-5: NH3-N 1.3 vs target 1.0 mg/L, Q = 10e6 m3 -> 3 t -> 30万 at 10万/t
    load, amt = R.load_based([1.3, 0.9], [1.0, 1.0], [10e6, 10e6], [10.0, 10.0])
    assert load.tolist() == pytest.approx([3.0, 0.0])
    assert amt.tolist() == pytest.approx([30.0, 0.0])


def test_netting_modes():
    value, control, limit = [1.4, 1.4, 1.4, 0.8], [1.5, 1.2, np.nan, 2.0], [1.0] * 4
    eff, hit = R.net_upstream(value, control, limit, "exempt_if_not_worse")
    assert hit.tolist() == [True, False, False, False]
    assert eff.tolist() == pytest.approx([1.0, 1.4, 1.4, 0.8])
    eff, hit = R.net_upstream(value, control, limit, "subtract_inflow")
    # inflow excess 0.5 / 0.2 subtracted; never below the limit, never above the observation
    assert eff.tolist() == pytest.approx([1.0, 1.2, 1.4, 0.8])
    assert hit.tolist() == [True, True, False, False]


def test_caps():
    capped, flag = R.apply_cap([240.0, -250.0, 150.0], 200.0)
    assert capped.tolist() == [200.0, -200.0, 150.0] and flag.tolist() == [True, True, False]
    amt = pd.Series([3000.0, 2000.0, 500.0])
    new, flag = R.apply_group_cap(amt, [pd.Series(["a", "a", "b"])], 4000.0)
    assert new.tolist() == pytest.approx([2400.0, 1600.0, 500.0]) and flag.tolist() == [
        True,
        True,
        False,
    ]


def test_runs_of_compliant_months_and_maintenance_reward():
    # Jan-Apr compliant, May not, Jun-Aug compliant, Sep missing (gap), Oct-Dec compliant
    months = [1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12]
    ok = [1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1]
    pos = R.run_position(pd.Series(ok), pd.Series(["S"] * 11), pd.Series(months))
    assert pos.tolist() == [1, 2, 3, 4, 0, 1, 2, 3, 1, 2, 3]
    assert R.maintenance_reward(pos, 3, 10.0).sum() == 30.0  # S4: 10万 per 3 months


def test_improvement_reward_s4():
    amt, kind = R.improvement_reward(
        [1, 1, 1, 0], [0, 1, 1, 0], [3, 2, 3, 5], [5, 3, 3, 4], 100, 50
    )
    assert amt.tolist() == [100, 50, 0, 0]
    assert kind.tolist() == ["to_compliant", "cross_class", "", ""]


def test_compliance_rate_excludes_unassessed_periods():
    comp = pd.Series([True, True, False, True, False])
    valid = pd.Series([True, True, True, True, False])  # last month missing: not in the denominator
    r = R.compliance_rate(comp, valid, [pd.Series(["S"] * 5)])
    assert r["rate"].iloc[0] == pytest.approx(0.75) and r["n_valid"].iloc[0] == 4
    # S33 2018 target 75 %: met (>=) -> reward; S18 Zhoukou needs > 90 %
    assert R.compliance_amount([0.75], [0.75], 50, 0).tolist() == [-50]
    assert R.compliance_amount([0.9], [0.9], 50, 0, strict=True).tolist() == [0]


def test_quantity_vs_baseline_and_eflow():
    assert R.quantity_vs_baseline([120.0, 80.0], [100.0, 100.0], 2.0, 1.0).tolist() == [-40.0, 20.0]
    assert R.eflow_shortfall([14.9, 15.0, np.nan], 15.0).tolist() == [True, False, False]


def test_apportion_normalises_rounded_shares_and_reports_residual():
    # S40 payer shares of the Yellow River model: 5.90 + 50.26 + 34.39 + 9.49 = 100.04 %
    shares = {"山西": 0.0590, "山东": 0.5026, "河南": 0.3439, "陕西": 0.0949}
    amounts, residual = R.apportion(121.84, shares)
    assert residual == pytest.approx(0.0004, abs=1e-12)
    assert amounts.sum() == pytest.approx(121.84, rel=1e-12)
    assert amounts["山西"] == pytest.approx(121.84 * 0.0590 / 1.0004, rel=1e-12)
    with pytest.raises(ValueError, match="normalise=False"):
        R.apportion(1.0, shares, normalise=False)
    with pytest.raises(ValueError, match="off by"):
        R.apportion(1.0, {"a": 0.5, "b": 0.4})
    # S62 Chishui payers by water-consumption share of 77.2亿: 58.1 + 19.4 + 17.7 + 4.8 = 100 %
    amounts, residual = R.apportion(
        77.2, {"仁怀": 0.581, "汇川": 0.194, "七星关": 0.177, "播州": 0.048}
    )
    assert abs(residual) < 1e-12 and amounts["仁怀"] == pytest.approx(44.8532, rel=1e-9)


def test_pooled_fund_chishui_ratios_and_forfeits():
    # S26: 2亿, contributions 1:5:4 (云:贵:川), allocations 3:4:3; 清水铺 fails -> 云南 share 50/50
    contrib = {"yn": 1, "gz": 5, "sc": 4}
    alloc = {"yn": 3, "gz": 4, "sc": 3}
    forfeits = {"yn": {"gz": 0.5, "sc": 0.5}, "gz": {"sc": 1.0}}
    ok = R.pooled_fund(20000, contrib, alloc, {}, forfeits, "fund")
    net = ok.groupby("payee")["amount"].sum().sub(ok.groupby("payer")["amount"].sum(), fill_value=0)
    assert net.to_dict() == pytest.approx({"yn": 4000, "gz": -2000, "sc": -2000, "fund": 0})
    fail = R.pooled_fund(20000, contrib, alloc, {"yn": True}, forfeits, "fund")
    net = (
        fail.groupby("payee")["amount"]
        .sum()
        .sub(fail.groupby("payer")["amount"].sum(), fill_value=0)
    )
    assert net.to_dict() == pytest.approx({"yn": -2000, "gz": 1000, "sc": 1000, "fund": 0})
    with pytest.raises(ValueError, match="forfeit"):
        R.pooled_fund(1.0, contrib, alloc, {"sc": True}, forfeits, "fund")


def test_p_index_hand_computed():
    # P = K0 Σ k_i C_i / C_i0 (unverified formula, §2.2): 0.85 × 0.25 × (0.9 + 1 + 1 + 0.8)
    p = R.p_index(np.array([[1.8, 0.1, 1.0, 0.02]]), [2.0, 0.1, 1.0, 0.025], [0.25] * 4, 0.85)
    assert p[0] == pytest.approx(0.78625)
    assert R.threshold_transfer([0.78625, 1.2], 1.0, 10000).tolist() == [-10000, 10000]
