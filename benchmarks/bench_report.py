"""Time the browser report, the roll-ups and the GEEP table on Shanxi's 121 counties and zones.

A synthetic ledger (GEP: 3 services, ESV: 3 services × 14 land classes, GEEP: 4 lines, per
county-year) over ``--years`` years. Prints seconds, lines per second, the page size, the peak
RSS, and the roll-up's ratio to a hand-written pandas baseline (map the codes to their city,
group, sum — without geep's checks, names and provenance).

Usage::

    python benchmarks/bench_report.py [--years 20] [--repeat 3]
"""

from __future__ import annotations

import argparse
import resource
import time

import numpy as np
import pandas as pd

import geep
from geep.report import geep_table, report_html, rollup, rollups
from geep.report.regions import shanxi

ESV_TYPES = ("farmland.dryland", "farmland.paddy", "forest.coniferous", "forest.mixed",
             "forest.broadleaf", "forest.shrub", "grassland.steppe", "grassland.shrub_grass",
             "grassland.meadow", "wetland", "desert", "desert.bare", "water", "glacier")  # fmt: skip


def synthetic(years: int) -> tuple[geep.Ledger, pd.DataFrame]:
    h = shanxi().frame
    counties = h[h["level"] == "county"]
    codes, names = counties["region_code"].to_numpy(), counties["region_name"].to_numpy()
    yrs = np.arange(2000, 2000 + years)
    spec = [("GEP", "provisioning", "products", ""), ("GEP", "regulating", "water_conservation", ""),
            ("GEP", "cultural", "recreation", ""),
            *(("ESV", c, s, t) for c, s in (("provisioning", "food_production"),
                                            ("regulating", "hydrological_regulation"),
                                            ("supporting", "biodiversity")) for t in ESV_TYPES),
            ("GEEP", "economy", "gdp", ""), ("GEEP", "deduction", "pdc", ""),
            ("GEEP", "deduction", "edc", ""), ("GEEP", "regulating", "ers", "")]  # fmt: skip
    n_r, n_y, n_s = len(codes), len(yrs), len(spec)
    r = np.repeat(np.arange(n_r), n_y * n_s)
    y = np.tile(np.repeat(yrs, n_s), n_r)
    s = np.tile(np.arange(n_s), n_r * n_y)
    rng = np.random.default_rng(42)
    sign = np.array([-1.0 if x[2] in ("pdc", "edc") else 1.0 for x in spec])[s]
    value = sign * rng.integers(1_000_000, 900_000_000, len(r)).astype(float)
    col = lambda k: np.array([x[k] for x in spec], dtype=object)[s]  # noqa: E731
    lines = pd.DataFrame({
        "region_code": codes[r], "region_name": names[r], "year": y, "account": col(0),
        "category": col(1), "service": col(2), "indicator": col(2), "quantity": np.nan,
        "quantity_unit": None, "price": np.nan, "price_unit": None, "value": value,
        "value_unit": "CNY", "price_year": 2020, "method": "bench", "coefficient": "bench@1#x",
        "input_ref": "bench", "ecosystem_type": np.where(col(3) == "", None, col(3)),
    })  # fmt: skip
    regions = pd.DataFrame({"region_code": codes, "area": 100_000.0, "population": 300_000.0})
    return geep.Ledger(lines, {"status": "released"}), regions


def best(fn, repeat: int) -> tuple[float, object]:
    times, out = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return min(times), out


def baseline(ledger: geep.Ledger, parent: dict[str, str]) -> pd.DataFrame:
    f = ledger.lines
    keys = ["year", "account", "category", "service", "indicator", "ecosystem_type"]
    flat = f[[*keys, "value"]].copy(deep=False)  # categoricals, as geep's lines
    flat.insert(0, "region_code", pd.Categorical(f["region_code"].astype(str).map(parent)))
    g = flat.groupby(["region_code", *keys], dropna=False, observed=True, sort=True)
    return g["value"].sum().reset_index()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    ledger, regions = synthetic(args.years)
    n = len(ledger)
    ledger.lines  # noqa: B018 - sort once, outside the timings
    print(f"ledger: {n:,} lines, {ledger.lines['region_code'].nunique()} counties, "
          f"{args.years} years")  # fmt: skip
    h = shanxi()
    parent = dict(zip(h.frame["region_code"], h.frame["parent_code"], strict=True))
    t_base, _ = best(lambda: baseline(ledger, parent), args.repeat)
    t_city, city = best(lambda: rollup(ledger, "city", hierarchy=h), args.repeat)
    print(
        f"roll-up to cities: {t_city:.3f} s, {n / t_city:,.0f} lines/s "
        f"(checked; baseline map+groupby {t_base:.3f} s, ratio {t_city / t_base:.1f}x)"
    )
    t_all, _ = best(lambda: rollups(ledger, ["county", "city", "province"], hierarchy=h), 1)
    print(f"county → city → province with the chain identity: {t_all:.3f} s")
    t_tab, table = best(lambda: geep_table(ledger, regions), args.repeat)
    print(f"geep_table: {t_tab:.3f} s, {len(table):,} region-years, {n / t_tab:,.0f} lines/s")
    for label, lg in (("121 counties, 2 years", _years(ledger, 2)), (f"121 counties, "
                      f"{args.years} years", ledger), ("11 cities", city)):  # fmt: skip
        t, page = best(lambda lg=lg: report_html(lg, "zh", regions=regions), 1)
        print(f"report ({label}): {t:.2f} s, {len(page.encode()) / 1e6:.2f} MB")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS: {rss:,.0f} MB")


def _years(ledger: geep.Ledger, k: int) -> geep.Ledger:
    f = ledger.lines
    return geep.Ledger(f[f["year"] < f["year"].min() + k], ledger.meta)


if __name__ == "__main__":
    main()
