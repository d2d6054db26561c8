"""Comparison of ledgers, plan indicators and figures."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from openpyxl import load_workbook

import geep
from geep import coefficients
from geep.comparison import compare
from geep.errors import MethodError, PriceYearError
from geep.inputs import from_frames
from geep.plan import forest_coverage, plan_indicators, water_class_share

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def garze_q() -> pd.DataFrame:
    q = pd.read_csv(DATA / "garze_2010_quantities.csv", dtype={"region_code": str})
    return q.drop(columns="paper_value_yi")


def test_two_editions_show_exactly_the_changed_lines(garze_q, tmp_path):
    base = geep.gep(garze_q)
    params = coefficients.load("gep-parameters@garze-2010")
    changed = coefficients.override(
        params,
        {"price.hydropower": 0.60, "price.pest_control.forest": 400.0},
        by="bureau",
        reason="2020 local prices",
    )
    other = geep.gep(garze_q, tables={"parameters": changed})
    cmp = compare([base, other], labels=["published", "bureau"], level="indicator")
    moved = cmp.table[cmp.table["diff:bureau"] != 0].set_index("indicator")
    assert sorted(moved.index) == ["hydropower", "pest_control.forest"]
    assert moved.loc["hydropower", "diff:bureau"] == pytest.approx(95.30e8 * 0.07, rel=1e-9)
    assert moved.loc["pest_control.forest", "diff:bureau"] == pytest.approx(158e4 * 25, rel=1e-9)
    assert moved.loc["hydropower", "pct:bureau"] == pytest.approx(7 / 53 * 100, rel=1e-9)
    # the edition difference is stated, never silent
    assert any("gep-parameters@garze-2010+bureau" in n for n in cmp.notes)
    # drivers: the two lines explain 100 % of the difference
    d = cmp.drivers
    assert set(d["indicator"]) == {"hydropower", "pest_control.forest"}
    assert d["share_of_total_diff"].sum() == pytest.approx(100.0)
    path = cmp.to_excel(tmp_path / "cmp.xlsx")
    wb = load_workbook(path)
    assert "NOTE:" in " ".join(str(c.value) for c in wb["about"]["A"])
    assert wb["totals"]._charts, "the totals sheet carries a native chart"


def test_different_price_years_are_refused(garze_q):
    a = geep.gep(garze_q)
    b = geep.gep(garze_q, price_year=2015)
    with pytest.raises(PriceYearError, match="price years"):
        compare([a, b])


def test_regions_years_per_capita_and_ranks():
    lc = pd.DataFrame(
        {
            "region_code": ["a", "a", "b", "b"],
            "year": [2020, 2021, 2020, 2021],
            "land_class": "water",
            "area": [1.0, 2.0, 3.0, 4.0],
            "unit": "ha",
        }
    )
    ledger = geep.esv(lc)
    regions = pd.DataFrame(
        {"region_code": ["a", "b"], "area": [100.0, 300.0], "population": [10.0, 60.0]}
    )
    with pytest.raises(MethodError, match="several years"):  # never summed unasked
        compare(ledger, across="region", regions=regions)
    by_region = compare(ledger, across="region", regions=regions, across_years=True)
    assert by_region.notes[0].startswith("values summed over the years 2020, 2021")
    one = compare(ledger, across="region", regions=regions, year=2021)
    assert one.totals.set_index("side").loc["a", "value"] == pytest.approx(2.0 * 125.61 * 3406.5)
    with pytest.raises(MethodError, match="no line of year 2019; the ledgers hold 2020, 2021"):
        compare(ledger, across="region", year=2019)
    tot = by_region.totals.set_index("side")
    per_ha = 125.61 * 3406.5
    assert tot.loc["a", "value"] == pytest.approx(3.0 * per_ha)
    assert tot.loc["b", "rank"] == 1 and tot.loc["a", "rank"] == 2
    # per capita over 2 years; per km² with area in ha (100 ha = 1 km²)
    assert tot.loc["a", "per_capita"] == pytest.approx(3.0 * per_ha / (10.0 * 2))
    assert tot.loc["b", "per_km2"] == pytest.approx(7.0 * per_ha / (3.0 * 2))
    by_year = compare(ledger, across="year")
    assert by_year.sides == ["2020", "2021"]
    assert by_year.table["pct:2021"].dropna().round(6).unique().tolist() == [50.0]
    with pytest.raises(MethodError, match="only one"):
        compare(geep.esv(lc[lc.region_code == "a"]), across="region")


def test_forest_coverage_and_water_classes():
    lc = pd.DataFrame(
        {
            "region_code": "r",
            "year": 2020,
            "land_class": ["forest.broadleaf", "forest.shrub", "farmland.dryland"],
            "area": [20.0, 10.0, 70.0],
            "unit": "ha",
        }
    )
    regions = pd.DataFrame(
        {"region_code": ["r"], "region_name": ["R"], "area": [200.0], "unit": ["ha"]}
    )
    fc = forest_coverage(from_frames({"land_cover": lc})["land_cover"])
    assert fc["forest_coverage"].iloc[0] == pytest.approx(0.20)
    assert fc["forest_coverage_incl_shrub"].iloc[0] == pytest.approx(0.30)
    inp = from_frames({"land_cover": lc, "regions": regions})
    fc2 = forest_coverage(inp["land_cover"], inp["regions"])
    assert fc2["forest_coverage"].iloc[0] == pytest.approx(0.10)
    # water: COD class III limit 20, NH3-N class III limit 1.0 (GB 3838-2002)
    mon = pd.DataFrame(
        {
            "section_id": ["A", "A", "B", "B", "C", "C"],
            "period": ["2020-01", "2020-01", "2020-01", "2020-01", "2020-01", "2020-02"],
            "pollutant": ["cod", "nh3n", "cod", "nh3n", "cod", "cod"],
            "concentration": [19.0, 0.9, 19.0, 1.2, 35.0, 1.0],
            "status": ["valid", "valid", "valid", "valid", "frozen", "valid"],
        }
    )
    ws = water_class_share(mon)
    # A: III (good); B: NH3-N 1.2 → IV (not good); C: the frozen 35 is excluded → COD 1 → I
    assert ws.loc[0, "sections"] == 3 and ws.loc[0, "good"] == 2
    assert ws.loc[0, "share"] == pytest.approx(2 / 3)


def test_plan_indicators_against_targets():
    lc = pd.DataFrame(
        {
            "region_code": "r",
            "year": 2020,
            "land_class": ["forest.mixed", "farmland.dryland"],
            "area": [25.0, 75.0],
            "unit": "ha",
        }
    )
    plan = plan_indicators(from_frames({"land_cover": lc}))
    fc = plan[plan["indicator"] == "forest_coverage"].iloc[0]
    assert fc["value"] == pytest.approx(0.25)
    assert fc["target_2025"] == pytest.approx(0.226) and fc["target_2035"] == pytest.approx(0.266)
    assert fc["gap_2035"] == pytest.approx(0.25 - 0.266)
    grass = plan[plan["indicator"] == "grassland_vegetation_cover"].iloc[0]
    assert np.isnan(grass["value"]) and "not assessable" in grass["note"]
    assert plan.attrs["targets"] == "shanxi-plan-targets@2023"
    with geep.messages.language_scope("zh"):  # the notes in the language of the call
        zh = plan_indicators(from_frames({"land_cover": lc}))
    assert zh["note"].tolist()[0] == "乔木林面积 / 面积（各地类面积之和）；森林覆盖率的下限"
    assert zh.drop(columns="note").equals(plan.drop(columns="note"))


def test_figures_are_written(garze_q, tmp_path):
    pytest.importorskip("matplotlib", reason="needs the plot extra: pip install '.[plot]'")
    from geep import plot

    g = geep.gep(garze_q)
    p = plot.gep_composition(g, tmp_path / "gep.png")
    assert p.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    economy = pd.DataFrame(
        {
            "region_code": ["513300"],
            "year": [2010],
            "gdp": [123.0],
            "pdc": [2.0],
            "edc": [1.0],
            "unit": ["亿元"],
            "price_year": [2010],
        }
    )
    w = plot.geep_waterfall(geep.geep(g, economy), tmp_path / "w.png")
    assert w.stat().st_size > 1000
