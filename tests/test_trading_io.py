"""Journal workbooks: reading (every problem with sheet!cell), export round trip, template,
and the ``geep trading`` command."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from geep.cli import main
from geep.inputs.report import InputValidationError
from geep.trading import (
    Journal,
    Rules,
    money_positions,
    positions,
    read_journal,
    write_journal,
    write_template,
)
from geep.trading.rights import RIGHTS

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "trading" / "journal.xlsx"
RULES = Rules.load()
D = dt.date
TX_HEAD = ["id", "date", "type", "mode", "right", "vintage", "from", "to", "quantity", "unit",
           "price", "price_unit", "start", "end", "reverses", "note"]  # fmt: skip


def workbook(path: Path, holders, txns, emissions=None, head=TX_HEAD) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "holders"
    for r in [["holder_id", "name", "kind", "region_code"], *holders]:
        ws.append(r)
    ws = wb.create_sheet("transactions")
    for r in [head, *txns]:
        ws.append(r)
    if emissions is not None:
        ws = wb.create_sheet("emissions")
        for r in [["holder_id", "right", "year", "quantity", "unit"], *emissions]:
            ws.append(r)
    wb.save(path)
    return path


def tx(id_, date, type_, right, q, frm=None, to=None, price=None, unit="t", start=None, end=None,
       mode=None, price_unit=None):  # fmt: skip
    return [id_, date, type_, mode, right, 2023, frm, to, q, unit, price, price_unit, start, end,
            None, None]  # fmt: skip


BAD_HOLDERS = [
    ["A", "a", "enterprise", "140702"],
    ["B", "b", "enterprise", "140105"],
    ["A", "again", "enterprise", "140702"],  # A4 duplicate
    ["C", "c", "company", "140105"],  # C5 kind
    ["D", "d", "enterprise", "1401"],  # D6 region code
]
BAD_TXNS = [
    tx("T1", D(2023, 1, 10), "allocation", "NH3-N", 20, to="A", mode="free"),
    tx("T2", D(2023, 2, 1), "trade", "SO2", 100, "A", "B", 17500),  # K3 below floor
    tx("T3", "2023-13-01", "trade", "NH3-N", 1, "A", "B", 30000),  # B4 bad date
    tx("T4", D(2023, 2, 3), "trade", "NH3-N", "ten", "A", "B", 30000),  # I5 not a number
    tx("T5", D(2023, 2, 4), "trade", "NH3-N", 1, "A", "X", 30000),  # H6 unknown holder
    tx("T6", D(2023, 2, 5), "trade", "NH4", 1, "A", "B", 30000),  # E7 unknown right
    tx("T7", D(2023, 2, 6), "lease", "NH3-N", 5, "A", "B", None, "t",
       D(2023, 7, 1), D(2024, 6, 30)),  # N8 lease across the year end
    tx("T8", D(2023, 2, 7), "trade", "NH3-N", 30, "A", "B", 31000),  # I9 beyond balance
    tx("T9", D(2023, 3, 1), "lease", "NH3-N", 5, "A", "B", None, "t",
       D(2023, 4, 1), D(2023, 12, 31)),  # fine
    tx("T10", D(2023, 3, 2), "lease", "NH3-N", 3, "B", "A", None, "t",
       D(2023, 5, 1), D(2023, 6, 30)),  # I11 sub-lease
    tx("T11", D(2023, 3, 3), "trade", "NH3-N", 1, "A", "B", "#N/A"),  # K12 Excel error
    tx("T12", D(2023, 3, 4), "trade", "NH3-N", 2, "A", "B", 30000, unit="m3"),  # J13 unit
]  # fmt: skip
BAD_CELLS = {
    "holders!A4", "holders!C5", "holders!D6", "transactions!K3", "transactions!B4",
    "transactions!I5", "transactions!H6", "transactions!E7", "transactions!N8",
    "transactions!I9", "transactions!I11", "transactions!K12", "transactions!J13",
    "emissions!A2", "emissions!D4",
}  # fmt: skip


def test_every_problem_is_reported_with_its_cell(tmp_path):
    path = workbook(tmp_path / "bad.xlsx", BAD_HOLDERS, BAD_TXNS,
                    emissions=[["Z", "NH3-N", 2023, 3, "t"], ["A", "NH3-N", 2023, 3, "t"],
                               ["A", "氨氮", 2023, 4, "t"]])  # fmt: skip
    with pytest.raises(InputValidationError) as ei:
        read_journal(path, rules=RULES)
    report = ei.value.report
    cells = {e.where.removeprefix("bad.xlsx!") for e in report.errors}
    assert cells == BAD_CELLS, str(report)
    by_cell = {e.where.removeprefix("bad.xlsx!"): e.problem for e in report.errors}
    assert "below the floor price 18000" in by_cell["transactions!K3"]
    assert "crosses a year end" in by_cell["transactions!N8"]
    assert "sub-lease is not allowed" in by_cell["transactions!I11"]
    assert "unknown holder 'X'" in by_cell["transactions!H6"]
    assert "Excel error value #N/A" in by_cell["transactions!K12"]
    wb = read_journal(path, rules=RULES, strict=False)  # the valid rows are still posted
    assert [t.id for t in wb.journal.transactions] == ["T1", "T9"]
    assert set(wb.refused) == {"T2", "T5", "T7", "T8", "T10"}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_template_filled_from_its_dropdowns_validates(tmp_path, lang):
    """Every value the template's drop-downs offer is read back as its code."""
    from geep.trading.rights import HOLDER_KINDS

    path = write_template(tmp_path / "t.xlsx", lang=lang)
    wb = load_workbook(path)
    holders, txns = wb.worksheets[2], wb.worksheets[3]
    lists = {}
    for ws in (holders, txns):
        for dv in ws.data_validations.dataValidation:
            col = str(dv.sqref).split(":")[0].rstrip("0123456789")
            lists[(ws.title, col)] = dv.formula1.strip('"').split(",")
    kinds = lists[(holders.title, "C")]
    types, modes, rights = (lists[(txns.title, c)] for c in "CDE")
    assert len(kinds) == len(HOLDER_KINDS) and len(types) == 7 and len(rights) == 11
    if lang == "zh":
        assert kinds[0] == "企业" and types[0] == "分配" and modes == ["无偿", "有偿", "无偿收回"]
    for i, kind in enumerate(kinds):
        holders.append([f"H{i}", f"持有人{i}", kind, "140105"])
    # an allocation of every right (free, then paid), a trade and a buy-back (unpaid)
    for i, right in enumerate(rights):
        txns.append([f"A{i}", "2023-01-10", types[0], modes[i % 2], right, 2023, None, "H0", 10,
                     None, 20000 if i % 2 else None])  # fmt: skip
    txns.append(["T1", "2023-02-01", types[1], None, rights[0], 2023, "H0", "H1", 2, None,
                 25000])  # fmt: skip
    txns.append(["B1", "2023-03-01", types[4], modes[2], rights[0], 2023, "H1", "H4", 1])
    wb.save(path)
    got = read_journal(path, rules=RULES)
    assert not got.report.errors, str(got.report)
    assert sorted(h.kind for h in got.journal.holders.values()) == sorted(HOLDER_KINDS)
    by_id = {t.id: t for t in got.journal.transactions}
    assert {by_id[f"A{i}"].right for i in range(11)} == set(RIGHTS)
    assert [by_id[f"A{i}"].mode for i in range(2)] == ["free", "paid"]
    assert (by_id["T1"].type, by_id["B1"].type, by_id["B1"].mode) == ("trade", "buyback", "unpaid")


