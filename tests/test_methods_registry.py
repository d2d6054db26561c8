"""The methods registry and its contract: resolve → pure kernel → assemble.

* every ledger value is its data factor times the product of its coefficient terms (so the
  deterministic ledger and an uncertainty draw evaluate the same thing);
* kernels claim ledger order and canonical categories only when it is true;
* kernels are pure: picklable, run in a process pool on plain frames, never touch the catalogue;
* a toy method registered in a test runs through ``geep run --method toy``;
* the ledger's status follows the evidence of the coefficients the lines actually use.
"""

from __future__ import annotations

import concurrent.futures as cf
import pickle
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import geep
from geep import methods
from geep.cli import main
from geep.errors import MethodError
from geep.inputs import from_frames
from geep.ledger_frame import canonical_categories, sort_order
from geep.methods.resolved import KernelResult, Terms, ThetaBuilder

DATA = Path(__file__).parent / "data"


def _lc(classes=("forest.broadleaf", "farmland.paddy", "water", "built_up"), regions=("b", "a")):
    rows = [(r, y, c, 10.0 + i + 3 * j + y % 7, "ha") for j, r in enumerate(regions)
            for y in (2015, 2020) for i, c in enumerate(classes)]  # fmt: skip
    return pd.DataFrame(rows, columns=["region_code", "year", "land_class", "area", "unit"])


def _garze_inputs():
    q = pd.read_csv(DATA / "garze_2010_quantities.csv", dtype={"region_code": str})
    return from_frames({"quantities": q.drop(columns="paper_value_yi")})


def _driver_inputs():
    drivers = pd.DataFrame(
        {
            "region_code": "d",
            "year": 2020,
            "variable": ["precipitation", "storm_runoff", "evapotranspiration", "ecosystem_area",
                         "usle.r", "usle.k", "usle.ls", "usle.c", "usle.p", "reservoir_capacity",
                         "npp", "soil_respiration", "water_evaporation"],
            "value": [500.0, 50, 350, 1000, 2000, 0.02, 1.5, 0.2, 1, 1, 10, 4, 3],
            "unit": ["mm", "mm", "mm", "km2", "1", "1", "1", "1", "1", "亿m3", "万t_C", "万t_C",
                     "万m3"],
        }
    )  # fmt: skip
    money = pd.DataFrame({"region_code": ["d", "d"], "year": [2012, 2020],
                          "indicator": ["products.agriculture"] * 2, "quantity": [5.0, 7.0],
                          "unit": ["亿元", "亿元"]})  # fmt: skip
    return from_frames({"drivers": drivers, "quantities": money})


def _partial_factors():
    """xie2015 plus a recreation-only factor for built-up land (no line for other services)."""
    return geep.coefficients.override(
        geep.coefficients.load("xie2015-factors@2015"),
        {("built_up", "aesthetic_landscape"): {"ecosystem_type_zh": "建设用地",
                                               "service_zh": "美学景观",
                                               "service_group": "cultural", "factor": 0.05}},
        by="test", reason="built-up recreation", evidence="derived", source="test", add=True,
    )  # fmt: skip


GRASS = {"草地": {"grassland.steppe": 0.5, "grassland.meadow": 0.5}, "园地": "wetland"}


def _mapped_lc():
    lc = _lc(classes=("草地", "园地", "wetland", "forest.mixed"))
    return {"land_cover": lc}


