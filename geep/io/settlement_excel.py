"""Settlement workbooks: summary with status and conservation, net positions, who owes whom,
obligations, parameters, sections, warnings — through the one workbook writer.

The provisional banner and party names are never cut off; each who-owes-whom matrix carries
row and column totals and prints on one page; headers in the user's language.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd
from openpyxl.styles import PatternFill

from ..messages import label, language_scope, msg
from .writer import Book, headers_for

if TYPE_CHECKING:
    from ..compensation.settlement import Settlement

WARN = PatternFill("solid", fgColor="FCE4D6")
AMOUNT_FMT = "#,##0.0000"


def _table(book: Book, ws, frame: pd.DataFrame, money: tuple[str, ...] = (), **kw) -> None:
    first, second = headers_for(frame.columns, book.lang, "stl.col", "batch.col")
    fmts = {c: AMOUNT_FMT for c in money if c in frame.columns}
    book.table(ws, frame, headers=first, second=second, formats=fmts, **kw)


def _with_totals(m: pd.DataFrame) -> pd.DataFrame:
    """A payer × payee matrix with a total row and a total column."""
    out = m.copy()
    total = msg("stl.total")
    out[total] = out.sum(axis=1)
    out.loc[total] = out.sum(axis=0)
    return out


def _fund_mode(meta: dict) -> str:
    mode = (meta.get("fund") or {}).get("mode", "")
    return label("stl.fund", mode) if mode else ""


def _obligations(s: Settlement, lang: str) -> pd.DataFrame:
    """The obligation ledger; under zh the bands in the reader's language (the band
    intervals such as ``(0.5, 1]`` stay as they are)."""
    ob = s.obligations
    if lang == "zh" and "band" in ob and len(ob):
        ob = ob.copy()
        ob["band"] = s.band_labels()
    return ob


def _parameters(s: Settlement, lang: str) -> pd.DataFrame:
    """The scheme's parameters; under zh evidence by name (a list parameter's evidence once
    per distinct level) and 是/否 for whether a value was overridden."""
    import json

    p = s.scheme.parameters_frame()
    if lang != "zh" or not len(p):
        return p
    p = p.copy()

    def evidence(v: object) -> object:
        items = json.loads(v) if isinstance(v, str) and v.startswith("[") else [v]
        return "、".join(dict.fromkeys(label("evidence", i) for i in items if i is not None))

    if "evidence" in p:
        p["evidence"] = p["evidence"].map(evidence)
    if "overridden" in p:
        p["overridden"] = p["overridden"].map(lambda v: msg("xl.true" if v else "xl.false"))
    return p


def _summary(book: Book, s: Settlement) -> None:
    ws = book.sheet(msg("stl.summary"))
    meta = s.meta
    book.line(ws, msg("stl.title"), bold=True, size=14)
    if s.status != "released":
        r = book.banner(ws, msg("stl.banner", ref=meta.get("scheme"),
                                status=msg(f"status.{s.status}")))  # fmt: skip
        ws.cell(r, 1).fill = WARN
    rows = (("scheme", meta.get("scheme")), ("status", msg(f"status.{s.status}")),
            ("evidence", label("evidence", s.evidence)), ("sha256", meta.get("sha256", "")),
            ("limits", meta.get("limits", "")),
            ("lag", (meta.get("settlement") or {}).get("lag_years", "")),
            ("fund", _fund_mode(meta)), ("unit", s.unit),
            ("warnings", len(s.warnings)))  # fmt: skip
    for k, v in rows:
        book.line(ws, msg(f"stl.item.{k}"), str(v))
    book.line(ws)
    cols = ["settlement_year", "party", "party_name", "paid", "received", "net", "amount_unit",
            "status"]  # fmt: skip
    _table(book, ws, s.net[cols], ("paid", "received", "net"), start_row=ws.max_row + 1)
    book.line(ws)
    _table(book, ws, s.conservation(), ("paid", "received", "fund_net", "balance"),
           start_row=ws.max_row + 1)  # fmt: skip
    ws.column_dimensions["A"].width = max(ws.column_dimensions["A"].width or 0, 28)


def settlement_book(s: Settlement, lang: str = "en") -> Book:
    """The settlement workbook as a :class:`~geep.io.writer.Book`."""
    with language_scope(lang):
        book = Book(lang)
        _summary(book, s)
        _table(book, book.sheet(msg("stl.net")), s.net, ("paid", "received", "net"))
        mws = book.sheet(msg("stl.matrix"))
        for y in s.settlement_years:
            book.line(mws, msg("stl.matrix_title", year=y, unit=s.unit,
                               status=msg(f"status.{s.status}")), bold=True)  # fmt: skip
            m = _with_totals(s.matrix(y, names=True)).reset_index()
            first, _ = headers_for(m.columns, book.lang, "stl.col")  # party names: one row
            book.table(mws, m, headers=first, formats={c: AMOUNT_FMT for c in m.columns[1:]},
                       start_row=mws.max_row + 1)  # fmt: skip
            book.line(mws)
        _table(book, book.sheet(msg("stl.obligations")), _obligations(s, lang), ("amount",))
        if s.scheme is not None:
            _table(book, book.sheet(msg("stl.parameters")), _parameters(s, lang))
            sec = s.scheme.sections_frame()
            if lang == "zh" and len(sec):
                sec["type"] = sec["type"].map(lambda t: label("comp.section_type", t))
            if len(sec):
                _table(book, book.sheet(msg("stl.sections")), sec)
        warn = pd.DataFrame({msg("xl.warning"): s.warnings or [msg("xl.none")]})
        book.table(book.sheet(msg("stl.warnings")), warn, max_width=150)
        if s.report is not None and len(s.report):
            issues = s.report.to_frame()
            if lang == "zh" and "severity" in issues:
                issues["severity"] = issues["severity"].map(lambda v: label("severity", v))
            _table(book, book.sheet(msg("stl.issues")), issues)
    return book


def settlement_bytes(s: Settlement, lang: str = "en") -> bytes:
    """Bytes of the settlement workbook (reproducible, print-ready)."""
    return settlement_book(s, lang).bytes()


def write_settlement_excel(s: Settlement, path: str | Path, lang: str = "en") -> Path:
    """Write the settlement workbook atomically."""
    return settlement_book(s, lang).save(path)


__all__ = ["settlement_book", "settlement_bytes", "write_settlement_excel"]
