"""Trading journals through the shared pre-flight and cell reader (issue 11 items 8 and 20,
issue 12 item 2): hostile files are refused before any cell is read, the declared dimension
is never trusted, error cells and formulas without a saved value are errors at their cell,
and the integrity verifier checks the rows the reader already read."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hostile_files import bomb, dimension, entities, sheet_part, uncached
from openpyxl import load_workbook

from geep.cli import main
from geep.inputs.report import InputValidationError
from geep.trading.io import read_journal

JOURNAL = Path(__file__).resolve().parents[1] / "examples" / "trading" / "journal.xlsx"


@pytest.fixture
def journal(tmp_path) -> Path:
    return Path(shutil.copy(JOURNAL, tmp_path / "j.xlsx"))


@pytest.fixture
def no_cells(monkeypatch):
    """Fail if any worksheet cell is read: a refusal must come from the pre-flight."""

    def refuse(*_a, **_k):
        raise AssertionError("the cells were read before the file was refused")

    monkeypatch.setattr("geep.io.workbook.read_xlsx", refuse)


def _run(capsys, *argv: str) -> tuple[int, str]:
    rc = main(list(argv))
    cap = capsys.readouterr()
    return rc, cap.out + cap.err


@pytest.mark.parametrize("verb", [("validate",), ("positions", "--format", "csv")])
def test_a_zip_bomb_journal_is_refused_by_the_pre_flight(journal, capsys, monkeypatch,
                                                         no_cells, verb):  # fmt: skip
    bomb(journal)
    monkeypatch.setenv("GEEP_MAX_UNCOMPRESSED_BYTES", "2000000")
    rc, out = _run(capsys, "trading", verb[0], str(journal), *verb[1:])
    assert rc == 1 and "Traceback" not in out
    assert "j.xlsx would expand to" in out and "over the limit of 2,000,000 bytes" in out


@pytest.mark.parametrize("verb", [("validate",), ("positions", "--format", "csv")])
def test_entity_expansion_in_a_journal_is_refused_by_the_pre_flight(journal, capsys, no_cells,
                                                                    verb):  # fmt: skip
    entities(journal)
    rc, out = _run(capsys, "trading", verb[0], str(journal), *verb[1:])
    assert rc == 1 and "Traceback" not in out
    assert "entity declaration in xl/worksheets/sheet1.xml" in out


def test_a_lying_dimension_loses_no_transaction(journal):
    before = read_journal(journal, strict=False)
    n = len(before.journal.transactions)
    assert n > 3
    dimension(journal, "A1:R3")
    after = read_journal(journal, strict=False)
    assert len(after.journal.transactions) == n
    assert [t.id for t in after.journal.transactions] == [t.id for t in before.journal.transactions]


def _fee_cell(path: Path) -> str:
    """Give the first transaction a buyer's fee; its cell."""
    wb = load_workbook(path)
    ws = wb["transactions"]
    col = next((c.column_letter for c in ws[1] if c.value == "fee_buyer"), None)
    if col is None:  # a column headed fee_buyer after the last one
        col = ws.cell(1, ws.max_column + 1, "fee_buyer").column_letter
    ws[f"{col}2"] = 10
    wb.save(path)
    return f"{col}2"


def test_an_uncached_formula_in_fee_buyer_is_an_error_at_its_cell(journal):
    cell = _fee_cell(journal)
    uncached(journal, cell, sheet_part(journal, "transactions"))
    with pytest.raises(InputValidationError) as ei:
        read_journal(journal)
    errors = [e for e in ei.value.report.errors if e.where == f"j.xlsx!transactions!{cell}"]
    assert errors, str(ei.value.report)
    assert "formula with no saved result (=1+1)" in str(errors[0].problem)


def test_an_error_cell_is_an_error_at_its_cell_not_a_blank(journal):
    cell = _fee_cell(journal)
    wb = load_workbook(journal)
    wb["transactions"][cell] = "#DIV/0!"
    wb.save(journal)
    with pytest.raises(InputValidationError) as ei:
        read_journal(journal)
    where = {e.where: str(e.problem) for e in ei.value.report.errors}
    assert "Excel error value #DIV/0!" in where[f"j.xlsx!transactions!{cell}"]
