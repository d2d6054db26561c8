"""geep.uncertainty.simulate: draws through the value terms, aggregates from summed draws.

Oracles: with one uniform coefficient on [0.8 D, 1.2 D] every ESV value is linear in D, so
each quantile is that of U(0.8, 1.2) times the deterministic value — for every county and for
the province (the province band comes from summed draws). Summing county quantiles is wrong
as soon as two independent coefficients vary; independent per-county draws would make the
province band far too narrow. With every coefficient fixed, every draw is the deterministic
ledger exactly.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import geep
import geep.uncertainty as unc
from geep.errors import MethodError
from geep.inputs import from_frames

DATA = Path(__file__).parent / "data"
D_REF = "standard-equivalent#d_national"
UNIFORM_D = {D_REF: {"dist": "uniform", "min": 0.8, "max": 1.2, "relative": True}}
N = 1000
#: resolution of a Latin hypercube sample of N on U(0.8, 1.2): one draw per stratum of 0.4/N
LHS_TOL = 0.4 / N


def land_cover(counties=("140105", "140106", "140107"), years=(2015, 2020)):
    classes = ("forest.broadleaf", "farmland.paddy", "water", "grassland.meadow", "built_up")
    rows = [(c, y, k, 100.0 * (1 + i) + 37 * j + (y % 7), "ha")
            for j, c in enumerate(counties) for y in years for i, k in enumerate(classes)]  # fmt: skip
    return pd.DataFrame(rows, columns=["region_code", "year", "land_class", "area", "unit"])


def garze():
    q = pd.read_csv(DATA / "garze_2010_quantities.csv", dtype={"region_code": str})
    return from_frames({"quantities": q.drop(columns="paper_value_yi")})


@pytest.fixture(scope="module")
def sim_d():
    return unc.simulate("esv", land_cover(), draws=N, seed=42, distributions=UNIFORM_D,
                        sampling="lhs")  # fmt: skip


def test_uniform_d_gives_the_uniform_quantiles_for_every_county(sim_d):
    q = sim_d.quantiles(q=(0.05, 0.5, 0.95), by=("region_code", "year"))
    ratio = q[["q05", "q50", "q95"]].to_numpy() / q[["deterministic"]].to_numpy()
    np.testing.assert_allclose(ratio, np.tile([0.82, 1.00, 1.18], (len(q), 1)), atol=LHS_TOL)
    # linear in D: the same ratio for every county (not just close to it)
    np.testing.assert_allclose(ratio, np.tile(ratio[0], (len(q), 1)), rtol=1e-12)
    # the deterministic column is the ledger's total
    led = geep.esv(land_cover()).total(by=["region_code", "year"])
    np.testing.assert_allclose(q["deterministic"], led.to_numpy(), rtol=1e-12)


def test_province_band_comes_from_summed_draws(sim_d):
    prov = {c: "140000" for c in ("140105", "140106", "140107")}
    p = sim_d.quantiles(by=("region_code", "year"), regions=prov)
    assert set(p["region_code"]) == {"140000"}
    ratio = p[["q05", "q50", "q95"]].to_numpy() / p[["deterministic"]].to_numpy()
    np.testing.assert_allclose(ratio, np.tile([0.82, 1.00, 1.18], (len(p), 1)), atol=LHS_TOL)
    _, v = sim_d.values(by=("region_code", "year"))
    _, pv = sim_d.values(by=("region_code", "year"), regions=prov)
    np.testing.assert_allclose(pv[0], v[0] + v[2] + v[4], rtol=1e-12)  # 2015: the 3 counties


def test_summing_county_quantiles_would_be_wrong():
    """Two independent coefficients (the forest and the water factor of one service) vary:
    counties with different class mixes have bands whose sum is wider than the province's,
    and independent per-county draws would make the province band far too narrow."""
    dist = {"xie2015-factors#forest.broadleaf/hydrological_regulation":
            {"dist": "uniform", "min": 0.5, "max": 1.5, "relative": True},
            "xie2015-factors#water/hydrological_regulation":
            {"dist": "uniform", "min": 0.5, "max": 1.5, "relative": True}}  # fmt: skip
    f = geep.coefficients.load("xie2015-factors@2015")
    ratio = f.value(("water", "hydrological_regulation"), "factor") / f.value(
        ("forest.broadleaf", "hydrological_regulation"), "factor")  # fmt: skip
    counties = tuple(f"1401{i:02d}" for i in range(12))
    # even counties are water, odd ones forest, of equal hydrological value
    area = {"water": 500.0, "forest.broadleaf": 500.0 * ratio}
    rows = [(c, 2020, cls, area[cls] if (i % 2 == 0) == (cls == "water") else 1.0, "ha")
            for i, c in enumerate(counties) for cls in ("water", "forest.broadleaf")]  # fmt: skip
    lc = pd.DataFrame(rows, columns=["region_code", "year", "land_class", "area", "unit"])
    sim = unc.simulate("esv", lc, draws=4000, seed=7, distributions=dist)
    county = sim.quantiles(by=("region_code",))
    total = sim.quantiles(by=())
    width_sum = (county["q95"] - county["q05"]).sum()
    width = float(total["q95"].iloc[0] - total["q05"].iloc[0])
    assert width < 0.85 * width_sum  # the sum of quantiles overstates the band (≈ 0.76)
    # independent per-county draws: province sd = sqrt(Σ county variances)
    independent_sd = float(np.sqrt((county["sd"] ** 2).sum()))
    assert float(total["sd"].iloc[0]) > 2.0 * independent_sd


def test_every_draw_fixed_is_the_deterministic_ledger_exactly():
    for method, inputs in (("esv", land_cover()), ("gep", garze()), ("bt", land_cover())):
        sim = unc.simulate(method, inputs, draws=7, seed=1)
        assert sim.varied.empty and any("no coefficient" in str(n) for n in sim.notes)
        ql = sim.ledger()
        led = getattr(geep, {"bt": "benefit_transfer"}.get(method, method))(inputs).lines
        lines = ql.lines
        assert len(lines) == len(led)
        np.testing.assert_array_equal(lines["deterministic"].to_numpy(), led["value"].to_numpy())
        for c in ("q05", "q25", "q50", "q75", "q95"):
            np.testing.assert_array_equal(lines[c].to_numpy(), led["value"].to_numpy())
        np.testing.assert_allclose(lines["mean"], led["value"], rtol=1e-14)
        np.testing.assert_allclose(lines["sd"], 0.0, atol=1e-9 * led["value"].abs().max())
        assert list(lines["coefficient"].astype(str)) == list(led["coefficient"].astype(str))


def test_quantile_ledger_columns_and_keys(sim_d):
    ql = sim_d.ledger()
    led = geep.esv(land_cover()).lines
    for c in ("region_code", "year", "account", "category", "service", "indicator",
              "ecosystem_type", "coefficient", "input_ref", "deterministic", "mean", "sd",
              "q05", "q25", "q50", "q75", "q95", "n_draws", "seed_entropy", "method"):  # fmt: skip
        assert c in ql.lines.columns, c
    assert (ql.lines["n_draws"] == N).all() and (ql.lines["seed_entropy"] == "42").all()
    assert set(ql.lines["method"]) == {"mc-lhs"}
    assert ql.lines["region_code"].astype(str).tolist() == led["region_code"].astype(str).tolist()
    varied = ql.varied
    assert varied["ref"].tolist() == ["standard-equivalent@xie-2015#d_national"]
    assert varied["source"].tolist() == ["user"]


def test_line_quantiles_equal_quantiles_of_line_draws(sim_d):
    """The fast path (category quantiles × data) against the lines' own draws."""
    ql = sim_d.ledger(q=(0.05, 0.5, 0.95)).lines
    keys, v = sim_d.values(by=None)
    direct = np.quantile(v, [0.05, 0.5, 0.95], axis=1).T
    # the ledger is in ledger order, the values in kernel order: match by the input cell
    k = keys.assign(_q05=direct[:, 0], _q95=direct[:, 2])
    m = ql.merge(k[["input_ref", "service", "_q05", "_q95"]], on=["input_ref", "service"])
    assert len(m) == len(ql)
    np.testing.assert_allclose(m["q05"], m["_q05"], rtol=1e-12)
    np.testing.assert_allclose(m["q95"], m["_q95"], rtol=1e-12)


