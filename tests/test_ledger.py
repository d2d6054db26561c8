"""The Ledger: contract columns, views, checks, comparison and round trips."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

import geep
from geep.errors import InputError, PriceYearError
from geep.ledger import COLUMNS

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def garze_ledger() -> geep.Ledger:
    q = pd.read_csv(DATA / "garze_2010_quantities.csv", dtype={"region_code": str})
    return geep.gep(q.drop(columns="paper_value_yi"))


@pytest.fixture(scope="module")
def esv_ledger() -> geep.Ledger:
    lc = pd.DataFrame(
        {
            "region_code": ["140100", "140100", "140200"],
            "year": [2020, 2020, 2021],
            "land_class": ["forest.mixed", "water", "wetland"],
            "area": [100.0, 5.0, 7.5],
            "unit": "ha",
        }
    )
    return geep.esv(lc)


def test_contract_columns_in_order(esv_ledger):
    assert tuple(esv_ledger.lines.columns[: len(COLUMNS)]) == COLUMNS


def test_views_reconcile(garze_ledger):
    total = garze_ledger.total()
    assert garze_ledger.by_service()["value"].sum() == pytest.approx(total, rel=1e-12)
    assert garze_ledger.by_category()["value"].sum() == pytest.approx(total, rel=1e-12)
    assert garze_ledger.by_region()["value"].sum() == pytest.approx(total, rel=1e-12)
    wide = garze_ledger.pivot(columns="category")
    assert wide.to_numpy().sum() == pytest.approx(total, rel=1e-12)


def test_check_detects_a_broken_line(garze_ledger):
    lines = garze_ledger.lines
    lines.loc[3, "value"] = lines.loc[3, "value"] * 1.01
    broken = geep.Ledger(lines, garze_ledger.meta)
    result = broken.check()
    assert not result.ok
    assert "value ≠ quantity × price" in str(result)
    lines.loc[4, "value"] = float("nan")
    assert "non-finite" in str(geep.Ledger(lines, garze_ledger.meta).check())


def test_mixed_price_years_never_add(esv_ledger):
    moved = geep.esv(
        pd.DataFrame(
            {
                "region_code": ["x"],
                "year": [2020],
                "land_class": ["water"],
                "area": [1.0],
                "unit": ["ha"],
            }
        ),
        price_year=2015,
    )
    both = geep.Ledger.concat([esv_ledger, moved])
    with pytest.raises(PriceYearError, match="price years"):
        both.total()
    # each region-year-account is internally consistent, so the checks pass
    assert both.check().ok


def test_csv_round_trip_is_exact_and_byte_identical(tmp_path, garze_ledger):
    p1 = garze_ledger.to_csv(tmp_path / "a.csv")
    again = geep.gep(
        pd.read_csv(DATA / "garze_2010_quantities.csv", dtype={"region_code": str}).drop(
            columns="paper_value_yi"
        )
    )
    p2 = again.to_csv(tmp_path / "b.csv")
    assert p1.read_bytes() == p2.read_bytes()
    assert (tmp_path / "a.csv.meta.json").read_bytes() == (
        tmp_path / "b.csv.meta.json"
    ).read_bytes()
    back = geep.Ledger.read(p1)
    pd.testing.assert_series_equal(
        back.lines["value"], garze_ledger.lines["value"], check_exact=True
    )
    assert back.meta["tables"] == garze_ledger.meta["tables"]
    assert back.status == "provisional"


def test_excel_round_trip(tmp_path, garze_ledger):
    path = garze_ledger.to_excel(tmp_path / "ledger.xlsx")
    back = geep.Ledger.read(path)
    # spreadsheet cells keep 15-17 significant digits: equal to the last bit or two
    pd.testing.assert_series_equal(back.lines["value"], garze_ledger.lines["value"], rtol=1e-15)
    assert back.lines["coefficient"].tolist() == garze_ledger.lines["coefficient"].tolist()
    assert back.meta["status"] == "provisional"


def test_formula_like_text_is_neutralised_in_outputs(tmp_path):
    lc = pd.DataFrame(
        {
            "region_code": ["r1"],
            "region_name": ['=HYPERLINK("x")'],
            "year": [2020],
            "land_class": ["water"],
            "area": [1.0],
            "unit": ["ha"],
        }
    )
    ledger = geep.esv(lc)
    text = ledger.csv_bytes().decode()
    assert "'=HYPERLINK" in text
    back = geep.Ledger.read(ledger.to_csv(tmp_path / "x.csv"))
    assert back.lines["region_name"].iloc[0] == '=HYPERLINK("x")'


def test_compare_lines_and_editions(garze_ledger):
    from geep import coefficients

    params = coefficients.load("gep-parameters@garze-2010")
    changed = coefficients.override(
        params, {"price.hydropower": 0.60}, by="negotiator", reason="2023 tariff"
    )
    q = pd.read_csv(DATA / "garze_2010_quantities.csv", dtype={"region_code": str})
    other = geep.gep(q.drop(columns="paper_value_yi"), tables={"parameters": changed})
    cmp = garze_ledger.compare(other)
    moved = cmp[cmp["diff"] != 0]
    assert moved["indicator"].tolist() == ["hydropower"]
    assert moved["diff"].iloc[0] == pytest.approx(95.30e8 * (0.60 - 0.53), rel=1e-9)
    assert moved["pct"].iloc[0] == pytest.approx((0.60 / 0.53 - 1) * 100, rel=1e-9)
    assert cmp.attrs["editions"]["only_b"] == ["gep-parameters@garze-2010+negotiator"]


def test_ledger_requires_contract_columns():
    with pytest.raises(InputError, match="needs the columns"):
        geep.Ledger(pd.DataFrame({"value": [1.0]}))


def test_repr_and_html_say_provisional(garze_ledger):
    assert "[PROVISIONAL]" in repr(garze_ledger)
    assert "PROVISIONAL" in garze_ledger._repr_html_()
    assert json.loads(garze_ledger.meta_bytes())["profile"] == "cn-gep-2020"
