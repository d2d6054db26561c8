"""Throughput of the forest method end to end (``geep.forest``) on a synthetic inventory.

Builds N stands (every driver, all 14 indicators, user prices of one known year), then times,
best of --repeat:

* reading the stand table (``geep.inputs.from_frames``: headers, units, checks) — rows/s;
* ``geep.forest`` on the read table: resolve (checks, prices → θ), the kernel and the shared
  assembly into a Ledger — stands/s and lines/s, and the kernel alone;
* a hand-written baseline: the same 21 lines per stand (quantity, price and value arrays,
  region / stand type / indicator as categoricals, sorted into ledger order) in plain
  numpy/pandas, with no checks and no provenance; ratio = kernel time ÷ baseline time.

Prints the figures and the peak RSS of the process.

Usage::

    python benchmarks/bench_forest_method.py [--stands N] [--repeat R]
"""

from __future__ import annotations

import argparse
import resource
import sys
import time

import numpy as np
import pandas as pd

import geep
from geep import methods
from geep.inputs import from_frames
from geep.inputs.stands import DRIVERS

PRICES = {
    "reservoir_cost": (6.11, "元/m3", 2016), "water_purification": (2.5, "元/t", 2016),
    "soil_excavation": (12.6, "元/m3", 2016), "fertilizer_dap": (3300, "元/t", 2016),
    "fertilizer_kcl": (2800, "元/t", 2016), "organic_matter": (320, "元/t", 2016),
    "dap_n_content": (14, "%"), "dap_p_content": (15.01, "%"), "kcl_k_content": (50, "%"),
    "carbon": (380, "CNY/t_CO2", 2016), "oxygen": (1000, "元/t", 2016),
    "anion": (5.8e-18, "元/个", 2016), "anion_threshold": (600, "个/cm3"),
    "so2": (1.2, "元/kg", 2016), "fluoride": (0.69, "元/kg", 2016),
    "nox": (0.63, "元/kg", 2016), "dust": (0.15, "元/kg", 2016),
    "species": (5000, "元/hm2/a", 2016),
}  # fmt: skip


