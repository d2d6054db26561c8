"""Time loading the whole coefficient catalogue, cold and warm.

Cold: caches cleared (index, tables, unit parsing), so every ``table.yaml`` and ``table.csv``
is read, validated, unit-checked and hash-checked against ``LOCK``. Warm: the same call again,
served from the caches. Prints seconds and tables per second.

Usage::

    python benchmarks/bench_catalog.py [--repeat N]
"""

from __future__ import annotations

import argparse
import statistics
import time

import geep.coefficients as C
from geep import units


def _clear() -> None:
    C.clear_cache()
    units.parse_unit.cache_clear()
    units._factor.cache_clear()


def _time(fn) -> tuple[float, object]:
    t0 = time.perf_counter()
    out = fn()
    return time.perf_counter() - t0, out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="number of cold/warm rounds")
    args = parser.parse_args()

    cold, warm = [], []
    n_editions = n_rows = 0
    for _ in range(args.repeat):
        _clear()
        dt, cat = _time(C.catalog)
        cold.append(dt)
        n_editions, n_rows = len(cat), int(cat["rows"].sum())
        dt, _ = _time(C.catalog)
        warm.append(dt)

    print(f"catalogue: {n_editions} table editions, {n_rows} rows, root {C.shipped_root()}")
    for name, times in (("cold", cold), ("warm", warm)):
        best, med = min(times), statistics.median(times)
        print(
            f"{name}: best {best:.4f} s, median {med:.4f} s over {len(times)} runs; "
            f"{n_editions / best:,.0f} tables/s, {n_rows / best:,.0f} rows/s (best)"
        )


if __name__ == "__main__":
    main()
