"""Throughput of the SEEA accounts at county scale, against hand-written pandas baselines.

* extent account from a transitions table (counties × classes², one period): the whole call
  (validation, units, kernel, cube, identity checks) and the kernel alone, against a bare pandas
  groupby of the same four margins;
* asset account from an ESV-like ledger (counties × types × services, two years), against a bare
  pandas value × annuity-factor groupby;
* ESV change with the change matrix.

Prints rows/s, seconds, the ratio to the baseline and the peak RSS.

Usage::

    python benchmarks/bench_seea.py [--counties 2800] [--classes 25] [--density 0.3] [--repeat 3]
"""

from __future__ import annotations

import argparse
import resource
import time

import numpy as np
import pandas as pd

import geep.seea as seea
from geep.ledger import COLUMNS, Ledger
from geep.seea.assets import _period, _Wide
from geep.seea.extent import extent_kernel, read_transitions
from geep.seea.ledgers import areas_from_lines, lines_of


def _best(fn, repeat: int) -> tuple[float, object]:
    best, out = float("inf"), None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t0)
    return best, out


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def transitions(counties: int, classes: int, density: float, seed: int = 1) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    r, i, j = np.indices((counties, classes, classes)).reshape(3, -1)
    keep = (i == j) | (rng.random(r.size) < density)
    area = np.where(i == j, rng.uniform(1e3, 1e5, r.size), rng.uniform(0, 500, r.size))[keep]
    names = np.array([f"c{k:02d}" for k in range(classes)], dtype=object)
    return pd.DataFrame({
        "region_code": np.char.add("R", r[keep].astype(str)).astype(object),
        "year_from": 2015, "year_to": 2020,
        "from_class": names[i[keep]], "to_class": names[j[keep]], "area": area, "unit": "ha",
    })  # fmt: skip


def baseline_extent(t: pd.DataFrame) -> pd.DataFrame:
    g = ["region_code", "from_class"]
    off = t[t["from_class"] != t["to_class"]]
    return pd.concat({
        "opening": t.groupby(g)["area"].sum(),
        "closing": t.groupby(["region_code", "to_class"])["area"].sum(),
        "additions": off.groupby(["region_code", "to_class"])["area"].sum(),
        "reductions": off.groupby(g)["area"].sum(),
    }, axis=1)  # fmt: skip


def esv_ledger(t: pd.DataFrame, services: int = 11, seed: int = 2) -> Ledger:
    """Two years of ESV-like lines: quantity = area of the type, price per service."""
    rng = np.random.default_rng(seed)
    frames = []
    for year, col in ((2015, "from_class"), (2020, "to_class")):
        a = t.groupby(["region_code", col], sort=False)["area"].sum().reset_index()
        a.columns = ["region_code", "ecosystem_type", "quantity"]
        rep = a.loc[a.index.repeat(services)].reset_index(drop=True)
        rep["service"] = np.tile([f"s{k}" for k in range(services)], len(a))
        rep["price"] = rng.uniform(10, 3000, len(rep))
        rep["year"] = year
        frames.append(rep)
    df = pd.concat(frames, ignore_index=True)
    df = df.assign(value=df["quantity"] * df["price"], region_name=None, account="ESV",
                   category="regulating", indicator=df["service"], quantity_unit="ha",
                   price_unit="CNY/ha", value_unit="CNY", price_year=2010, method="bench",
                   coefficient="bench@1#x", input_ref="bench")  # fmt: skip
    return Ledger(df[[*COLUMNS, "ecosystem_type"]])


def baseline_assets(lines: pd.DataFrame, factor: float) -> pd.Series:
    return (lines["value"] * factor).groupby([lines["region_code"], lines["ecosystem_type"],
                                              lines["year"]]).sum()  # fmt: skip


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--counties", type=int, default=2800)
    p.add_argument("--classes", type=int, default=25)
    p.add_argument("--density", type=float, default=0.3, help="share of off-diagonal cells > 0")
    p.add_argument("--repeat", type=int, default=3)
    a = p.parse_args()

    t = transitions(a.counties, a.classes, a.density)
    n = len(t)
    print(f"transitions: {a.counties} counties × {a.classes} classes, {n:,} rows")
    base, _ = _best(lambda: baseline_extent(t), a.repeat)
    clean = read_transitions(t)
    kern, _ = _best(lambda: extent_kernel(clean), a.repeat)
    full, acc = _best(lambda: seea.extent_account(t), a.repeat)
    assert acc.ok
    print(f"  baseline pandas margins : {base:8.3f} s  {n / base:12,.0f} rows/s")
    print(
        f"  extent kernel           : {kern:8.3f} s  {n / kern:12,.0f} rows/s  ratio {kern / base:5.2f}"
    )
    print(f"  extent_account (all)    : {full:8.3f} s  {n / full:12,.0f} rows/s  ratio {full / base:5.2f}"
          f"  ({len(acc.cube):,} cube cells, {len(acc.checks):,} checks)")  # fmt: skip

    led = esv_ledger(t)
    lines = led.lines
    f = seea.annuity_factor(0.02, 100)
    base, _ = _best(lambda: baseline_assets(lines, f), a.repeat)
    prepared = lines_of(led).assign(_f=f)
    area = areas_from_lines(prepared)
    kern, _ = _best(lambda: _period(_Wide(prepared, [2015, 2020]), 2015, 2020, area), a.repeat)
    full, acc = _best(lambda: seea.asset_account(led, discount_rate=0.02, asset_life=100), a.repeat)
    assert acc.ok
    m = len(led)
    print(f"ledger: {m:,} lines (2 years × {lines['service'].nunique()} services)")
    print(f"  baseline value × factor : {base:8.3f} s  {m / base:12,.0f} lines/s")
    print(
        f"  asset kernel (line split): {kern:7.3f} s  {m / kern:12,.0f} lines/s  ratio {kern / base:5.2f}"
    )
    print(f"  asset_account (all)     : {full:8.3f} s  {m / full:12,.0f} lines/s  ratio {full / base:5.2f}"
          f"  ({len(acc.cube):,} cube cells)")  # fmt: skip

    a15 = Ledger(lines[lines["year"] == 2015], led.meta)
    a20 = Ledger(lines[lines["year"] == 2020], led.meta)
    full, acc = _best(lambda: seea.esv_change(a15, a20, t), a.repeat)
    assert acc.ok
    print(f"  esv_change with matrix  : {full:8.3f} s  {n / full:12,.0f} transitions/s")
    print(f"peak RSS {_rss_mb():,.0f} MB")


if __name__ == "__main__":
    main()
