"""Build ``journal.xlsx``: a small, synthetic Shanxi rights-trading journal for geep.

The holders are fictitious; the rules are real (Shanxi floor prices 2017, 0.75 % fee per side,
annual leases, the 5 % CCER cap). It reproduces compensation.md TC-8 (transaction T05: 10 t NH3-N
at 32,000 CNY/t, fee 2,400 CNY each side, seller nets 317,600 CNY) and TC-9 (E-PWR: verified
1,000,000 t CO2, 950,000 t allowances, 60,000 t CCER of which 50,000 t usable, shortfall 0).
The paid-use fee of T11 (1,000 CNY/t/a) and all other prices are illustrative. The notes are
in Chinese (they are copied into every export, whatever its language); holder ids are codes
(``C-TY``: the city of Taiyuan).

Run ``python examples/trading/make_journal.py`` then::

    geep trading validate examples/trading/journal.xlsx
    geep trading positions examples/trading/journal.xlsx --level city
    geep trading compliance examples/trading/journal.xlsx
    geep trading positions examples/trading/journal.xlsx -o positions.xlsx
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from openpyxl import Workbook

HOLDERS = [
    ("holder_id", "name", "kind", "region_code", "note"),
    ("SX-RES", "山西省排污权储备", "reserve", "140000", "政府储备（示意）"),
    ("C-TY", "太原市", "city", "140100", "市级用水权持有人（示意）"),
    ("E-CHEM", "榆次某化工企业", "enterprise", "140702", "虚构企业"),
    ("E-PAPER", "小店某造纸企业", "enterprise", "140105", "虚构企业"),
    ("E-PWR", "清徐某电厂", "enterprise", "140121", "虚构企业"),
    ("E-CEM", "介休某水泥企业", "enterprise", "140781", "虚构企业"),
]
D = dt.date
TRANSACTIONS = [
    ("id", "date", "type", "mode", "right", "vintage", "from", "to", "quantity", "unit", "price",
     "price_unit", "start", "end", "reverses", "note"),
    ("T01", D(2023, 1, 10), "allocation", "free", "NH3-N", 2023, None, "E-CHEM", 50, "t", None, None, None, None, None, "初始分配"),
    ("T02", D(2023, 1, 10), "allocation", "paid", "NH3-N", 2023, None, "E-PAPER", 5, "t", 30000, "元/t", None, None, None, "按基准价有偿分配"),
    ("T03", D(2023, 1, 10), "allocation", "free", "SO2", 2023, None, "E-PWR", 400, "t", None, None, None, None, None, None),
    ("T04", D(2023, 1, 10), "allocation", "free", "CEA", 2023, None, "E-PWR", 950000, "tCO2e", None, None, None, None, None, "免费配额（TC-9）"),
    ("T05", D(2023, 2, 15), "trade", None, "NH3-N", 2023, "E-CHEM", "E-PAPER", 10, "t", 32000, "元/t", None, None, None, "TC-8"),
    ("T06", D(2023, 3, 1), "lease", None, "NH3-N", 2023, "E-CHEM", "E-PAPER", 5, "t", 3000, "元/t", D(2023, 4, 1), D(2023, 12, 31), None, "年度租赁"),
    ("T07", D(2023, 3, 20), "trade", None, "SO2", 2023, "E-PWR", "E-CEM", 100, "t", 1.85, "万元/t", None, None, None, None),
    ("T08", D(2023, 5, 1), "allocation", "free", "CCER", 2023, None, "E-CEM", 80000, "tCO2e", None, None, None, None, None, "向项目业主签发的 CCER"),
    ("T09", D(2023, 6, 1), "trade", None, "CCER", 2023, "E-CEM", "E-PWR", 60000, "tCO2e", 60, "元/tCO2e", None, None, None, "碳交易无手续费规则"),
    ("T10", D(2023, 7, 1), "buyback", "paid", "SO2", 2023, "E-CEM", "SX-RES", 20, "t", 18000, "元/t", None, None, None, "政府储备回购"),
    ("T11", D(2023, 7, 15), "paid_use_fee", None, "NH3-N", 2023, "E-CHEM", None, 50, "t", 1000, "元/t", None, None, None, "年度有偿使用费（示意费率）"),
    ("T12", D(2023, 8, 1), "allocation", "free", "water", 2023, None, "C-TY", 100, "万m3", None, None, None, None, None, None),
    ("T13", D(2023, 8, 15), "trade", None, "water", 2023, "C-TY", "E-CHEM", 200000, "m3", 0.5, "元/m3", None, None, None, None),
    ("T14", D(2023, 9, 1), "trade", None, "NH3-N", 2023, "E-PAPER", "E-CHEM", 2, "t", 31000, "元/t", None, None, None, "误录"),
    ("T15", D(2023, 9, 2), "reversal", None, None, None, None, None, None, None, None, None, None, None, "T14", "冲正 T14"),
    ("T16", D(2023, 10, 1), "allocation", "free", "energy", 2023, None, "E-CEM", 5000, "tce", None, None, None, None, None, None),
    ("T17", D(2023, 10, 10), "trade", None, "energy", 2023, "E-CEM", "E-CHEM", 1000, "tce", 200, "元/tce", None, None, None, None),
    ("T18", D(2024, 3, 31), "surrender", None, "CEA", 2023, "E-PWR", None, 950000, "tCO2e", None, None, None, None, None, "2023 年度履约清缴"),
    ("T19", D(2024, 3, 31), "surrender", None, "CCER", 2023, "E-PWR", None, 50000, "tCO2e", None, None, None, None, None, "5 % 抵销上限内的 CCER"),
]  # fmt: skip
EMISSIONS = [
    ("holder_id", "right", "year", "quantity", "unit"),
    ("E-CHEM", "NH3-N", 2023, 38, "t"),
    ("E-PAPER", "NH3-N", 2023, 18, "t"),
    ("E-PWR", "SO2", 2023, 290, "t"),
    ("E-CEM", "SO2", 2023, 85, "t"),
    ("E-PWR", "CEA", 2023, 1000000, "tCO2e"),
]


def build(path: Path) -> Path:
    wb = Workbook()
    for i, (name, rows) in enumerate(
        (("holders", HOLDERS), ("transactions", TRANSACTIONS), ("emissions", EMISSIONS))
    ):
        ws = wb.active if i == 0 else wb.create_sheet(name)
        ws.title = name
        for r in rows:
            ws.append(list(r))
    wb.save(path)
    return path


if __name__ == "__main__":
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("journal.xlsx")
    print(f"wrote {build(out)}")
