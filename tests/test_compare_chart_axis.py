"""The comparison workbook's bar chart reads from zero (not from Excel's automatic minimum)."""

from __future__ import annotations

import re
import zipfile

from report_data import county_ledger

import geep


def _chart_xml(path) -> str:
    with zipfile.ZipFile(path) as zf:
        name = next(n for n in zf.namelist() if n.startswith("xl/charts/chart"))
        return zf.read(name).decode("utf-8")


def test_value_axis_starts_at_zero(tmp_path):
    # two years of 121 counties: totals about 1.2e12 and 1.3e12 CNY, a small rise
    lg = county_ledger()
    gep = geep.Ledger(lg.lines[lg.lines["account"] == "GEEP"], lg.meta)
    cmp = geep.compare(gep, across="year")
    path = cmp.to_excel(tmp_path / "cmp.xlsx")
    xml = _chart_xml(path)
    val_ax = re.search(r"<(c:)?valAx>.*?</(c:)?valAx>", xml, re.S).group(0)
    scaling = re.search(r"<(c:)?scaling>.*?</(c:)?scaling>", val_ax, re.S).group(0)
    assert re.search(r'<(c:)?min val="0(\.0)?"\s*/>', scaling), scaling
