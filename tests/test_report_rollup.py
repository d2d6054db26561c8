"""Roll-ups along regions-shanxi: county → city → province identities, names, refusals."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from report_data import YEARS, county_codes, county_ledger, parent_of, regions_table

import geep
from geep.errors import InputError, MethodError
from geep.report import check_sums, rollup, rollup_regions, rollups
from geep.report.regions import from_frame, level_of_code


@pytest.fixture(scope="module")
def counties() -> geep.Ledger:
    return county_ledger()


def _expected(ledger: geep.Ledger, to_parent: dict[str, str]) -> pd.Series:
    """Sums per (parent, year, account, service) computed here with math.fsum."""
    f = ledger.lines
    keys = zip(f["region_code"].astype(str).map(to_parent), f["year"], f["account"].astype(str),
               f["service"].astype(str), strict=True)  # fmt: skip
    acc: dict[tuple, list[float]] = {}
    for k, v in zip(keys, f["value"], strict=True):
        acc.setdefault(k, []).append(v)
    return pd.Series({k: math.fsum(v) for k, v in acc.items()}).sort_index()


def _total(ledger: geep.Ledger, year: int, account: str | None = None) -> float:
    f = ledger.lines
    sel = (f["year"] == year) & ((f["account"] == account) if account else True)
    return math.fsum(f.loc[sel, "value"])


def _got(ledger: geep.Ledger) -> pd.Series:
    f = ledger.lines
    g = f.groupby([f["region_code"].astype(str), "year", f["account"].astype(str),
                   f["service"].astype(str)])["value"].sum()  # fmt: skip
    return g.sort_index()


def test_shanxi_has_117_counties_and_4_zones_in_11_cities():
    codes = county_codes()
    assert len(codes) == 121
    assert len({parent_of()[c] for c in codes}) == 11


def test_counties_to_cities_to_province(counties):
    parent = parent_of()
    levels = rollups(counties, ["county", "city", "province"])
    assert levels["county"] is counties
    city, prov = levels["city"], levels["province"]
    assert city.lines["region_code"].nunique() == 11
    assert prov.lines["region_code"].unique().tolist() == ["140000"]
    to_city = {c: parent[c] for c in county_codes()}
    pd.testing.assert_series_equal(_got(city), _expected(counties, to_city), check_names=False)
    to_prov = dict.fromkeys(county_codes(), "140000")
    pd.testing.assert_series_equal(_got(prov), _expected(counties, to_prov), check_names=False)
    # the province from the cities is the province from the counties (whole yuan: exact)
    for y in YEARS:
        for acc in ("GEP", "ESV", "GEEP"):
            a, b, c = (_total(lg, y, acc) for lg in (prov, city, counties))
            assert a == b == c


def test_hand_computed_two_cities():
    # 小店区 140105 and 迎泽区 140106 are in 太原市 140100; 新荣区 140212 in 大同市 140200
    lg = county_ledger(["140105", "140106", "140212"])
    city = rollup(lg, "city")
    gdp = city.lines.query("service == 'gdp' and year == 2020").set_index("region_code")["value"]
    assert gdp.to_dict() == {"140100": 11_000_000_000.0, "140200": 7_000_000_000.0}
    names = city.lines.drop_duplicates("region_code").set_index("region_code")["region_name"]
    assert names.to_dict() == {"140100": "太原市", "140200": "大同市"}
    info = city.meta["rollup"][-1]
    assert (info["to"], info["regions_in"], info["regions_out"]) == ("city", 3, 2)
    assert info["hierarchy"] == "regions-shanxi@2019"
    assert city.check().ok


def test_names_filled_from_the_hierarchy_and_status_follows_it():
    lg = county_ledger(["140105", "140212"], names=False)
    prov = rollup(lg, "province")
    assert prov.lines["region_name"].unique().tolist() == ["山西省"]
    assert prov.status == "provisional"  # regions-shanxi is provisional (secondary codes)
    assert "regions-shanxi@2019" in prov.meta["tables"]
    assert any("regions-shanxi@2019" in str(w) for w in prov.meta["warnings"])


def test_refusals():
    unknown = geep.Ledger(county_ledger(["140105"]).lines.assign(region_code="999999"), {})
    with pytest.raises(InputError, match="999999"):
        rollup(unknown, "city")
    both = geep.Ledger.concat(
        [county_ledger(["140105"]), rollup(county_ledger(["140106"]), "city")]
    )
    with pytest.raises(InputError, match="140105 ⊂ 140100"):
        rollup(both, "province")
    city = rollup(county_ledger(["140105"]), "city")
    with pytest.raises(InputError, match="140100"):
        rollup(city, "county")
    with pytest.raises(InputError):
        rollups(city, ["county", "city"])
    with pytest.raises(InputError, match="district"):
        rollup(county_ledger(["140105"]), "district")


def test_a_wrong_sum_is_caught():
    lg = county_ledger(["140105", "140106"])
    city = rollup(lg, "city")
    bad = city.lines
    bad.loc[bad.index[0], "value"] += 1.0
    with pytest.raises(MethodError, match="differ"):
        check_sums(lg, geep.Ledger(bad, city.meta), {"140105": "140100", "140106": "140100"})


def test_a_given_hierarchy_and_the_regions_table_parent_codes():
    h = pd.DataFrame({"region_code": ["x1", "x2", "X", "P"], "parent_code": ["X", "X", "P", ""],
                      "region_name": ["", "", "某市", "某省"],
                      "level": ["county", "county", "city", "province"]})  # fmt: skip
    lg = county_ledger(["140105", "140106"]).lines
    lg["region_code"] = lg["region_code"].astype(str).map({"140105": "x1", "140106": "x2"})
    out = rollup(geep.Ledger(lg, {}), "province", hierarchy=h)
    assert out.lines["region_name"].unique().tolist() == ["某省"]
    assert out.status == "released"  # a hierarchy you give has no catalogue status
    clash = pd.DataFrame({"region_code": ["140105"], "parent_code": ["140200"]})
    with pytest.raises(InputError, match="140105: 140200 / 140100"):
        rollup(county_ledger(["140105"]), "city", regions=clash)


def test_levels_from_gb2260_codes():
    assert [level_of_code(c) for c in ("140000", "140100", "140105", "14010", "abc")] == [
        "province", "city", "county", None, None,
    ]  # fmt: skip
    with pytest.raises(InputError, match="abc"):
        from_frame(pd.DataFrame({"region_code": ["abc"], "parent_code": [""]}))


def test_regions_summed_only_when_complete():
    codes = ["140105", "140106", "140212", "140213"]
    reg = regions_table(codes)
    reg.loc[reg["region_code"] == "140213", "population"] = np.nan
    out = rollup_regions(reg, "city").set_index("region_code")
    assert out.loc["140100", "area"] == 30_000.0 and out.loc["140100", "population"] == 300_000.0
    assert out.loc["140200", "area"] == 70_000.0
    assert np.isnan(out.loc["140200", "population"])  # a partial sum would understate


@settings(max_examples=15, deadline=None)
@given(
    picks=st.lists(st.sampled_from(county_codes()), min_size=1, max_size=30, unique=True),
    scale=st.floats(min_value=1e-3, max_value=1e9, allow_nan=False),
)
def test_money_is_conserved_for_any_counties(picks, scale):
    lg = county_ledger(picks)
    lines = lg.lines.assign(value=lg.lines["value"] * scale)
    lg = geep.Ledger(lines, lg.meta)
    prov = rollups(lg, ["city", "province"])["province"]
    for y in YEARS:
        assert _total(prov, y) == pytest.approx(_total(lg, y), rel=1e-12)
