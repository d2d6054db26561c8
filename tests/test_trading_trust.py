"""Issue 11, trading: hostile numbers, implausible dates and look-alike holder ids are refused
at their cell (item 20, and the same class of defect across trading); exported journals carry
an integrity chain that `geep trading validate` verifies (item 20)."""

from __future__ import annotations

import warnings
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

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
