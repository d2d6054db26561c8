"""Writing journal workbooks: the journal with its postings, positions (holder, county, city,
province), money, compliance and a ledger sheet that sits next to GEEP ledgers; and the blank
template. Outputs are written atomically and text cells are neutralised.

The ``holders``, ``transactions`` and ``emissions`` sheets of an export use the input layout, so
an exported workbook can be read back with :func:`~geep.trading.io.read_journal` and replays to
the same positions; they carry an integrity chain (:mod:`geep.trading.integrity`) that
``geep trading validate`` verifies.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from ..errors import GeepError
from ..io.atomic import atomic_write_bytes
from ..io.safety import neutralise
from ..io.writer import Book
from .integrity import CHAIN_COLUMNS, RECORD_KEY, chain_rows, record_text
from .layout import INPUT_SHEETS, headers, input_frame, rules_frame, sheet_name, with_labels
from .model import TYPES
from .positions import aggregate, money_positions, positions, positions_ledger
from .rights import HOLDER_KINDS, RIGHTS, unit_label
from .sheets import EMISSIONS, HOLDERS, TRANSACTIONS, SheetSpec

if TYPE_CHECKING:
    from .journal import Journal

HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
MONEY_COLS = {"price", "value", "amount", "paid", "fees", "received", "net", "fee_buyer",
              "fee_seller", "shortfall_value", "surplus_value"}  # fmt: skip
#: width of the integrity-chain columns [characters]
CHAIN_WIDTH = 12
#: columns of whole numbers shown without separators (years)
YEAR_COLS = {"vintage", "year", "price_year"}


def _cell(v: Any) -> Any:
    if v is None or v is pd.NA or (isinstance(v, float) and v != v):
        return None
    if isinstance(v, Decimal):
        return int(v) if v == v.to_integral_value() else float(v)
    if isinstance(v, str):
        return neutralise(v)
    return v.item() if hasattr(v, "item") else v


def _formats(cells: pd.DataFrame) -> dict[str, str]:
    """Number formats of the columns whose written cells are all numbers: money with two
    decimals, years without separators, whole numbers with separators, others to 4 decimals."""
    from ..io.writer import INT_FMT, MONEY_FMT, NUMBER_FMT, YEAR_FMT

    out = {}
    for c in cells.columns:
        kinds = set(cells[c].dropna().map(type))
        if not kinds or not kinds <= {int, float}:
            continue
        out[c] = (MONEY_FMT if c in MONEY_COLS else YEAR_FMT if c in YEAR_COLS
                  else INT_FMT if kinds == {int} else NUMBER_FMT)  # fmt: skip
    return out


def _sheet(book: Book, key: str, frame: pd.DataFrame, chain: dict | None = None) -> None:
    """Write ``frame`` as sheet ``key`` in the book's language (:mod:`.layout`); with ``chain``
    (a dict), append the integrity-chain columns and store the sheet's record in
    ``chain[title]`` (the chain covers the title, headers and cells as written)."""
    lang = book.lang
    title = sheet_name(key, lang)
    second = None
    if key in INPUT_SHEETS:
        frame, heads = input_frame(key, frame) if lang == "zh" else (frame, list(frame.columns))
    elif lang == "zh":
        frame = with_labels(frame)
        heads, second = headers(frame.columns, lang)
        if len(heads) < 2:  # one column (warnings): its Chinese header alone, as in ledgers
            second = None
    else:
        heads = [str(c) for c in frame.columns]
    cols = [str(c) for c in frame.columns]
    rows = [[_cell(v) for v in row] for row in frame.itertuples(index=False)]
    if chain is not None:
        rows, chain[title] = chain_rows(title, heads, rows)
        cols, heads = [*cols, *CHAIN_COLUMNS], [*heads, *CHAIN_COLUMNS]
        second = None  # the chained sheets have one header row (the reader's)
    cells = pd.DataFrame(rows, columns=cols, dtype=object)
    ws = book.sheet(title)
    book.table(ws, cells, headers=heads, second=second, max_width=50, formats=_formats(cells))
    if chain is not None:  # the hashes stay whole in their cells; narrow, they print small
        for j in range(len(cols) - len(CHAIN_COLUMNS) + 1, len(cols) + 1):
            ws.column_dimensions[get_column_letter(j)].width = CHAIN_WIDTH


def journal_frames(journal: Journal) -> dict[str, pd.DataFrame]:
    """The ``holders``, ``transactions``, ``postings`` and ``money`` frames of a journal."""
    holders = pd.DataFrame([h.model_dump() for h in journal.holders.values()],
                           columns=list(HOLDERS.fields))  # fmt: skip
    by_id = {t.id: t for t in journal.transactions}
    fees: dict[str, dict[str, Decimal]] = {}
    for m in journal.money_postings:
        if m.leg == "fee" and by_id[m.txn].type == "trade":
            side = "fee_buyer" if m.payer == by_id[m.txn].to_holder else "fee_seller"
            fees.setdefault(m.txn, {})[side] = m.amount
    reversed_by = {t.reverses: t.id for t in journal.transactions if t.type == "reversal"}
    rows = []
    for t in journal.transactions:
        r = RIGHTS.get(t.right or "")
        d = {f: getattr(t, f, None) for f in TRANSACTIONS.fields}
        d["unit"] = unit_label(r) if r and t.quantity is not None else None
        d["price_unit"] = f"CNY/{unit_label(r)}" if r and t.price is not None else None
        if t.type == "trade":
            d.update(fees.get(t.id, {}))
        d["value"] = (
            t.quantity * t.price if t.quantity is not None and t.price is not None else None
        )
        d["reversed_by"] = reversed_by.get(t.id)
        rows.append(d)
    txns = pd.DataFrame(rows, columns=[*TRANSACTIONS.fields, "value", "reversed_by"])
    dates = {t.id: t.date for t in journal.transactions}
    post = pd.DataFrame(
        [{"txn": p.txn, "date": dates[p.txn], "holder": p.holder, "right": p.right,
          "vintage": p.vintage, "component": p.component, "flow": p.flow, "quantity": p.quantity,
          "unit": unit_label(RIGHTS[p.right])} for p in journal.quantity_postings],
        columns=["txn", "date", "holder", "right", "vintage", "component", "flow", "quantity",
                 "unit"],
    )  # fmt: skip
    money = pd.DataFrame(
        [{"txn": m.txn, "date": dates[m.txn], "payer": m.payer, "payee": m.payee, "right": m.right,
          "vintage": m.vintage, "leg": m.leg, "amount": m.amount, "unit": "CNY", "rule": m.rule}
         for m in journal.money_postings],
        columns=["txn", "date", "payer", "payee", "right", "vintage", "leg", "amount", "unit",
                 "rule"],
    )  # fmt: skip
    return {"holders": holders, "transactions": txns, "postings": post, "money": money}


def conservation(journal: Journal) -> pd.DataFrame:
    """Checks per right × vintage: owned and leased quantities sum to zero over all accounts
    (the texts in the active language)."""
    from ..messages import msg
    from .rights import right_name

    acc: dict[tuple[str, int, str], Decimal] = {}
    for p in journal.quantity_postings:
        k = (p.right, p.vintage, p.component)
        acc[k] = acc.get(k, Decimal(0)) + p.quantity
    money = sum(money_positions(journal, exact=True)["net"], Decimal(0))
    rows = [{"check": msg("trading.xl.check_quantity", component=msg(f"trading.component.{c}"),
                          right=right_name(r), vintage=v), "residual": q, "ok": q == 0}
            for (r, v, c), q in sorted(acc.items())]  # fmt: skip
    rows.append({"check": msg("trading.xl.check_money"), "residual": money, "ok": money == 0})
    return pd.DataFrame(rows, columns=["check", "residual", "ok"])


def _summary_rows(journal: Journal, as_of: str | None) -> list[tuple[str, object]]:
    """``(key, value)`` rows of the summary sheet (texts in the active language)."""
    from .. import __version__
    from ..messages import language, msg

    status = journal.rules.status
    return [("title", msg("trading.tpl.title")), ("geep_version", __version__),
            ("status", status if language() == "en" else msg(f"trading.status.{status}")),
            ("transactions", len(journal)), ("holders", len(journal.holders)),
            ("as_of", as_of or msg("trading.xl.all")),
            ("rules", json.dumps(journal.rules.tables, sort_keys=True))] + (
        [("note", msg("trading.xl.provisional"))] if status != "released" else [])  # fmt: skip


def _summary(book: Book, rows: list[tuple[str, object]]) -> Any:
    """The summary sheet: ``key, value`` (under zh ``key``, the item's name, ``value`` under
    a Chinese header row)."""
    from ..messages import msg

    frame = pd.DataFrame(rows, columns=["key", "value"], dtype=object)
    heads = second = None
    if book.lang == "zh":
        frame.insert(1, "label", [msg(f"trading.xl.key.{k}") for k in frame["key"]])
        heads, second = [msg(f"trading.summary.{c}") for c in frame.columns], list(frame.columns)
    ws = book.sheet(sheet_name("summary", book.lang))
    book.table(ws, frame, headers=heads, second=second, max_width=60)
    return ws


def _emissions(actual: pd.DataFrame | None, verified: pd.DataFrame | None) -> pd.DataFrame:
    """The emissions sheet (input layout): actual and verified emissions with their units."""
    emis = pd.concat(
        [f.assign(right=f.get("right", "carbon.cea"))[["holder", "right", "year", "quantity"]]
         for f in (actual, verified) if f is not None and not f.empty]
        or [pd.DataFrame(columns=["holder", "right", "year", "quantity"])],
        ignore_index=True,
    ).rename(columns={"holder": "holder_id"})  # fmt: skip
    if not emis.empty:
        emis["unit"] = emis["right"].map(lambda r: unit_label(RIGHTS[r]))
    return emis


def _sheets(journal: Journal, actual, verified, as_of, valuation, warnings: list) -> dict:
    """``{sheet key: frame}`` of the export in order (a sheet that cannot be built is left out
    and named in ``warnings``)."""
    from ..messages import language, msg
    from .compliance import carbon_compliance, compliance

    frames = journal_frames(journal)
    out = {"holders": frames["holders"], "transactions": frames["transactions"],
           "postings": frames["postings"], "money": frames["money"],
           "positions": positions(journal, as_of=as_of),
           "money_positions": money_positions(journal, as_of=as_of)}  # fmt: skip
    lang = language()
    for level in ("county", "city", "province"):
        try:
            out[f"positions_{level}"] = aggregate(positions(journal, as_of=as_of, system=False),
                                                  level)  # fmt: skip
        except GeepError as exc:
            warnings.append(msg("trading.xl.not_written", sheet=sheet_name(f"positions_{level}",
                                                                           lang), problem=exc))  # fmt: skip
    ledger = None
    try:
        ledger = positions_ledger(journal, "county", as_of=as_of)
        warnings.extend(ledger.warnings)
    except GeepError as exc:
        warnings.append(msg("trading.xl.not_written", sheet=sheet_name("ledger", lang),
                            problem=exc))  # fmt: skip
    emis = _emissions(actual, verified)
    if not emis.empty:
        out["emissions"] = emis
    if actual is not None and not actual.empty:
        out["compliance"] = compliance(journal, actual, valuation=valuation, as_of=as_of)
    if verified is not None and not verified.empty:
        out["carbon_compliance"] = carbon_compliance(journal, verified, as_of=as_of)
    if ledger is not None:
        out["ledger"] = ledger.lines
    out["checks"] = conservation(journal)
    out["rules"] = rules_frame(journal.rules)
    return out


def workbook_bytes(
    journal: Journal,
    actual: pd.DataFrame | None = None,
    verified: pd.DataFrame | None = None,
    as_of: str | None = None,
    valuation: str = "floor",
    lang: str | None = None,
) -> bytes:
    """Bytes of the export workbook (see :func:`write_journal`) in ``lang`` (default: the
    active language); reproducible: the same journal gives the same bytes (no time of writing
    in the archive or its properties)."""
    from ..messages import language, language_scope, msg

    with language_scope(lang or language()):
        book = Book(language())  # the one workbook writer: print setup, reproducible bytes
        warnings: list[str] = []
        sheets = _sheets(journal, actual, verified, as_of, valuation, warnings)
        summary = _summary(book, _summary_rows(journal, as_of))
        chain: dict[str, dict] = {}
        for key, frame in sheets.items():
            _sheet(book, key, frame, chain=chain if key in INPUT_SHEETS else None)
        _sheet(book, "warnings", pd.DataFrame({"warning": warnings or [msg("xl.none")]}))
        zh = [msg("trading.xl.key.integrity")] if book.lang == "zh" else []
        summary.append([RECORD_KEY, *zh, record_text(chain)])
        return book.bytes()


def write_journal(
    journal: Journal,
    path: str | Path,
    actual: pd.DataFrame | None = None,
    verified: pd.DataFrame | None = None,
    as_of: str | None = None,
    valuation: str = "floor",
    lang: str | None = None,
) -> Path:
    """Write the journal and its positions as a ledger workbook at ``path`` (atomically), in
    ``lang`` (default: the active language; see :mod:`geep.trading.layout`).

    Sheets: summary, holders, transactions (input layout, with computed fees and value),
    postings, money, positions, money_positions, positions_county / _city / _province,
    compliance and carbon_compliance (if ``actual`` / ``verified`` given), ledger (GEEP-style
    lines valued at floor or reference price), checks (conservation), rules, warnings.
    """
    path = Path(path)
    atomic_write_bytes(path, workbook_bytes(journal, actual, verified, as_of, valuation, lang))
    return path


def template_bytes(lang: str = "en") -> bytes:
    """Bytes of a blank journal workbook: an instructions sheet, a sheet of codes with their
    Chinese names, and the input sheets with drop-downs for holder kinds, transaction types,
    modes and rights. Under ``zh`` every text is Chinese, the input sheets have Chinese names
    and headers, and the drop-downs offer the Chinese names (which the reader accepts); under
    ``en`` the machine names."""
    from ..messages import language_scope

    with language_scope(lang):
        book = Book(lang)
        _readme(book, lang)
        _codes(book, lang)
        for spec in (HOLDERS, TRANSACTIONS, EMISSIONS):
            _template_sheet(book.wb, spec, lang)
        return book.bytes()


def _readme(book: Book, lang: str) -> None:
    """The instructions sheet: what to fill, and the meaning of every column."""
    from ..messages import msg

    ws = book.sheet(msg("trading.tpl.readme"))
    names = {s.name: (s.name if lang == "en" else s.sheet_zh) for s in (HOLDERS, TRANSACTIONS,
                                                                        EMISSIONS)}  # fmt: skip
    book.line(ws, msg("trading.tpl.title"), bold=True, size=14)
    book.line(ws, msg("trading.tpl.fill", **names), wrap=False)
    book.line(ws, msg("trading.tpl.headers", codes=msg("trading.tpl.codes")))
    book.line(ws)
    rows = [(names[spec.name], f, spec.zh.get(f, ""), msg(f"trading.tpl.help.{spec.name}.{f}"))
            for spec in (HOLDERS, TRANSACTIONS, EMISSIONS) for f in spec.fields]  # fmt: skip
    frame = pd.DataFrame(rows, columns=["table", "column", "header_zh", "meaning"])
    heads = [msg(f"trading.tpl.col.{k}") for k in ("sheet", "column", "header", "meaning")]
    book.table(ws, frame, headers=heads, second=list(frame.columns) if lang == "zh" else None,
               max_width=100)  # fmt: skip


def _code_lists(lang: str) -> dict[str, list[tuple[str, str, str]]]:
    """Lists of the template: name → [(code, name in ``lang``, unit)]."""
    from ..messages import msg

    def named(prefix: str, codes) -> list[tuple[str, str, str]]:
        return [(c, msg(f"trading.{prefix}.{c}"), "") for c in codes]

    rights = [(r.id, r.zh if lang == "zh" else r.en, unit_label(r)) for r in RIGHTS.values()]
    return {
        "holder_kinds": named("kind", HOLDER_KINDS),
        "types": named("type", TYPES),
        "modes": named("mode", ("free", "paid", "unpaid")),
        "rights": rights,
    }


def _codes(book: Book, lang: str) -> None:
    """The sheet of codes: each list (holder kinds, types, modes, rights) as code, name, unit."""
    from ..messages import msg

    ws = book.sheet(msg("trading.tpl.codes"))
    heads = [msg(f"trading.tpl.col.{k}") for k in ("code", "name", "unit")]
    for name, items in _code_lists(lang).items():
        book.line(ws, msg(f"trading.tpl.{name}"), bold=True)
        frame = pd.DataFrame(items, columns=["value_code", "name", "value_unit"])
        if not frame["value_unit"].any():  # units only where the codes have them (rights)
            frame = frame.drop(columns="value_unit")
        second = list(frame.columns) if lang == "zh" else None
        book.table(ws, frame, headers=heads[: frame.shape[1]], second=second)
        book.line(ws)


#: sheet → field → list of the drop-down of that column
_DROPDOWNS = {"holders": {"kind": "holder_kinds"},
              "transactions": {"type": "types", "mode": "modes", "right": "rights"},
              "emissions": {"right": "rights"}}  # fmt: skip


def _template_sheet(wb: Workbook, spec: SheetSpec, lang: str) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    ws = wb.create_sheet(spec.name if lang == "en" else spec.sheet_zh)
    ws.append([f if lang == "en" else spec.zh.get(f, f) for f in spec.fields])
    for j, c in enumerate(ws[1], start=1):
        c.font, c.fill = Font(bold=True), HEADER_FILL
        ws.column_dimensions[get_column_letter(j)].width = 16
    ws.freeze_panes = "A2"
    lists = _code_lists(lang)
    for field_, name in _DROPDOWNS.get(spec.name, {}).items():
        shown = [c if lang == "en" else n for c, n, _ in lists[name]]
        # any other entry (a code or an alias) stays allowed: the reader checks it
        dv = DataValidation(type="list", formula1='"' + ",".join(shown) + '"',
                            allow_blank=True, showErrorMessage=False)  # fmt: skip
        letter = get_column_letter(spec.fields.index(field_) + 1)
        dv.add(f"{letter}2:{letter}1000")
        ws.add_data_validation(dv)


def write_template(path: str | Path, lang: str = "en") -> Path:
    """Write a blank journal workbook at ``path`` (atomically)."""
    path = Path(path)
    atomic_write_bytes(path, template_bytes(lang))
    return path
