"""Comparison workbooks: notes, totals with a native bar chart, side-by-side lines, drivers.

Written through the one workbook writer (:class:`geep.io.writer.Book`): labels in the user's
language (sides labelled with region names), money in 元, 万元 or 亿元 (``unit=``), a bar
chart whose value axis starts at zero, print-ready sheets, reproducible bytes.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Font, PatternFill

from ..messages import label, language_scope, msg
from .writer import MONEY_FMT, Book, headers_for, money_unit, scaled

if TYPE_CHECKING:
    from ..comparison import Comparison

WARN = PatternFill("solid", fgColor="FCE4D6")
PCT = "0.00"


def _money_columns(columns, sides=()) -> list[str]:
    return [c for c in columns
            if c in sides or str(c).startswith(("diff", "value", "per_"))]  # fmt: skip


def _formats(columns, sides=()) -> dict[str, str]:
    out = {c: MONEY_FMT for c in _money_columns(columns, sides)}
    for c in columns:
        if str(c).startswith(("pct:", "damage_pct:")) or str(c) == "share_of_total_diff":
            out[c] = PCT
    return out


def _headers(columns, lang: str, cmp: Comparison | None = None):
    """Header rows; under zh the columns of each side say which side by its name."""
    first, second = headers_for(columns, lang)
    if second is None or cmp is None:
        return first, second
    for j, c in enumerate(second):
        kind, _, side = c.partition(":")
        if c in cmp.sides:
            first[j] = cmp.side_label(c)
        elif side in cmp.sides and kind in ("diff", "pct", "damage_pct"):
            first[j] = msg(f"cmp.col_{kind}", side=cmp.side_label(side))
    return first, second


def comparison_book(cmp: Comparison, lang: str = "en", unit: str | None = None) -> Book:
    """The comparison as a :class:`~geep.io.writer.Book`."""
    with language_scope(lang):
        money = money_unit(unit)
        book = Book(lang)
        about = book.sheet(msg("cmp.about"))
        book.line(about, msg("cmp.title"), bold=True, size=14)
        book.line(about, msg("cmp.sides"), ", ".join(cmp.side_label(n) for n in cmp.sides))
        for acc, (cur, py) in (cmp.money or {"": (cmp.unit, cmp.price_year)}).items():
            prefix = f"{label('account', acc)} ({acc}): " if acc else ""
            book.line(about, prefix + msg("cmp.unit", unit=cur, py=py, shown=money[0]))
        for note in cmp.notes:
            r = book.banner(about, msg("cmp.note", note=note))
            about.cell(r, 1).fill = WARN
        about.column_dimensions["A"].width = 100
        _totals_sheet(book, cmp, money)
        first, second = _headers(cmp.table.columns, lang, cmp)
        book.table(
            book.sheet(msg("cmp.lines")),
            scaled(cmp.table, _money_columns(cmp.table.columns, cmp.sides), money[1]),
            headers=first,
            second=second,
            formats=_formats(cmp.table.columns, cmp.sides),
        )
        first, second = _headers(cmp.drivers.columns, lang)
        book.table(
            book.sheet(msg("cmp.drivers")),
            scaled(cmp.drivers, _money_columns(cmp.drivers.columns), money[1]),
            headers=first,
            second=second,
            formats=_formats(cmp.drivers.columns),
        )
    return book


def _totals_sheet(book: Book, cmp: Comparison, money: tuple[str, float]) -> None:
    tot = book.sheet(msg("cmp.totals"))
    wide = (
        cmp.totals.pivot_table(
            index="side", columns="account", values="value", aggfunc="sum", sort=False
        )
        .reindex(cmp.sides)
        .reset_index()
    )
    wide["side"] = [cmp.side_label(n) for n in wide["side"]]  # the chart's categories
    wide = scaled(wide, list(wide.columns[1:]), money[1])
    first, _ = _headers(wide.columns, book.lang)  # one header row: the chart reads row 1
    book.table(tot, wide, headers=first, formats={c: MONEY_FMT for c in wide.columns[1:]})
    if len(wide.columns) > 1 and len(wide):
        chart = BarChart()
        chart.title = msg("cmp.chart")
        chart.y_axis.title = money[0]
        chart.y_axis.scaling.min = 0  # bars start at zero: a 5 % rise never looks like ×3
        chart.add_data(Reference(tot, min_col=2, max_col=len(wide.columns), min_row=1,
                                 max_row=len(wide) + 1), titles_from_data=True)  # fmt: skip
        chart.set_categories(Reference(tot, min_col=1, min_row=2, max_row=len(wide) + 1))
        chart.width, chart.height = 18, 9
        tot.add_chart(chart, f"A{len(wide) + 4}")
    book.line(tot)
    start = len(wide) + 24
    tot.cell(start, 1, msg("cmp.detail")).font = Font(bold=True)
    detail = scaled(cmp.totals, _money_columns(cmp.totals.columns), money[1])
    first, second = _headers(detail.columns, book.lang)
    book.table(tot, detail, headers=first, second=second, start_row=start + 1,
               formats=_formats(detail.columns))  # fmt: skip


def build_comparison_workbook(cmp: Comparison, lang: str = "en", unit: str | None = None):
    """The comparison as an openpyxl workbook (see :func:`write_comparison`)."""
    return comparison_book(cmp, lang, unit).wb


def comparison_bytes(cmp: Comparison, lang: str = "en", unit: str | None = None) -> bytes:
    """Reproducible bytes of the comparison workbook."""
    return comparison_book(cmp, lang, unit).bytes()


def write_comparison(cmp: Comparison, path: Path, lang: str = "en",
                     unit: str | None = None) -> Path:  # fmt: skip
    """Write the comparison workbook atomically."""
    return comparison_book(cmp, lang, unit).save(path)


__all__ = ["build_comparison_workbook", "comparison_book", "comparison_bytes", "write_comparison"]
