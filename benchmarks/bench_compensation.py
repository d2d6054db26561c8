"""Throughput of the compensation engine on synthetic county-scale data (prints figures).

Usage: ``python benchmarks/bench_compensation.py [--sections 300] [--years 20]``

Two runs:
* the Fen River rules (tier by exceedance with upstream netting + e-flow floor) on a chain of
  N user-supplied junction sections, monthly COD and NH3-N and flows;
* the Shanxi 2013 rules (tiered deduction + maintenance + improvement rewards) on the same
  sections (tier amounts supplied, as the edition requires);
then the obligation ledger with its traces rendered in English and in Chinese, and a
3-parameter tornado on a 10 % subset. Data are random (seeded), not monitoring data.
"""

from __future__ import annotations

import argparse
import time
import warnings

import numpy as np
import pandas as pd

import geep
from geep.compensation import load, sensitivity
from geep.messages import language_scope

FEN_CITIES = ["140900", "140100", "140700", "141100", "141000", "140800"]


def synthetic(
    n_sections: int, years: int, seed: int = 7
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    rng = np.random.default_rng(seed)
    ids = [f"B{i:04d}" for i in range(n_sections)]
    up = [FEN_CITIES[i % 6] for i in range(n_sections)]
    down = [FEN_CITIES[(i + 1) % 6] for i in range(n_sections)]
    sections = pd.DataFrame(
        {
            "section_id": ids,
            "name_zh": ids,
            "upstream": up,
            "downstream": down,
            "control_section": [None, *ids[:-1]],
            "target_class": rng.choice([3, 4], n_sections),
            "no_inflow": rng.random(n_sections) < 0.3,
        }
    )
    periods = [f"{2021 + y}-{m:02d}" for y in range(years) for m in range(1, 13)]
    grid = pd.MultiIndex.from_product(
        [ids, periods, ["cod", "nh3n"]], names=["section_id", "period", "indicator"]
    )
    o = grid.to_frame(index=False)
    scale = np.where(o["indicator"] == "cod", 22.0, 1.1)
    o["value"] = np.round(scale * rng.lognormal(0, 0.35, len(o)), 3)
    o["unit"] = "mg/L"
    o["status"] = rng.choice(["valid"] * 97 + ["dry", "frozen", "missing"], len(o))
    o.loc[o["status"] != "valid", "value"] = np.nan
    fl = pd.MultiIndex.from_product([ids, periods], names=["section_id", "period"]).to_frame(
        index=False
    )
    fl["flow"] = np.round(rng.lognormal(2.7, 0.5, len(fl)), 2)
    fl["unit"] = "m3/s"
    return o, fl, sections


def timed(label: str, fn, rows: int):
    t0 = time.perf_counter()
    out = fn()
    dt = time.perf_counter() - t0
    print(f"{label:<46} {dt:8.2f} s  {rows / dt:12,.0f} input rows/s")
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sections", type=int, default=300)
    ap.add_argument("--years", type=int, default=20)
    args = ap.parse_args()
    warnings.simplefilter("ignore")
    o, fl, sections = synthetic(args.sections, args.years)
    print(f"synthetic inputs: {args.sections} sections × {args.years * 12} months: "
          f"{len(o):,} observations, {len(fl):,} flows")  # fmt: skip
    fen = load("fen-river@2021")
    s = timed(
        "fen-river rules (quality+netting, e-flow)",
        lambda: geep.compensate(fen, o, flows=fl, sections=sections),
        len(o),
    )
    print(
        f"  → {len(s.obligations_cny):,} obligation lines, {len(s.net):,} net rows, check {s.check().ok}"
    )
    t0 = time.perf_counter()
    s.net, s.matrix(s.settlement_years[-1])
    print(f"  net + matrix: {time.perf_counter() - t0:.2f} s")
    for lang in ("en", "zh"):  # traces and bands are data, rendered when shown
        with language_scope(lang):
            t0 = time.perf_counter()
            ob, _ = s.obligations, s.band_labels()
            dt = time.perf_counter() - t0
        print(f"  obligations + bands in {lang}: {dt:.2f} s  {len(ob) / dt:12,.0f} lines/s")
    sx = load("shanxi-cross-section@2013")
    params = {"deduction.amounts": [50, 100, 150, 200, 300]}
    fen_secs = sections.assign(downstream=None, control_section=None)
    fen_secs["upstream"] = fen_secs["upstream"]  # Fen cities are Shanxi cities
    s2 = timed("shanxi-2013 rules (tiers, maintenance, improvement)",
               lambda: geep.compensate(sx, o, parameters=params, sections=fen_secs), len(o))  # fmt: skip
    print(f"  → {len(s2.obligations_cny):,} obligation lines, check {s2.check().ok}")
    sub_ids = set(sections["section_id"].iloc[: max(1, args.sections // 10)])
    o_sub, fl_sub = o[o.section_id.isin(sub_ids)], fl[fl.section_id.isin(sub_ids)]
    sec_sub = sections[sections.section_id.isin(sub_ids)].assign(
        control_section=lambda d: d["control_section"].where(d["control_section"].isin(sub_ids))
    )
    t = timed("tornado: 3 parameters × 2 runs on 10 % subset",
              lambda: sensitivity(fen, o_sub, ["quality.amounts", "eflow.floor", "eflow.amount"], fl_sub, sections=sec_sub),
              len(o_sub) * 7)  # fmt: skip
    print(f"  → {len(t):,} tornado rows")


if __name__ == "__main__":
    main()