def _forest_inputs():
    """Two regions and years, age classes under a stand row, every indicator."""
    base = {
        "net_productivity (t/ha/a)": 6.0,
        "soil_carbon_sequestration (t_C/ha/a)": -0.1,
        "precipitation (mm/a)": 600.0,
        "evapotranspiration (mm/a)": 350.0,
        "runoff (mm/a)": 50.0,
        "erosion_without_forest (t/ha/a)": 30.0,
        "erosion_with_forest (t/ha/a)": 5.0,
        "soil_bulk_density (t/m3)": 1.3,
        "soil_n (%)": 0.1,
        "soil_p (%)": 0.05,
        "soil_k (%)": 1.5,
        "soil_organic_matter (%)": 2.0,
        "tree_n (%)": 0.5,
        "tree_p (%)": 0.1,
        "tree_k (%)": 0.3,
        "anion_concentration (个/cm3)": 1500.0,
        "stand_height (m)": 12.0,
        "anion_lifetime (min)": 10.0,
        "so2_absorption (kg/ha/a)": 88.0,
        "fluoride_absorption (kg/ha/a)": 0.5,
        "nox_absorption (kg/ha/a)": 6.0,
        "dust_retention (kg/ha/a)": 10000.0,
        "recreation_revenue (万元/a)": 50.0,
        "recreation_share (%)": 20.0,
    }
    rows = [
        ("b", 2015, "油松", None, 90.0, 1.5),
        ("b", 2015, "油松", "young", 40.0, 0.8),
        ("b", 2015, "油松", "mature", 50.0, 2.2),
        ("a", 2016, "侧柏", None, 30.0, 3.1),
        ("a", 2016, "油松", "中龄林", 12.0, 4.0),
    ]
    df = pd.DataFrame(
        [
            dict(
                zip(
                    [
                        "region_code",
                        "year",
                        "stand_type",
                        "age_class",
                        "area (ha)",
                        "shannon_wiener",
                    ],
                    r,
                    strict=True,
                ),
                **base,
            )
            for r in rows
        ]
    )
    return from_frames({"forest_stands": df})


FOREST_PRICES = {
    "water_purification": (2.5, "元/t", 2016),
    "soil_excavation": (12.6, "元/m3", 2014),
    "fertilizer_dap": (3300, "元/t", 2016),
    "fertilizer_kcl": (2800, "元/t", 2016),
    "organic_matter": (320, "元/t", 2016),
    "dap_n_content": (14, "%"),
    "dap_p_content": (15.01, "%"),
    "kcl_k_content": (50, "%"),
    "carbon": (380, "CNY/t_CO2", 2016),
    "anion": (5.8e-18, "元/个", 2016),
    "anion_threshold": (600, "个/cm3"),
    "so2": (1.2, "元/kg", 2016),
    "fluoride": (0.69, "元/kg", 2016),
    "nox": (0.63, "元/kg", 2016),
    "dust": (0.15, "元/kg"),
    "species": {
        "lower_bounds": [0, 1, 2, 3],
        "values": [3000, 5000, 10000, 20000],
        "unit": "CNY/ha/a",
        "price_year": 2010,
    },
}

CASES = {
    "esv": lambda: ("esv", from_frames({"land_cover": _lc()}), {}),
    "esv-cpi": lambda: ("esv", from_frames({"land_cover": _lc()}), {"price_year": 2015}),
    "esv-xie2008": lambda: ("esv", from_frames({"land_cover": _lc()}),
                            {"profile": "xie-2008", "options": {"d": 1000.0, "d_price_year": 2020}}),
    "esv-partial": lambda: ("esv", from_frames({"land_cover": _lc()}),
                            {"overrides": {"factors": _partial_factors()}}),
    "esv-classmap": lambda: ("esv", None, {"options": {"class_map": GRASS}}),
    "bt-classmap": lambda: ("bt", None, {"options": {"class_map": {
        "草地": {"grass_rangelands": 0.6, "forest.mixed": 0.4}, "园地": "cropland"}}}),
    "gep-garze": lambda: ("gep", _garze_inputs(), {}),
    "gep-drivers": lambda: ("gep", _driver_inputs(), {"price_year": 2015}),
    "bt": lambda: ("bt", from_frames({"land_cover": _lc()}), {}),
    "forest": lambda: ("forest", _forest_inputs(), {"price_year": 2016,
                                                    "options": {"prices": FOREST_PRICES}}),
    "forest-p1": lambda: ("forest", _forest_inputs(), {"price_year": 2008, "options": {
        "indicators": ["carbon_sequestration", "oxygen_release", "water_regulation"]}}),
}  # fmt: skip


