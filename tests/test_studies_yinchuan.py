"""银川市 (ChinaXiv 202104.00050) Table 1: composite classes of Xie 2015 rows, D = 3406.5 元/hm².

The paper's composites as a class map reproduce all 55 printed cells (10⁴ 元/km², three
decimals). Its printed D, 3.406×10⁵ 元/km², is rounded: the cells follow from 3406.50 元/hm².
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import geep

TABLE1 = pd.read_csv(Path(__file__).parent / "data" / "studies" / "yinchuan_table1.csv")
CLASS_MAP = {
    "耕地": {"farmland.paddy": 0.8, "farmland.dryland": 0.2},  # area-weighted paddy/dryland
    "林地": "forest.shrub",  # most of its forest is shrub
    "草地": {"grassland.steppe": 0.5, "grassland.meadow": 0.5},  # mean(草原, 草甸)
    "水体": {"water": 0.5, "wetland": 0.5},  # mean(水系, 湿地)
    "裸地": "desert.bare",
}


@pytest.fixture(scope="module")
def cells() -> pd.Series:
    lc = pd.DataFrame(
        {"region_code": "640100", "year": 2018, "land_class": list(CLASS_MAP), "area": 1.0,
         "unit": "km2"}
    )  # fmt: skip
    ledger = geep.esv(lc, class_map=CLASS_MAP)  # profile xie-2015: D = 3406.50 CNY/ha (2010)
    # 草地 = mean(steppe, meadow): both rows are tagged unverified in xie2015-factors@2015, so a
    # ledger that rests on them is provisional (the status follows the evidence of the rows used)
    assert ledger.status == "provisional" and ledger.meta["evidence"]["unverified"] == 22
    x = ledger.lines
    return (x.set_index(["input_class", "service"])["value"] / 1e4).rename("geep")


def test_every_cell_of_table_1(cells):
    t = TABLE1[TABLE1["service"] != "total"]
    assert len(t) == 55
    for r in t.itertuples():
        # three decimals printed: half a unit in the last place
        assert cells[(r.land_class, r.service)] == pytest.approx(
            r.printed_1e4_cny_per_km2, abs=5e-4 + 1e-9
        ), (r.land_class, r.service)


def test_printed_totals_are_sums_of_the_printed_cells(cells):
    t = TABLE1.pivot(index="land_class", columns="service", values="printed_1e4_cny_per_km2")
    total = t.pop("total")
    pd.testing.assert_series_equal(t.sum(axis=1).round(3), total, check_names=False)
    by = cells.groupby(level=0).sum()
    for cls, printed in total.items():
        assert by[cls] == pytest.approx(printed, abs=11 * 5e-4), cls


def test_rounded_d_would_not_reproduce_the_table():
    # 水体 hydrological regulation: mean(102.24, 24.23) × 34.065 = 2154.100 (printed); with the
    # printed 3.406×10⁵ 元/km² it would be 2153.784
    assert abs((102.24 + 24.23) / 2 * 34.065 - 2154.100) < 5e-4
    assert abs((102.24 + 24.23) / 2 * 34.06 - 2154.100) > 0.3
