"""Properties of the compensation engine (hypothesis): money is conserved, excluded
observations never count as zero, netting never increases an obligation, results are
deterministic."""

from __future__ import annotations

import dataclasses
import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import geep
from geep.coefficients import ProvisionalWarning
from geep.compensation import load

with warnings.catch_warnings():
    warnings.simplefilter("ignore", ProvisionalWarning)
    FEN = load("fen-river@2021")
SECTIONS = [s.id for s in FEN.doc.sections]
PERIODS = ["2021-01", "2021-02", "2021-03"]
KEYS = [(s, p, i) for s in SECTIONS for p in PERIODS for i in ("cod", "nh3n")]
N = len(KEYS)
SETTINGS = settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FEW = settings(SETTINGS, max_examples=6)

statuses = st.sampled_from(["valid"] * 6 + ["dry", "frozen", "missing"])
conc = st.floats(min_value=0.0, max_value=4.0, allow_nan=False)  # multiple of a typical limit


@st.composite
def fen_inputs(draw):
    factors = draw(st.lists(conc, min_size=N, max_size=N))
    stat = draw(st.lists(statuses, min_size=N, max_size=N))
    scale = {"cod": 30.0, "nh3n": 1.5}
    rows = [
        (s, p, i, round(f * scale[i], 3) if st_ == "valid" else None, "mg/L", st_)
        for (s, p, i), f, st_ in zip(KEYS, factors, stat, strict=True)
    ]
    o = pd.DataFrame(rows, columns=["section_id", "period", "indicator", "value", "unit", "status"])
    q = draw(st.lists(st.floats(0.0, 40.0), min_size=len(SECTIONS) * 3, max_size=len(SECTIONS) * 3))
    fl = pd.DataFrame(
        [
            (s, p, round(v, 2), "m3/s")
            for (s, p), v in zip([(s, p) for s in SECTIONS for p in PERIODS], q, strict=True)
        ],
        columns=["section_id", "period", "flow", "unit"],
    )
    return o, fl


def _conserved(s) -> None:
    assert s.check().ok, s.check()
    net = s.net
    assert abs(net["net"].sum()) < 1e-6
    cons = s.conservation()
    assert (cons["balance"].abs() < 1e-6).all()
    ob = s.obligations
    assert (ob["amount"] >= 0).all() and np.isfinite(ob["amount"]).all()
    # payments out = payments in (+ the fund's intake)
    paid = ob.groupby("payer")["amount"].sum().sum()
    received = ob.groupby("payee")["amount"].sum().sum()
    assert paid == pytest.approx(received)


@SETTINGS
@given(fen_inputs(), st.randoms(use_true_random=False))
def test_money_conserved_and_deterministic(inputs, rnd):
    o, fl = inputs
    s = geep.compensate(FEN, o, flows=fl)
    _conserved(s)
    # same inputs in another row order → the same ledgers
    perm = list(range(len(o)))
    rnd.shuffle(perm)
    s2 = geep.compensate(FEN, o.iloc[perm].reset_index(drop=True), flows=fl.iloc[::-1])
    cols = [c for c in s.obligations.columns if c != "input_ref"]
    pd.testing.assert_frame_equal(s.obligations[cols], s2.obligations[cols])
    pd.testing.assert_frame_equal(s.net, s2.net)


@SETTINGS
@given(fen_inputs(), st.sampled_from([0.0, 1e6]))
def test_excluded_observations_never_count_as_zero(inputs, filler):
    o, fl = inputs
    base = geep.compensate(FEN, o, flows=fl).obligations
    filled = o.copy()
    excluded = filled["status"] != "valid"
    filled.loc[excluded, "value"] = filler  # whatever value an excluded row carries is ignored
    other = geep.compensate(FEN, filled, flows=fl).obligations
    cols = ["component", "section_id", "period", "indicator", "payer", "payee", "amount", "flags"]
    pd.testing.assert_frame_equal(base[cols], other[cols])
    ex = base.merge(
        o[excluded][["section_id", "period", "indicator"]], on=["section_id", "period", "indicator"]
    )
    assert (ex["amount"] == 0).all()
    assert ex["observed"].isna().all()
    assert ex["flags"].str.contains("dry|frozen|missing").all()