def test_units_headers_in_chinese_and_row_order(tmp_path):
    write_template(tmp_path / "zh.xlsx", lang="zh")
    wb = load_workbook(tmp_path / "zh.xlsx")
    assert wb.sheetnames == ["说明", "代码", "持有人", "交易", "实际排放"]
    wb["持有人"].append(["A", "甲", "企业", "140702"])
    wb["持有人"].append(["B", "乙", "enterprise", 140105])
    head = [c.value for c in wb["交易"][1]]
    assert head[:6] == ["编号", "日期", "交易类型", "方式", "权利", "年度"]
    rows = [
        {"编号": "2", "日期": "2023年3月1日", "交易类型": "交易", "权利": "氨氮", "年度": 2023,
         "转出方": "A", "转入方": "B", "数量": 0.5, "单位": "万t", "价格": 3.2,
         "价格单位": "万元/t"},
        {"编号": "1", "日期": "2023-01-10", "交易类型": "分配", "方式": "free", "权利": "NH3-N",
         "年度": "2023", "转入方": "A", "数量": "10,000", "单位": "吨"},
    ]  # fmt: skip
    for r in rows:
        wb["交易"].append([r.get(h) for h in head])
    wb.save(tmp_path / "zh.xlsx")
    got = read_journal(tmp_path / "zh.xlsx", rules=RULES)
    assert [t.id for t in got.journal.transactions] == ["1", "2"]  # posted in date order
    t2 = got.journal.transactions[1]
    assert (t2.quantity, t2.price) == (Decimal(5000), Decimal(32000))
    notes = {i.problem for i in got.report.issues if i.severity == "note"}
    assert any("date order" in n for n in notes)
    assert any("thousands separators" in n for n in notes)
    fees = [m.amount for m in got.journal.money_postings if m.leg == "fee"]
    assert fees == [Decimal("1200000.00")] * 2  # 5000 t × 32,000 = 1.6亿; 0.75 % each


def test_example_workbook_reproduces_hand_figures():
    wb = read_journal(EXAMPLE, rules=RULES)
    assert len(wb.journal) == 19 and wb.report.ok
    p = positions(wb.journal).set_index(["holder", "right"])
    assert p.loc[("E-CHEM", "emission.nh3n"), ["balance", "holdings"]].tolist() == [40, 35]
    assert p.loc[("E-PAPER", "emission.nh3n"), ["balance", "holdings"]].tolist() == [15, 20]
    assert p.loc[("E-CEM", "emission.so2"), "balance"] == 80  # 100 bought − 20 bought back
    assert p.loc[("C-TY", "water"), "balance"] == 800_000  # 100 万m3 − 200,000 m3
    assert p.loc[("E-CHEM", "energy"), "balance"] == 1_000
    m = money_positions(wb.journal).set_index(["holder", "right"])
    assert m.loc[("E-CHEM", "emission.nh3n"), "net"] == 320_000 + 15_000 - 2_400 - 50_000
    assert m.loc[("E-CEM", "emission.so2"), "fees"] == 13_875  # 1.85万元/t × 100 t × 0.75 %
    assert list(wb.verified["quantity"]) == [1_000_000]
    assert sorted(wb.actual["holder"]) == ["E-CEM", "E-CHEM", "E-PAPER", "E-PWR"]


