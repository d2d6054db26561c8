"""Integrity chain of exported journals: every exported row's hash covers the previous one.

:func:`write_journal` appends three columns to the sheets that are read back (``holders``,
``transactions``, ``emissions``): ``chain_seq`` (the row's position in the export, from 1),
``chain_row_sha256`` = SHA-256 of the sheet name, the sequence number and the row's cells
(the headers and values as written; numbers to 15 significant digits, dates as ISO dates) and
``chain_sha256`` = SHA-256 of the previous row's ``chain_sha256`` and this row's hash (the first
row follows a fixed genesis value per sheet). The ``summary`` sheet (``概况`` under zh)
records, per sheet, the number of rows, the columns and the last link (``integrity`` row).

:func:`verify_workbook` reports, at their row, a row whose cells changed (a quantity ×10), rows
that are missing (deleted, at the end too), rows out of order, inserted rows, edited chain
cells; rows appended after the export are a warning; a journal without any chain is
*unverifiable* (a warning), never silently OK. The chain detects edits; it is not a signature:
anyone with geep can export a journal again.

References
----------
FIPS 180-4 (SHA-256); DESIGN §2 (nothing silent); issue 11 item 20.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable, Iterable
from typing import Any

from ..inputs.report import Issue, Report
from ..messages import msg

VERSION = 1
SEQ, ROW, LINK = "chain_seq", "chain_row_sha256", "chain_sha256"
CHAIN_COLUMNS = (SEQ, ROW, LINK)
CHAINED_SHEETS = ("holders", "transactions", "emissions")
RECORD_KEY = "integrity"


def canonical(value: Any) -> str | None:
    """The text a cell value is hashed as (the same for the value written and read back)."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        v = float(value)
        return str(int(v)) if v.is_integer() and abs(v) < 1e15 else f"{v:.15g}"
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _sha(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def genesis(sheet: str) -> str:
    return _sha(f"geep-journal-chain/v{VERSION}", sheet)


def row_hash(sheet: str, seq: int, headers: Iterable[str], cells: Iterable[Any]) -> str:
    body = json.dumps([[h, canonical(v)] for h, v in zip(headers, cells, strict=True)],
                      ensure_ascii=False, separators=(",", ":"))  # fmt: skip
    return _sha(sheet, str(seq), body)


def chain_rows(sheet: str, headers: list[str], rows: list[list[Any]]) -> tuple[list[list], dict]:
    """``rows`` (cell values as written) with the three chain cells appended, and the sheet's
    integrity record ``{"rows", "columns", "head"}``."""
    link = genesis(sheet)
    out = []
    for seq, cells in enumerate(rows, start=1):
        h = row_hash(sheet, seq, headers, cells)
        link = _sha(link, h)
        out.append([*cells, seq, h, link])
    return out, {"rows": len(rows), "columns": list(headers), "head": link}


def record_text(records: dict[str, dict]) -> str:
    """The summary cell of the integrity record."""
    return json.dumps({"version": VERSION, "algorithm": "sha256", "sheets": records},
                      ensure_ascii=False, sort_keys=True, separators=(",", ":"))  # fmt: skip


# --- verification ------------------------------------------------------------------------
def _rows(ws) -> list[tuple[int, list[Any]]]:
    """Every row of a worksheet as (row number, values), whatever its declared dimension: an
    openpyxl worksheet, or the rows the shared reader already read (a
    :class:`geep.io.cells.RawSheet`)."""
    if isinstance(getattr(ws, "rows", None), list):
        return [(n, list(row)) for n, row in enumerate(ws.rows, start=1)]
    if hasattr(ws, "reset_dimensions"):
        ws.reset_dimensions()  # read-only sheets: do not trust <dimension>
    out = []
    for n, row in enumerate(ws.iter_rows(values_only=True), start=1):
        out.append((n, list(row)))
    return out


def _summary_name(wb) -> str | None:
    """The summary sheet of an export: ``summary``, or its Chinese name (a zh export)."""
    from ..messages import MESSAGES

    return next((n for n in MESSAGES["trading.xl.sheet.summary"] if n in _names(wb)), None)


def _chained_names(wb) -> list[str]:
    """The sheets of ``wb`` that an export chains, under their English or Chinese names."""
    from ..messages import MESSAGES

    names = [n for s in CHAINED_SHEETS for n in MESSAGES[f"trading.xl.sheet.{s}"]]
    return [n for n in names if n in _names(wb)]


def _record(wb, add: Callable[..., None]) -> dict | bool | None:
    """The integrity record of the summary sheet: dict, None (absent) or False (unreadable).

    The record is the last filled cell of the row whose first cell is :data:`RECORD_KEY`
    (a zh export has the item's Chinese name between them)."""
    summary = _summary_name(wb)
    if summary is None:
        return None
    for n, row in _rows(wb[summary]):
        if row and row[0] == RECORD_KEY:
            j = max((i for i, c in enumerate(row) if c not in (None, "")), default=0)
            try:
                rec = json.loads(str(row[j]))
                assert rec["version"] == VERSION and isinstance(rec["sheets"], dict)
                return rec
            except (ValueError, TypeError, KeyError, AssertionError) as exc:
                cell = f"{chr(ord('A') + j)}{n}"
                add(summary, cell, msg("trading.chain.bad_record", problem=str(exc) or "?"))
                return False
    return None


def _names(wb) -> list[str]:
    """Sheet names of an openpyxl workbook or of ``{name: RawSheet}``."""
    return list(wb.sheetnames) if hasattr(wb, "sheetnames") else list(wb)


def verify_workbook(wb, file: str, report: Report) -> None:
    """Verify the integrity chain of an (exported) journal workbook into ``report``; ``wb`` is
    an openpyxl workbook or the ``{sheet name: RawSheet}`` the journal reader already read."""

    def add(sheet: str, cell: str | None, problem: str, severity: str = "error") -> None:
        where = f"{file}!{sheet}!{cell}" if cell else file
        report.add(Issue(sheet, where, None, None, problem,
                         msg("hint.trading.chain") if severity == "error" else "", severity))  # fmt: skip

    record = _record(wb, add)
    if record is False:
        return
    if record is None:
        chained = [s for s in _chained_names(wb) if _has_chain(wb[s])]
        if chained:
            add(chained[0], "A1", msg("trading.chain.no_record", sheet=chained[0]))
        else:
            add("summary", None, msg("trading.chain.none"), "warning")
        return
    for sheet, rec in sorted(record["sheets"].items()):
        if sheet not in _names(wb):
            add(sheet, "A1", msg("trading.chain.sheet_missing", sheet=sheet))
            continue
        _verify_sheet(
            sheet, _rows(wb[sheet]), rec, lambda c, p, s="error", n=sheet: add(n, c, p, s)
        )


def _has_chain(ws) -> bool:
    first = next(iter(_rows(ws)), (1, []))[1]
    return LINK in [str(c) for c in first if c is not None]


def _verify_sheet(sheet: str, rows: list, rec: dict, add: Callable[..., None]) -> None:
    if not rows:
        add("A1", msg("trading.chain.sheet_missing", sheet=sheet))
        return
    header = [None if c is None else str(c) for c in rows[0][1]]
    pos = {}
    for col in [*rec["columns"], *CHAIN_COLUMNS]:
        if col not in header:
            add("A1", msg("trading.chain.column_missing", column=col, sheet=sheet))
            return
        pos[col] = header.index(col)
    chained = [(n, cells) for n, cells in rows[1:] if not all(c in (None, "") for c in cells)]
    links = {_seq(_cell(cells, pos[SEQ])): str(_cell(cells, pos[LINK])) for _, cells in chained}
    links[0] = genesis(sheet)
    present = set(links)
    prev_seq, appended = 0, []
    for n, cells in chained:
        seq, stored_row, stored_link = (_cell(cells, pos[c]) for c in CHAIN_COLUMNS)
        if seq is None and stored_row is None and stored_link is None:
            appended.append(n)
            continue
        if appended:
            add(f"A{appended[0]}", msg("trading.chain.inserted", row=appended[0]))
            appended = []
        seq = _seq(seq)
        body = [_cell(cells, pos[c]) for c in rec["columns"]]
        missing = [k for k in range(prev_seq + 1, seq) if k not in present]
        if row_hash(sheet, seq, rec["columns"], body) != stored_row:
            add(f"A{n}", msg("trading.chain.changed", row=n, seq=seq))
        elif missing:
            add(f"A{n}", msg("trading.chain.deleted", row=n, first=missing[0], last=missing[-1]))
        elif seq != prev_seq + 1:
            add(f"A{n}", msg("trading.chain.moved", row=n, seq=seq, prev=prev_seq))
        elif _sha(links[seq - 1], str(stored_row)) != stored_link:
            add(f"A{n}", msg("trading.chain.link", row=n))
        prev_seq = max(prev_seq, seq)
    _verify_end(rows, rec, prev_seq, links.get(prev_seq, ""), appended, add)


def _cell(cells: list, i: int) -> Any:
    return cells[i] if i < len(cells) else None


def _seq(v: Any) -> int:
    try:
        return int(float(v))
    except (TypeError, ValueError):
        return -1


def _verify_end(rows, rec, last_seq: int, last_link: str, appended: list, add) -> None:
    if last_seq < rec["rows"]:
        add(f"A{rows[-1][0] + 1}", msg("trading.chain.tail", first=last_seq + 1, last=rec["rows"]))
    elif last_link != rec["head"] and last_seq == rec["rows"]:
        add(f"A{rows[-1][0]}", msg("trading.chain.head"))
    if appended:
        add(f"A{appended[0]}", msg("trading.chain.appended", n=len(appended), row=appended[0]),
            "warning")  # fmt: skip
