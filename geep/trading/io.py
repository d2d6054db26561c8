"""Reading a journal workbook: every row validated, every problem reported with sheet!cell.

A journal workbook has the sheets ``holders`` (持有人), ``transactions`` (交易) and optionally
``emissions`` (实际排放: actual emissions or use per holder, right and year, for compliance; carbon
rows are verified emissions for carbon compliance). Each sheet is read by the one input layer
(:func:`geep.io.sheet.read_sheet` with the table specs of :mod:`geep.trading.tables`): headers
in English or Chinese (or a Chinese header row over the machine names), units in the header
(``数量(t)``, ``price (万元/t)``) or in the unit columns, codes through their vocabularies.
The domain's rules run on the normalised frames: a holder registered twice, what each
transaction type needs, known holders, emissions bounds. Rows are posted in date order; a
refused transaction is reported at the cell at fault and the remaining rows are still checked.
A hidden journal sheet is an error that says how to unhide it (its rows are never read
silently, nor silently left out).

References
----------
DESIGN §2 (validate everything, report everything); compensation.md §4.5.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..errors import TradingError
from ..inputs.normalise import POSITION
from ..inputs.report import InputValidationError, Issue, Report
from ..inputs.spec import TableDef
from ..messages import msg, text
from .integrity import verify_workbook
from .journal import Journal
from .model import QUANTITY_MAX, VINTAGE_RANGE, Holder, Transaction
from .rights import RIGHTS, unit_label
from .rules import Rules
from .tables import REQUIRED_SHEETS, TABLES


@dataclass
class JournalWorkbook:
    """A journal read from a workbook, with its validation report and compliance inputs.

    ``actual``: ``holder, right, year, quantity`` (non-carbon); ``verified``: ``holder, year,
    quantity`` [t CO₂e] (carbon). ``refused`` lists the ids of rows that were not posted.
    """

    journal: Journal
    report: Report
    actual: pd.DataFrame
    verified: pd.DataFrame
    path: Path | None = None
    refused: list[str] = field(default_factory=list)


def _fold(s: object) -> str:
    return unicodedata.normalize("NFKC", str(s)).strip().lower().replace(" ", "_")


def _objects(col: pd.Series) -> np.ndarray:
    """A normalised column as Python values (dates as :class:`datetime.date`, ``None`` where
    empty)."""
    if pd.api.types.is_datetime64_any_dtype(col):
        col = col.dt.date
    out = col.astype(object).to_numpy(dtype=object, copy=True)
    out[pd.isna(out)] = None
    return out


class _Table:
    """One journal sheet as read: the normalised frame, its cells and its issues."""

    def __init__(self, raw: Any, spec: TableDef, report: Report) -> None:
        from ..io.sheet import read_sheet

        self.raw, self.spec, self.report = raw, spec, report
        st = read_sheet(raw, spec)
        canonical = {orig: c for c, orig in st.where.mapping.items()} if st.where else {}
        for issue in st.issues:  # columns named as in the journal's own messages
            if issue.column in canonical:
                issue = replace(issue, column=canonical[issue.column])
            report.add(issue)
        self.frame, self.loc = st.frame, st.where
        self.n = 0 if self.frame.empty or self.loc is None else len(self.frame)
        self.pos = self.frame[POSITION].to_numpy() if self.n else np.zeros(0, dtype=np.int64)

    def columns(self, names: tuple[str, ...]) -> dict[str, np.ndarray]:
        """The named columns the sheet has, as Python values."""
        return {k: _objects(self.frame[k]) for k in names if k in self.frame.columns}

    def cell(self, i: int, column: str | None) -> str:
        """``file!sheet!H6``: the cell of ``column`` in the ``i``-th row read."""
        return self.loc(self.pos[i], column)

    def row(self, i: int) -> str:
        """``file!sheet!row 6``."""
        return self.loc.row(self.pos[i])

    def row_number(self, i: int) -> int:
        return self.loc.where.excel_rows[self.pos[i]]

    def value(self, i: int, column: str) -> Any:
        """The cell of ``column`` in the ``i``-th row as saved (``None`` if the sheet has no
        such column)."""
        from openpyxl.utils import column_index_from_string

        header = self.loc.mapping.get(column)
        letter = self.loc.where.letters.get(header) if header is not None else None
        if letter is None:
            return None
        row = self.raw.rows[self.row_number(i) - 1]
        j = column_index_from_string(letter) - 1
        return row[j] if j < len(row) else None

    def issue(self, i: int, column: str, problem: Any, hint: Any = "",
              severity: str = "error", value: Any = ...) -> None:  # fmt: skip
        v = self.value(i, column) if value is ... else value
        self.report.add(Issue(self.spec.name, self.cell(i, column), column,
                              None if v is None else str(v), problem, hint, severity))  # fmt: skip


def _problems_from(exc: Exception) -> list[tuple[str, str]]:
    """``(field, problem)`` of a pydantic validation error."""
    out = []
    for e in getattr(exc, "errors", lambda: [])():
        problem = e["msg"].removeprefix("Value error, ")
        if e["loc"]:
            out.append((str(e["loc"][0]), problem))
            continue
        for part in problem.split("; "):
            fld, _, what = part.partition(": ")
            out.append((fld, what) if what else ("type", part))
    return out


_HOLDER_FIELDS = ("holder_id", "name", "kind", "region_code", "note")
_TXN_FIELDS = ("id", "date", "type", "mode", "right", "vintage", "from_holder", "to_holder",
               "quantity", "price", "start", "end", "reverses", "fee_buyer", "fee_seller",
               "note")  # fmt: skip


def _holders(tab: _Table) -> list[Holder]:
    """The holders of the sheet (a holder registered twice: an error, the first kept)."""
    cols = tab.columns(_HOLDER_FIELDS)
    out: list[Holder] = []
    seen: dict[str, int] = {}
    for i in range(tab.n):
        data = {k: v[i] for k, v in cols.items() if v[i] is not None}
        hid = data["holder_id"]
        if hid in seen:
            tab.issue(i, "holder_id", msg("trading.holder_twice", holder=hid, row=seen[hid]),
                      msg("hint.trading.holder_twice"), value=hid)  # fmt: skip
            continue
        try:
            h = Holder(**data)
        except Exception as exc:  # every problem becomes an issue at its cell
            for col, problem in _problems_from(exc) or [("holder_id", str(exc))]:
                tab.issue(i, col, problem, msg(f"trading.tpl.help.holders.{col}"))
            continue
        seen[hid] = tab.row_number(i)
        out.append(h)
    return out


def _transactions(tab: _Table) -> list[tuple[Transaction, int]]:
    """The transactions of the sheet that are well formed, with their row in the frame."""
    cols = tab.columns(_TXN_FIELDS)
    out = []
    for i in range(tab.n):
        f = {k: v[i] for k, v in cols.items() if v[i] is not None}
        f["ref"] = tab.row(i)
        try:
            t = Transaction(**f)
        except Exception as exc:
            for fld, problem in _problems_from(exc) or [("type", str(exc))]:
                tab.issue(i, fld, problem, msg("hint.trading.see_readme"))
            continue
        out.append((t, i))
    return out


def _post(journal: Journal, tab: _Table, txns: list[tuple[Transaction, int]]) -> list[str]:
    """Post the transactions in date order; the ids of those refused."""
    order = sorted(range(len(txns)), key=lambda k: txns[k][0].date)
    if order != sorted(order):
        t, i = txns[next(i for k, i in enumerate(order) if k != i)]
        tab.issue(i, "date", msg("trading.date_order"), severity="note", value=t.date)
    refused: list[str] = []
    for k in order:
        t, i = txns[k]
        try:
            journal.post(t)
        except TradingError as exc:
            refused.append(t.id)
            fld = exc.extra.get("field") or "id"
            tab.issue(i, fld, exc.message, exc.hint or "")
    return refused


def _emission_problem(tab: _Table, i: int, row: dict, known: set[str],
                      seen: dict[tuple, int]) -> bool:  # fmt: skip
    """Report what is wrong with one emissions row (the domain's rules); whether anything."""
    holder, right, year, q = row["holder_id"], row["right"], int(row["year"]), row["quantity"]
    bad = False
    if not VINTAGE_RANGE[0] <= year <= VINTAGE_RANGE[1]:
        tab.issue(i, "year", msg("trading.emission_year", year=year, lo=VINTAGE_RANGE[0],
                                 hi=VINTAGE_RANGE[1]))  # fmt: skip
        bad = True
    if not Decimal(0) <= q <= QUANTITY_MAX:
        tab.issue(i, "quantity", msg("trading.f.non_negative", hi=float(QUANTITY_MAX),
                                     unit=unit_label(RIGHTS[right])))  # fmt: skip
        return True
    if bad:
        return True
    if RIGHTS[right].id == "carbon.ccer":
        tab.issue(i, "right", msg("trading.emission_ccer"), msg("hint.trading.emission_ccer"))
    elif holder not in known:
        tab.issue(i, "holder_id", msg("trading.emission_holder", holder=holder),
                  msg("hint.trading.emission_holder"), value=holder)  # fmt: skip
    elif (holder, right, year) in seen:
        tab.issue(i, "quantity", msg("trading.emission_twice", holder=holder, right=right,
                                     year=year, row=seen[(holder, right, year)]),
                  msg("hint.trading.emission_twice"), value=q)  # fmt: skip
    else:
        seen[(holder, right, year)] = tab.row_number(i)
        return False
    return True


def _emissions(tab: _Table | None, known: set[str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``(actual, verified)`` of the emissions sheet (carbon rows are verified emissions)."""
    act, ver = [], []
    seen: dict[tuple, int] = {}
    cols = tab.columns(("holder_id", "right", "year", "quantity")) if tab else {}
    for i in range(tab.n if tab else 0):
        row = {k: v[i] for k, v in cols.items()}
        if _emission_problem(tab, i, row, known, seen):
            continue
        rec = {"holder": row["holder_id"], "right": row["right"], "year": int(row["year"]),
               "quantity": float(row["quantity"])}  # fmt: skip
        (ver if RIGHTS[row["right"]].family == "carbon" else act).append(rec)
    a = pd.DataFrame(act, columns=["holder", "right", "year", "quantity"])
    v = pd.DataFrame(ver, columns=["holder", "right", "year", "quantity"])
    return a, v.drop(columns=["right"])


def _summary_names() -> tuple[str, ...]:
    """Names of the summary sheet of an exported journal (English, and Chinese if the
    catalogue names it)."""
    from ..messages import MESSAGES

    return ("summary", *MESSAGES.get("trading.xl.sheet.summary", ()))


def _load(path: Path) -> dict[str, Any]:
    """``{sheet name: RawSheet}`` of the journal sheets (and the integrity record) of a
    workbook, through the shared pre-flight and cell reader (zip bombs, entity expansion,
    encrypted or damaged files refused in every part; every row as saved, whatever the
    declared ``<dimension>``). The other sheets of an exported journal (postings, positions,
    ledger …) are what geep computed from these, and are not read.

    Raises
    ------
    UnreadableFileError
        The file is refused as a whole, or it is a text file.
    """
    from ..io.preflight import UnreadableFileError
    from ..io.workbook import load_sheets

    wanted = {_fold(a) for t in TABLES.values() for a in (t.name, t.zh, *t.sheets)}
    wanted.update(_fold(n) for n in _summary_names())  # the integrity record of an export
    sheets, _, _ = load_sheets(path, only=lambda title: _fold(title) in wanted)
    if sheets and sheets[0].delimiter is not None:
        raise UnreadableFileError(text("trading.not_workbook", file=path.name), file=str(path),
                                  hint=text("hint.trading.save_xlsx"))  # fmt: skip
    return {raw.title: raw for raw in sheets}


def _sheets(book: dict[str, Any], file: str, report: Report) -> dict[str, _Table | None]:
    """Each journal sheet read (``None`` if absent); a missing required sheet and a hidden
    journal sheet are errors."""
    names: dict[str, str] = {}
    for n in book:
        names.setdefault(_fold(n), n)
    out: dict[str, _Table | None] = {}
    for key, spec in TABLES.items():
        found = [names[_fold(a)] for a in (spec.name, spec.zh, *spec.sheets) if _fold(a) in names]
        visible = [n for n in found if not book[n].hidden]
        out[key] = _Table(book[visible[0]], spec, report) if visible else None
        if found and not visible:
            report.add(Issue(key, book[found[0]].prefix, None, None,
                             text("trading.sheet_hidden", sheet=found[0], zh=spec.zh),
                             text("hint.trading.sheet_hidden")))  # fmt: skip
        elif not found and key in REQUIRED_SHEETS:
            report.add(Issue(key, f"{file}!{key}", None, None,
                             text("trading.sheet_missing", sheet=key, zh=spec.zh),
                             text("hint.trading.template")))  # fmt: skip
    return out


def read_journal(
    path: str | Path, rules: Rules | None = None, strict: bool = True
) -> JournalWorkbook:
    """Read and validate a journal workbook, posting its transactions in date order.

    Parameters
    ----------
    path
        ``.xlsx`` with sheets ``holders`` and ``transactions`` (and optionally ``emissions``).
    rules
        Rule editions (default: :meth:`Rules.load`).
    strict
        Raise :class:`~geep.inputs.report.InputValidationError` (listing every problem with
        ``file!sheet!cell``) if there is any error; else return the report with the journal of
        the rows that passed.

    Raises
    ------
    InputValidationError
        Every problem: unreadable cells, unknown holders or rights, refused transactions (below
        floor, beyond balance, lease across a year end, sub-lease), hidden or missing sheets,
        each at its cell.
    """
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(msg("io.not_found", file=str(path)))
    book = _load(path)
    report = Report()
    tabs = _sheets(book, path.name, report)
    verify_workbook(book, path.name, report)  # the rows already read: no second parse
    journal = Journal(rules=rules)
    for h in _holders(tabs["holders"]) if tabs["holders"] else []:
        journal.register(h)
    refused: list[str] = []
    if tabs["transactions"] is not None:
        refused = _post(journal, tabs["transactions"], _transactions(tabs["transactions"]))
    actual, verified = _emissions(tabs["emissions"], set(journal.holders))
    if strict:
        report.raise_if_errors()
    return JournalWorkbook(journal, report, actual, verified, path, refused)


__all__ = ["InputValidationError", "JournalWorkbook", "read_journal"]
