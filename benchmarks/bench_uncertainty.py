"""Benchmark: Monte Carlo over coefficients and monitoring data (prints figures).

1. 1,000 draws of the national ESV (2,844 counties × 20 years × 15 classes, built with
   ``bench_engines.synthetic``), every coefficient varied by its evidence level, quantiles by
   province-year — against one deterministic ``geep.esv`` run on the same validated inputs
   (target: within 10×), and against a hand-written numpy computation of the same draws.
2. Memory bounded by the chunk: quantiles by county-year (56,880 groups × 1,000 draws) in a
   fresh process for two chunk sizes, printing the peak RSS of each.
3. 1,000 draws of the Fen River example under measurement error (target: < 30 s).

Usage: python benchmarks/bench_uncertainty.py [--counties N] [--years N] [--draws N]
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import time
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_engines import synthetic  # noqa: E402

import geep  # noqa: E402
from geep import coefficients  # noqa: E402
from geep.inputs import from_frames  # noqa: E402

PROVINCES = 31


def rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _status(field: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


def reset_peak() -> bool:
    """Reset the peak RSS (VmHWM) of this process (Linux: ``echo 5 > /proc/self/clear_refs``)."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return True
    except OSError:
        return False


def provinces(codes: np.ndarray) -> dict[str, str]:
    """County i → one of 31 synthetic provinces (consecutive blocks)."""
    size = -(-len(codes) // PROVINCES)
    return {c: f"{11 + i // size:02d}0000" for i, c in enumerate(codes)}


def numpy_baseline(lc: pd.DataFrame, regions: dict[str, str], draws: np.ndarray) -> float:
    """Province-year totals of the same draws by hand: A[py, type] @ (E·m)[type] · D."""
    t0 = time.perf_counter()
    f = coefficients.load("xie2015-factors@2015").frame
    types = sorted(f["ecosystem_type"].unique())
    e = f.groupby("ecosystem_type")["factor"].sum().reindex(types).to_numpy()
    cls = pd.Index(types).get_indexer(lc["land_class"])
    ok = cls >= 0
    prov = pd.factorize(lc["region_code"].map(regions))[0]
    yr = lc["year"].to_numpy() - lc["year"].min()
    ny = yr.max() + 1
    py = (prov * ny + yr)[ok]
    a = np.bincount(py * len(types) + cls[ok], weights=lc["area"].to_numpy()[ok],
                    minlength=(py.max() + 1) * len(types)).reshape(-1, len(types))  # fmt: skip
    v = (a * e) @ draws  # draws: per-type multipliers × D (types × n)
    np.quantile(v, [0.05, 0.5, 0.95], axis=1)
    return time.perf_counter() - t0


def national(args) -> None:
    import geep.uncertainty as unc

    lc, _, _ = synthetic(args.counties, args.years)
    coefficients.load("xie2015-factors@2015")
    inputs = from_frames({"land_cover": lc})
    print(
        f"land_cover: {len(lc):,} rows ({args.counties} counties × {args.years} years × 15 classes)"
    )
    t0 = time.perf_counter()
    ledger = geep.esv(inputs)
    t_det = time.perf_counter() - t0
    print(f"deterministic geep.esv: {len(ledger):,} lines in {t_det:.2f} s")
    regions = provinces(np.unique(lc["region_code"]))
    t0 = time.perf_counter()
    sim = unc.simulate("esv", inputs, draws=args.draws, seed=42, defaults="by-evidence")
    t1 = time.perf_counter()
    q = sim.quantiles(by=("region_code", "year"), regions=regions)
    t2 = time.perf_counter()
    total = t2 - t0
    print(f"simulate ({len(sim.varied)} coefficients varied, {args.draws} draws): {t1 - t0:.2f} s; "
          f"quantiles of {len(q):,} province-years: {t2 - t1:.2f} s")  # fmt: skip
    print(
        f"1,000-draw national ESV by province-year: {total:.2f} s = {total / t_det:.2f}x one "
        f"deterministic run (target < 10x); {len(ledger) * args.draws / total:,.0f} line-draws/s"
    )
    rng = np.random.default_rng(0)
    fake = rng.uniform(0.8, 1.2, (14, args.draws)) * 3406.5
    base = numpy_baseline(lc, regions, fake)
    print(
        f"hand-written numpy (areas @ factor draws, same province-year quantiles): {base:.2f} s; "
        f"ratio {total / base:,.1f}x (geep includes resolve, kernel, provenance, θ draws)"
    )
    print(f"peak RSS {rss_mib():,.0f} MiB")


def rss_child(args) -> None:
    import geep.uncertainty as unc

    lc, _, _ = synthetic(args.counties, args.years)
    inputs = from_frames({"land_cover": lc})
    sim = unc.simulate("esv", inputs, draws=args.draws, seed=42, defaults="by-evidence",
                       chunk=args.rss_child)  # fmt: skip
    base = _status("VmRSS")
    ok = reset_peak()
    t0 = time.perf_counter()
    q = sim.quantiles(by=("region_code", "year"))
    dt = time.perf_counter() - t0
    peak = _status("VmHWM") if ok else rss_mib()
    print(
        f"  chunk {args.rss_child:>11,} cells: quantiles of {len(q):,} county-years × "
        f"{args.draws} draws in {dt:.2f} s; peak RSS {peak:,.0f} MiB while summing "
        f"({peak - base:+,.0f} MiB over the {base:,.0f} MiB held by inputs and model)"
    )


def memory(args) -> None:
    print("memory by chunk (fresh process each):")
    for chunk in (2**21, 2**26):
        cmd = [sys.executable, __file__, "--rss-child", str(chunk), "--counties",
               str(args.counties), "--years", str(args.years), "--draws", str(args.draws)]  # fmt: skip
        subprocess.run(cmd, check=True)


def fen(args) -> None:
    import geep.uncertainty as unc

    ex = HERE.parent / "examples" / "compensation"
    obs = pd.read_csv(ex / "fen_observations.csv")
    flows = pd.read_csv(ex / "fen_flows.csv")
    rel = {"cod": 0.1, "nh3n": 0.15, "flow": 0.05}
    t0 = time.perf_counter()
    s = unc.simulate("compensate", obs, scheme="fen-river", flows=flows, rel_sd=rel, draws=1000)
    dt = time.perf_counter() - t0
    print(
        f"Fen River, 1,000 draws (batched={s.meta['batched']}, chunk {s.meta['chunk']}): "
        f"{dt:.2f} s (target < 30 s); {len(obs) * 1000 / dt:,.0f} observation-draws/s"
    )
    t0 = time.perf_counter()
    unc.simulate("compensate", obs, scheme="fen-river", flows=flows, rel_sd=rel, draws=20,
                 batch=False)  # fmt: skip
    one = (time.perf_counter() - t0) / 20
    print(
        f"  one draw at a time: {one * 1000:.0f} ms/draw → 1,000 draws ≈ {one * 1000:.0f} s "
        f"(batched speed-up {one * 1000 / dt:.1f}x)"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--counties", type=int, default=2844)
    ap.add_argument("--years", type=int, default=20)
    ap.add_argument("--draws", type=int, default=1000)
    ap.add_argument("--rss-child", type=int, default=None, help=argparse.SUPPRESS)
    args = ap.parse_args()
    warnings.simplefilter("ignore")
    if args.rss_child:
        rss_child(args)
        return
    national(args)
    memory(args)
    fen(args)


if __name__ == "__main__":
    main()