def test_gep_and_geep_share_one_draw_of_the_cpi_chain():
    """GEP prices (2010) and the economy (2010 prices) move to 2015 with the same chain: one θ
    entry, one draw; ERS is the GEP regulating subtotal of the same draw."""
    q = pd.read_csv(DATA / "garze_2010_quantities.csv", dtype={"region_code": str})
    eco = pd.DataFrame({"region_code": "513300", "year": [2010], "gdp": [200.0], "pdc": [5.0],
                        "edc": [3.0], "unit": "亿元", "price_year": 2010})  # fmt: skip
    inputs = from_frames({"quantities": q.drop(columns="paper_value_yi"), "economy": eco})
    dist = {"cpi-china#*": {"dist": "uniform", "min": 0.9, "max": 1.1, "relative": True},
            "gep-parameters#price.water_conservation": {"dist": "normal", "cv": 0.2,
                                                        "relative": True}}  # fmt: skip
    sim = unc.simulate("all", inputs, draws=500, seed=3, distributions=dist, price_year=2015)
    assert sim.model.label == "gep+geep"
    refs = sim.model.theta["ref"].tolist()
    assert refs.count("cpi-china@nbs-annual#2010-2015") == 1
    chain = sim.theta_draws[refs.index("cpi-china@nbs-annual#2010-2015")]
    assert np.ptp(chain) > 0
    keys, v = sim.values(by=("account", "category", "service"))

    def row(account, column, value):
        sel = (keys["account"] == account).to_numpy() & (keys[column] == value).to_numpy()
        return v[sel].sum(axis=0)

    np.testing.assert_allclose(row("GEEP", "service", "ers"), row("GEP", "category", "regulating"),
                               rtol=1e-12)  # fmt: skip
    np.testing.assert_allclose(row("GEEP", "service", "gdp"), 200e8 * chain, rtol=1e-12)
    det = geep.geep(geep.gep(inputs, price_year=2015), inputs, price_year=2015)
    total = sim.quantiles(by=("account",))
    np.testing.assert_allclose(total.loc[total["account"] == "GEEP", "deterministic"],
                               det.total(), rtol=1e-12)  # fmt: skip


