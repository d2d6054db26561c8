"""The report in a real browser: headless Chromium renders it, runs its script, prints it.

Skips cleanly when no Chromium is installed (``.ci/run`` installs one).
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
from pathlib import Path

import pytest
from report_data import county_codes, county_ledger, regions_table
from report_html_text import read_page

from geep.report import write_report

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium is not installed"),
]
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run"]  # fmt: skip
WINDOW = (1280, 2400)


def chromium(tmp: Path, *args: str) -> subprocess.CompletedProcess:
    cmd = [CHROMIUM, *FLAGS, f"--user-data-dir={tmp / 'profile'}", *args]
    return subprocess.run(cmd, capture_output=True, timeout=180, check=True)


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("browser")
    ledger = county_ledger(status="provisional", warnings=["第一条警告"])
    zones = None
    try:
        import geopandas as gpd
        import shapely

        codes = county_codes()
        zones = gpd.GeoDataFrame(
            {"region_code": codes},
            geometry=[shapely.box(110 + (i % 11) * 0.3, 35 + (i // 11) * 0.3,
                                  110.3 + (i % 11) * 0.3, 35.3 + (i // 11) * 0.3)
                      for i in range(len(codes))],
            crs="EPSG:4490",
        )  # fmt: skip
    except ImportError:
        pass
    return write_report(ledger, tmp / "报告.html", "zh", regions=regions_table(), zones=zones)


def test_rendered_dom_has_the_tables_and_charts(report, tmp_path):
    url = report.as_uri() + "#sort=regions-2020:geep:descending"
    dom = chromium(tmp_path, "--dump-dom", url).stdout.decode("utf-8")
    assert 'data-script="ready"' in dom  # the page's script ran
    page = read_page(dom)
    for y in (2015, 2020):
        assert len(page.tables[f"regions-{y}"]) == 1 + 121
    kinds = [c["class"] for c in page.charts]
    assert sum("chart-waterfall" in k for k in kinds) == 2
    assert sum("chart-hbar" in k for k in kinds) >= 6
    if any("chart-map" in k for k in kinds):
        assert len(page.paths) == 4 * 121
    # the script sorted the 2020 table by GEEP, largest first, as the link asked
    geep_col = page.tables["regions-2020"][0].index("GEEP")
    values = [float(r[geep_col].replace(",", "")) for r in page.tables["regions-2020"][1:]]
    assert values == sorted(values, reverse=True)
    assert re.search(r'data-key="geep"[^>]*aria-sort="descending"', dom)
    assert "暂定结果" in dom and "第一条警告" in dom


def _png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", head[16:24])


def test_screenshot(report, tmp_path):
    shot = tmp_path / "shot.png"
    chromium(tmp_path, f"--screenshot={shot}", f"--window-size={WINDOW[0]},{WINDOW[1]}",
             report.as_uri())  # fmt: skip
    assert _png_size(shot) == WINDOW
    assert shot.stat().st_size > 30_000
    image = pytest.importorskip("PIL.Image")
    with image.open(shot) as im:
        colours = im.convert("RGB").getcolors(maxcolors=1 << 16)
    assert colours is None or len(colours) > 50  # text, bars, banner: not a blank page


def test_prints_on_a_bounded_number_of_a4_pages(report, tmp_path):
    pdf = tmp_path / "report.pdf"
    chromium(tmp_path, f"--print-to-pdf={pdf}", "--no-pdf-header-footer", report.as_uri())
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    count = max(int(n) for n in re.findall(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)", data))
    assert 6 <= count <= 40
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", data)
    sizes = {(round(float(w)), round(float(h))) for w, h in boxes}
    assert (595, 842) in sizes  # A4 portrait for the figures
    assert (842, 595) in sizes  # A4 landscape for the wide region tables
