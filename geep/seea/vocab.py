"""Item vocabularies, table numbers and code lists of the SEEA EA accounts (data only).

The row items are the contract vocabularies of DESIGN §10. Table numbers follow geep's
reference notes on SEEA EA 2021 (extent 4.1/4.2, condition 5.x, physical supply and use 7.1,
monetary supply and use 9.1, monetary asset account 10.1); only the extent-account row labels
are checked against a published source, the other numbers and layouts are unverified.

References
----------
United Nations et al. (2021). System of Environmental-Economic Accounting — Ecosystem
Accounting (SEEA EA). White cover version, 29 September 2021, chapters 4, 5, 7, 9 and 10.
"""

from __future__ import annotations

#: rows of the extent account (Table 4.1), in layout order
EXTENT_ITEMS: tuple[str, ...] = (
    "opening",
    "additions",
    "additions.managed",
    "additions.unmanaged",
    "reductions",
    "reductions.managed",
    "reductions.unmanaged",
    "net_change",
    "closing",
)

#: rows of the monetary asset account (Table 10.1), in layout order
ASSET_ITEMS: tuple[str, ...] = (
    "opening",
    "enhancement",
    "degradation",
    "conversions",
    "other_changes",
    "revaluation",
    "net_change",
    "closing",
)

#: the changes that sum to the net change of an asset account
ASSET_CHANGES: tuple[str, ...] = (
    "enhancement",
    "degradation",
    "conversions",
    "other_changes",
    "revaluation",
)

#: SEEA Ecosystem Condition Typology classes
ECT_CLASSES: tuple[str, ...] = ("A1", "A2", "B1", "B2", "B3", "C1")

#: usual beneficiaries of the use tables (any other code is accepted as given)
BENEFICIARIES: tuple[str, ...] = ("households", "government", "industries", "exports")

#: items of the condition accounts (opening, closing and change of a period)
CONDITION_ITEMS: tuple[str, ...] = (
    "reference_upper",
    "reference_lower",
    "opening",
    "closing",
    "change",
)

#: items of the ESV change analysis
CHANGE_ITEMS: tuple[str, ...] = ("opening", "area_effect", "price_effect", "net_change", "closing")

#: table id → (account, catalogue code of its title)
TABLES: dict[str, tuple[str, str]] = {
    "4.1": ("extent", "seea.table.4.1"),
    "4.2": ("extent", "seea.table.4.2"),
    "5.2": ("condition", "seea.table.5.2"),
    "5.3": ("condition", "seea.table.5.3"),
    "5.4": ("condition", "seea.table.5.4"),
    "7.1a": ("supply_use", "seea.table.7.1a"),
    "7.1b": ("supply_use", "seea.table.7.1b"),
    "9.1a": ("supply_use", "seea.table.9.1a"),
    "9.1b": ("supply_use", "seea.table.9.1b"),
    "9.1a-w": ("supply_use", "seea.table.9.1a-w"),
    "9.1b-w": ("supply_use", "seea.table.9.1b-w"),
    "10.1": ("assets", "seea.table.10.1"),
    "10.1-v": ("assets", "seea.table.10.1-v"),
    "esv-change": ("esv_change", "seea.table.esv-change"),
}

#: the columns of the cube (DESIGN §10 / issue 15), in order
CUBE_COLUMNS: tuple[str, ...] = (
    "account",
    "table",
    "row_code",
    "column_code",
    "region_code",
    "period",
    "value",
    "unit",
    "flags",
)

#: the columns of the identity-check table, in order
CHECK_COLUMNS: tuple[str, ...] = (
    "table",
    "identity",
    "region_code",
    "period",
    "column_code",
    "lhs",
    "rhs",
    "residual",
    "tolerance",
    "ok",
)

#: column code of the total over ecosystem types (or beneficiaries)
TOTAL = "total"

#: (supply, use) table pairs whose service totals must agree
SUPPLY_USE_PAIRS = (("7.1a", "7.1b"), ("9.1a", "9.1b"), ("9.1a-w", "9.1b-w"))

#: separator of the parts of a compound row code (condition tables: ``B3|npp|opening``)
SEP = "|"


def period_code(year_from: int, year_to: int) -> str:
    """The period of an account as written in the cube, e.g. ``"2000-2010"``."""
    return f"{int(year_from)}-{int(year_to)}"
