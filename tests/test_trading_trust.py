"""Issue 11, trading: hostile numbers, implausible dates and look-alike holder ids are refused
at their cell (item 20, and the same class of defect across trading); exported journals carry
an integrity chain that `geep trading validate` verifies (item 20)."""

from __future__ import annotations

import warnings
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geep import trading
from geep.cli import main
from geep.coefficients import ProvisionalWarning
from geep.errors import TradingError

ROOT = Path(__file__).resolve().parents[1]
JOURNAL = ROOT / "examples" / "trading" / "journal.xlsx"
HOLDERS = [
    {"holder_id": "A", "kind": "enterprise", "region_code": "140105"},
    {"holder_id": "B", "kind": "enterprise", "region_code": "140106"},
]


@pytest.fixture(autouse=True)
def _quiet():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ProvisionalWarning)
        yield


def _journal() -> trading.Journal:
    j = trading.Journal(HOLDERS)
    j.post(dict(id="1", date="2023-01-05", type="allocation", right="NH3-N", vintage=2023,
                to_holder="A", quantity=20))  # fmt: skip
    return j


def _trade(**kw) -> dict:
    d = dict(id="2", date="2023-03-01", type="trade", right="NH3-N", vintage=2023,
             from_holder="A", to_holder="B", quantity=10, price=32000)  # fmt: skip
    d.update(kw)
    return d


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"price": "1e400"}, "price: '1e400' is beyond any plausible amount"),
        ({"price": 1e300}, "price: 1e+300 is beyond any plausible amount"),
        ({"price": float("inf")}, "price: inf is not a finite number"),
        ({"price": "abc"}, "price: 'abc' is not a number"),
        ({"quantity": True}, "quantity: a true/false value is not a number"),
        ({"quantity": "1e-30"}, "quantity: must be a positive number from 1e-06 to 1e+13 t"),
        ({"price": "1e10"}, "price: must be a non-negative number up to 1e+09 CNY/t"),
        ({"quantity": "1e12", "price": "1e8"}, "quantity × price = 1e+20 CNY is beyond"),
        ({"fee_buyer": "1e400"}, "fee_buyer: '1e400' is beyond"),
        ({"date": "3023-03-01"}, "date: 3023-03-01 is outside 1990-01-01..2100-12-31"),
        ({"date": "2034-03-01"}, "outside the years of vintage 2023 (2022..2033"),
        ({"to_holder": "B\u0410"}, "holder id 'BА' contains 'А' (U+0410 CYRILLIC CAPITAL LETTER A)"),
    ],
)  # fmt: skip
def test_hostile_transaction_values_are_refused_with_a_trading_error(change, message):
    j = _journal()
    with pytest.raises(TradingError) as exc:
        j.post(_trade(**change))
    assert message in str(exc.value)
    assert len(j) == 1  # the journal is unchanged


def test_date_rule_bounds_are_inclusive():
    j = _journal()
    j.post(_trade(id="2", date="2033-12-31", quantity=1))  # the last day of vintage + 10
    alloc = dict(id="3", date="2023-01-05", type="allocation", right="SO2", vintage=2024,
                 to_holder="A", quantity=5)  # fmt: skip
    with pytest.raises(TradingError, match="before the last entry"):
        j.post(alloc)  # (chronology is a separate rule)
    j2 = _journal()
    j2.post({**alloc, "date": "2023-01-05"})  # a vintage allocated one year ahead is fine
    with pytest.raises(TradingError, match=r"outside the years of vintage 2025 \(2024\.\.2035"):
        j2.post({**alloc, "id": "4", "vintage": 2025})


