"""The wide GEEP table, headline figures per year and composition (hand-computed values)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from report_data import county_ledger, regions_table

import geep
from geep.errors import MethodError, PriceYearError
from geep.report import composition, geep_table, headline, money_groups, rollup, rollup_regions

# county 0 = 小店区 140105, county 1 = 迎泽区 140106 (see report_data: values by index i)
CODES = ["140105", "140106"]


@pytest.fixture(scope="module")
def two() -> geep.Ledger:
    return county_ledger(CODES)


def test_geep_table_values(two):
    t = geep_table(two, regions_table(CODES)).set_index(["region_code", "year"])
    r = t.loc[("140105", 2020)]
    # i = 0: GDP 5e9, PDC 1e7, EDC 4e6, ERS = water conservation 2e7 + 2020
    assert r["gdp"] == 5_000_000_000.0
    assert r["pdc"] == 10_000_000.0 and r["edc"] == 4_000_000.0  # costs, positive
    assert r["ers"] == 20_002_020.0
    assert r["geep"] == 5_000_000_000.0 - 10_000_000.0 - 4_000_000.0 + 20_002_020.0
    assert r["geep_gdp"] == pytest.approx(r["geep"] / 5e9, rel=1e-15)
    gep = 100_000_000.0 + 5_000_000 + 20_002_020.0 + 5_000_000.0
    assert r["gep"] == gep
    assert r["esv"] == 30_000_000.0 + 70_002_020.0 - 1_000_000.0
    # regions: area 10,000 ha = 100 km², population 100,000
    assert r["area_km2"] == 100.0 and r["population"] == 100_000.0
    assert r["gep_per_km2"] == gep / 100.0
    assert r["esv_per_km2"] == r["esv"] / 100.0
    assert r["geep_per_capita"] == r["geep"] / 100_000.0
    assert t.attrs["price_year"] == 2020 and t.attrs["units"]["gep_per_km2"] == "CNY/km**2"
    assert list(t.reset_index()["region_name"].unique()) == ["小店区", "迎泽区"]


def test_geep_table_of_a_rollup_with_rolled_regions(two):
    city = rollup(two, "city")
    t = geep_table(city, rollup_regions(regions_table(CODES), "city"))
    r = t.set_index("year").loc[2015]
    assert r["region_code"] == "140100" and r["region_name"] == "太原市"
    assert r["area_km2"] == 300.0 and r["population"] == 300_000.0
    assert r["gdp"] == 11_000_000_000.0


def test_geep_table_refuses_mixed_money(two):
    lines = two.lines
    lines.loc[lines["account"] == "ESV", "price_year"] = 2010
    with pytest.raises(PriceYearError, match="2010"):
        geep_table(geep.Ledger(lines, two.meta))
    bt = lines[lines["account"] == "ESV"].assign(account="BT")
    with pytest.raises(MethodError, match="GEEP, GEP, ESV"):
        geep_table(geep.Ledger(bt, {}))


def test_money_groups_and_one_account_in_two_moneys(two):
    lines = two.lines
    lines.loc[lines["account"] == "ESV", "price_year"] = 2010
    groups = money_groups(geep.Ledger(lines, {}))
    assert [(g.unit, g.price_year, g.accounts) for g in groups] == [
        ("CNY", 2020, ("GEEP", "GEP")), ("CNY", 2010, ("ESV",)),
    ]  # fmt: skip
    first_gep = lines.index[lines["account"] == "GEP"][0]
    lines.loc[first_gep, "price_year"] = 2015  # one GEP line at other prices
    with pytest.raises(PriceYearError, match="GEP"):
        money_groups(geep.Ledger(lines, {}))


def test_headline_is_per_year_never_summed_across_years(two):
    h = headline(two)
    assert set(h["year"]) == {2015, 2020}
    f = two.lines
    for y in (2015, 2020):
        for acc in ("GEP", "ESV", "GEEP"):
            got = h[(h["year"] == y) & (h["account"] == acc) & (h["measure"] == "total")]
            want = f.loc[(f["year"] == y) & (f["account"] == acc), "value"].sum()
            assert got["value"].tolist() == [want]
    gdp = h.query("account == 'GEEP' and measure == 'gdp'").set_index("year")["value"]
    assert gdp.to_dict() == {2015: 11_000_000_000.0, 2020: 11_000_000_000.0}
    pdc = h.query("account == 'GEEP' and measure == 'pdc' and year == 2020")["value"].item()
    assert pdc == 30_000_000.0  # positive cost
    cats = h.query("account == 'GEP' and year == 2020")["measure"].tolist()
    assert cats == ["total", "category:provisioning", "category:regulating", "category:cultural"]


def test_composition_hides_shares_of_a_mixed_sign_total(two):
    esv = composition(two, "ESV", 2020)
    assert (esv["value"] < 0).any() and esv["share"].isna().all()
    gep = composition(two, "GEP", 2020)
    assert gep["share"].sum() == pytest.approx(1.0, rel=1e-12)
    assert gep["category"].tolist()[0] == "provisioning"
    assert np.all(gep["share"] > 0)


def test_regions_without_population_give_no_per_capita(two):
    reg = pd.DataFrame({"region_code": CODES, "area": [100.0, np.nan]})
    t = geep_table(two, reg).set_index(["region_code", "year"])
    assert "geep_per_capita" not in t
    assert np.isnan(t.loc[("140106", 2020), "esv_per_km2"])
