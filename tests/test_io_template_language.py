"""The template's instructions in one language (issue 17): the steps and table descriptions
in the template's language only, not "中文 / English"."""

from __future__ import annotations

import re

import pytest
from openpyxl import load_workbook

from geep.inputs.spec import TABLES
from geep.io.template import write_template

CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_instructions_in_one_language(tmp_path, lang):
    ws = load_workbook(write_template(tmp_path / "t.xlsx", lang)).worksheets[0]
    steps = [r[0] for r in ws.iter_rows(values_only=True) if r[0] and re.match(r"\d\. ", r[0])]
    assert len(steps) == 5
    what = {r[1]: r[2] for r in ws.iter_rows(values_only=True) if r[1] in TABLES and r[2]}
    assert set(what) == {"regions", "land_cover", "quantities", "drivers", "economy",
                         "monitoring", "flows", "forest_stands", "forest_prices"}  # fmt: skip
    if lang == "en":  # (English texts may quote Chinese terms and units: 功能量, 亩)
        assert what == {k: TABLES[k].description for k in what}
        assert not any(CJK.match(t[3:]) for t in steps)  # no Chinese step
    else:
        assert what == {k: TABLES[k].description_zh for k in what}
        assert all(CJK.search(t) and " / " not in t for t in [*steps, *what.values()])