def test_look_alike_holder_ids_are_one_holder():
    j = trading.Journal([{"holder_id": "Ａ\u200b", "kind": "enterprise"}, HOLDERS[1]])
    assert set(j.holders) == {"A", "B"}
    j.post(dict(id="1\u200b", date="2023-01-05", type="allocation", right="SO2", vintage=2023,
                to_holder="A\ufeff", quantity=5))  # fmt: skip
    assert j.balance("A", "SO2", 2023) == Decimal(5) and j.transactions[0].id == "1"
    with pytest.raises(TradingError, match="holder id 'TУ' contains 'У'"):
        j.register({"holder_id": "TУ", "kind": "city"})


def _variant(tmp_path: Path, name: str, sheet: str, cell: str, value: object) -> Path:
    wb = openpyxl.load_workbook(JOURNAL)
    wb[sheet][cell] = value
    out = tmp_path / f"{name}.xlsx"
    wb.save(out)
    return out


@pytest.mark.parametrize(
    ("sheet", "cell", "value", "message"),
    [
        ("transactions", "K6", "1e400", "K6 price [1e400]: not a finite number"),
        ("transactions", "K6", 1e300, "K6 price [1e+300]: 1e+300 is beyond any plausible"),
        ("transactions", "I6", "1e300", "I6 quantity [1e300]: 1e+300 is beyond any plausible"),
        ("transactions", "B6", "3023-02-15", "B6 date [3023-02-15]: 3023-02-15 is outside"),
        ("transactions", "H6", "E-PАPER", "H6 to_holder [E-PАPER]: holder id 'E-PАPER' contains"),
        ("holders", "A3", "TУ", "A3 holder_id [TУ]: holder id 'TУ' contains 'У'"),
        ("emissions", "C2", 3023, "C2 year [3023]: year 3023 is outside 1990..2100"),
        ("emissions", "D2", -38, "D2 quantity [-38]: must be a non-negative number"),
    ],
)  # fmt: skip
def test_hostile_journal_cells_are_errors_at_their_cell(
    capsys, tmp_path, sheet, cell, value, message
):
    path = _variant(tmp_path, "bad", sheet, cell, value)
    rc = main(["trading", "validate", str(path)])
    cap = capsys.readouterr()
    assert rc == 1 and "Traceback" not in cap.err
    assert f"bad.xlsx!{sheet}!{message}" in cap.err


def test_zero_width_holder_id_in_a_journal_is_the_same_holder(tmp_path):
    path = _variant(tmp_path, "zw", "transactions", "H6", "E-PAPER\u200b")
    wb = trading.read_journal(path)
    assert wb.report.ok and wb.journal.transactions[4].to_holder == "E-PAPER"


# --- item 20: the integrity chain of exported journals -------------------------------------------
@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> Path:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ProvisionalWarning)
        wb = trading.read_journal(JOURNAL)
        out = tmp_path_factory.mktemp("export") / "export.xlsx"
        return trading.write_journal(wb.journal, out, wb.actual, wb.verified)


def _tampered(exported: Path, tmp_path: Path, edit) -> trading.JournalWorkbook:
    wb = openpyxl.load_workbook(exported)
    edit(wb)
    out = tmp_path / "tampered.xlsx"
    wb.save(out)
    return trading.read_journal(out, strict=False)


def _chain_issues(jw: trading.JournalWorkbook) -> list[tuple[str, str, str]]:
    return [(i.severity, i.where.split("!", 1)[1], i.problem) for i in jw.report.issues
            if "export" in i.problem or "chain" in i.problem]  # fmt: skip


def test_untouched_export_verifies(exported, tmp_path):
    jw = _tampered(exported, tmp_path, lambda wb: None)  # opened and saved again
    assert jw.report.ok and not _chain_issues(jw) and len(jw.journal) == 19


def test_a_quantity_times_ten_is_reported_at_its_row(exported, tmp_path):
    def edit(wb):
        ws = wb["transactions"]
        ws["I6"] = ws["I6"].value * 10  # T05: 10 t → 100 t

    (issue,) = _chain_issues(_tampered(exported, tmp_path, edit))
    assert (
        issue[:2] == ("error", "transactions!A6") and "row 6 changed since the export" in issue[2]
    )


