"""Throughput of the forest formulas and of the stand checks on a synthetic inventory.

Builds N stands (all drivers drawn within their bounds), then times, best of --repeat:

* every indicator through ``forest_formulas.evaluate`` (stands/s per indicator and for all 14);
* the same lines (quantity, price and value arrays) written by hand in plain numpy — the
  baseline; ratio = formulas time ÷ baseline time, so ~1 means the functions cost nothing;
* ``forest_checks.check_stands`` for all indicators (rows/s).

Prints the figures and the peak RSS of the process.

Usage::

    python benchmarks/bench_forest.py [--stands N] [--repeat R]
"""

from __future__ import annotations

import argparse
import resource
import sys
import time

import numpy as np
import pandas as pd

from geep.methods.forest_checks import check_stands
from geep.methods.forest_formulas import FORMULAS, evaluate
from geep.methods.forest_spec import DRIVERS, INDICATORS, PRICES


def _stands(n: int, rng: np.random.Generator) -> pd.DataFrame:
    cols = {
        "region_code": np.repeat(np.arange(n // 50 + 1), 50)[:n].astype(str),
        "year": np.full(n, 2020),
        "stand_type": np.arange(n).astype(str),
        "area": rng.uniform(0.5, 500.0, n),
    }
    for name, d in DRIVERS.items():
        hi = d.maximum if d.maximum is not None else 1000.0
        cols[name] = rng.uniform(0.01, hi, n)
    cols["precipitation"] = rng.uniform(400.0, 900.0, n)
    cols["evapotranspiration"] = rng.uniform(100.0, 350.0, n)
    return pd.DataFrame(cols)


def _prices() -> dict[str, float]:
    return {k: (10.0 if p.kind == "parameter" else 2.5) for k, p in PRICES.items()}


def _baseline(c: dict[str, np.ndarray], p: dict[str, float]) -> float:
    """The same 14 indicators written by hand in numpy, with the same output: quantity, price
    and value arrays for each of the 20 lines. Returns the sum of all values."""
    a = c["area"]
    n = len(a)

    def line(q: np.ndarray, price) -> np.ndarray:
        pr = np.full(n, price) if np.ndim(price) == 0 else price.copy()
        return (q, pr, q * pr)[2]

    w = 10.0 * a * (c["precipitation"] - c["evapotranspiration"] - c["runoff"])
    kept = a * (c["erosion_without_forest"] - c["erosion_with_forest"])
    pn, pp, pk = p["fertilizer_dap"] / 0.1, p["fertilizer_dap"] / 0.1, p["fertilizer_kcl"] / 0.1
    growth = a * c["net_productivity"]
    excess = c["anion_concentration"] - p["anion_threshold"]
    values = (
        line(w, p["reservoir_cost"]),
        line(w * 1.0, p["water_purification"]),
        line(kept, p["soil_excavation"] / c["soil_bulk_density"]),
        line(kept * c["soil_n"] * 0.01, pn),
        line(kept * c["soil_p"] * 0.01, pp),
        line(kept * c["soil_k"] * 0.01, pk),
        line(kept * c["soil_organic_matter"] * 0.01, p["organic_matter"]),
        line(1.63 * 12 / 44 * growth, p["carbon"]),
        line(a * c["soil_carbon_sequestration"], p["carbon"]),
        line(1.19 * growth, p["oxygen"]),
        line(growth * c["tree_n"] * 0.01, pn),
        line(growth * c["tree_p"] * 0.01, pp),
        line(growth * c["tree_k"] * 0.01, pk),
        line(5.256e15 * excess * a * c["stand_height"] / c["anion_lifetime"], p["anion"]),
        line(a * c["so2_absorption"], p["so2"]),
        line(a * c["fluoride_absorption"], p["fluoride"]),
        line(a * c["nox_absorption"], p["nox"]),
        line(a * c["dust_retention"], p["dust"]),
        line(a.copy(), p["species"]),
        line(c["recreation_revenue"] * c["recreation_share"] * 0.01, 1.0),
    )
    return float(sum(v.sum() for v in values))


def _best(fn, repeat: int) -> tuple[float, object]:
    best, out = float("inf"), None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t0)
    return best, out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stands", type=int, default=1_000_000, help="number of stands")
    parser.add_argument("--repeat", type=int, default=5, help="rounds (best is reported)")
    args = parser.parse_args()
    n = args.stands
    df = _stands(n, np.random.default_rng(42))
    cols = {c: df[c].to_numpy() for c in df.columns if df[c].dtype.kind == "f"}
    prices = _prices()

    print(f"forest formulas: {n:,} stands, best of {args.repeat}")
    total = 0.0
    for name in FORMULAS:
        dt, _ = _best(lambda name=name: evaluate(name, cols, prices), args.repeat)
        total += dt
        print(f"  {name:28s} {dt * 1e3:8.1f} ms  {n / dt:14,.0f} stands/s")

    def all_values() -> float:
        return sum(
            float(f.value.sum()) for i in INDICATORS for f in evaluate(i, cols, prices).values()
        )

    dt_all, v_all = _best(all_values, args.repeat)
    dt_base, v_base = _best(lambda: _baseline(cols, prices), args.repeat)
    print(f"  all 14 indicators: {dt_all:.3f} s, {n / dt_all:,.0f} stands/s")
    print(f"  hand-written numpy baseline: {dt_base:.3f} s; ratio {dt_all / dt_base:.2f}")
    print(
        f"  totals agree: {abs(v_all - v_base) <= 1e-9 * abs(v_base)} ({v_all:.6e} vs {v_base:.6e})"
    )

    dt_chk, _ = _best(lambda: check_stands(df, None), max(1, args.repeat // 2))
    print(
        f"check_stands (all indicators, {len(df.columns)} columns): {dt_chk:.3f} s, {n / dt_chk:,.0f} rows/s"
    )
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"peak RSS: {rss / (1024 if sys.platform != 'darwin' else 1024**2):,.0f} MiB")


if __name__ == "__main__":
    main()
