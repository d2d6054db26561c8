"""Monitoring uncertainty in settlements (the Fen River example): batched runs equal runs one
draw at a time, draws do not depend on the worker count, money is conserved in every draw."""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import geep
import geep.uncertainty as unc
from geep.errors import InputError
from geep.uncertainty.compensation import error_factors, replicate_scheme

EX = Path(__file__).resolve().parents[1] / "examples" / "compensation"
REL = {"cod": 0.1, "nh3n": 0.15, "flow": 0.05}


@pytest.fixture(scope="module")
def fen():
    return pd.read_csv(EX / "fen_observations.csv"), pd.read_csv(EX / "fen_flows.csv")


def sim(fen, **kw):
    obs, flows = fen
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return unc.simulate("compensate", obs, scheme="fen-river", flows=flows,
                            **{"rel_sd": REL, "draws": 40, "seed": 9, **kw})  # fmt: skip


@pytest.fixture(scope="module")
def batched(fen):
    return sim(fen, chunk=16)


def test_batched_runs_equal_runs_one_draw_at_a_time(fen, batched):
    single = sim(fen, batch=False)
    assert batched.meta["batched"] and not single.meta["batched"]
    np.testing.assert_allclose(batched.net, single.net, rtol=1e-12, atol=1e-6)
    assert (batched.line_band == single.line_band).all()
    pd.testing.assert_frame_equal(batched.keys, single.keys)


def test_zero_error_gives_the_deterministic_settlement_in_every_draw(fen):
    s = sim(fen, rel_sd={"cod": 0.0, "nh3n": 0.0}, draws=5)
    det = s.deterministic.net
    q = s.quantiles(by=("party", "settlement_year"))
    m = q.merge(det[["party", "settlement_year", "net"]], on=["party", "settlement_year"])
    np.testing.assert_allclose(m["deterministic"], m["net"], rtol=1e-12)
    np.testing.assert_allclose(m["q05"], m["net"], rtol=1e-12)
    np.testing.assert_allclose(m["q95"], m["net"], rtol=1e-12)
    assert (s.tiers()["p_cross"] == 0).all()


def test_money_is_conserved_in_every_draw(batched):
    years = batched.keys["settlement_year"].to_numpy()
    for y in np.unique(years):
        total = batched.net[years == y].sum(axis=0)
        np.testing.assert_allclose(total, 0.0, atol=1e-3)


def test_tier_crossing_probabilities(batched):
    t = batched.tiers()
    assert t["p_cross"].between(0, 1).all() and (t["p_cross"] > 0).any()
    # a line's amount is set by its band: it changes only when the band does
    assert (t["p_higher"] + t["p_lower"] <= t["p_cross"] + 1e-12).all()
    by = batched.tiers(by=("section_id",))
    assert set(by.columns) == {"section_id", "p_any", "expected_crossings"}
    per_line = t.groupby("section_id")["p_cross"]
    # P(any line crosses) lies between the largest single-line probability and their sum
    assert (by.set_index("section_id")["p_any"] >= per_line.max() - 1e-12).all()
    assert (by.set_index("section_id")["p_any"] <= per_line.sum().clip(upper=1) + 1e-12).all()
    np.testing.assert_allclose(by.set_index("section_id")["expected_crossings"], per_line.sum())


def test_quantiles_by_party_and_totals(batched):
    q = batched.quantiles(by=("party",))
    assert list(q.columns[:2]) == ["party", "party_name"]
    assert (q["q05"] <= q["q50"]).all() and (q["q50"] <= q["q95"]).all()
    d = batched.draws(by=("party",))
    assert len(d) == len(q) * batched.n_draws and set(d.columns) == {
        "draw",
        "party",
        "party_name",
        "value",
    }
    assert q["amount_unit"].eq("万元").all()


@pytest.fixture(scope="module")
def cluster():
    from distributed import Client, LocalCluster

    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as lc,  # fmt: skip
        Client(lc) as client,
    ):
        yield client


def test_one_and_two_workers_give_identical_draws(fen, batched, cluster):
    two = sim(fen, chunk=16, scheduler=cluster)
    np.testing.assert_array_equal(two.net, batched.net)
    procs = sim(fen, chunk=7, scheduler="processes", workers=2)
    np.testing.assert_allclose(procs.net, batched.net, rtol=1e-12, atol=1e-6)


def test_each_observation_has_its_own_stream():
    keys = ["obs#A/2021-01/cod", "obs#A/2021-02/cod", "obs#B/2021-01/cod"]
    full = error_factors(keys, np.full(3, 0.1), 50, 1)
    fewer = error_factors(keys[::2], np.full(2, 0.1), 50, 1)
    np.testing.assert_array_equal(full[[0, 2]], fewer)
    x = error_factors(["k"], np.array([0.2]), 100_000, 4)[0]
    assert abs(np.median(x) - 1) < 0.005 and abs(x.std() / x.mean() - 0.2) < 0.005


def test_replicated_scheme_keeps_controls_within_a_draw():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the edition is provisional (said in every output)
        sch = geep.compensation.load("fen-river")
    rep = replicate_scheme(sch, 3)
    ids = {s.id: s for s in rep.doc.sections}
    assert len(ids) == 3 * len(sch.doc.sections)
    assert ids["FEN-HXC.__d2"].control_section == "FEN-LMS.__d2"


def test_bad_measurement_errors_are_refused(fen):
    with pytest.raises(InputError, match="no measurement error"):
        sim(fen, rel_sd=None)
    with pytest.raises(InputError, match="water_class"):
        sim(fen, rel_sd={"water_class": 0.1})
    with pytest.raises(InputError, match="codd"):
        sim(fen, rel_sd={"codd": 0.1})
    with pytest.raises(InputError, match="non-negative"):
        sim(fen, rel_sd={"cod": -0.1})


def test_settlement_workbook(batched, tmp_path):
    path = batched.to_excel(tmp_path / "s.xlsx")
    from openpyxl import load_workbook

    wb = load_workbook(path)
    assert wb.sheetnames == [
        "net positions",
        "tier crossings by section",
        "tier crossings",
        "settings",
    ]
