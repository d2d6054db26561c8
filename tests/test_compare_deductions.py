"""geep compare: a growing damage cost (a GEEP deduction, stored negative) reads as growing."""

from __future__ import annotations

import numpy as np
import pytest

import geep
from geep.comparison import compare
from geep.demo import run_demo


@pytest.fixture(scope="module")
def geep_ledger(tmp_path_factory):
    return run_demo(tmp_path_factory.mktemp("demo"), figures=False).geep


def test_damage_change_has_the_sign_of_the_damage(geep_ledger):
    cmp = compare([geep_ledger], across="year")
    t = cmp.table.set_index("service")
    a, b = cmp.sides
    for service in ("pdc", "edc"):
        base, side = -t.loc[service, a], -t.loc[service, b]  # the damages, positive
        assert t.loc[service, f"damage_pct:{b}"] == pytest.approx((side - base) / base * 100)
        assert "GEEP" in t.loc[service, "reading"]
    assert np.isnan(t.loc["gdp", f"damage_pct:{b}"]) and t.loc["gdp", "reading"] == ""


def test_workbook_carries_the_reading(geep_ledger, tmp_path):
    import openpyxl

    from geep.io.compare_excel import write_comparison

    with geep.messages.language_scope("zh"):
        cmp = compare([geep_ledger], across="year")
    path = write_comparison(cmp, tmp_path / "c.xlsx", lang="zh")
    ws = openpyxl.load_workbook(path)["逐项对比"]
    texts = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert "解读" in texts and any(t.startswith("扣减项（损失成本）") for t in texts)