def test_accounts_and_currencies_are_never_added():
    inputs = {"land_cover": land_cover()}
    sim = unc.simulate(["esv", "bt"], inputs, draws=10, seed=1)
    with pytest.raises(MethodError, match="never added"):
        sim.quantiles(by=("region_code",))
    q = sim.quantiles(by=("account", "region_code"))
    assert set(q["account"]) == {"ESV", "BT"}


def test_unmapped_region_is_an_error(sim_d):
    with pytest.raises(MethodError, match="140107"):
        sim_d.quantiles(regions={"140105": "140000", "140106": "140000"})


def test_draws_long_and_parquet_round_trip(sim_d, tmp_path):
    d = sim_d.draws(by=("year",))
    assert list(d.columns) == ["draw", "year", "value"] and len(d) == 2 * N
    path = sim_d.to_parquet(tmp_path / "draws.parquet", by=("region_code", "year"))
    back = pd.read_parquet(path)
    assert list(back.columns) == ["draw", "region_code", "year", "value"]
    assert back["value"].dtype == np.float32 and len(back) == 6 * N
    _, v = sim_d.values(by=("region_code", "year"))
    np.testing.assert_allclose(back["value"].to_numpy().reshape(6, N), v, rtol=1e-6)


def test_same_seed_same_bytes_other_seed_other_draws(tmp_path):
    a = unc.simulate("esv", land_cover(), draws=200, seed=11, distributions=UNIFORM_D)
    b = unc.simulate("esv", land_cover(), draws=200, seed=11, distributions=UNIFORM_D)
    c = unc.simulate("esv", land_cover(), draws=200, seed=12, distributions=UNIFORM_D)
    pa, pb = a.ledger().to_csv(tmp_path / "a.csv"), b.ledger().to_csv(tmp_path / "b.csv")
    assert pa.read_bytes() == pb.read_bytes()
    assert (tmp_path / "a.csv.meta.json").read_bytes() == (
        tmp_path / "b.csv.meta.json"
    ).read_bytes()
    assert c.ledger().csv_bytes() != pa.read_bytes()
    xa = a.ledger().to_excel(tmp_path / "a.xlsx")
    xb = b.ledger().to_excel(tmp_path / "b.xlsx")
    assert xa.read_bytes() == xb.read_bytes()