def _stands(n: int, rng: np.random.Generator) -> pd.DataFrame:
    cols = {
        "region_code": np.char.add("r", (np.arange(n) % max(n // 200, 1)).astype(str)),
        "year": np.full(n, 2016),
        "stand_type": np.char.add("s", np.arange(n).astype(str)),
        "area (ha)": rng.uniform(0.5, 500.0, n),
    }
    for d in DRIVERS:
        hi = d.maximum if d.maximum is not None else 1000.0
        unit = {"percent": "%", "dimensionless": None}.get(d.unit, d.unit)
        cols[f"{d.name} ({unit})" if unit else d.name] = rng.uniform(0.01, hi, n)
    cols["precipitation (mm/a)"] = rng.uniform(400.0, 900.0, n)
    cols["evapotranspiration (mm/a)"] = rng.uniform(100.0, 350.0, n)
    return pd.DataFrame(cols)


def _best(fn, repeat: int) -> tuple[float, object]:
    best, out = float("inf"), None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t0)
    return best, out


def _baseline(t: pd.DataFrame) -> pd.DataFrame:
    """The 21 lines per stand of the same values, by hand (no checks, no provenance)."""
    a = t["area"].to_numpy()
    c = {k: t[k].to_numpy() for k in t.columns if k not in ("region_code", "stand_type")}
    w = 10.0 * a * (c["precipitation"] - c["evapotranspiration"] - c["runoff"])
    kept = a * (c["erosion_without_forest"] - c["erosion_with_forest"])
    g = a * c["net_productivity"]
    pn, pp, pk = 3300 / 0.14, 3300 / 0.1501, 2800 / 0.5
    ions = 5.256e15 * a * c["stand_height"] / c["anion_lifetime"]
    parts = [  # (indicator, quantity, price)
        ("water_regulation", w, 6.11), ("water_purification", w, 2.5),
        ("soil_retention", kept, 12.6 / c["soil_bulk_density"]),
        ("soil_fertility", kept * c["soil_n"] / 100, pn), ("soil_fertility", kept * c["soil_p"] / 100, pp),
        ("soil_fertility", kept * c["soil_k"] / 100, pk),
        ("soil_fertility", kept * c["soil_organic_matter"] / 100, 320.0),
        ("carbon_sequestration", 1.63 * g, 380.0),
        ("carbon_sequestration", a * c["soil_carbon_sequestration"] * 44 / 12, 380.0),
        ("oxygen_release", 1.19 * g, 1000.0), ("nutrient_accumulation", g * c["tree_n"] / 100, pn),
        ("nutrient_accumulation", g * c["tree_p"] / 100, pp),
        ("nutrient_accumulation", g * c["tree_k"] / 100, pk),
        ("negative_ions", ions * c["anion_concentration"], 5.8e-18),
        ("negative_ions", -ions * 600, 5.8e-18),
        ("air_purification.so2", a * c["so2_absorption"] / 1000, 1200.0),
        ("air_purification.fluoride", a * c["fluoride_absorption"] / 1000, 690.0),
        ("air_purification.nox", a * c["nox_absorption"] / 1000, 630.0),
        ("dust_retention", a * c["dust_retention"] / 1000, 150.0), ("species_conservation", a, 5000.0),
        ("forest_recreation", c["recreation_revenue"] * c["recreation_share"] / 100, 1.0),
    ]  # fmt: skip
    n = len(a)
    q = np.concatenate([p[1] for p in parts])
    price = np.concatenate([np.broadcast_to(p[2], n) for p in parts])
    names = [p[0] for p in parts]
    ind_codes, ind_labels = pd.factorize(pd.Series(names))
    rc, rl = pd.factorize(t["region_code"])
    sc, sl = pd.factorize(t["stand_type"])
    df = pd.DataFrame({
        "region_code": pd.Categorical.from_codes(np.tile(rc, len(parts)), rl),
        "indicator": pd.Categorical.from_codes(np.repeat(ind_codes, n), ind_labels),
        "ecosystem_type": pd.Categorical.from_codes(np.tile(sc, len(parts)), sl),
        "quantity": q, "price": price, "value": q * price,
    })  # fmt: skip
    return df.sort_values(["region_code", "indicator", "ecosystem_type"], kind="stable")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--stands", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    n, rep = args.stands, args.repeat
    raw = _stands(n, np.random.default_rng(1))

    t_read, inputs = _best(lambda: from_frames({"forest_stands": raw}), rep)
    table = inputs.tables["forest_stands"]
    t_all, led = _best(lambda: geep.forest(inputs, PRICES, price_year=2016), rep)
    resolved = methods.resolve("forest", inputs.tables, price_year=2016,
                               options={"prices": PRICES})  # fmt: skip
    kernel = methods.get("forest").kernel
    t_kernel, _ = _best(lambda: kernel(inputs.tables, resolved), rep)
    t_base, base = _best(lambda: _baseline(table), rep)
    lines = len(led)
    assert lines == len(base) == 21 * n
    assert np.isclose(led.total(), base["value"].sum(), rtol=1e-9)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"forest method, {n:,} stands × 14 indicators = {lines:,} lines (best of {rep})")
    print(f"  read stand table (from_frames)   {t_read:8.3f} s  {n / t_read:12,.0f} rows/s")
    print(f"  geep.forest (resolve+kernel+ledger) {t_all:5.3f} s  {n / t_all:12,.0f} stands/s"
          f"  {lines / t_all:12,.0f} lines/s")  # fmt: skip
    print(
        f"  kernel alone                     {t_kernel:8.3f} s  {lines / t_kernel:12,.0f} lines/s"
    )
    print(f"  hand-written baseline            {t_base:8.3f} s  {lines / t_base:12,.0f} lines/s")
    print(f"  ratio kernel / baseline          {t_kernel / t_base:8.2f}")
    print(f"  ratio geep.forest / baseline     {t_all / t_base:8.2f}")
    print(f"  peak RSS                         {rss:8.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
