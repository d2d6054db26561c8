"""The sheets of a journal workbook as the template and the export lay them out.

Each :class:`SheetSpec` is a view of the table spec the reader reads the sheet with
(:mod:`geep.trading.tables`): the same fields, in the same order, under the same Chinese
headers — so that what geep writes reads back. The table's unit column (``unit``, 单位) is
placed after ``quantity``. The meaning of each column is in the message catalogue
(``trading.tpl.help.<sheet>.<field>``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..inputs.spec import TableDef
from . import tables

#: the unit column of a table with quantities (a column of every table, not of its spec)
UNIT, UNIT_ZH = "unit", "单位"


@dataclass(frozen=True)
class SheetSpec:
    """A sheet: canonical ``name``, Chinese name, fields with their Chinese headers."""

    name: str
    sheet_zh: str
    fields: tuple[str, ...]
    required: tuple[str, ...]
    zh: dict[str, str]
    aliases: tuple[str, ...] = ()
    ignored: tuple[str, ...] = ()
    required_sheet: bool = True
    table: TableDef | None = field(default=None, compare=False)

    @property
    def help(self) -> dict[str, str]:
        """The meaning of each field, in the user's language."""
        from ..messages import msg

        return {f: msg(f"trading.tpl.help.{self.name}.{f}") for f in self.fields}


def _view(table: TableDef) -> SheetSpec:
    fields, zh = [], {}
    for c in table.columns:
        fields.append(c.name)
        zh[c.name] = c.zh
        if c.name == "quantity":
            fields.append(UNIT)
            zh[UNIT] = UNIT_ZH
    return SheetSpec(
        name=table.name,
        sheet_zh=table.zh,
        fields=tuple(fields),
        required=tuple(c.name for c in table.columns if c.required),
        zh=zh,
        aliases=(table.name, table.zh, *table.sheets),
        ignored=table.ignored,
        required_sheet=table.name in tables.REQUIRED_SHEETS,
        table=table,
    )


HOLDERS = _view(tables.HOLDERS)
TRANSACTIONS = _view(tables.TRANSACTIONS)
EMISSIONS = _view(tables.EMISSIONS)
SHEETS: dict[str, SheetSpec] = {s.name: s for s in (HOLDERS, TRANSACTIONS, EMISSIONS)}
#: kept for callers of the first reader
MODE_ALIASES = tables.MODE_ALIASES

__all__ = ["EMISSIONS", "HOLDERS", "MODE_ALIASES", "SHEETS", "TRANSACTIONS", "SheetSpec"]