def _kernel_run(case):
    name, inputs, kw = CASES[case]()
    method = methods.get(name)
    if inputs is None:  # a class map: prepared as geep.methods.run prepares it
        options = dict(kw["options"])
        tables, *_ = method.prepare(_mapped_lc(), options, "land_cover")
        kw = {**kw, "options": options}
        inputs = geep.Inputs(tables=tables)
    resolved = methods.resolve(name, inputs.tables, **kw)
    return name, inputs, resolved, method.kernel(dict(inputs.tables), resolved)


@pytest.mark.parametrize("case", sorted(CASES))
def test_values_are_data_times_the_coefficient_terms(case):
    _, _, resolved, res = _kernel_run(case)
    lines = res.lines
    codes = lines["coefficient"].cat.codes.to_numpy()
    assert len(res.terms) == len(lines["coefficient"].cat.categories)
    price = res.terms.evaluate(resolved.values)
    data = lines["quantity"].to_numpy() if res.data is None else res.data
    expected = data * np.where(codes >= 0, price[np.maximum(codes, 0)], 1.0)
    np.testing.assert_allclose(lines["value"].to_numpy(), expected, rtol=1e-12, atol=0)
    # each category's label names the θ references of its terms
    refs = resolved.theta["ref"].tolist()
    for k, label in enumerate(lines["coefficient"].cat.categories):
        monomials = res.terms.monomials(k)
        for _, factors in monomials:
            for t, _ in factors:
                ref = refs[t].split(":")[0]
                if len(monomials) == 1:
                    assert ref in label, (label, ref)
                else:  # a composite names its table and each component's row key parts
                    table, _, key = ref.partition("#")
                    assert table in label and all(p in label for p in key.split("/")), (label, ref)


@pytest.mark.parametrize("case", sorted(CASES))
def test_claimed_order_and_canonical_form_hold(case):
    _, _, _, res = _kernel_run(case)
    if res.ordered:
        assert sort_order(res.lines) is None
    if res.canonical:
        again = canonical_categories(res.lines)
        for c in res.lines.columns:
            if isinstance(res.lines[c].dtype, pd.CategoricalDtype):
                assert list(again[c].cat.categories) == list(res.lines[c].cat.categories), c


def _run_kernel(payload: bytes) -> bytes:
    name, tables, resolved = pickle.loads(payload)
    from geep import methods as m

    return pickle.dumps(m.get(name).kernel(tables, resolved).lines)


def test_kernels_run_in_a_process_pool_on_plain_frames():
    jobs = {}
    for case in ("esv", "gep-garze", "bt", "forest"):
        name, inputs, resolved, res = _kernel_run(case)
        jobs[case] = (pickle.dumps((name, dict(inputs.tables), resolved)), res.lines)
    with cf.ProcessPoolExecutor(max_workers=2) as pool:
        out = dict(zip(jobs, pool.map(_run_kernel, [j[0] for j in jobs.values()]), strict=True))
    for case, (_, local) in jobs.items():
        pd.testing.assert_frame_equal(pickle.loads(out[case]), local)


def test_kernels_never_touch_the_catalogue(monkeypatch):
    prepared = [_kernel_run(c)[:3] for c in ("esv-cpi", "gep-drivers", "bt", "forest")]
    import importlib

    catalog = importlib.import_module("geep.coefficients.catalog")

    def refuse(*a, **k):
        raise AssertionError("a kernel read the catalogue")

    profiles = importlib.import_module("geep.coefficients.profiles")
    for module, name in ((catalog, "roots"), (catalog, "index"), (profiles, "roots")):
        monkeypatch.setattr(module, name, refuse)  # every load and profile lookup goes here
    with pytest.raises(AssertionError, match="read the catalogue"):
        geep.coefficients.load("xie2015-factors@2015")
    for name, inputs, resolved in prepared:
        assert len(methods.get(name).kernel(dict(inputs.tables), resolved).lines)


def test_thin_wrappers_equal_the_registry_run():
    lc = _lc()
    pd.testing.assert_frame_equal(geep.esv(lc).lines, methods.run("esv", lc).lines)
    g = _garze_inputs()
    pd.testing.assert_frame_equal(geep.gep(g).lines, methods.run("gep", g).lines)


