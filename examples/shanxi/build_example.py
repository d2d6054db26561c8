"""Build ``shanxi-example.xlsx``: the illustrative Shanxi input workbook used by ``geep demo``.

ILLUSTRATIVE DATA. Shanxi's 11 prefecture-level cities (GB/T 2260 codes from
``regions-shanxi@2019``), years 2015 and 2020. City areas, populations and GDP are rounded
approximations of public figures quoted from memory (unverified); land-cover shares, GEP
physical quantities, damage costs and water-quality observations are synthetic, calibrated
to provincial orders of magnitude (province ≈ 156,700 km², forest coverage near the plan's
22.6 % target, damage costs within the 2.5–6.8 %-of-GDP range CAEP reports for China). They
show how geep works; they are not statistics of Shanxi and must not be quoted as such.

Run: ``python examples/shanxi/build_example.py`` (deterministic; rewrites the workbook).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill

HERE = Path(__file__).parent
OUT = HERE / "shanxi-example.xlsx"
NOTE = (
    "ILLUSTRATIVE DATA — synthetic figures calibrated to public orders of magnitude, not "
    "official statistics (示例数据，非官方统计). See the 'about' sheet."
)

# code, name, area km², population 2020 (万人), GDP 2020 (亿元), GDP 2015 (亿元), profile
CITIES = [
    ("140100", "太原市", 6988, 530, 4153, 2735, "urban"),
    ("140200", "大同市", 14176, 310, 1405, 1053, "north"),
    ("140300", "阳泉市", 4559, 132, 741, 596, "mountain"),
    ("140400", "长治市", 13955, 318, 1711, 1195, "mountain"),
    ("140500", "晋城市", 9490, 219, 1424, 1040, "mountain"),
    ("140600", "朔州市", 10625, 159, 1019, 1004, "north"),
    ("140700", "晋中市", 16408, 338, 1559, 1046, "mixed"),
    ("140800", "运城市", 14183, 477, 1643, 1174, "south"),
    ("140900", "忻州市", 25152, 268, 1034, 680, "north"),
    ("141000", "临汾市", 20275, 398, 1505, 1161, "south"),
    ("141100", "吕梁市", 21143, 340, 1450, 955, "mountain"),
]
# land-cover shares (2015) by city profile
SHARES = {
    "urban":    {"farmland.dryland": .26, "farmland.paddy": .002, "forest.coniferous": .07,
                 "forest.broadleaf": .06, "forest.mixed": .03, "forest.shrub": .09,
                 "grassland.steppe": .10, "grassland.shrub_grass": .16, "grassland.meadow": .01,
                 "water": .012, "wetland": .004, "desert.bare": .062, "built_up": .14},
    "north":    {"farmland.dryland": .30, "farmland.paddy": .0, "forest.coniferous": .08,
                 "forest.broadleaf": .03, "forest.mixed": .02, "forest.shrub": .10,
                 "grassland.steppe": .20, "grassland.shrub_grass": .12, "grassland.meadow": .03,
                 "water": .008, "wetland": .006, "desert.bare": .046, "built_up": .06},
    "mountain": {"farmland.dryland": .22, "farmland.paddy": .001, "forest.coniferous": .09,
                 "forest.broadleaf": .09, "forest.mixed": .05, "forest.shrub": .11,
                 "grassland.steppe": .08, "grassland.shrub_grass": .19, "grassland.meadow": .02,
                 "water": .007, "wetland": .002, "desert.bare": .06, "built_up": .06},
    "mixed":    {"farmland.dryland": .30, "farmland.paddy": .002, "forest.coniferous": .07,
                 "forest.broadleaf": .07, "forest.mixed": .03, "forest.shrub": .10,
                 "grassland.steppe": .09, "grassland.shrub_grass": .16, "grassland.meadow": .01,
                 "water": .01, "wetland": .003, "desert.bare": .065, "built_up": .08},
    "south":    {"farmland.dryland": .38, "farmland.paddy": .004, "forest.coniferous": .05,
                 "forest.broadleaf": .07, "forest.mixed": .03, "forest.shrub": .09,
                 "grassland.steppe": .06, "grassland.shrub_grass": .14, "grassland.meadow": .005,
                 "water": .015, "wetland": .006, "desert.bare": .05, "built_up": .10},
}  # fmt: skip
# 2015 → 2020 change in share points (greening, urbanisation)
CHANGE = {
    "forest.coniferous": 0.006,
    "forest.broadleaf": 0.008,
    "forest.mixed": 0.004,
    "farmland.dryland": -0.008,
    "grassland.steppe": -0.004,
    "grassland.shrub_grass": -0.002,
    "desert.bare": -0.010,
    "built_up": 0.006,
}
CPI_2015_2020 = 1.020 * 1.016 * 1.021 * 1.029 * 1.025  # cpi-china@nbs-annual (unverified)


def land_cover(rng: np.random.Generator) -> list[tuple]:
    rows = []
    for code, _, km2, *_, prof in CITIES:
        base = dict(SHARES[prof])
        jitter = {k: v * rng.uniform(0.9, 1.1) for k, v in base.items()}
        for year in (2015, 2020):
            s = dict(jitter)
            if year == 2020:
                for k, dv in CHANGE.items():
                    s[k] = max(0.0, s[k] + dv)
            total = sum(s.values())
            for cls, share in s.items():
                if share > 0:
                    rows.append((code, year, cls, round(km2 * share / total * 100, 1), "ha"))
    return rows


def quantities(lc: list[tuple], rng: np.random.Generator) -> list[tuple]:
    area: dict[tuple, dict[str, float]] = {}
    for code, year, cls, ha, _ in lc:
        area.setdefault((code, year), {})[cls] = ha
    city = {c[0]: c for c in CITIES}
    rows = []
    for (code, year), a in sorted(area.items()):
        forest = sum(v for k, v in a.items() if k.startswith("forest"))
        grass = sum(v for k, v in a.items() if k.startswith("grassland"))
        farm = sum(v for k, v in a.items() if k.startswith("farmland"))
        water = a.get("water", 0) + a.get("wetland", 0)
        _, _, _, pop, gdp20, gdp15, prof = city[code]
        gdp = gdp20 if year == 2020 else gdp15
        f = rng.uniform(0.95, 1.05)
        q = [
            ("products.agriculture", gdp * 0.054 * 1e4 * f, "万元"),
            ("water_supply.domestic", pop * 1e4 * 42 / 1e4 * f, "万m3"),
            ("water_supply.industrial", gdp * 3.2 * f, "万m3"),
            ("water_supply.agricultural", farm * 1400 / 1e4 * f, "万m3"),
            ("hydropower", (3000 if prof == "mountain" else 800) * f, "万kWh"),
            ("water_conservation", (forest * 750 + grass * 280) / 1e4 * f, "万m3"),
            ("soil_retention", (forest * 55 + grass * 28 + farm * 8) / 1e4 * f, "万t"),
            ("sand_fixation", grass * (9 if prof == "north" else 3) * f, "t"),
            ("flood_regulation.reservoir", 0.35 * rng.uniform(0.5, 3.0) * 1e4, "万m3"),
            ("air_purification.so2", (forest * 0.08 + grass * 0.02) * f, "t"),
            ("air_purification.nox", (forest * 0.05 + grass * 0.01) * f, "t"),
            ("air_purification.dust", (forest * 0.9 + grass * 0.3) * f, "t"),
            ("water_purification.cod", water * 1.2 * f, "t"),
            ("water_purification.nh3n", water * 0.1 * f, "t"),
            ("carbon_sequestration", (forest * 4.8 + grass * 0.9) * f, "t_CO2"),
            ("oxygen_release", (forest * 3.5 + grass * 0.65) * f, "t"),
            ("climate_regulation.transpiration", (forest * 9000 + grass * 2200) / 1e4 * f, "万kWh"),
            ("climate_regulation.evaporation", water * 60000 / 1e4 * f, "万kWh"),
            ("pest_control.forest", forest * 0.6 * f, "ha"),
            ("pest_control.grassland", grass * 0.5 * f, "ha"),
            ("recreation", gdp * 0.025 * 1e4 * f, "万元"),
        ]
        rows += [(code, year, ind, round(v, 2), u) for ind, v, u in q]
    return rows


def economy(rng: np.random.Generator) -> list[tuple]:
    rows = []
    for code, _, _, _, gdp20, gdp15, _ in CITIES:
        for year, gdp, pdc, edc in ((2015, gdp15, 0.031, 0.014), (2020, gdp20, 0.026, 0.011)):
            rows.append(
                (
                    code,
                    year,
                    gdp,
                    round(gdp * pdc * rng.uniform(0.9, 1.1), 2),
                    round(gdp * edc * rng.uniform(0.9, 1.1), 2),
                    "亿元",
                    year,
                )
            )
    return rows


def monitoring(rng: np.random.Generator) -> list[tuple]:
    sections = [f"FEN-{i:02d}" for i in range(1, 9)] + [
        "SANGGAN-01",
        "HUTUO-01",
        "ZHANG-01",
        "QIN-01",
    ]
    rows = []
    for year, better in ((2015, 0.0), (2020, 0.25)):
        for k, s in enumerate(sections):
            level = (1.3 if s.startswith("FEN") and k > 3 else 0.7) * (1 - better)
            for m in range(1, 13):
                status = "frozen" if m == 1 and s.startswith("SANGGAN") else "valid"
                for pol, lim3 in (("cod", 20.0), ("nh3n", 1.0)):
                    c = round(lim3 * level * rng.uniform(0.7, 1.3), 3)
                    rows.append((s, f"{year}-{m:02d}", pol, c, "mg/L", status))
    return rows


def sheet(wb: Workbook, name: str, header: list[str], rows: list[tuple]) -> None:
    ws = wb.create_sheet(name)
    ws.append([NOTE])
    ws["A1"].font = Font(bold=True, color="9C0006")
    ws["A1"].fill = PatternFill("solid", fgColor="FFC7CE")
    ws.append(header)
    for c in ws[2]:
        c.font = Font(bold=True)
    for r in rows:
        ws.append(list(r))
    ws.freeze_panes = "A3"


def build(path: Path = OUT) -> Path:
    rng = np.random.default_rng(2023)
    wb = Workbook()
    about = wb.active
    about.title = "about"
    for line in (__doc__ or "").strip().splitlines():
        about.append([line])
    about.column_dimensions["A"].width = 110
    sheet(
        wb,
        "regions",
        ["region_code", "region_name", "parent_code", "area", "unit", "population (person)"],
        [(c, n, "140000", km2, "km2", pop * 1e4) for c, n, km2, pop, *_ in CITIES],
    )
    lc = land_cover(rng)
    sheet(wb, "land_cover", ["region_code", "year", "land_class", "area", "unit"], lc)
    sheet(
        wb,
        "quantities",
        ["region_code", "year", "indicator", "quantity", "unit"],
        quantities(lc, rng),
    )
    sheet(
        wb,
        "economy",
        ["region_code", "year", "gdp", "pdc", "edc", "unit", "price_year"],
        economy(rng),
    )
    sheet(
        wb,
        "monitoring",
        ["section_id", "period", "pollutant", "concentration", "unit", "status"],
        monitoring(rng),
    )
    wb.properties.creator = "geep"
    wb.save(path)
    return path


if __name__ == "__main__":
    print(build())
