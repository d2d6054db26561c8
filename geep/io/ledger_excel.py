"""Formatted ledger workbooks: summary, by service, by region, lines, provenance, warnings.

The ``lines`` sheet (contract column names; under ``lang="zh"`` a Chinese header row above
them) and the hidden ``_geep_meta`` sheet make the round trip with
:func:`geep.io.ledger_read.read_ledger`. The summary shows every account per year — a flow of
2015 is never added to one of 2020 — and recomputes each total with a ``SUMIFS`` formula over
the lines, so a spreadsheet that recalculates shows the same number twice. Summary sheets may
present money in 元, 万元 or 亿元 (``unit=``); the lines keep exact values. Written through the
one workbook writer (:class:`geep.io.writer.Book`): print-ready, neutralised, reproducible.
"""

from __future__ import annotations

import hashlib
import json
import math
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd
from openpyxl.utils import get_column_letter

from ..ledger import COLUMNS
from ..messages import label, language_scope, msg
from .ledger_read import LINES_SHEET, META_SHEET
from .safety import FORMULA_PREFIXES
from .writer import MONEY_FMT, NUMBER_FMT, Book, headers_for, money_unit, scaled

if TYPE_CHECKING:
    from ..ledger import Ledger

#: number format of quantities by canonical unit
QTY_FORMATS = {"ha": MONEY_FMT, "m ** 3": "#,##0", "m**3": "#,##0", "kWh": "#,##0",
               "visit": "#,##0", "CNY": MONEY_FMT}  # fmt: skip
META_CHUNK = 30000  # below Excel's 32,767-character cell limit


def _fsum(s: pd.Series) -> float:
    return math.fsum(s.to_numpy(dtype=float))


