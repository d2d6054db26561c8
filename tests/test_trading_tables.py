"""Journal sheets as table specs of the one input layer (issue 12 item 2): a Chinese header
row over the machine names reads, a hidden journal sheet is an error that says how to unhide
it, quantities and prices are exact decimals converted by the row's right, and the codes of
every coded column resolve through registered vocabularies."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import Workbook, load_workbook

from geep.inputs.report import InputValidationError
from geep.inputs.spec import DOMAIN_TABLES
from geep.inputs.vocabularies import VOCABULARIES
from geep.io.writer import Book
from geep.trading import Rules, positions, read_journal
from geep.trading.tables import TABLES

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "trading" / "journal.xlsx"
RULES = Rules.load()


def _sheet_frames(path: Path) -> dict[str, pd.DataFrame]:
    wb = load_workbook(path)
    out = {}
    for ws in wb.worksheets:
        rows = list(ws.iter_rows(values_only=True))
        out[ws.title] = pd.DataFrame(rows[1:], columns=rows[0])
    return out


def test_journal_tables_are_registered_specs_with_vocabularies():
    assert set(DOMAIN_TABLES["trading"]) == {"holders", "transactions", "emissions"}
    assert DOMAIN_TABLES["trading"] is TABLES
    tx = TABLES["transactions"]
    assert tx.column("quantity").kind == "decimal" and tx.column("date").kind == "date"
    resolve = {k: VOCABULARIES[k].resolve for k in
               ("trading_right", "holder_kind", "transaction_type", "trading_mode")}  # fmt: skip
    assert resolve["trading_right"]("氨氮").canonical == "emission.nh3n"
    assert resolve["holder_kind"]("政府储备").canonical == "reserve"
    assert resolve["transaction_type"]("租赁").canonical == "lease"
    assert resolve["trading_mode"]("无偿收回").canonical == "unpaid"
    bad = resolve["holder_kind"]("enterprize")
    assert bad.canonical is None and "did you mean 'enterprise'" in str(bad.error)


def test_a_chinese_header_row_over_the_machine_names_reads(tmp_path):
    """Every sheet as geep.io.writer.Book writes it under zh: the Chinese headers, then the
    machine names in a second row; the journal replays to the same positions."""
    book = Book("zh")
    aliases = {"from": "from_holder", "to": "to_holder"}
    for title, frame in _sheet_frames(EXAMPLE).items():
        spec = TABLES[title]
        names = [aliases.get(c, c) for c in frame.columns]
        zh = [("单位" if c == "unit" else spec.column(c).zh) for c in names]
        book.table(book.sheet(spec.zh), frame, headers=zh, second=names)
    path = book.save(tmp_path / "zh.xlsx")
    assert load_workbook(path)["交易"]["A1"].value == "编号"
    got = read_journal(path, rules=RULES)
    want = read_journal(EXAMPLE, rules=RULES)
    assert got.report.ok and not got.report.errors, str(got.report)
    assert [t.id for t in got.journal.transactions] == [t.id for t in want.journal.transactions]
    a, b = positions(want.journal, exact=True), positions(got.journal, exact=True)
    assert a.to_dict("records") == b.to_dict("records")
    assert got.verified.equals(want.verified) and got.actual.equals(want.actual)


@pytest.mark.parametrize("sheet", ["holders", "transactions", "emissions"])
def test_a_hidden_journal_sheet_is_an_error_that_says_how_to_unhide_it(tmp_path, sheet):
    wb = load_workbook(EXAMPLE)
    wb[sheet].sheet_state = "hidden"
    wb.save(tmp_path / "h.xlsx")
    with pytest.raises(InputValidationError) as ei:
        read_journal(tmp_path / "h.xlsx", rules=RULES)
    errors = ei.value.report.errors
    hidden = [e for e in errors if e.where == f"h.xlsx!{sheet}"]
    assert hidden, str(ei.value.report)
    assert "is hidden" in str(hidden[0].problem) and "Unhide" in str(hidden[0].hint)
    assert not any("missing" in str(e.problem) for e in errors)


def test_quantities_and_prices_are_exact_in_the_unit_of_their_right(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.title = "holders"
    for r in (["holder_id", "kind"], ["A", "企业"], ["B", "enterprise"]):
        ws.append(r)
    ws = wb.create_sheet("transactions")
    head = ["id", "date", "type", "mode", "right", "vintage", "from", "to", "数量", "单位", "价格",
            "价格单位"]  # fmt: skip
    for r in (head,
              ["1", "2023-01-10", "分配", "无偿", "碳排放配额", 2023, None, "A", 0.3, "万t"],
              ["2", dt.date(2023, 2, 1), "trade", None, "CEA", 2023, "A", "B", 1000, "tCO2e",
               0.0071, "万元/tCO2e"],
              ["3", "2023-03-01", "allocation", "有偿", "用能权", 2023, None, "B", "1.1", "万tce",
               "0.3", "元/tce"]):  # fmt: skip
        ws.append(r)
    wb.save(tmp_path / "u.xlsx")
    got = read_journal(tmp_path / "u.xlsx", rules=RULES)
    by_id = {t.id: t for t in got.journal.transactions}
    assert (by_id["1"].quantity, by_id["1"].mode) == (Decimal(3000), "free")
    assert (by_id["2"].quantity, by_id["2"].price) == (Decimal(1000), Decimal("71"))
    assert (by_id["3"].quantity, by_id["3"].price) == (Decimal(11000), Decimal("0.3"))
    assert by_id["3"].mode == "paid" and by_id["3"].right == "energy"
    notes = [i for i in got.report.issues if i.severity == "note"]
    assert any("t CO2e" in str(i.problem) and i.where == "u.xlsx!transactions!J2" for i in notes)


def test_a_system_account_cannot_be_registered_and_a_unit_that_does_not_fit_its_right(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.title = "holders"
    for r in (["holder_id", "kind"], ["@issuance", "reserve"], ["A", "enterprise"]):
        ws.append(r)
    ws = wb.create_sheet("transactions")
    for r in (["id", "date", "type", "right", "vintage", "to", "quantity", "unit"],
              ["1", "2023-01-10", "allocation", "water", 2023, "A", 5, "t"]):  # fmt: skip
        ws.append(r)
    wb.save(tmp_path / "s.xlsx")
    with pytest.raises(InputValidationError) as ei:
        read_journal(tmp_path / "s.xlsx", rules=RULES)
    by_cell = {e.where: str(e.problem) for e in ei.value.report.errors}
    assert "system accounts" in by_cell["s.xlsx!holders!A2"]
    assert "does not fit right water" in by_cell["s.xlsx!transactions!H2"]


def test_only_the_journal_sheets_are_read_but_every_part_is_pre_flighted(tmp_path):
    """An export's computed sheets (positions, ledger …) are not read — a damaged cell there
    changes nothing — yet entity expansion in one of them refuses the whole file."""
    import re

    from hostile_files import rewrite, sheet_part

    from geep.io.preflight import UnreadableFileError
    from geep.trading import write_journal

    want = read_journal(EXAMPLE, rules=RULES)
    out = write_journal(want.journal, tmp_path / "e.xlsx", want.actual, want.verified)
    wb = load_workbook(out)
    wb["positions"]["A2"] = "#REF!"
    wb.save(out)
    got = read_journal(out, rules=RULES)
    assert got.report.ok and len(got.journal) == len(want.journal)
    assert not any("positions" in i.where for i in got.report.issues)

    def laughs(d: bytes) -> bytes:
        ents = b'<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        d = re.sub(rb"^<\?xml[^>]*\?>", b"", d)
        return b'<?xml version="1.0"?><!DOCTYPE worksheet [' + ents + b"]>" + d

    rewrite(out, laughs, sheet_part(out, "positions"))
    with pytest.raises(UnreadableFileError, match="entity declaration"):
        read_journal(out, rules=RULES)