def test_adding_an_unrelated_distribution_leaves_the_draws_unchanged():
    a = unc.simulate("esv", land_cover(), draws=300, seed=5, distributions=UNIFORM_D)
    more = {**UNIFORM_D, "xie2015-factors#water/*": {"dist": "triangular", "min": 0.7,
                                                     "max": 1.3, "relative": True}}  # fmt: skip
    b = unc.simulate("esv", land_cover(), draws=300, seed=5, distributions=more)
    i = a.model.theta["ref"].tolist().index("standard-equivalent@xie-2015#d_national")
    j = b.model.theta["ref"].tolist().index("standard-equivalent@xie-2015#d_national")
    np.testing.assert_array_equal(a.theta_draws[i], b.theta_draws[j])
    assert not np.array_equal(a.quantiles()["q05"], b.quantiles()["q05"])
    # a longer run starts with the draws of a shorter one (plain random sampling)
    c = unc.simulate("esv", land_cover(), draws=600, seed=5, distributions=UNIFORM_D)
    np.testing.assert_array_equal(c.theta_draws[i, :300], a.theta_draws[i])


@settings(max_examples=25, deadline=None)
@given(scale=st.floats(0.1, 10.0), seed=st.integers(0, 2**32 - 1))
def test_every_value_is_linear_in_d(scale, seed):
    """A user D scaled by c scales every draw, quantile, mean and sd by c."""
    lc = land_cover(counties=("140105",), years=(2020,))
    spec = {"user#d": {"dist": "lognormal", "cv": 0.3, "relative": True}}
    a = unc.simulate(
        "esv", lc, draws=64, seed=seed, distributions=spec, d=3000.0, d_price_year=2020
    )
    b = unc.simulate("esv", lc, draws=64, seed=seed, distributions=spec, d=3000.0 * scale,
                     d_price_year=2020)  # fmt: skip
    qa, qb = a.quantiles(by=()), b.quantiles(by=())
    for c in ("q05", "q50", "q95", "mean", "sd", "deterministic"):
        np.testing.assert_allclose(qb[c], scale * qa[c], rtol=1e-9)


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), lo=st.floats(0.1, 0.95), cv=st.floats(0.01, 1.0))
def test_quantiles_are_monotone_and_bracket_the_median(seed, lo, cv):
    spec = {D_REF: {"dist": "uniform", "min": lo, "max": 1.5, "relative": True},
            "xie2015-factors#forest.*/*": {"dist": "lognormal", "cv": cv, "relative": True}}  # fmt: skip
    sim = unc.simulate("esv", land_cover(years=(2020,)), draws=50, seed=seed, distributions=spec)
    q = sim.quantiles(q=(0.05, 0.25, 0.5, 0.75, 0.95), by=("region_code",))
    qs = q[["q05", "q25", "q50", "q75", "q95"]].to_numpy()
    assert (np.diff(qs, axis=1) >= 0).all()
    lines = sim.ledger().lines[["q05", "q25", "q50", "q75", "q95"]].to_numpy()
    assert (np.diff(lines, axis=1) >= -1e-9 * np.abs(lines).max()).all()


def test_method_kwargs_route_to_options_and_tables():
    grain = pd.DataFrame({"crop": ["rice"], "sown_area": [10.0], "yield": [6000.0], "price": [2.0]})
    sim = unc.simulate("esv", land_cover(), draws=5, seed=1, grain=grain, d_price_year=2015)
    assert sim.model.ledger.meta["d"]["source"] == "grain_rule"
    with pytest.raises(MethodError, match="no argument 'dd'"):
        unc.simulate("esv", land_cover(), draws=5, dd=3)