def test_a_changed_value_in_any_column_is_reported(exported, tmp_path):
    def edit(wb):
        wb["transactions"]["S12"] = 1  # the exported 'value' column (not read back) of T11
        wb["holders"]["D3"] = "140200"  # C-TY's region code

    issues = _chain_issues(_tampered(exported, tmp_path, edit))
    assert [i[1] for i in issues] == ["holders!A3", "transactions!A12"]


def test_deleted_reordered_inserted_and_appended_rows(exported, tmp_path):
    def edit(wb):
        ws = wb["transactions"]
        ws.delete_rows(8)  # T07 gone: entries 7..7 missing before the new row 8
        rows = [[c.value for c in r] for r in ws.iter_rows(min_row=10, max_row=11)]
        for j, v in enumerate(rows[1], start=1):  # swap T10 and T11 (now rows 10 and 11)
            ws.cell(10, j).value = v  # (ws.cell(r, c, None) would not clear a cell)
        for j, v in enumerate(rows[0], start=1):
            ws.cell(11, j).value = v
        ws.append(["T99", dt_date(2024, 4, 1), "allocation", "free", "SO2", 2024, None, "E-PWR", 5])

    issues = _chain_issues(_tampered(exported, tmp_path, edit))
    assert [(s, w) for s, w, _ in issues] == [
        ("error", "transactions!A8"), ("error", "transactions!A10"),
        ("error", "transactions!A11"), ("warning", "transactions!A20"),
    ]  # fmt: skip
    assert "exported entries 7..7 are missing before row 8" in issues[0][2]
    assert "exported as entry 11 but now follows exported entry 9" in issues[1][2]
    assert "added after the export" in issues[3][2]


def test_rows_deleted_at_the_end_and_a_removed_record(exported, tmp_path):
    def drop_tail(wb):
        wb["transactions"].delete_rows(19, 2)

    (issue,) = _chain_issues(_tampered(exported, tmp_path, drop_tail))
    assert "exported entries 18..19 are missing at the end" in issue[2]

    def drop_record(wb):
        ws = wb["summary"]
        ws.delete_rows(ws.max_row)

    (issue,) = _chain_issues(_tampered(exported, tmp_path, drop_record))
    assert issue[0] == "error" and "no integrity record" in issue[2]


def test_a_journal_without_chain_is_unverifiable_not_silently_ok(capsys):
    assert main(["trading", "validate", str(JOURNAL)]) == 0
    out = capsys.readouterr().out
    assert "warning" in out and "has no integrity chain, so it cannot be verified" in out


def test_validate_exits_1_on_a_tampered_export(exported, tmp_path, capsys):
    wb = openpyxl.load_workbook(exported)
    wb["transactions"]["I6"] = 100
    bad = tmp_path / "bad.xlsx"
    wb.save(bad)
    assert main(["trading", "validate", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "bad.xlsx!transactions!A6: row 6 changed since the export" in err


def dt_date(y: int, m: int, d: int):
    import datetime

    return datetime.date(y, m, d)


@settings(max_examples=200, deadline=None)
@given(
    price=st.one_of(st.text(max_size=12), st.floats(), st.integers(), st.booleans(), st.none()),
    quantity=st.one_of(st.text(max_size=12), st.floats(), st.integers(-10, 10**20)),
    date=st.dates(dt_date(1, 1, 1), dt_date(9999, 12, 31)),
)
def test_any_hostile_transaction_posts_or_is_refused_with_a_trading_error(price, quantity, date):
    j = _journal()
    try:
        j.post(_trade(price=price, quantity=quantity, date=date))
    except TradingError:
        assert len(j) == 1
        return
    assert len(j) == 2 and sum(p.quantity for p in j.quantity_postings) == 0
    assert sum(m.amount for m in j.money_postings if m.leg == "price") <= Decimal("1e15")
