"""Benchmark: ESV with a per-run class map (composites) against the same run without one.

Builds N counties × Y years of land cover in the study classes 耕地, 林地, 草地, 水体, 裸地,
建设用地 (Chinese first-level names), then runs ``geep.esv`` (validation included)

* with the 银川 class map (耕地 = 0.8 paddy + 0.2 dryland, 草地 = mean of steppe and meadow,
  水体 = mean of water and wetland, …), and
* without it, on the same areas written as single geep classes (the crosswalk-free baseline),

and prints seconds (best of two runs), input rows/s, ledger lines/s and peak RSS of each, their ratio, and a
hand-written numpy computation of the class-map totals as a check and a baseline.

Usage: python benchmarks/bench_classmap.py [--counties N] [--years N]
"""

from __future__ import annotations

import argparse
import resource
import time

import numpy as np
import pandas as pd

import geep
from geep import coefficients

CLASS_MAP = {
    "耕地": {"farmland.paddy": 0.8, "farmland.dryland": 0.2},
    "林地": "forest.shrub",
    "草地": {"grassland.steppe": 0.5, "grassland.meadow": 0.5},
    "水体": {"water": 0.5, "wetland": 0.5},
    "裸地": "desert.bare",
    "建设用地": "built_up",
}
SINGLE = {"耕地": "farmland.paddy", "林地": "forest.shrub", "草地": "grassland.steppe",
          "水体": "water", "裸地": "desert.bare", "建设用地": "built_up"}  # fmt: skip


def land_cover(n_counties: int, n_years: int, seed: int = 3) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    classes = np.array(list(CLASS_MAP))
    codes = np.array([f"{100000 + i:06d}" for i in range(n_counties)])
    n = n_counties * n_years * len(classes)
    return pd.DataFrame(
        {
            "region_code": np.repeat(codes, n_years * len(classes)),
            "year": np.tile(np.repeat(np.arange(2001, 2001 + n_years), len(classes)), n_counties),
            "land_class": np.tile(classes, n_counties * n_years),
            "area": rng.uniform(10.0, 5000.0, n),
            "unit": "ha",
        }
    )


def numpy_totals(lc: pd.DataFrame) -> float:
    """Σ area × Σ_i w_i Σ_s E_i,s × D, by hand."""
    f = coefficients.load("xie2015-factors@2015").frame.groupby("ecosystem_type")["factor"].sum()
    per_class = {}
    for k, v in CLASS_MAP.items():
        comps = {v: 1.0} if isinstance(v, str) else v
        per_class[k] = sum(w * f.get(c, 0.0) for c, w in comps.items())
    vals = lc["land_class"].map(per_class).to_numpy()
    return float(np.sum(lc["area"].to_numpy() * vals) * 3406.5)


def timed(fn, repeat: int = 2):
    """Result and the best of ``repeat`` wall-clock times [s] (the machine is shared)."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t0)
    return out, best


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--counties", type=int, default=2844)
    ap.add_argument("--years", type=int, default=20)
    a = ap.parse_args()
    lc = land_cover(a.counties, a.years)
    plain = lc.assign(land_class=lc["land_class"].map(SINGLE))
    geep.esv(lc.head(60), class_map=CLASS_MAP)  # warm caches (catalogue, units)
    mapped, t_map = timed(lambda: geep.esv(lc, class_map=CLASS_MAP))
    rss_map = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    base, t_base = timed(lambda: geep.esv(plain))
    hand, t_np = timed(lambda: numpy_totals(lc))
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"input rows        {len(lc):,} ({a.counties} counties × {a.years} years × 6 classes)")
    print(
        f"with class map    {t_map:7.2f} s  {len(lc) / t_map:,.0f} rows/s  "
        f"{len(mapped) / t_map:,.0f} lines/s  peak RSS {rss_map:,.0f} MiB"
    )
    print(
        f"single classes    {t_base:7.2f} s  {len(lc) / t_base:,.0f} rows/s  "
        f"{len(base) / t_base:,.0f} lines/s  (peak RSS so far {rss:,.0f} MiB)"
    )
    print(f"ratio map/plain   {t_map / t_base:7.2f}")
    print(f"numpy by hand     {t_np:7.3f} s  (ratio geep/numpy {t_map / t_np:,.0f})")
    rel = abs(mapped.total() - hand) / hand
    print(f"total check       geep {mapped.total():.6e}  numpy {hand:.6e}  rel. diff {rel:.1e}")


if __name__ == "__main__":
    main()