def _driver_inputs():
    drivers = pd.DataFrame({
        "region_code": "d", "year": 2020,
        "variable": ["precipitation", "storm_runoff", "evapotranspiration", "ecosystem_area",
                     "reservoir_capacity", "npp", "soil_respiration"],
        "value": [500.0, 50, 350, 1000, 1, 10, 4],
        "unit": ["mm", "mm", "mm", "km2", "亿m3", "万t_C", "万t_C"]})  # fmt: skip
    money = pd.DataFrame({"region_code": "d", "year": [2012], "indicator": ["products.agriculture"],
                          "quantity": [5.0], "unit": ["亿元"]})  # fmt: skip
    return from_frames({"drivers": drivers, "quantities": money})


ADJ = pd.DataFrame({"region_code": ["140105"], "npp_ratio": [1.3], "soil_ratio": [0.7]})
MODELS = {
    "esv-cpi": ("esv", lambda: land_cover(), {"price_year": 2015}),
    "esv-adjusted": ("esv", lambda: land_cover(), {"adjustments": ADJ}),
    "esv-classmap": ("esv", lambda: land_cover().replace({"grassland.meadow": "草地"}),
                     {"class_map": {"草地": {"grassland.steppe": 0.5, "grassland.meadow": 0.5}}}),
    "gep-drivers": ("gep", _driver_inputs, {"price_year": 2015}),
    "bt": ("bt", lambda: land_cover(), {}),
}  # fmt: skip


@pytest.mark.parametrize("case", sorted(MODELS))
def test_the_model_is_the_registry_run(case):
    """The model's deterministic ledger is the one geep.methods.run makes, and its
    contributions × terms at θ give every line's value (no drift from the registry)."""
    name, inputs, kw = MODELS[case]
    from geep.uncertainty.build import build

    model = build(name, inputs(), **kw)
    opts = {k: v for k, v in kw.items() if k not in ("price_year", "adjustments")}
    extra = {"adjustments": kw["adjustments"]} if "adjustments" in kw else None
    ref = geep.methods.run(name, inputs(), price_year=kw.get("price_year"), options=opts,
                           extra_tables=extra)  # fmt: skip
    pd.testing.assert_frame_equal(model.ledger.lines, ref.lines)
    P0 = model.terms.evaluate(model.theta["value"].to_numpy())
    np.testing.assert_allclose(model.line_values(P0), model.lines["value"], rtol=1e-13, atol=1e-9)


def test_a_callable_of_realised_tables_sees_the_same_draws():
    """Your own model of the tables gets the draws the registry method gets (same references,
    same streams): a hand-written ESV total equals the method's total in every draw."""
    lc = land_cover(counties=("140105",), years=(2020,))
    spec = {**UNIFORM_D, "xie2015-factors#water/*": {"dist": "normal", "cv": 0.2, "relative": True}}
    area = lc.set_index("land_class")["area"]

    def total(tables):
        f = tables["xie2015-factors@2015"]
        d = tables["standard-equivalent@xie-2015"].set_index("parameter")["value"]["d_national"]
        f = f[f["ecosystem_type"].isin(area.index)]
        return float((f["factor"] * f["ecosystem_type"].map(area)).sum() * d)

    own = unc.simulate(total, ["xie2015-factors@2015", "standard-equivalent@xie-2015"],
                       draws=300, seed=8, distributions=spec)  # fmt: skip
    reg = unc.simulate("esv", lc, draws=300, seed=8, distributions=spec)
    _, v = reg.values(by=())
    np.testing.assert_allclose(own.values[0], v[0], rtol=1e-12)
    np.testing.assert_allclose(own.deterministic[0], geep.esv(lc).total(), rtol=1e-12)
    assert list(own.quantiles().columns) == ["output", "q05", "q50", "q95", "mean", "sd",
                                             "deterministic"]  # fmt: skip
