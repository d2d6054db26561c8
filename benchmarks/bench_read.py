"""Time to read and validate a province workbook (117 counties × 20 years) against the floor.

The floor is a bare openpyxl read-only pass over the same cells (``iter_rows(values_only=True)``
on every sheet): what any reader has to pay to get the values out of the file. geep adds the
pre-flight scan, per-cell checks, unit conversion, vocabulary and cross-table checks.

Run: ``python benchmarks/bench_read.py [--counties 117] [--years 20] [--repeat 3]``.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from openpyxl import Workbook, load_workbook

import geep
from geep.vocab import LAND_CLASSES

INDICATORS = (
    ("water_conservation", "万m3"), ("soil_retention", "t"), ("sand_fixation", "t"),
    ("carbon_sequestration", "t_CO2"), ("oxygen_release", "t"), ("products.agriculture", "万元"),
    ("water_supply.domestic", "万m3"), ("hydropower", "万kWh"), ("recreation", "万元"),
    ("air_purification.so2", "t"), ("water_purification.cod", "t"), ("flood_regulation.lake", "万m3"),
)  # fmt: skip


def build(path: Path, counties: int, years: int) -> int:
    """Write the benchmark workbook (as a spreadsheet program would: with each sheet's
    ``<dimension>``); return its number of cells."""
    wb = Workbook()
    wb.remove(wb.active)
    classes = list(LAND_CLASSES)
    codes = [f"14{k:04d}" for k in range(counties)]
    cells = 0
    reg = wb.create_sheet("regions")
    reg.append(["region_code", "region_name", "parent_code", "area", "unit", "population (person)"])
    for c in codes:
        reg.append([c, f"county {c}", "140000", 150_000.0, "ha", 300_000])
        cells += 6
    lc = wb.create_sheet("land_cover")
    lc.append(["region_code", "year", "land_class", "area", "unit"])
    for c in codes:
        for y in range(2001, 2001 + years):
            for k, cls in enumerate(classes):
                lc.append([c, y, cls, 10_000.0 - 7.5 * k + (y - 2000) * 0.25, "ha"])
                cells += 5
    q = wb.create_sheet("quantities")
    q.append(["region_code", "year", "indicator", "quantity", "unit"])
    for c in codes:
        for y in range(2001, 2001 + years):
            for k, (ind, unit) in enumerate(INDICATORS):
                q.append([c, y, ind, 1000.0 + k * 13.25 + y % 7, unit])
                cells += 5
    eco = wb.create_sheet("economy")
    eco.append(["region_code", "year", "gdp", "pdc", "edc", "unit", "price_year"])
    for c in codes:
        for y in range(2001, 2001 + years):
            eco.append([c, y, 250_000.0, 1_200.0, 800.0, "万元", y])
            cells += 7
    wb.save(path)
    return cells


def floor(path: Path) -> int:
    """Bare openpyxl read-only pass; returns the number of cells seen."""
    wb = load_workbook(path, read_only=True, data_only=True)
    n = 0
    for ws in wb.worksheets:
        for row in ws.iter_rows(values_only=True):
            n += len(row)
    wb.close()
    return n


def timed(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def interleaved(a, b, repeat: int) -> tuple[list[float], list[float]]:
    """Times of ``a`` and ``b`` run alternately, so load on a shared machine hits both alike."""
    ta, tb = [], []
    for _ in range(repeat):
        ta.append(timed(a))
        tb.append(timed(b))
    return ta, tb


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--counties", type=int, default=117)
    ap.add_argument("--years", type=int, default=20)
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "province.xlsx"
        cells = build(path, a.counties, a.years)
        size = path.stat().st_size
        inputs = geep.read_inputs(path)  # warm-up (imports, coefficient crosswalks)
        rows = {k: len(v) for k, v in inputs.tables.items()}
        fl, ge = interleaved(lambda: floor(path), lambda: geep.read_inputs(path), a.repeat)
    t_floor, t_geep = min(fl), min(ge)
    paired = statistics.median(g / f for f, g in zip(fl, ge, strict=True))
    print(
        f"workbook: {a.counties} counties × {a.years} years, {cells:,} cells, {size / 1e6:.1f} MB"
    )
    print(f"tables: {rows}")
    print(f"bare openpyxl read-only pass (floor): {t_floor:.2f} s (best of {a.repeat})")
    print(f"geep.read_inputs (read + validate):   {t_geep:.2f} s (best of {a.repeat})")
    print(f"ratio to floor: {t_geep / t_floor:.2f}× best/best, {paired:.2f}× median of paired "
          f"runs (target ≤ 2×); {cells / t_geep / 1e3:,.0f}k cells/s")  # fmt: skip


if __name__ == "__main__":
    main()
