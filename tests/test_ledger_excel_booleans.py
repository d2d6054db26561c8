"""Booleans of a ledger's provenance: 是/否 under zh, true/false under en, and the meta read
back exactly (issue 17: the combined ledger of ``geep batch`` showed Python's ``True``)."""

from __future__ import annotations

import pandas as pd
import pytest
from openpyxl import load_workbook

import geep


@pytest.fixture(scope="module")
def flagged() -> geep.Ledger:
    lc = pd.DataFrame(
        {
            "region_code": ["140100", "140100"],
            "year": [2020, 2020],
            "land_class": ["forest.mixed", "water"],
            "area": [100.0, 5.0],
            "unit": "ha",
        }
    )
    ledger = geep.esv(lc)
    meta = {**ledger.meta, "combined": True, "partial": False}
    return geep.Ledger._trusted(ledger._raw, meta, ordered=ledger._ordered)


@pytest.mark.parametrize(("lang", "sheet", "yes", "no"), [("en", "provenance", "true", "false"),
                                                          ("zh", "来源", "是", "否")])  # fmt: skip
def test_provenance_booleans_in_the_reader_language(tmp_path, flagged, lang, sheet, yes, no):
    path = flagged.to_excel(tmp_path / f"l_{lang}.xlsx", lang=lang)
    rows = {r[0]: r[1] for r in load_workbook(path)[sheet].iter_rows(values_only=True) if r[0]}
    assert (rows["combined"], rows["partial"]) == (yes, no)
    assert "True" not in rows.values() and "False" not in rows.values()
    back = geep.Ledger.read(path)
    assert back.meta["combined"] is True and back.meta["partial"] is False
    assert back.meta == flagged.meta
