"""Ledgers for the report and roll-up tests: Shanxi's 117 counties (and 4 zones), two years.

Values are whole numbers of yuan, so every sum is exact in floating point and the expected
totals below are computed here, independently of geep's code. The hierarchy is read from the
shipped ``regions-shanxi`` CSV with the csv module (not through geep's catalogue).
"""

from __future__ import annotations

import csv

import pandas as pd

import geep
import geep.coefficients as C

YEARS = (2015, 2020)
#: (account, category, service, value of county i in year y) — whole yuan
GEP = (
    ("provisioning", "products", lambda i, y: 100_000_000 * (i + 1) + (y - 2015) * 1_000_000),
    ("regulating", "water_conservation", lambda i, y: 20_000_000 * (i % 7 + 1) + y),
    ("cultural", "recreation", lambda i, y: 5_000_000 * (i % 3 + 1)),
)
ESV = (
    ("provisioning", "food_production", lambda i, y: 30_000_000 + 1_000 * i),
    ("regulating", "hydrological_regulation", lambda i, y: 70_000_000 + 2_000 * i + y),
    ("provisioning", "water_supply", lambda i, y: -1_000_000),  # negative, as Xie 2015 paddy
)


def shanxi_rows() -> list[dict[str, str]]:
    path = C.shipped_root() / "regions-shanxi" / "2019" / "table.csv"
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def county_codes() -> list[str]:
    """Counties and functional zones (level county or zone), in table order."""
    return [r["region_code"] for r in shanxi_rows() if r["level"] in ("county", "zone")]


def parent_of() -> dict[str, str]:
    return {r["region_code"]: r["parent_code"] for r in shanxi_rows()}


def _lines(codes: list[str], names: bool) -> pd.DataFrame:
    zh = {r["region_code"]: r["region_name_zh"] for r in shanxi_rows()}
    rows = []
    for i, code in enumerate(codes):
        for y in YEARS:
            base = {"region_code": code, "region_name": zh[code] if names else "", "year": y,
                    "quantity": float("nan"), "quantity_unit": None, "price": float("nan"),
                    "price_unit": None, "value_unit": "CNY", "price_year": 2020,
                    "coefficient": "test@1#x", "input_ref": f"t!s!A{i + 2}"}  # fmt: skip
            gep = {s: float(f(i, y)) for _, s, f in GEP}
            for cat, s, _ in GEP:
                rows.append({**base, "account": "GEP", "category": cat, "service": s,
                             "indicator": s, "value": gep[s], "method": "gep"})  # fmt: skip
            for cat, s, f in ESV:
                rows.append({**base, "account": "ESV", "category": cat, "service": s,
                             "indicator": s, "value": float(f(i, y)), "method": "esv"})  # fmt: skip
            eco = {"gdp": 1_000_000_000.0 * (i + 5), "pdc": -10_000_000.0 * (i + 1),
                   "edc": -4_000_000.0 * (i % 5 + 1), "ers": gep["water_conservation"]}  # fmt: skip
            cats = {"gdp": "economy", "pdc": "deduction", "edc": "deduction", "ers": "regulating"}
            for s, v in eco.items():
                rows.append({**base, "account": "GEEP", "category": cats[s], "service": s,
                             "indicator": s, "value": v, "method": "geep"})  # fmt: skip
    return pd.DataFrame(rows)


def county_ledger(codes: list[str] | None = None, *, names: bool = True,
                  status: str = "released", warnings: list[str] | None = None) -> geep.Ledger:  # fmt: skip
    """A GEP + ESV + GEEP ledger of ``codes`` (default: every county and zone)."""
    codes = county_codes() if codes is None else codes
    meta = {"status": status, "warnings": list(warnings or []),
            "tables": {"test@1": "0" * 64}, "inputs": {"counties.xlsx": "sha256=" + "ab" * 32},
            "evidence": {"published": 3, "unverified": 1},
            "coefficients": [{"ref": f"test@1#r{k}", "table": "test@1",
                              "evidence": "unverified" if k == 3 else "published"}
                             for k in range(4)]}  # fmt: skip
    return geep.Ledger(_lines(codes, names), meta)


def regions_table(codes: list[str] | None = None) -> pd.DataFrame:
    """An input regions table: area [ha] and population [persons] of each county."""
    codes = county_codes() if codes is None else codes
    zh = {r["region_code"]: r["region_name_zh"] for r in shanxi_rows()}
    return pd.DataFrame({"region_code": codes, "region_name": [zh[c] for c in codes],
                         "area": [10_000.0 * (i % 9 + 1) for i in range(len(codes))],
                         "population": [100_000.0 * (i % 4 + 1) for i in range(len(codes))]})  # fmt: skip
