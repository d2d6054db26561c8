"""The positions workbook under zh (issue 17): Chinese sheet names and headers over the machine
names, the codes kept with their Chinese names beside them, print-ready — and an export that
reads back (:func:`geep.trading.read_journal`), replays to the same positions and verifies
(``geep trading validate``)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings

from geep import trading
from geep.cli import main
from geep.errors import TradingError
from geep.messages import language_scope

ROOT = Path(__file__).resolve().parents[1]
JOURNAL = ROOT / "examples" / "trading" / "journal.xlsx"

#: the sheets of the example's export under zh, in order
ZH_SHEETS = ["概况", "持有人", "交易", "数量分录", "资金分录", "持仓", "资金头寸", "县级持仓",
             "市级持仓", "省级持仓", "实际排放", "履约", "碳履约", "价值核算", "核对", "规则",
             "提示"]  # fmt: skip


@pytest.fixture(scope="module")
def example() -> trading.JournalWorkbook:
    return trading.read_journal(JOURNAL)


@pytest.fixture(scope="module")
def zh_export(example, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("zh") / "positions-zh.xlsx"
    return trading.write_journal(example.journal, out, example.actual, example.verified,
                                 lang="zh")  # fmt: skip


def test_the_catalogue_names_the_input_sheets_as_the_reader_does():
    from geep.messages import MESSAGES
    from geep.trading.sheets import SHEETS

    for key, spec in SHEETS.items():  # the integrity check finds a zh export's sheets by these
        assert MESSAGES[f"trading.xl.sheet.{key}"] == (spec.name, spec.sheet_zh)
        assert spec.sheet_zh in spec.aliases


def test_sheet_names_and_input_layout_are_chinese(zh_export):
    wb = openpyxl.load_workbook(zh_export)
    assert wb.sheetnames == ZH_SHEETS
    ws = wb["交易"]  # the reader's layout: Chinese headers in row 1, the chain columns after
    head = [c.value for c in ws[1]]
    assert head[:6] == ["编号", "日期", "交易类型", "方式", "权利", "年度"]
    assert head[18:] == ["金额", "被冲正", "chain_seq", "chain_row_sha256", "chain_sha256"]
    t05 = [c.value for c in ws[6]]  # TC-8: 10 t NH3-N at 32,000 元/t
    assert t05[:5] == ["T05", t05[1], "交易", None, "氨氮排污权"]
    assert (t05[8], t05[9], t05[10], t05[11]) == (10, "t", 32000, "元/t")
    assert (t05[15], t05[16], t05[18]) == (2400, 2400, 320000)  # fees each side, value
    assert [c.value for c in wb["持有人"][3]][:3] == ["C-TY", "太原市", "市"]
    assert wb["持有人"]["C2"].value == "政府储备" and ws["R2"].value == "初始分配"


def test_derived_sheets_keep_codes_with_names_beside_them(zh_export):
    wb = openpyxl.load_workbook(zh_export)
    ws = wb["数量分录"]
    assert [c.value for c in ws[2]] == ["txn", "date", "holder", "right", "right_label",
                                        "vintage", "component", "component_label", "flow",
                                        "flow_label", "quantity", "unit"]  # fmt: skip
    assert [c.value for c in ws[1]][:4] == ["交易编号", "日期", "持有人编号", "权利"]
    first = [c.value for c in ws[3]]  # T01: 50 t NH3-N from @issuance to E-CHEM
    assert first[3:10] == ["emission.nh3n", "氨氮排污权", 2023, "owned", "自有",
                           "allocated_out", "分配转出"]  # fmt: skip
    money = {r[7]: r[8] for r in wb["资金分录"].iter_rows(min_row=3, values_only=True)}
    assert money == {"allocation": "有偿分配价款", "price": "价款", "fee": "手续费",
                     "rent": "租金", "buyback": "回购价款", "paid_use_fee": "有偿使用费"}  # fmt: skip
    levels = {r[2]: r[3] for r in wb["县级持仓"].iter_rows(min_row=3, values_only=True)}
    assert levels == {"province": "省级", "city": "市级", "county": "县级"}
    status = {r[0]: (r[10], r[11]) for r in wb["履约"].iter_rows(min_row=3, values_only=True)}
    assert status["E-CHEM"] == ("deficit", "不足") and status["E-PAPER"] == ("surplus", "盈余")
    checks = list(wb["核对"].iter_rows(min_row=3, values_only=True))
    assert checks and all(r[2] is True and r[3] == "通过" for r in checks)
    assert checks[-1][0] == "资金：所有持有人的净头寸合计为 0"
    warnings = [r[0] for r in wb["提示"].iter_rows(min_row=2, values_only=True)]
    assert (
        "用水权 2023 年度未估值：emission-floor-prices-shanxi@2017 中没有用水权的基准价" in warnings
    )


def test_summary_is_chinese_and_carries_the_integrity_record(zh_export):
    rows = list(openpyxl.load_workbook(zh_export)["概况"].iter_rows(values_only=True))
    assert rows[0] == ("项目代码", "项目", "内容") and rows[1] == ("key", "label", "value")
    items = {r[0]: r[1:] for r in rows[2:]}
    assert items["title"] == ("标题", "geep 权利交易台账")
    assert items["status"] == ("状态", "正式") and items["as_of"] == ("截止日期", "（全部）")
    assert items["transactions"] == ("交易笔数", 19)
    assert items["integrity"][0] == "完整性记录" and '"交易"' in items["integrity"][1]


def test_print_ready_number_formats_and_frozen_headers(zh_export):
    wb = openpyxl.load_workbook(zh_export)
    pos = wb["持仓"]
    assert pos.freeze_panes == "A3" and pos.print_title_rows == "$1:$2"
    assert pos.page_setup.orientation == "landscape" and pos.page_setup.fitToWidth == 1
    assert pos.sheet_properties.pageSetUpPr.fitToPage and pos.print_area
    assert wb["交易"].freeze_panes == "A2" and wb["交易"].print_title_rows == "$1:$1"
    assert wb["交易"]["S6"].number_format == "#,##0.00"  # value of T05 [CNY]
    assert wb["资金分录"]["J3"].number_format == "#,##0.00"  # amount [CNY]
    assert wb["持仓"]["J3"].number_format == "0"  # vintage: a year, no separator
    assert wb["持仓"]["V3"].number_format == "#,##0.00##"  # balance [tCO2e], to 4 decimals
    assert wb["数量分录"]["K3"].number_format == "#,##0"  # quantity posted: whole tonnes


def test_zh_export_reads_back_and_replays_to_the_same_positions(example, zh_export):
    again = trading.read_journal(zh_export)
    assert again.report.ok and not again.report.issues, str(again.report)
    a = trading.positions(example.journal, exact=True)
    b = trading.positions(again.journal, exact=True)
    assert a.to_dict("records") == b.to_dict("records")
    ma = trading.money_positions(example.journal, exact=True)
    mb = trading.money_positions(again.journal, exact=True)
    assert ma.to_dict("records") == mb.to_dict("records")
    assert again.verified.equals(example.verified) and again.actual.equals(example.actual)


def test_validate_passes_on_a_zh_export_and_catches_an_edit(zh_export, tmp_path, capsys):
    assert main(["trading", "validate", str(zh_export)]) == 0
    out = capsys.readouterr().out
    assert "no problems found" in out and "integrity chain" not in out
    wb = openpyxl.load_workbook(zh_export)
    wb["交易"]["I6"] = 100  # T05: 10 t → 100 t
    bad = tmp_path / "bad.xlsx"
    wb.save(bad)
    assert main(["trading", "validate", str(bad)]) == 1
    assert "bad.xlsx!交易!A6: row 6 changed since the export" in capsys.readouterr().err


def test_a_zh_export_without_its_record_is_an_error_not_unverifiable(zh_export, tmp_path):
    wb = openpyxl.load_workbook(zh_export)
    wb["概况"].delete_rows(wb["概况"].max_row)
    bad = tmp_path / "no-record.xlsx"
    wb.save(bad)
    issues = trading.read_journal(bad, strict=False).report.issues
    assert [i.severity for i in issues if "integrity record" in i.problem] == ["error"]


def test_cli_lang_zh_writes_the_chinese_workbook_and_en_is_unchanged(tmp_path):
    assert main(["-q", "--lang", "zh", "trading", "positions", str(JOURNAL), "-o",
                 str(tmp_path / "zh.xlsx")]) == 0  # fmt: skip
    assert openpyxl.load_workbook(tmp_path / "zh.xlsx").sheetnames == ZH_SHEETS
    assert main(["-q", "trading", "positions", str(JOURNAL), "-o", str(tmp_path / "en.xlsx")]) == 0
    en = openpyxl.load_workbook(tmp_path / "en.xlsx")
    assert en.sheetnames[:4] == ["summary", "holders", "transactions", "postings"]
    assert [c.value for c in en["postings"][1]][:3] == ["txn", "date", "holder"]
    assert en["summary"]["B4"].value == "released" and en["warnings"]["A1"].value == "warning"


def test_the_language_of_the_workbook_follows_the_active_language(example):
    from geep.trading.export import workbook_bytes

    with language_scope("zh"):
        zh = workbook_bytes(example.journal)
    assert zh == workbook_bytes(example.journal, lang="zh")
    assert zh != workbook_bytes(example.journal, lang="en")


@pytest.mark.parametrize(
    "argv",
    [["validate"], ["compliance"], ["positions", "--level", "city"], ["positions"], ["rules"]],
)
def test_console_of_trading_verbs_is_chinese(argv, capsys):
    import sys

    sys.path.insert(0, str(Path(__file__).parent))
    from zh_allow import machine_names, text_findings

    args = [argv[0], *([str(JOURNAL)] if argv[0] != "rules" else []), *argv[1:]]
    assert main(["--lang", "zh", "trading", *args]) == 0
    cap = capsys.readouterr()
    console = cap.out + cap.err
    assert console.strip() and not text_findings(" ".join(argv), console, machine_names())


def test_csv_of_a_zh_run_keeps_machine_names_and_codes(capsys):
    argv = ["--lang", "zh", "trading", "positions", str(JOURNAL), "--level", "city"]
    assert main([*argv, "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("region_code,region_name,region_level,right,family,vintage,unit,")
    assert "140700,晋中市,city,emission.nh3n,emission,2023,t," in out
    assert main(argv) == 0
    table = capsys.readouterr().out
    assert "持有量（市级）" in table and "氨氮排污权" in table and "排污权" in table


def _posted(ops) -> trading.Journal:
    import sys

    sys.path.insert(0, str(Path(__file__).parent))
    from test_trading_properties import HOLDERS, RIGHTS_, RULES

    j = trading.Journal(HOLDERS, RULES)
    seed = [{"id": f"s{h}{r}", "date": "2022-12-31", "type": "allocation", "right": r,
             "vintage": 2023, "to_holder": h, "quantity": 200}
            for h in ("A", "B") for r in sorted(set(RIGHTS_))]  # fmt: skip
    for op in (*seed, *ops):
        try:
            j.post(op)
        except TradingError:
            continue
    return j


def _journals():
    import sys

    sys.path.insert(0, str(Path(__file__).parent))
    from test_trading_properties import journals

    return journals


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ops=_journals())
def test_any_journal_exported_in_zh_reads_back_to_the_same_positions(ops, tmp_path_factory):
    j = _posted(ops)
    out = trading.write_journal(j, tmp_path_factory.mktemp("p") / "zh.xlsx", lang="zh")
    back = trading.read_journal(out, rules=j.rules, strict=False)
    assert back.report.ok, str(back.report)
    assert not [i for i in back.report.issues if "chain" in i.problem or "export" in i.problem]
    a, b = trading.positions(j, exact=True), trading.positions(back.journal, exact=True)
    assert a.to_dict("records") == b.to_dict("records")
    ma = trading.money_positions(j, exact=True).to_dict("records")
    assert ma == trading.money_positions(back.journal, exact=True).to_dict("records")
