"""Sensitivity: Sobol indices of additive models against their analytic values, Morris
ranking, and what the classic CS index measures (a value share, whatever δ)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import geep
import geep.uncertainty as unc
from geep import methods
from geep.errors import MethodError
from geep.methods.resolved import KernelResult, Terms, ThetaBuilder

WEIGHTS = (1.0, 2.0, 3.0)
WIDTHS = (0.2, 0.4, 0.1)  # uniform half-widths of the three toy coefficients (relative)


def _toy_resolve(profile, tables, options, price_year, overrides=None):
    th = ThetaBuilder()
    for i in range(3):
        th.add_value(f"toy#p{i}", 1.0, "CNY/ha", evidence="published")
    return methods.Resolved("toy", None, 2020, th.build())


def _toy_kernel(tables, resolved):
    """Y = Σ_i w_i θ_i: one line per coefficient with quantity w_i."""
    n = 3
    lines = pd.DataFrame({
        "region_code": pd.Categorical(["r"] * n), "year": np.full(n, 2020),
        "category": pd.Categorical(["regulating"] * n),
        "service": pd.Categorical([f"s{i}" for i in range(n)]),
        "indicator": pd.Categorical([f"s{i}" for i in range(n)]),
        "quantity": np.array(WEIGHTS), "quantity_unit": pd.Categorical(["ha"] * n),
        "price": resolved.values, "price_unit": pd.Categorical(["CNY/ha"] * n),
        "value": np.array(WEIGHTS) * resolved.values, "method": pd.Categorical(["toy"] * n),
        "coefficient": pd.Categorical([f"toy#p{i}" for i in range(n)]),
        "input_ref": pd.Categorical([f"land_cover[{i}]" for i in range(n)]),
    })  # fmt: skip
    return KernelResult(lines, Terms.from_lists([[(i, 1)] for i in range(n)]))


@pytest.fixture
def toy():
    methods.register(methods.Method("toy", "TOY", ("land_cover",), None, (), _toy_resolve,
                                    _toy_kernel))  # fmt: skip
    yield
    methods.unregister("toy")


def toy_lc():
    return pd.DataFrame({"region_code": ["r"], "year": [2020], "land_class": ["water"],
                         "area": [1.0], "unit": ["ha"]})  # fmt: skip


def toy_specs():
    return {f"toy#p{i}": {"dist": "uniform", "min": 1 - w, "max": 1 + w, "relative": True}
            for i, w in enumerate(WIDTHS)}  # fmt: skip


def analytic(weights, widths):
    var = np.array([(w * 2 * h) ** 2 / 12 for w, h in zip(weights, widths, strict=True)])
    return var / var.sum()


def test_sobol_of_an_additive_toy_model_against_analytic_values(toy):
    r = unc.sensitivity("toy", toy_lc(), method="sobol", groups="coefficient", n=2**13, seed=3,
                        distributions=toy_specs())  # fmt: skip
    got = r.indices.set_index("group")
    want = dict(zip([f"toy#p{i}" for i in range(3)], analytic(WEIGHTS, WIDTHS), strict=True))
    for g, s in want.items():
        assert got.loc[g, "ST"] == pytest.approx(s, abs=0.02)
        assert got.loc[g, "S1"] == pytest.approx(s, abs=0.02)
    assert list(r.indices["group"]) == sorted(want, key=want.get, reverse=True)
    # grouping p0 and p2 together: the group's index is the sum of its members'
    g = unc.sensitivity("toy", toy_lc(), groups={"toy#p0": "a", "toy#p2": "a", "toy#p1": "b"},
                        n=2**13, seed=3, distributions=toy_specs()).indices.set_index("group")  # fmt: skip
    s = analytic(WEIGHTS, WIDTHS)
    assert g.loc["a", "ST"] == pytest.approx(s[0] + s[2], abs=0.02)
    assert int(g.loc["a", "members"]) == 2


def test_sobol_by_service_for_esv_against_the_areas():
    """D fixed, every factor of the run uniform ±20 % independently: the variance of service
    s is D² Σ_t (A_t E_ts)² · 0.4²/12, so S_s follows from the areas and the factor table."""
    lc = pd.DataFrame({"region_code": "r", "year": 2020,
                       "land_class": ["forest.broadleaf", "water", "farmland.dryland"],
                       "area": [300.0, 50.0, 800.0], "unit": "ha"})  # fmt: skip
    spec = {"xie2015-factors#*": {"dist": "uniform", "min": 0.8, "max": 1.2, "relative": True}}
    r = unc.sensitivity("esv", lc, groups="service", n=2**13, seed=5, distributions=spec)
    f = geep.coefficients.load("xie2015-factors@2015").frame
    f = f[f["ecosystem_type"].isin(lc["land_class"])].merge(
        lc.rename(columns={"land_class": "ecosystem_type"}), on="ecosystem_type")  # fmt: skip
    var = ((f["area"] * f["factor"]) ** 2).groupby(f["service"]).sum()
    want = var / var.sum()
    got = r.indices.set_index("group")["ST"]
    assert set(got.index) == set(want.index)
    for s in want.index:
        assert got[s] == pytest.approx(want[s], abs=0.02), s
    assert not r.indices["shared"].any()


def test_shared_scalars_are_groups_of_their_own():
    lc = pd.DataFrame({"region_code": "r", "year": 2020, "land_class": ["forest.broadleaf",
                       "water"], "area": [300.0, 50.0], "unit": "ha"})  # fmt: skip
    r = unc.sensitivity("esv", lc, method="sobol", n=2**10, seed=1, defaults="by-evidence")
    d = r.indices[r.indices["group"] == "standard-equivalent@xie-2015#d_national"]
    assert len(d) == 1 and bool(d["shared"].iloc[0]) and int(d["members"].iloc[0]) == 1
    assert r.indices["ST"].iloc[0] == r.indices["ST"].max()  # sorted by ST


def test_morris_ranks_the_toy_coefficients_by_their_effect(toy):
    r = unc.sensitivity("toy", toy_lc(), technique="morris", groups="coefficient", n=200,
                        seed=2, distributions=toy_specs())  # fmt: skip
    effect = {f"toy#p{i}": w * 2 * h for i, (w, h) in enumerate(zip(WEIGHTS, WIDTHS, strict=True))}
    assert list(r.indices["group"]) == sorted(effect, key=effect.get, reverse=True)
    # a linear model's elementary effect is ΔY/Δx with Δx the grid step; the 4 grid levels
    # are mapped to the midpoints of 4 strata, so θ moves by 2h·Δx·(L−1)/L: μ* = w·2h·3/4
    step = 3 / 4
    got = r.indices.set_index("group")["mu_star"]
    for g, e in effect.items():
        assert got[g] == pytest.approx(e * step, rel=1e-9)


def test_cs_is_the_value_share_whatever_delta():
    lc = pd.DataFrame({"region_code": "r", "year": 2020, "land_class": ["forest.broadleaf",
                       "water", "farmland.paddy"], "area": [300.0, 50.0, 120.0], "unit": "ha"})  # fmt: skip
    a = unc.sensitivity("esv", lc, technique="cs", groups="ecosystem_type", delta=0.5).cs
    b = unc.sensitivity("esv", lc, technique="cs", groups="ecosystem_type", delta=0.1).cs
    np.testing.assert_allclose(a["cs"], b["cs"], rtol=1e-9)
    ledger = geep.esv(lc)
    share = ledger.total(by="ecosystem_type") / ledger.total()
    cs = a.set_index("group")["cs"]
    for t, v in share.items():
        assert cs[t] == pytest.approx(v, rel=1e-9)
    assert cs["standard-equivalent@xie-2015#d_national"] == pytest.approx(1.0, rel=1e-12)
    assert (a["low"] < a["base"]).all() and (a["high"] > a["base"]).all()


def test_technique_names_and_errors(toy):
    with pytest.raises(MethodError, match="different sensitivity techniques"):
        unc.sensitivity("toy", toy_lc(), technique="sobol", method="morris",
                        distributions=toy_specs())  # fmt: skip
    with pytest.raises(MethodError, match="not known"):
        unc.sensitivity("toy", toy_lc(), method="sobbol", distributions=toy_specs())
    with pytest.raises(MethodError, match="no coefficient has a distribution"):
        unc.sensitivity("toy", toy_lc())
    corr = {k: {**v, "corr_group": "c:0.5"} if k != "toy#p2" else v
            for k, v in toy_specs().items()}  # fmt: skip
    with pytest.raises(MethodError, match="spans the sensitivity groups"):
        unc.sensitivity("toy", toy_lc(), groups="coefficient", distributions=corr, n=64)
    with pytest.raises(MethodError, match="one group"):
        unc.sensitivity("toy", toy_lc(), groups={"toy#*": "all"}, distributions=toy_specs())
    ok = unc.sensitivity("toy", toy_lc(), groups={"toy#p[01]": "a", "toy#p2": "b"},
                         distributions=corr, n=2**12)  # fmt: skip
    st = ok.indices.set_index("group")["ST"]
    assert st["a"] + st["b"] == pytest.approx(1.0, abs=0.05)  # additive: no interactions


def test_results_write_workbook_and_csv(toy, tmp_path):
    r = unc.sensitivity("toy", toy_lc(), groups="coefficient", n=64, distributions=toy_specs())
    x = r.write(tmp_path / "s.xlsx")
    c = r.write(tmp_path / "s.csv")
    assert x.stat().st_size > 0
    assert pd.read_csv(c)["group"].tolist() == r.indices["group"].tolist()
    assert r.write(tmp_path / "t.xlsx").read_bytes() == x.read_bytes()