SHANXI = load("shanxi-cross-section@2013").with_sections(
    pd.DataFrame(
        [
            {
                "section_id": "S1",
                "name_zh": "甲",
                "upstream": "140100",
                "target_class": 3,
                "no_inflow": True,
            }
        ]
    )
)


@FEW
@given(
    st.lists(st.sampled_from(["ok", "ok", "ok", "bad", "dry", "missing"]), min_size=24, max_size=24)
)
def test_excluded_months_are_not_compliant_months(pattern):
    """A dry or missing month breaks a maintenance run exactly like a non-compliant month, and
    never earns what a (valid) zero concentration would."""

    def run(fill: str) -> float:
        rows = []
        for k, state in enumerate(pattern):
            p = f"{2014 + k // 12}-{k % 12 + 1:02d}"
            if state in ("dry", "missing"):
                if fill == "excluded":
                    vals, status = (None, None), state
                elif fill == "bad":
                    vals, status = (45.0, 0.4), "valid"
                else:
                    vals, status = (0.0, 0.0), "valid"
            else:
                vals, status = ((18.0, 0.4) if state == "ok" else (45.0, 0.4)), "valid"
            rows += [
                ("S1", p, "cod", vals[0], "mg/L", status),
                ("S1", p, "nh3n", vals[1], "mg/L", status),
            ]
        o = pd.DataFrame(
            rows, columns=["section_id", "period", "indicator", "value", "unit", "status"]
        )
        s = geep.compensate(SHANXI, o, parameters={"deduction.amounts": [50, 100, 150, 200, 300]})
        ob = s.obligations
        return float(ob.loc[ob.component == "maintenance", "amount"].sum())

    excluded, bad, zero = run("excluded"), run("bad"), run("zero")
    assert excluded == pytest.approx(bad)
    assert excluded <= zero + 1e-9


def _with_netting(scheme, mode):
    comps = [
        c.model_copy(update={"netting": mode}) if c.id == "quality" else c
        for c in scheme.doc.components
    ]
    return dataclasses.replace(scheme, doc=scheme.doc.model_copy(update={"components": comps}))


@SETTINGS
@given(fen_inputs(), st.sampled_from(["exempt_if_not_worse", "subtract_inflow"]))
def test_netting_never_increases_an_obligation(inputs, mode):
    o, fl = inputs
    plain = geep.compensate(_with_netting(FEN, "none"), o, flows=fl).obligations
    netted = geep.compensate(_with_netting(FEN, mode), o, flows=fl).obligations
    keys = ["component", "section_id", "period", "indicator", "payer", "payee"]
    m = plain.merge(netted, on=keys, suffixes=("_plain", "_net"), validate="one_to_one")
    assert len(m) == len(plain) == len(netted)
    assert (m["amount_net"] <= m["amount_plain"] + 1e-9).all()
    # totals per payer can only fall
    by = m.groupby("payer")[["amount_plain", "amount_net"]].sum()
    assert (by["amount_net"] <= by["amount_plain"] + 1e-9).all()


@FEW
@given(st.lists(st.sampled_from([1, 2, 3, 4, None]), min_size=6, max_size=6))
def test_pool_money_conserved(classes):
    rows = []
    for k, c in enumerate(classes):
        sid = "QINGSHUIPU" if k % 2 == 0 else "LIANYUXI"
        rows.append((sid, str(2018 + k // 2), "water_class", c, "", "valid" if c else "missing"))
    o = pd.DataFrame(rows, columns=["section_id", "period", "indicator", "value", "unit", "status"])
    s = geep.compensate("chishui-pool", o)
    _conserved(s)
    fund = s.net[s.net["party"] == "chishui-fund"]
    assert (fund["net"].abs() < 1e-6).all()  # the pool pays out exactly what it collects


def test_identical_runs_give_identical_files(tmp_path):
    o = pd.read_csv("examples/compensation/fen_observations.csv")
    fl = pd.read_csv("examples/compensation/fen_flows.csv")
    a = geep.compensate(FEN, o, flows=fl).to_csv(tmp_path / "a.csv")
    b = geep.compensate(FEN, o, flows=fl).to_csv(tmp_path / "b.csv")
    assert a.read_bytes() == b.read_bytes()
    assert (tmp_path / "a.net.csv").read_bytes() == (tmp_path / "b.net.csv").read_bytes()
