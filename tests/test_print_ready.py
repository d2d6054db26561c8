"""Every kind of workbook geep writes is print-ready (issue 17): set up for A4, fit to one page
wide, header rows repeated, a print area, a number format on every numeric cell — and real
LibreOffice turns each into a PDF of a bounded number of pages."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

import geep
from geep.cli import main


def _ledger() -> geep.Ledger:
    lc = pd.DataFrame({"region_code": ["140105", "140106"] * 2, "year": [2015, 2015, 2020, 2020],
                       "land_class": "forest.broadleaf", "area": [1.2e5, 3.4e5, 1.3e5, 3.3e5],
                       "unit": "ha", "region_name": ["小店区", "迎泽区"] * 2})  # fmt: skip
    return geep.esv(lc)


@pytest.fixture(scope="module")
def workbooks(tmp_path_factory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("print")
    led = _ledger()
    out = {"ledger-zh": led.to_excel(d / "ledger-zh.xlsx", lang="zh", unit="亿元"),
           "ledger-en": led.to_excel(d / "ledger-en.xlsx")}  # fmt: skip
    lines = led.lines
    cmp = geep.compare(geep.Ledger(lines[lines["year"] == 2020]), across="region",
                       level="category")  # fmt: skip
    out["compare"] = cmp.to_excel(d / "compare.xlsx", lang="zh", unit="万元")
    assert main(["template", str(d / "template.xlsx"), "--lang", "zh"]) == 0
    out["template"] = d / "template.xlsx"
    src = d / "in"
    src.mkdir()
    (src / "land_cover.csv").write_text(
        "region_code,year,land_class,area,unit\n140105,2020,water,5,ha\n", encoding="utf-8"
    )
    assert main(["--lang", "zh", "batch", str(src), "-o", str(d / "batch"), "--jobs", "1"]) == 0
    out["batch-summary"] = d / "batch" / "summary.xlsx"
    from geep.examples import example_path

    fen = example_path("compensation", "fen_example.xlsx")
    assert main(["--lang", "zh", "compensate", "fen-river", str(fen), "-o",
                 str(d / "settlement.xlsx")]) == 0  # fmt: skip
    out["settlement"] = d / "settlement.xlsx"
    return out


def _numeric_general(ws) -> list[str]:
    bad = []
    for row in ws.iter_rows():
        for c in row:
            numeric = isinstance(c.value, int | float) and not isinstance(c.value, bool)
            if numeric and c.number_format == "General":
                bad.append(c.coordinate)
    return bad


def test_every_sheet_is_set_up_for_printing(workbooks):
    for kind, path in workbooks.items():
        wb = load_workbook(path)
        for ws in wb.worksheets:
            if ws.sheet_state != "visible":
                continue
            where = f"{kind}:{ws.title}"
            assert str(ws.page_setup.paperSize) == ws.PAPERSIZE_A4, where
            assert ws.sheet_properties.pageSetUpPr.fitToPage, where
            assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0, where
            assert ws.print_area, where
            if ws.max_column > 6:
                assert ws.page_setup.orientation == "landscape", where
            if ws.freeze_panes:  # a table sheet: its header rows repeat on every page
                assert ws.print_title_rows, where
            assert not _numeric_general(ws)[:1], (where, _numeric_general(ws)[:5])


def _soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.slow
def test_libreoffice_prints_every_kind_on_a_bounded_number_of_pages(workbooks, tmp_path):
    exe = _soffice()
    if exe is None:
        pytest.skip("LibreOffice (soffice) is not installed; .ci/run installs it")
    profile = (tmp_path / "lo-profile").as_uri()
    proc = subprocess.run(
        [exe, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--convert-to",
         "pdf", "--outdir", str(tmp_path), *map(str, workbooks.values())],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    bounds = {"ledger-zh": 30, "ledger-en": 30, "compare": 20, "template": 40,
              "batch-summary": 6, "settlement": 40}  # fmt: skip
    for kind, path in workbooks.items():
        pdf = tmp_path / (path.stem + ".pdf")
        assert pdf.exists(), (kind, proc.stdout + proc.stderr)
        pages = len(re.findall(rb"/Type\s*/Page(?![sa-zA-Z])", pdf.read_bytes()))
        assert 1 <= pages <= bounds[kind], (kind, pages)
