"""Benchmark: ESV + GEP + GEEP on a synthetic national county dataset.

Builds 2,844 counties × 20 years with 15 land classes (14 Xie types + built-up), ~25 GEP
indicators and an economy table, runs the public API end to end (validation included) and
prints rows/s, seconds and peak memory, plus the time of a bare numpy computation of the same
line values and totals, and the ratio.

Usage: python benchmarks/bench_engines.py [--counties N] [--years N]
"""

from __future__ import annotations

import argparse
import resource
import time

import numpy as np
import pandas as pd

import geep
from geep import coefficients
from geep.inputs import from_frames
from geep.vocab import LAND_CLASSES

GEP_INDICATORS = {
    "products.agriculture": "万元",
    "products.forestry": "万元",
    "products.livestock": "万元",
    "products.fishery": "万元",
    "water_supply.domestic": "万m3",
    "water_supply.industrial": "万m3",
    "water_supply.agricultural": "万m3",
    "hydropower": "万kWh",
    "water_conservation": "万m3",
    "soil_retention": "万t",
    "sand_fixation": "t",
    "flood_regulation.lake": "万m3",
    "flood_regulation.reservoir": "万m3",
    "flood_regulation.marsh": "万m3",
    "air_purification.so2": "t",
    "air_purification.nox": "t",
    "air_purification.dust": "t",
    "water_purification.cod": "t",
    "water_purification.nh3n": "t",
    "carbon_sequestration": "t_CO2",
    "oxygen_release": "t",
    "climate_regulation.transpiration": "万kWh",
    "climate_regulation.evaporation": "万kWh",
    "pest_control.forest": "ha",
    "pest_control.grassland": "ha",
    "recreation": "万元",
}


def synthetic(n_counties: int, n_years: int, seed: int = 1):
    rng = np.random.default_rng(seed)
    codes = np.array([f"{100000 + i:06d}" for i in range(n_counties)])
    years = np.arange(2001, 2001 + n_years)
    classes = np.array(list(LAND_CLASSES))
    ry_r = np.repeat(codes, n_years)
    ry_y = np.tile(years, n_counties)
    n_ry = len(ry_r)
    lc = pd.DataFrame(
        {
            "region_code": np.repeat(ry_r, len(classes)),
            "year": np.repeat(ry_y, len(classes)),
            "land_class": np.tile(classes, n_ry),
            "area": rng.uniform(0, 5e4, n_ry * len(classes)),
            "unit": "ha",
        }
    )
    inds = np.array(list(GEP_INDICATORS))
    q = pd.DataFrame(
        {
            "region_code": np.repeat(ry_r, len(inds)),
            "year": np.repeat(ry_y, len(inds)),
            "indicator": np.tile(inds, n_ry),
            "quantity": rng.uniform(1, 1e4, n_ry * len(inds)),
            "unit": np.tile([GEP_INDICATORS[i] for i in inds], n_ry),
        }
    )
    eco = pd.DataFrame(
        {
            "region_code": ry_r,
            "year": ry_y,
            "gdp": rng.uniform(50, 5000, n_ry),
            "pdc": rng.uniform(0, 50, n_ry),
            "edc": rng.uniform(0, 20, n_ry),
            "unit": "亿元",
            "price_year": 2010,
        }
    )
    return lc, q, eco


def bare_numpy(lc: pd.DataFrame, q: pd.DataFrame, eco: pd.DataFrame) -> float:
    """Same line values and totals with plain numpy (no validation, no provenance)."""
    t0 = time.perf_counter()
    f = coefficients.load("xie2015-factors@2015").frame
    types = list(dict.fromkeys(f["ecosystem_type"]))
    fmat = f.pivot(index="ecosystem_type", columns="service", values="factor").loc[types]
    idx = {c: i for i, c in enumerate(types)}
    cls = lc["land_class"].map(idx).to_numpy()
    ok = ~np.isnan(cls.astype(float))
    vals = lc["area"].to_numpy()[ok, None] * fmat.to_numpy()[cls[ok].astype(int)] * 3406.5
    esv_total = vals.sum()
    params = coefficients.load("gep-parameters@garze-2010")
    price = {i: 1.0 for i in GEP_INDICATORS}
    gvals = q["quantity"].to_numpy() * q["indicator"].map(price).to_numpy()
    gep_total = gvals.sum()
    geep_total = (eco["gdp"] - eco["pdc"] - eco["edc"]).to_numpy().sum() + gep_total
    _ = params, esv_total, geep_total
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--counties", type=int, default=2844)
    ap.add_argument("--years", type=int, default=20)
    a = ap.parse_args()
    lc, q, eco = synthetic(a.counties, a.years)
    print(
        f"inputs: land_cover {len(lc):,} rows, quantities {len(q):,} rows, "
        f"economy {len(eco):,} rows"
    )
    for ref in ("xie2015-factors@2015", "gep-parameters@garze-2010", "cpi-china@nbs-annual"):
        coefficients.load(ref)  # warm the tables (the catalogue has its own benchmark)
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    inputs = from_frames({"land_cover": lc, "quantities": q, "economy": eco})
    t1 = time.perf_counter()
    e = geep.esv(inputs)
    t2 = time.perf_counter()
    g = geep.gep(inputs)
    t3 = time.perf_counter()
    gg = geep.geep(g, inputs)
    t4 = time.perf_counter()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # kB on Linux
    total = t4 - t0
    n_lines = len(e) + len(g) + len(gg)
    n_in = len(lc) + len(q) + len(eco)
    base = bare_numpy(lc, q, eco)
    print(f"validate+normalise inputs: {t1 - t0:8.2f} s  ({n_in / (t1 - t0):,.0f} input rows/s)")
    print(f"ESV  {len(e):>10,} lines: {t2 - t1:8.2f} s")
    print(f"GEP  {len(g):>10,} lines: {t3 - t2:8.2f} s")
    print(f"GEEP {len(gg):>10,} lines: {t4 - t3:8.2f} s")
    print(
        f"total: {total:.2f} s, {n_lines / total:,.0f} ledger lines/s, "
        f"peak RSS {peak / 2**20:,.0f} MiB (inputs alone: {rss0 / 2**10:,.0f} MiB)"
    )
    print(
        f"bare numpy (same line values and totals, no validation/provenance): {base:.3f} s; "
        f"ratio {total / base:,.1f}x (engines only, excluding validation: "
        f"{(t4 - t1) / base:,.1f}x)"
    )


if __name__ == "__main__":
    main()