def test_export_round_trip_replays_to_the_same_positions(tmp_path):
    wb = read_journal(EXAMPLE, rules=RULES)
    out = write_journal(wb.journal, tmp_path / "out.xlsx", wb.actual, wb.verified)
    sheets = load_workbook(out, read_only=True).sheetnames
    for s in ("transactions", "postings", "money", "positions", "positions_county",
              "positions_city", "positions_province", "compliance", "carbon_compliance",
              "ledger", "checks", "rules", "warnings", "emissions"):  # fmt: skip
        assert s in sheets
    again = read_journal(out, rules=RULES)
    assert again.report.ok, str(again.report)
    a, b = positions(wb.journal, exact=True), positions(again.journal, exact=True)
    assert a.to_dict("records") == b.to_dict("records")
    assert (money_positions(wb.journal, exact=True).to_dict("records")
            == money_positions(again.journal, exact=True).to_dict("records"))  # fmt: skip
    assert again.verified.equals(wb.verified)
    checks = load_workbook(out, read_only=True)["checks"]
    assert all(r[2] is True for r in list(checks.iter_rows(values_only=True))[1:])


def test_text_cells_are_neutralised(tmp_path):
    j = Journal([{"holder_id": "A", "name": "=HYPERLINK(\"x\")", "kind": "enterprise",
                  "region_code": "140702"}], RULES)  # fmt: skip
    out = write_journal(j, tmp_path / "n.xlsx")
    ws = load_workbook(out)["holders"]
    assert ws["B2"].value == '\'=HYPERLINK("x")' and ws["B2"].data_type == "s"


def test_cli_validate_positions_compliance_template(tmp_path, capsys):
    assert main(["trading", "validate", str(EXAMPLE)]) == 0
    assert "19 transactions" in capsys.readouterr().out
    bad = workbook(tmp_path / "bad.xlsx", BAD_HOLDERS, BAD_TXNS)
    assert main(["trading", "validate", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "bad.xlsx!transactions!K3" in err and "13 error(s)" in err
    assert main(["trading", "positions", str(bad)]) == 1
    capsys.readouterr()
    assert main(["trading", "positions", str(EXAMPLE), "--level", "city", "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert "140700,晋中市,city,emission.nh3n,emission,2023,t," in out
    assert main(["trading", "positions", str(EXAMPLE), "-o", str(tmp_path / "p.xlsx")]) == 0
    assert (tmp_path / "p.xlsx").exists()
    assert main(["trading", "positions", str(EXAMPLE), "--level", "county", "-o",
                 str(tmp_path / "p.csv")]) == 0  # fmt: skip
    assert (tmp_path / "p.csv").read_text(encoding="utf-8").startswith("region_code,")
    assert main(["trading", "positions", str(EXAMPLE), "-o", str(tmp_path / "p.txt")]) == 2
    assert main(["trading", "positions", str(EXAMPLE), "--as-of", "2023-99-01"]) == 2
    capsys.readouterr()
    assert main(["trading", "compliance", str(EXAMPLE), "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert "E-CHEM,emission.nh3n,2023,t,35.0,0.0,35.0,38.0,-3.0,deficit,30000.0,-90000.0" in out
    assert "E-PWR,2023,1000000.0,950000.0,60000.0,50000.0,50000.0,0.0,0.0,0.0,balanced" in out
    assert main(["trading", "template", str(tmp_path / "t.xlsx")]) == 0
    assert main(["trading", "validate", str(tmp_path / "t.xlsx")]) == 0
    assert main(["trading", "rules", "--rules-as-of", "2013-01-01", "--format", "csv"]) == 0
    assert "emission-floor-prices-shanxi@2012" in capsys.readouterr().out
    assert main(["trading", "validate", str(tmp_path / "missing.xlsx")]) == 1


def test_example_positions_match_the_hand_computed_table():
    import pandas as pd

    expected = pd.read_csv(Path(__file__).parent / "data" / "trading" / "example_positions.csv",
                           comment="#")  # fmt: skip
    got = positions(read_journal(EXAMPLE, rules=RULES).journal, exact=True)
    got = got.set_index(["holder", "right", "vintage"])
    for r in expected.itertuples(index=False):
        row = got.loc[(r.holder, r.right, r.vintage)]
        assert (row["balance"], row["holdings"]) == (r.balance, r.holdings), r.working
    nonzero = got[(got["balance"] != 0) | (got["holdings"] != 0)]
    assert len(nonzero) == len(expected) - 1  # E-PWR carbon.cea is all zero after surrender
