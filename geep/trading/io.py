"""Reading a journal workbook: every row validated, every problem reported with sheet!cell.

A journal workbook has the sheets ``holders`` (持有人), ``transactions`` (交易) and optionally
``emissions`` (实际排放: actual emissions or use per holder, right and year, for compliance; carbon
rows are verified emissions for carbon compliance). Headers are accepted in English or Chinese,
with an optional unit in brackets (``数量(t)``, ``price (万元/t)``). Rows are posted in date order;
a refused transaction is reported at the cell at fault and the remaining rows are still checked.

References
----------
DESIGN §2 (validate everything, report everything); compensation.md §4.5.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import pandas as pd

from ..errors import GeepError, TradingError
from ..inputs.report import InputValidationError, Issue, Report
from ..messages import msg, text
from ..units import split_header
from .integrity import verify_workbook
from .journal import Journal
from .model import QUANTITY_MAX, Holder, Transaction
from .rights import RIGHTS, price_factor, quantity_factor, right_id, unit_label
from .rules import Rules
from .sheets import SHEETS, SheetSpec, _date, _holder, _int, _mode, _number, _text, _year


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


def _fold(text: object) -> str:
    return unicodedata.normalize("NFKC", str(text)).strip().lower().replace(" ", "_")


_EXCEL_ERRORS = {"#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!"}


class _Sheet:
    """Rows of one sheet as ``{field: (value, cell)}`` (plus ``"__row__"``) and header units,
    from the cells the shared reader read (:class:`geep.io.cells.RawSheet`: every row as saved,
    whatever the declared ``<dimension>``). Error cells and formulas without a saved value are
    errors at their cell, and their row is not posted."""

    def __init__(self, name: str, spec: SheetSpec, raw: Any, file: str, report: Report) -> None:
        self.name, self.spec, self.file, self.report = name, spec, file, report
        self.rows: list[tuple[int, dict[str, Any]]] = []
        self.units: dict[str, str] = {}
        self.letters: dict[str, str] = {}
        self.bad_rows: set[int] = set()
        self.flagged: set[str] = set()  # error cells and uncached formulas, already reported
        rows = raw.rows
        cols = self._header(rows[0] if rows else ())
        uncached = raw.uncached
        for rownum, row in enumerate(rows[1:], start=2):
            rec: dict[str, Any] = {"__row__": rownum}
            for j, key in cols.items():
                v = row[j] if j < len(row) else None
                coord = f"{self.letters[key]}{rownum}"
                if coord in uncached:
                    self.issue(coord, key, uncached[coord],
                               text("io.formula_uncached", formula=uncached[coord]),
                               text("hint.formula_uncached"))  # fmt: skip
                    self.bad_rows.add(rownum)
                    self.flagged.add(coord)
                    v = None
                elif isinstance(v, str) and v.strip() in _EXCEL_ERRORS:
                    self.issue(coord, key, v, text("io.excel_error", value=v.strip()),
                               text("hint.excel_error"))  # fmt: skip
                    self.bad_rows.add(rownum)
                    self.flagged.add(coord)
                    v = None
                if isinstance(v, str) and v.strip() == "":
                    v = None
                if v is not None:  # an empty cell is an absent field
                    rec[key] = (v, coord)
            if len(rec) > 1 or rownum in self.bad_rows:
                self.rows.append((rownum, rec))

    def _header(self, header: tuple) -> dict[int, str]:
        """``{column index: field}`` of the header row; header units in :attr:`units`."""
        from openpyxl.utils import get_column_letter

        lookup, cols = self.spec.lookup(), {}
        ignored = {_fold(i) for i in self.spec.ignored}
        for j, value in enumerate(header):
            if value is None or str(value).strip() == "":
                continue
            coord = f"{get_column_letter(j + 1)}1"
            name_, unit = split_header(str(value))
            key = lookup.get(_fold(value)) or lookup.get(_fold(name_))
            if key is None:
                if _fold(name_) not in ignored:
                    self.issue(coord, None, str(value), msg("trading.unknown_column", column=value),
                               msg("hint.trading.columns", columns=", ".join(self.spec.fields)),
                               "warning")  # fmt: skip
                continue
            if key in cols.values():
                self.issue(coord, key, str(value), msg("trading.column_twice", column=key))
                continue
            cols[j] = key
            self.letters[key] = get_column_letter(j + 1)
            if unit and _fold(name_) != _fold(value):
                self.units[key] = unit
        for req in self.spec.required:
            if req not in cols.values():
                self.issue("1", req, None, msg("trading.column_missing", column=req),
                           msg("hint.trading.add_column", column=req,
                               zh=self.spec.zh.get(req, "")))  # fmt: skip
        return cols

    def coord(self, rec: dict[str, Any], key: str) -> str:
        """Cell of ``key`` in the row of ``rec`` (its column letter, or A if absent)."""
        if key in rec:
            return rec[key][1]
        return f"{self.letters.get(key, 'A')}{rec['__row__']}"

    def where(self, cell: str) -> str:
        return f"{self.file}!{self.name}!{cell}"

    def issue(self, cell: str, column: str | None, value: Any, problem: str, hint: str = "",
              severity: str = "error") -> None:  # fmt: skip
        self.report.add(Issue(self.spec.name, self.where(cell), column,
                              None if value is None else str(value), problem, hint, severity))  # fmt: skip


class _Reader:
    def __init__(self, path: Path, rules: Rules | None) -> None:
        self.path, self.rules = path, rules
        self.report = Report()
        self.file = path.name

    def cell(self, sh: _Sheet, rec: dict, key: str, parse: Any, required: bool = False) -> Any:
        v = rec.get(key, (None, None))[0]
        coord = sh.coord(rec, key)
        if v is None:
            if required and coord not in sh.flagged:
                sh.issue(coord, key, None, f"{key} is required",
                         f"fill in {key} ({sh.spec.zh.get(key, '')})")  # fmt: skip
            return None
        try:
            out = parse(v)
        except (ValueError, GeepError) as exc:
            sh.issue(coord, key, v, getattr(exc, "message", None) or str(exc),
                     getattr(exc, "hint", "") or "")  # fmt: skip
            return None
        if isinstance(out, tuple):
            out, note = out
            if note:
                sh.issue(coord, key, v, note, severity="note")
        return out

    def holders(self, sh: _Sheet) -> list[Holder]:
        out, seen = [], {}
        for rownum, rec in sh.rows:
            data = {k: self.cell(sh, rec, k, _text) for k in ("holder_id", "name", "kind",
                                                                  "region_code", "note")}  # fmt: skip
            if data["kind"]:
                data["kind"] = data["kind"].lower()
                data["kind"] = {"企业": "enterprise", "县": "county", "区县": "county",
                                "市": "city", "省": "province", "储备": "reserve",
                                "政府储备": "reserve"}.get(data["kind"], data["kind"])  # fmt: skip
            hid = data["holder_id"]
            if rownum in sh.bad_rows:
                continue
            if hid in seen:
                sh.issue(sh.coord(rec, "holder_id"), "holder_id", hid,
                         f"holder {hid!r} is registered twice (also row {seen[hid]})")  # fmt: skip
                continue
            try:
                h = Holder(**{k: v for k, v in data.items() if v is not None})
            except Exception as exc:  # every problem becomes an issue at its cell
                for col, problem in _problems_from(exc) or [("holder_id", str(exc))]:
                    sh.issue(sh.coord(rec, col), col, rec.get(col, (None,))[0], problem,
                             sh.spec.help.get(col, ""))  # fmt: skip
                continue
            seen[hid] = rownum
            out.append(h)
        return out

    def transactions(self, sh: _Sheet) -> list[tuple[Transaction, dict, _Sheet]]:
        out = []
        for rownum, rec in sh.rows:
            n0 = len(self.report.errors)
            f: dict[str, Any] = {"ref": f"{self.file}!{sh.name}!row {rownum}"}
            f["id"] = self.cell(sh, rec, "id", _text, required=True)
            f["date"] = self.cell(sh, rec, "date", _date, required=True)
            f["type"] = self.cell(sh, rec, "type", _text, required=True)
            f["mode"] = self.cell(sh, rec, "mode", _mode)
            right = self.cell(sh, rec, "right", right_id)
            f["right"] = right
            f["vintage"] = self.cell(sh, rec, "vintage", _int)
            f["from_holder"] = self.cell(sh, rec, "from_holder", _text)
            f["to_holder"] = self.cell(sh, rec, "to_holder", _text)
            for k in ("start", "end"):
                f[k] = self.cell(sh, rec, k, _date)
            f["reverses"] = self.cell(sh, rec, "reverses", _text)
            f["note"] = self.cell(sh, rec, "note", _text)
            for k in ("quantity", "price", "fee_buyer", "fee_seller"):
                f[k] = self.cell(sh, rec, k, _number)
            if right is not None:
                self._units(sh, rec, f, RIGHTS[right])
            if len(self.report.errors) > n0 or rownum in sh.bad_rows:
                continue
            try:
                t = Transaction(**{k: v for k, v in f.items() if v is not None})
            except Exception as exc:
                self._shape_issues(sh, rec, exc)
                continue
            out.append((t, rec, sh))
        return out

    def _units(self, sh: _Sheet, rec: dict, f: dict, right: Any) -> None:
        unit = self.cell(sh, rec, "unit", _text) or sh.units.get("quantity")
        punit = self.cell(sh, rec, "price_unit", _text) or sh.units.get("price")
        if f.get("quantity") is not None:
            k = self.cell(sh, rec, "unit" if "unit" in rec else "quantity",
                          lambda _: quantity_factor(unit, right))  # fmt: skip
            f["quantity"] = None if k is None else f["quantity"] * k
        if f.get("price") is not None:
            k = self.cell(sh, rec, "price_unit" if "price_unit" in rec else "price",
                          lambda _: price_factor(punit, right))  # fmt: skip
            f["price"] = None if k is None else f["price"] * k

    def _shape_issues(self, sh: _Sheet, rec: dict, exc: Exception) -> None:
        for fld, problem in _problems_from(exc) or [("type", str(exc))]:
            sh.issue(sh.coord(rec, fld), fld, rec.get(fld, (None,))[0], problem,
                     "see the README sheet of `geep trading template` for what each type needs")  # fmt: skip

    def actual(self, sh: _Sheet | None, known: set[str]) -> tuple[pd.DataFrame, pd.DataFrame]:
        act, ver = [], []
        seen: dict[tuple, int] = {}
        for rownum, rec in sh.rows if sh else []:
            n0 = len(self.report.errors)
            holder = self.cell(sh, rec, "holder_id", _holder, required=True)
            right = self.cell(sh, rec, "right", right_id, required=True)
            year = self.cell(sh, rec, "year", _year, required=True)
            q = self.cell(sh, rec, "quantity", _number, required=True)
            unit = self.cell(sh, rec, "unit", _text) or sh.units.get("quantity")
            if right is not None and q is not None:
                k = self.cell(sh, rec, "unit" if "unit" in rec else "quantity",
                              lambda _, u=unit, r=right: quantity_factor(u, RIGHTS[r]))  # fmt: skip
                q = None if k is None else q * k
            if q is not None and not Decimal(0) <= q <= QUANTITY_MAX:
                sh.issue(sh.coord(rec, "quantity"), "quantity", rec["quantity"][0],
                         msg("trading.f.non_negative", hi=float(QUANTITY_MAX), unit=unit_label(RIGHTS[right])))  # fmt: skip
                continue
            if len(self.report.errors) > n0 or rec["__row__"] in sh.bad_rows:
                continue
            if RIGHTS[right].id == "carbon.ccer":
                sh.issue(sh.coord(rec, "right"), "right", right, "verified emissions are recorded "
                         "against carbon.cea, not carbon.ccer", "write carbon.cea (or CEA)")  # fmt: skip
                continue
            if holder not in known:
                sh.issue(sh.coord(rec, "holder_id"), "holder_id", holder,
                         f"unknown holder {holder!r}", "register it in the holders sheet")  # fmt: skip
                continue
            if (holder, right, year) in seen:
                sh.issue(sh.coord(rec, "quantity"), "quantity", q,
                         f"{holder} {right} {year} is given twice (also row "
                         f"{seen[(holder, right, year)]})", "give one total per holder, right "
                         "and year")  # fmt: skip
                continue
            seen[(holder, right, year)] = rownum
            row = {"holder": holder, "right": right, "year": year, "quantity": float(q)}
            (ver if RIGHTS[right].family == "carbon" else act).append(row)
        a = pd.DataFrame(act, columns=["holder", "right", "year", "quantity"])
        v = pd.DataFrame(ver, columns=["holder", "right", "year", "quantity"])
        return a, v.drop(columns=["right"])


def _problems_from(exc: Exception) -> list[tuple[str, str]]:
    out = []
    for e in getattr(exc, "errors", lambda: [])():
        text = e["msg"].removeprefix("Value error, ")
        if e["loc"]:
            out.append((str(e["loc"][0]), text))
            continue
        for part in text.split("; "):
            fld, _, problem = part.partition(": ")
            out.append((fld, problem) if problem else ("type", part))
    return out


def _load(path: Path) -> dict[str, Any]:
    """``{sheet name: RawSheet}`` of a journal workbook through the shared pre-flight and
    cell reader (zip bombs, entity expansion, encrypted or damaged files refused; every
    row as saved, whatever the declared ``<dimension>``).

    Raises
    ------
    UnreadableFileError
        The file is refused as a whole, or it is a text file.
    """
    from ..io.preflight import UnreadableFileError
    from ..io.workbook import load_sheets

    sheets, _, _ = load_sheets(path)
    if sheets and sheets[0].delimiter is not None:
        raise UnreadableFileError(text("trading.not_workbook", file=path.name), file=str(path),
                                  hint=text("hint.trading.save_xlsx"))  # fmt: skip
    return {raw.title: raw for raw in sheets}


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
        floor, beyond balance, lease across a year end, sub-lease), each at its cell.
    """
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(msg("io.not_found", file=str(path)))
    book = _load(path)
    rd = _Reader(path, rules)
    names = {_fold(n): n for n in book}
    sheets: dict[str, _Sheet | None] = {}
    for key, spec in SHEETS.items():
        found = next((names[_fold(a)] for a in spec.aliases if _fold(a) in names), None)
        if found is None:
            if spec.required_sheet:
                rd.report.add(Issue(key, f"{rd.file}!{key}", None, None,
                                    text("trading.sheet_missing", sheet=key, zh=spec.sheet_zh),
                                    text("hint.trading.template")))  # fmt: skip
            sheets[key] = None
            continue
        sheets[key] = _Sheet(found, spec, book[found], rd.file, rd.report)
    verify_workbook(book, rd.file, rd.report)  # the rows already read: no second parse
    journal = Journal(rules=rules)
    for h in rd.holders(sheets["holders"]) if sheets["holders"] else []:
        journal.register(h)
    txns = rd.transactions(sheets["transactions"]) if sheets["transactions"] else []
    refused: list[str] = []
    order = sorted(range(len(txns)), key=lambda i: txns[i][0].date)
    if order != sorted(order):
        first = txns[next(i for k, i in enumerate(order) if k != i)]
        first[2].issue(first[2].coord(first[1], "date"), "date", first[0].date,
                       "rows are not in date order; they are posted in date order",
                       severity="note")  # fmt: skip
    for i in order:
        t, rec, sh = txns[i]
        try:
            journal.post(t)
        except TradingError as exc:
            refused.append(t.id)
            fld = exc.extra.get("field") or "id"
            sh.issue(sh.coord(rec, fld), fld, rec.get(fld, (None,))[0], exc.message, exc.hint or "")
    actual, verified = rd.actual(sheets.get("emissions"), set(journal.holders))
    if strict:
        rd.report.raise_if_errors()
    return JournalWorkbook(journal, rd.report, actual, verified, path, refused)


__all__ = ["InputValidationError", "JournalWorkbook", "read_journal"]
