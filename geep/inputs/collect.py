"""The issues of one table as the normaliser finds them: each at its cell, header or table.

Notes (a value read after a documented normalisation) are given once per column and text, at
the first cell, with the count of the other cells they apply to.
"""

from __future__ import annotations

from collections.abc import Callable

from ..messages import text
from .report import Issue
from .spec import TableDef

Where = Callable[[int, str | None], str]


class Issues:
    """Collects the issues of one table, each at its cell, header cell or table."""

    def __init__(self, spec: TableDef, where: Where, source: str, header_where) -> None:
        self.spec, self.where, self.source, self.header_where = spec, where, source, header_where
        self.list: list[Issue] = []
        self._notes: dict[tuple[str, str], list] = {}

    def add(self, loc: str, col, value, problem, hint="", severity="error") -> None:
        v = None if value is None else str(value)
        self.list.append(Issue(self.spec.name, loc, col, v, problem, hint, severity))

    def cell(self, i: int, col, value, problem, hint="", severity="error") -> None:
        self.add(self.where(int(i), col), col, value, problem, hint, severity)

    def header(self, col, problem, hint="", severity="error", value=None) -> None:
        loc = self.header_where(col) if self.header_where is not None else self.source
        self.add(loc, col, value, problem, hint, severity)

    def note(self, col: str, note, row: int, raw) -> None:
        """A note once per (column, text), at its first cell, with the count of others."""
        entry = self._notes.setdefault((col, str(note)), [row, raw, 0, note])
        entry[2] += 1

    def flush(self) -> None:
        for (col, _), (row, raw, count, note) in self._notes.items():
            more = text("in.more_cells", n=count - 1) if count > 1 else ""
            self.cell(row, col, raw, note + more, severity="note")
        self._notes.clear()


__all__ = ["Issues", "Where"]
