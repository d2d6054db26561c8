"""geep.aggregate: lines summed into parent regions, with quantities where they add up."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import geep
from geep.errors import MethodError


def _line(region, eco, qty, unit, value, service="food_production", year=2020):
    return {
        "region_code": region, "region_name": "", "year": year, "account": "ESV",
        "category": "provisioning", "service": service, "indicator": service,
        "quantity": qty, "quantity_unit": unit, "price": value / qty if qty else np.nan,
        "price_unit": "CNY/ha" if unit == "ha" else None, "value": value, "value_unit": "CNY",
        "price_year": 2020, "method": "m", "coefficient": "t@1#x", "input_ref": "f!s!A1",
        "ecosystem_type": eco,
    }  # fmt: skip


def _ledger(rows):
    return geep.Ledger(pd.DataFrame(rows), {"status": "released"})


def test_land_classes_kept_and_areas_summed():
    lg = _ledger([
        _line("a", "forest.mixed", 10.0, "ha", 100.0),
        _line("b", "forest.mixed", 5.0, "ha", 70.0),
        _line("a", "water", 2.0, "ha", 8.0),
    ])  # fmt: skip
    out = geep.aggregate(lg, {"a": "P", "b": "P"}, {"P": "省"}).lines.set_index("ecosystem_type")
    assert out.loc["forest.mixed", "value"] == 170.0
    assert out.loc["forest.mixed", "quantity"] == 15.0
    assert out.loc["forest.mixed", "quantity_unit"] == "ha"
    assert out.loc["water", "value"] == 8.0
    assert out.loc["forest.mixed", "input_ref"] == "sum of 2 lines"
    assert set(out["region_name"]) == {"省"}
    assert out["price"].isna().all()  # a sum of values is not a price times a quantity


def test_quantity_left_empty_when_units_differ_or_missing():
    lg = _ledger([
        _line("a", "forest.mixed", 10.0, "ha", 100.0),
        _line("b", "forest.mixed", 5.0, "mu", 70.0),
        _line("a", "water", np.nan, None, 8.0),
        _line("b", "water", 3.0, "ha", 9.0),
    ])  # fmt: skip
    out = geep.aggregate(lg, {"a": "P", "b": "P"}).lines.set_index("ecosystem_type")
    assert np.isnan(out.loc["forest.mixed", "quantity"])
    assert pd.isna(out.loc["forest.mixed", "quantity_unit"])
    assert np.isnan(out.loc["water", "quantity"])
    assert out["value"].sum() == 187.0


def test_every_region_must_have_a_parent():
    lg = _ledger([_line("a", "water", 1.0, "ha", 1.0), _line("b", "water", 1.0, "ha", 1.0)])
    with pytest.raises(MethodError, match="'b'"):
        geep.aggregate(lg, {"a": "P"})
