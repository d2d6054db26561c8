"""Build the Fen River example inputs (synthetic, deterministic).

The numbers are ILLUSTRATIVE, not monitoring data: monthly COD and NH3-N at the seven sections
of the provisional ``fen-river@2021`` scheme for 2021-2022, with a few dry / frozen / missing
months, and monthly mean flows. Run ``python make_fen_example.py`` to rewrite
``fen_observations.csv``, ``fen_flows.csv`` and ``fen_example.xlsx`` next to this file.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

HERE = Path(__file__).resolve().parent
SECTIONS = ["FEN-LMS", "FEN-HXC", "FEN-WNS", "FEN-WZQ", "FEN-LL-LF", "FEN-SPW", "FEN-MQC"]
# typical levels rising downstream (mg/L) and mean flows (m3/s) — illustrative only
COD = [12, 18, 34, 29, 27, 31, 36]
NH3N = [0.3, 0.8, 2.6, 1.7, 1.4, 1.6, 1.9]
FLOW = [3, 9, 14, 18, 20, 24, 26]


def build() -> tuple[pd.DataFrame, pd.DataFrame]:
    rng = np.random.default_rng(20210)
    rows, flows = [], []
    for year in (2021, 2022):
        for month in range(1, 13):
            period = f"{year}-{month:02d}"
            season = 1.25 if month in (1, 2, 3, 12) else (0.85 if month in (7, 8, 9) else 1.0)
            for k, sid in enumerate(SECTIONS):
                for ind, level in (("cod", COD[k]), ("nh3n", NH3N[k])):
                    value = round(
                        level * season * rng.lognormal(0, 0.15), 3 if ind == "nh3n" else 1
                    )
                    rows.append([sid, period, ind, value, "mg/L", "valid"])
                q = (
                    FLOW[k]
                    * (0.6 if month in (1, 2, 3, 4, 5, 6, 11, 12) else 1.7)
                    * rng.lognormal(0, 0.1)
                )
                flows.append([sid, period, round(q, 2), "m3/s", "valid"])
    obs = pd.DataFrame(
        rows, columns=["section_id", "period", "indicator", "value", "unit", "status"]
    )
    fl = pd.DataFrame(flows, columns=["section_id", "period", "flow", "unit", "status"])
    # data gaps: excluded, never zero
    gaps = [("FEN-HXC", "2021-01", "frozen"), ("FEN-HXC", "2022-01", "frozen"),
            ("FEN-LL-LF", "2021-06", "dry"), ("FEN-SPW", "2022-04", "missing")]  # fmt: skip
    for sid, period, status in gaps:
        m = (obs["section_id"] == sid) & (obs["period"] == period)
        obs.loc[m, ["value", "status"]] = [None, status]
        fm = (fl["section_id"] == sid) & (fl["period"] == period)
        fl.loc[fm, ["flow", "status"]] = [None, status]
    return obs, fl


def main() -> None:
    obs, fl = build()
    obs.to_csv(HERE / "fen_observations.csv", index=False, lineterminator="\n")
    fl.to_csv(HERE / "fen_flows.csv", index=False, lineterminator="\n")
    with pd.ExcelWriter(HERE / "fen_example.xlsx") as xw:
        obs.to_excel(xw, sheet_name="observations", index=False)
        fl.to_excel(xw, sheet_name="flows", index=False)
        pd.DataFrame(
            {
                "note": [
                    "ILLUSTRATIVE synthetic data for the PROVISIONAL fen-river@2021 scheme; "
                    "not monitoring data. Rebuild with make_fen_example.py."
                ]
            }
        ).to_excel(xw, sheet_name="README", index=False)


if __name__ == "__main__":
    main()
