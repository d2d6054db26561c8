"""Benchmark of the core against the code a user would write by hand (issue "one core").

Prints, for the synthetic national dataset (2,844 counties × 20 years × 15 land classes and
26 GEP indicators, inputs validated beforehand):

* ``geep.esv`` vs a hand-written pandas merge computing the same line values (median of 3);
* ``geep.gep`` vs the equivalent merge-and-multiply of quantities and prices;
* the memory the national ESV run allocates at its peak (tracemalloc) vs the bytes of the
  ledger's own columns;
* ``Ledger.concat`` of ten national ESV ledgers vs ``pd.concat`` of their line frames;
* ``import geep`` vs ``import pandas`` (fresh interpreters, median of 5).

Usage: python benchmarks/bench_core.py [--counties N] [--years N] [--concat K]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_engines import synthetic

import geep
from geep import coefficients
from geep.inputs import from_frames


def median_time(fn, n: int = 3) -> tuple[float, object]:
    times, out = [], None
    for _ in range(n):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
        del out
    t0 = time.perf_counter()
    out = fn()
    times.append(time.perf_counter() - t0)
    return statistics.median(times), out


def hand_esv(areas: pd.DataFrame) -> pd.DataFrame:
    """What a user writes: merge the areas with the factor table, multiply by D."""
    f = coefficients.load("xie2015-factors@2015").frame
    d = coefficients.load("standard-equivalent@xie-2015").value("d_national")
    m = areas.merge(
        f[["ecosystem_type", "service", "service_group", "factor"]],
        left_on="land_class",
        right_on="ecosystem_type",
        how="inner",
    )
    m["price"] = m["factor"] * d
    m["value"] = m["area"] * m["price"]
    return m


def hand_gep(q: pd.DataFrame) -> pd.DataFrame:
    """Merge quantities with their prices (one price per indicator) and multiply."""
    params = coefficients.load("gep-parameters@garze-2010").frame
    prices = params[params["role"] == "price"][["indicator", "value"]].rename(
        columns={"value": "price"}
    )
    m = q.merge(prices, on="indicator", how="left")
    m["price"] = m["price"].fillna(1.0)
    m["value"] = m["quantity"] * m["price"]
    return m


def ledger_bytes(ledger: geep.Ledger) -> int:
    """Bytes of the ledger's columns (categorical codes and categories, numbers)."""
    total = 0
    for c in ledger._raw.columns:
        col = ledger._raw[c]
        if isinstance(col.dtype, pd.CategoricalDtype):
            total += col.cat.codes.to_numpy().nbytes
            total += int(pd.Series(col.cat.categories).memory_usage(deep=True))
        else:
            total += int(col.memory_usage(deep=True, index=False))
    return total


def import_time(module: str) -> float:
    code = f"import time; t=time.perf_counter(); import {module}; print(time.perf_counter()-t)"
    runs = [
        float(
            subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, check=True
            ).stdout
        )
        for _ in range(5)
    ]
    return statistics.median(runs)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--counties", type=int, default=2844)
    ap.add_argument("--years", type=int, default=20)
    ap.add_argument("--concat", type=int, default=10)
    a = ap.parse_args()
    lc, q, eco = synthetic(a.counties, a.years)
    inputs = from_frames({"land_cover": lc, "quantities": q, "economy": eco})
    for ref in (
        "xie2015-factors@2015",
        "gep-parameters@garze-2010",
        "standard-equivalent@xie-2015",
    ):
        coefficients.load(ref)
    geep.esv(from_frames({"land_cover": lc.head(100)}))  # warm caches (catalogue, registry)

    # the baseline starts from the user's own frame (as pandas reads it), geep from the
    # validated inputs: reading and validation are measured by bench_io, not here
    t_hand, m = median_time(lambda: hand_esv(lc))
    t_esv, led = median_time(lambda: geep.esv(inputs))
    n = len(led)
    assert len(m) == n, (len(m), n)
    print(f"ESV  {n:>11,} lines: geep.esv {t_esv:6.2f} s, hand-written merge {t_hand:6.2f} s, "
          f"ratio {t_esv / t_hand:4.2f} (target ≤ 1.5); {n / t_esv:,.0f} lines/s")  # fmt: skip
    np.testing.assert_allclose(np.sort(led._raw["value"].to_numpy()), np.sort(m["value"]),
                               rtol=1e-12)  # fmt: skip
    del m

    t_hand_g, _ = median_time(lambda: hand_gep(q))
    t_gep, g = median_time(lambda: geep.gep(inputs))
    print(f"GEP  {len(g):>11,} lines: geep.gep {t_gep:6.2f} s, merge-and-multiply "
          f"{t_hand_g:6.2f} s, ratio {t_gep / t_hand_g:4.2f} (target ≤ 2)")  # fmt: skip

    size = ledger_bytes(led)
    del led
    tracemalloc.start()
    led = geep.esv(inputs)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(
        f"ESV peak allocation {peak / 2**20:,.0f} MiB vs ledger columns {size / 2**20:,.0f} MiB:"
        f" ratio {peak / size:4.2f} (target ≤ 1.5)"
    )

    parts = [led] + [geep.esv(inputs) for _ in range(a.concat - 1)]
    frames = [p._raw for p in parts]
    t_pd, _ = median_time(lambda: pd.concat(frames, ignore_index=True), n=1)
    t_cat, both = median_time(lambda: geep.Ledger.concat(parts), n=1)
    print(f"Ledger.concat of {a.concat} ledgers ({len(both):,} lines): {t_cat:6.2f} s vs "
          f"pd.concat {t_pd:6.2f} s, ratio {t_cat / t_pd:4.2f} (target ≤ 1.5)")  # fmt: skip
    both = parts = frames = None
    # ten ledgers of different inputs (the years split ten ways): their text columns hold
    # different categories, so the codes are recoded over the union
    years = np.array_split(np.sort(lc["year"].unique()), a.concat)
    parts = [geep.esv(from_frames({"land_cover": lc[lc["year"].isin(ys)]})) for ys in years]
    frames = [p._raw for p in parts]
    t_pd, _ = median_time(lambda: pd.concat(frames, ignore_index=True), n=1)
    t_cat, both = median_time(lambda: geep.Ledger.concat(parts), n=1)
    print(f"Ledger.concat of {a.concat} ledgers of different years ({len(both):,} lines): "
          f"{t_cat:6.2f} s vs pd.concat {t_pd:6.2f} s, ratio {t_cat / t_pd:4.2f} (target ≤ 1.5)")  # fmt: skip
    both = parts = frames = None  # free the memory before the import timings

    t_geep, t_pandas = import_time("geep"), import_time("pandas")
    print(
        f"import geep {t_geep:5.2f} s vs import pandas {t_pandas:5.2f} s, ratio "
        f"{t_geep / t_pandas:4.2f} (target ≤ 1.5; public names load on first use)"
    )
    t_all = import_time("geep.methods, geep.io.read")
    print(
        f"import geep with its methods and readers (what geep.esv/read_inputs load) "
        f"{t_all:5.2f} s, ratio to pandas {t_all / t_pandas:4.2f}"
    )


if __name__ == "__main__":
    main()
