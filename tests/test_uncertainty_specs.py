"""Distribution specs: every bad spec is an error naming its entry; references match any
edition and wildcards; units are checked against θ; defaults only on request, stated."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import geep.uncertainty as unc
from geep.inputs import from_frames
from geep.uncertainty.specs import DistributionError, spec_from_mapping

D = "standard-equivalent#d_national"


def lc():
    rows = [("140105", 2020, k, 100.0 + 10 * i, "ha")
            for i, k in enumerate(("forest.broadleaf", "forest.coniferous", "water"))]  # fmt: skip
    return pd.DataFrame(rows, columns=["region_code", "year", "land_class", "area", "unit"])


def run(dist, **kw):
    return unc.simulate("esv", lc(), draws=20, seed=1, distributions=dist, **kw)


@pytest.mark.parametrize(
    ("spec", "match"),
    [
        ({"dist": "uniform", "min": 1.2, "max": 0.8, "relative": True}, "min 1.2 is not below"),
        ({"dist": "lognormal", "cv": -0.2, "relative": True}, "cv = -0.2 must be positive"),
        ({"dist": "normal", "scale": 0.0}, "scale = 0.0 must be positive"),
        (
            {"dist": "triangular", "min": 0.8, "mode": 1.5, "max": 1.2, "relative": True},
            "mode 1.5 is outside",
        ),
        ({"dist": "uniform", "min": 2000, "max": 4000, "unit": "kg"}, "does not convert"),
        ({"dist": "gamma", "min": 1}, "dist 'gamma' is not known"),
        ({"dist": "uniform", "mn": 1, "max": 2}, "unknown field 'mn'"),
        ({"dist": "uniform", "min": 0.8, "max": 1.2, "cv": 0.1}, "cv is not a parameter"),
        ({"dist": "uniform", "min": "low", "max": 1.2}, "is not a finite number"),
        ({"dist": "lognormal", "median": 2}, "needs cv"),
        ({"dist": "empirical", "values": "3"}, "at least 2 values"),
        (
            {"dist": "uniform", "min": 0.8, "max": 1.2, "relative": True, "unit": "CNY/ha"},
            "relative spec has no unit",
        ),
    ],
)
def test_bad_specs_are_errors_naming_the_entry(spec, match):
    with pytest.raises(DistributionError, match=match) as e:
        run({D: spec})
    assert D in str(e.value) and e.value.extra["entry"] == D


def test_unknown_reference_names_the_entry_and_suggests():
    with pytest.raises(DistributionError, match="standard-equivalent#d_nationl") as e:
        run({"standard-equivalent#d_nationl": {"dist": "fixed"}})
    assert "d_national" in str(e.value)  # the suggestion
    with pytest.raises(DistributionError, match="no coefficient of this run"):
        run({"nosuch-table#x": {"dist": "fixed"}})
    with pytest.raises(DistributionError, match="names no row"):
        run({"standard-equivalent": {"dist": "fixed"}})


def test_two_entries_naming_one_coefficient_is_an_error():
    spec = {"dist": "uniform", "min": 0.9, "max": 1.1, "relative": True}
    with pytest.raises(DistributionError, match="twice") as e:
        run({"xie2015-factors#forest.*/*": spec,
             "xie2015-factors#forest.broadleaf/water_supply": spec})  # fmt: skip
    assert "forest.broadleaf/water_supply" in str(e.value)


def test_references_match_any_edition_exact_edition_and_wildcards():
    spec = {"dist": "uniform", "min": 0.9, "max": 1.1, "relative": True}
    a = run({"xie2015-factors#forest.*/*": spec}).varied
    assert len(a) == 4 * 11  # every row of the four forest types
    assert all(r.startswith("xie2015-factors@2015#forest.") for r in a["ref"])
    assert set(a["ref"].str.split("/").str[0].str.split("#").str[1]) == {
        "forest.coniferous", "forest.mixed", "forest.broadleaf", "forest.shrub"}  # fmt: skip
    b = run({"xie2015-factors@2015#forest.mixed/water_supply": spec}).varied
    assert b["ref"].tolist() == ["xie2015-factors@2015#forest.mixed/water_supply"]
    with pytest.raises(DistributionError, match="no coefficient"):
        run({"xie2015-factors@2008#forest.mixed/water_supply": spec})


def test_absolute_specs_are_converted_from_their_unit():
    """D in 万元/hm² → CNY/ha/a: a uniform on [0.3, 0.4] 万元/ha/a is [3000, 4000] CNY/ha/a."""
    sim = run({D: {"dist": "uniform", "min": 0.3, "max": 0.4, "unit": "万元/hm2/a"}})
    i = sim.model.theta["ref"].tolist().index("standard-equivalent@xie-2015#d_national")
    d = sim.theta_draws[i]
    assert d.min() >= 3000.0 and d.max() <= 4000.0 and np.ptp(d) > 100


def test_distributions_from_a_frame_and_a_csv(tmp_path):
    frame = pd.DataFrame({"ref": [D, "xie2015-factors#water/*"], "dist": ["normal", "pert"],
                          "cv": [0.1, None], "min": [None, 0.5], "max": [None, 1.5],
                          "relative": [True, True]})  # fmt: skip
    a = run(frame).varied
    path = tmp_path / "d.csv"
    frame.to_csv(path, index=False)
    b = run(path).varied
    pd.testing.assert_frame_equal(a.drop(columns="entry"), b.drop(columns="entry"))
    bad = tmp_path / "bad.csv"
    pd.DataFrame({"ref": [D], "dist": ["uniform"], "min": [1.5], "max": [1.0],
                  "relative": [True]}).to_csv(bad, index=False)  # fmt: skip
    with pytest.raises(DistributionError, match=r"min 1\.5") as e:
        run(bad)
    assert e.value.file == f"{bad} row 2"


def test_defaults_only_on_request_with_the_widths_stated():
    none = run(None)
    assert none.varied.empty
    sim = run(None, defaults="by-evidence")
    v = sim.varied
    assert set(v["source"]) == {"defaults"} and set(v["dist"]) == {"triangular"}
    published = v[v["evidence"] == "published"]["params"].iloc[0]
    assert "max=1.1" in published and "min=0.9" in published
    unverified = v[v["evidence"] == "unverified"]["params"].iloc[0]
    assert "max=1.5" in unverified and "min=0.5" in unverified
    assert sim.widths.set_index("evidence")["half_width"].to_dict() == unc.EVIDENCE_WIDTHS
    meta = sim.ledger().meta
    assert meta["widths"] == unc.EVIDENCE_WIDTHS
    # user specs win over defaults; only coefficients that lines use get defaults
    both = run({D: {"dist": "fixed"}}, defaults="by-evidence").varied
    assert not (both["ref"] == "standard-equivalent@xie-2015#d_national").any()
    assert both["used"].all()
    with pytest.raises(DistributionError, match="not understood"):
        run(None, defaults="by-evidance")


def test_a_users_own_d_is_not_defaulted():
    sim = run(None, defaults="by-evidence", d=3000.0, d_price_year=2020)
    assert "user#d" not in set(sim.varied["ref"])
    assert any("user#d" in str(n) for n in sim.notes)


def test_a_model_constant_outside_the_value_terms_cannot_be_varied():
    drivers = pd.DataFrame({"region_code": "d", "year": 2020, "variable": ["reservoir_capacity"],
                            "value": [1.0], "unit": ["亿m3"]})  # fmt: skip
    inputs = from_frames({"drivers": drivers})
    ref = "gep-parameters#const.flood_regulation.reservoir_share"
    with pytest.raises(DistributionError, match="cannot be propagated"):
        unc.simulate("gep", inputs, draws=5, distributions={ref: {"dist": "normal", "cv": 0.1,
                                                                   "relative": True}})  # fmt: skip
    sim = unc.simulate("gep", inputs, draws=5, defaults="by-evidence")
    assert "reservoir_share" not in " ".join(sim.varied["ref"])
    assert any("reservoir_share" in str(n) for n in sim.notes)


def test_table_shipped_distributions_are_read_in_the_rows_unit(tmp_path, monkeypatch, make_table):
    """A parameter table that ships dist/min/max in 万元/m3: θ is in CNY/m3, the draws too."""
    import copy

    from conftest import BASE_META

    import geep

    meta = copy.deepcopy(BASE_META)
    meta["columns"]["value"]["dimension"] = "CNY/m**3"
    meta["columns"].update({"dist": {"dtype": "str", "nullable": True},
                            "min": {"dtype": "float", "nullable": True},
                            "max": {"dtype": "float", "nullable": True}})  # fmt: skip
    csv = (
        "parameter,value,unit,evidence,source,note,dist,min,max\n"
        "price.water_supply.domestic,0.0003,万元/m3,published,S1,,uniform,0.0002,0.0004\n"
    )
    make_table(tmp_path, "my-prices", "v1", meta={"columns": meta["columns"]}, csv=csv)
    monkeypatch.setenv("GEEP_COEFFICIENTS_PATH", str(tmp_path))
    geep.coefficients.clear_cache()
    table = geep.coefficients.load("my-prices", edition="v1")
    q = pd.DataFrame({"region_code": "r", "year": [2020], "indicator": ["water_supply.domestic"],
                      "quantity": [10.0], "unit": ["m3"]})  # fmt: skip
    sim = unc.simulate("gep", {"quantities": q}, draws=400, seed=2, tables={"parameters": table},
                       price_year=2020)  # fmt: skip
    v = sim.varied
    assert v["ref"].tolist() == ["my-prices@v1#price.water_supply.domestic"]
    assert v["source"].tolist() == ["table"]
    d = sim.theta_draws[sim.model.theta["ref"].tolist().index(v["ref"].iloc[0])]
    assert 2.0 <= d.min() < 2.1 and 3.9 < d.max() <= 4.0  # [2, 4] CNY/m3
    user = unc.simulate("gep", {"quantities": q}, draws=10, seed=2, tables={"parameters": table},
                        price_year=2020, distributions={"my-prices#*": "fixed"})  # fmt: skip
    assert user.varied.empty and any("replace" in str(n) for n in user.notes)
    geep.coefficients.clear_cache()


def test_spec_shorthand_and_correlation_syntax():
    s = spec_from_mapping("x#y", {"dist": "normal", "cv": 0.2, "corr_group": "svc:0.6"})
    assert (s.corr_group, s.corr) == ("svc", 0.6)
    assert spec_from_mapping("x#y", "fixed").dist == "fixed"