def _toy_resolve(profile, tables, options, price_year, overrides=None):
    th = ThetaBuilder()
    pos = th.add_value("toy#price", float(options["price"]), "CNY/ha", evidence="unverified")
    return methods.Resolved("toy", None, 2020, th.build(), frames={"pos": pos})


def _toy_kernel(tables, resolved):
    lc = tables["land_cover"]
    n = len(lc)
    p = resolved.values[resolved.frames["pos"]]
    lines = pd.DataFrame(
        {
            "region_code": lc["region_code"].astype(str).astype("category"),
            "year": lc["year"].to_numpy(np.int64),
            "category": pd.Categorical(["regulating"] * n),
            "service": pd.Categorical(["toy_service"] * n),
            "indicator": pd.Categorical(["toy"] * n),
            "quantity": lc["area"].to_numpy(float),
            "quantity_unit": pd.Categorical(["ha"] * n),
            "price": np.full(n, p),
            "price_unit": pd.Categorical(["CNY/ha"] * n),
            "value": lc["area"].to_numpy(float) * p,
            "method": pd.Categorical(["toy"] * n),
            "coefficient": pd.Categorical(["toy#price"] * n),
            "input_ref": lc["input_ref"].astype(str).astype("category"),
        }
    )
    return KernelResult(lines, Terms.from_lists([[(resolved.frames["pos"], 1)]]))


@pytest.fixture
def toy():
    methods.register(
        methods.Method(
            "toy",
            "TOY",
            ("land_cover",),
            None,
            (),
            _toy_resolve,
            _toy_kernel,
            options={"price": methods.Option(2.0)},
        )
    )
    yield
    methods.unregister("toy")


def test_a_toy_method_runs_through_geep_run(toy, tmp_path, capsys):
    src = tmp_path / "lc.csv"
    _lc().to_csv(src, index=False)
    out = tmp_path / "toy.csv"
    assert main(["run", str(src), "-o", str(out), "--method", "toy"]) == 0
    back = geep.Ledger.read(out)
    assert set(back.lines["account"]) == {"TOY"}
    assert back.total(by="year").sum() == pytest.approx(2.0 * _lc()["area"].sum())
    assert back.status == "provisional"  # its only coefficient is unverified
    assert "toy" in methods.names()


def test_registry_refuses_what_it_cannot_do(toy):
    with pytest.raises(MethodError, match="already registered"):
        methods.register(methods.get("toy"))
    with pytest.raises(MethodError, match="did you mean 'esv'"):
        methods.get("evs")
    with pytest.raises(MethodError, match="no option 'pricee'"):
        methods.run("toy", _lc(), options={"pricee": 3})


def test_status_follows_the_evidence_of_the_coefficients_used():
    published = geep.esv(_lc(classes=("forest.broadleaf", "water")))
    assert published.status == "released" and set(published.meta["evidence"]) == {"published"}
    mixed = geep.esv(_lc(classes=("forest.coniferous", "water")))  # coniferous rows unverified
    assert mixed.status == "provisional"
    assert mixed.meta["evidence"]["unverified"] == 11
    assert any("unverified" in w for w in mixed.warnings)
    used = {c["ref"] for c in mixed.meta["coefficients"]}
    assert "standard-equivalent@xie-2015#d_national" in used
    assert not any("forest.broadleaf" in r for r in used)


def test_user_d_and_grain_rule_are_recorded():
    own = geep.esv(_lc(), d=1881.82, d_price_year=2000)
    assert own.meta["d"] == {
        "source": "user",
        "value": 1881.82,
        "unit": "CNY/ha/a",
        "price_year": 2000,
    }
    assert any(c["evidence"] == "user" for c in own.meta["coefficients"])
    grain = pd.DataFrame({"crop": ["rice"], "sown_area": [10.0], "yield": [6000.0],
                          "price": [2.0]})  # fmt: skip
    by_rule = geep.esv(_lc(), grain=grain, d_price_year=2015)
    assert by_rule.meta["d"]["source"] == "grain_rule"
    assert by_rule.status == "provisional"  # the 1/7 fraction is a secondary-source row
    assert any("1/7" in w for w in by_rule.warnings)