def _summary(lines: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Sum of value by ``keys``, never across money units or price years."""
    cols = [*keys, "value_unit", "price_year"]
    if lines.empty:
        return pd.DataFrame(columns=[*cols, "value"])
    flat = lines[[*cols, "value"]].copy()
    for c in cols:
        if isinstance(flat[c].dtype, pd.CategoricalDtype):
            flat[c] = flat[c].astype(object)
    return flat.groupby(cols, sort=True, dropna=False)["value"].agg(_fsum).reset_index()


def _headers(cols: list[str], lang: str) -> tuple[list[str], list[str] | None]:
    """First and second header rows: Chinese names over machine names under zh."""
    return headers_for(cols, lang)


def _with_labels(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Reader's names beside the codes of categories and services (under zh)."""
    if lang != "zh":
        return frame
    out = frame.copy()
    for kind in ("category", "service"):
        if kind in out.columns:
            pos = list(out.columns).index(kind) + 1
            out.insert(pos, f"{kind}_label", [label(kind, v) for v in out[kind]])
    return out


def _summary_sheet(book: Book, ledger: Ledger, unit: tuple[str, float]) -> None:
    ws = book.sheet(msg("xl.summary"))
    meta, lines = ledger.meta, ledger._lines
    years = sorted(int(y) for y in lines["price_year"].dropna().unique())
    profiles = meta.get("profiles") or ({"": meta["profile"]} if meta.get("profile") else {})
    book.line(ws, msg("xl.title"), bold=True, size=14)
    book.line(ws, "geep", meta.get("geep_version", ""))
    book.line(ws, msg("xl.status"), msg(f"status.{ledger.status}"))
    book.line(
        ws,
        msg("xl.profile"),
        "; ".join(f"{k}={v}" if k else str(v) for k, v in sorted(profiles.items())) or "-",
    )
    book.line(ws, msg("xl.price_year"), ", ".join(map(str, years)) or "-")
    book.line(ws, msg("xl.money_unit"), unit[0])
    if ledger.status != "released":
        book.banner(ws, msg("xl.provisional"))
    book.line(ws)
    book.line(ws, msg("xl.totals"), bold=True)
    _totals(book, ws, lines, unit)
    book.line(ws)
    book.line(ws, msg("xl.by_category"), bold=True)
    cat = _with_labels(_summary(lines, ["region_code", "region_name", "year", "account",
                                        "category"]), book.lang)  # fmt: skip
    first, second = _headers(list(cat.columns), book.lang)
    book.table(ws, scaled(cat, ["value"], unit[1]), headers=first, second=second,
               formats={"value": MONEY_FMT}, start_row=ws.max_row + 1)  # fmt: skip


def _totals(book: Book, ws, lines: pd.DataFrame, unit: tuple[str, float]) -> None:
    """Totals per account, one column per year, next to their recalculation from the lines."""
    totals = _summary(lines, ["account", "year"])
    years = sorted(int(y) for y in lines["year"].unique())
    wide = totals.pivot_table(index=["account", "value_unit", "price_year"], columns="year",
                              values="value", aggfunc="sum", sort=True)  # fmt: skip
    col = {c: get_column_letter(i + 1) for i, c in enumerate(lines.columns)}
    header_rows = 2 if book.lang == "zh" else 1
    n = len(lines) + header_rows
    recalc = msg("xl.recalc")
    frame = wide.reset_index()
    frame.columns = [str(c) for c in frame.columns]
    head = [
        label("column", "account"),
        label("column", "value_unit"),
        label("column", "price_year"),
        *map(str, years),
        *(f"{y} ({recalc})" for y in years),
    ]
    first_row = ws.max_row + 1
    vals = scaled(frame, [str(y) for y in years], unit[1])
    for y in years:
        vals[f"{y} ({recalc})"] = None
    _, last = book.table(ws, vals, headers=head, start_row=first_row,
                         formats={str(y): MONEY_FMT for y in years})  # fmt: skip

    def rng(c: str) -> str:
        return f"{LINES_SHEET}!${col[c]}${header_rows + 1}:${col[c]}${n}"

    for k in range(first_row + 1, last + 1):
        for j, y in enumerate(years):
            cell = ws.cell(k, 4 + len(years) + j)
            div = "" if unit[1] == 1.0 else f"/{unit[1]:g}"
            cell.value = (f"=SUMIFS({rng('value')},{rng('account')},$A{k},{rng('value_unit')},"
                          f"$B{k},{rng('price_year')},$C{k},{rng('year')},{y}){div}")  # fmt: skip
            cell.number_format = MONEY_FMT


def _provenance(ledger: Ledger) -> pd.DataFrame:
    meta, lines = ledger.meta, ledger._lines
    rows: list[tuple[str, str]] = [
        ("geep_version", str(meta.get("geep_version", ""))),
        ("status", ledger.status),
        ("price_year", ", ".join(str(int(y)) for y in sorted(lines["price_year"].dropna().unique()))),
        ("value_unit", ", ".join(sorted(map(str, lines["value_unit"].dropna().unique())))),
        ("lines", str(len(lines))),
        ("lines_sha256", hashlib.sha256(ledger.csv_bytes()).hexdigest()),
    ]  # fmt: skip
    for k in sorted(meta):
        if k in ("tables", "warnings", "inputs", "geep_version", "status"):
            continue
        v = meta[k]
        if isinstance(v, bool):
            txt = msg("xl.true" if v else "xl.false")
        else:
            txt = (json.dumps(v, ensure_ascii=False, sort_keys=True, default=str)
                   if isinstance(v, dict | list) else str(v))  # fmt: skip
        rows.append((k, _meta_text(txt)))
    for ref, digest in sorted(meta.get("tables", {}).items()):
        rows.append((f"table {ref}", f"sha256={digest}"))
    for name, desc in sorted(meta.get("inputs", {}).items()):
        rows.append((f"input {name}", str(desc)))
    return pd.DataFrame(rows, columns=[msg("xl.key"), msg("xl.val")])


def _meta_text(txt: str) -> str:
    """A metadata value in the reader's language where the catalogue has it (the formula a
    method states, ``xl.meta.*``); any other value as it is."""
    from ..messages import MESSAGES

    code = next((c for c, (en, _) in MESSAGES.items() if c.startswith("xl.meta.") and en == txt),
                None)  # fmt: skip
    return msg(code) if code else txt


def _chunks(txt: str) -> list[str]:
    """Split ``txt`` into cell-sized pieces, none starting like a formula."""
    out: list[str] = []
    i = 0
    while i < len(txt):
        j = min(i + META_CHUNK, len(txt))
        while j < len(txt) and j > i + 1 and txt[j] in FORMULA_PREFIXES:
            j -= 1
        out.append(txt[i:j])
        i = j
    return out


def _lines_sheet(book: Book, lines: pd.DataFrame) -> None:
    ws = book.sheet(LINES_SHEET)
    cols = list(COLUMNS) + [c for c in lines.columns if c not in COLUMNS]
    first, second = _headers(cols, book.lang)
    if second is not None:  # the contract names stay in the row just above the data
        first, second = first, second
    formats = {"value": MONEY_FMT, "price": NUMBER_FMT}
    start, _ = book.table(ws, lines[cols], headers=first, second=second, formats=formats,
                          exact=("quantity", "price", "value"))  # fmt: skip
    if len(lines):
        j = cols.index("quantity") + 1
        for unit, (cell,) in zip(
            lines["quantity_unit"].tolist(),
            ws.iter_rows(min_row=start, max_row=start + len(lines) - 1, min_col=j, max_col=j),
            strict=True,
        ):
            cell.number_format = QTY_FORMATS.get(str(unit), NUMBER_FMT)  # fmt: skip


def ledger_book(ledger: Ledger, lang: str = "en", unit: str | None = None) -> Book:
    """The formatted workbook of ``ledger`` as a :class:`~geep.io.writer.Book`."""
    with language_scope(lang):
        book = Book(lang)
        money = money_unit(unit)
        _summary_sheet(book, ledger, money)
        lines = ledger._lines
        for key, keys in (
            ("xl.by_service", ["region_code", "region_name", "year", "account", "category",
                               "service"]),
            ("xl.by_region", ["region_code", "region_name", "year", "account"]),
        ):  # fmt: skip
            frame = _with_labels(_summary(lines, keys), lang)
            first, second = _headers(list(frame.columns), lang)
            book.table(book.sheet(msg(key)), scaled(frame, ["value"], money[1]), headers=first,
                       second=second, formats={"value": MONEY_FMT})  # fmt: skip
        _lines_sheet(book, lines)
        book.table(book.sheet(msg("xl.provenance")), _provenance(ledger), max_width=100)
        warn = pd.DataFrame({msg("xl.warning"): ledger.warnings or [msg("xl.none")]})
        book.table(book.sheet(msg("xl.warnings")), warn, max_width=150)
        meta_ws = book.sheet(META_SHEET)
        for chunk in _chunks(json.dumps(ledger.meta, ensure_ascii=False, sort_keys=True,
                                        default=str)):  # fmt: skip
            meta_ws.append([chunk])
        meta_ws.sheet_state = "hidden"
        book.wb.calculation.fullCalcOnLoad = True
    return book


def _build(ledger: Ledger, lang: str = "en", unit: str | None = None):
    """``(openpyxl workbook, exact numbers)`` — for writers that add sheets (batch)."""
    book = ledger_book(ledger, lang, unit)
    return book.wb, book._exact


def build_workbook(ledger: Ledger, lang: str = "en"):
    """The formatted openpyxl workbook of ``ledger``."""
    return ledger_book(ledger, lang).wb


def workbook_bytes_for(ledger: Ledger, lang: str = "en", unit: str | None = None) -> bytes:
    """The bytes of the formatted workbook for ``ledger`` (reproducible, print-ready)."""
    return ledger_book(ledger, lang, unit).bytes()


def write_ledger_excel(ledger: Ledger, path: str | Path, lang: str = "en",
                       unit: str | None = None) -> Path:  # fmt: skip
    """Write ``ledger`` as a formatted workbook at ``path`` (atomically, reproducibly)."""
    return ledger_book(ledger, lang, unit).save(path)


__all__ = ["build_workbook", "ledger_book", "workbook_bytes_for", "write_ledger_excel"]
