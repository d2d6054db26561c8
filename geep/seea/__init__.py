"""SEEA Ecosystem Accounting accounts and land-use change analysis.

Accounts (each returns an :class:`Account`: ``.long``, ``.cube``, ``.checks``, ``.metadata``,
``.notes``, ``to_excel``, ``to_csv``):

* :func:`extent_account` — extent account (SEEA EA Table 4.1) and change matrix (Table 4.2)
  from a transitions table, or opening / net change / closing from two land-cover years;
* :func:`condition_account` — variables → indicators rescaled against reference levels → an
  index per ecosystem type (Tables 5.2–5.4);
* :func:`supply_use` — physical and monetary supply by ecosystem type and use by beneficiary
  (Tables 7.1 and 9.1; welfare values in complementary tables);
* :func:`asset_account` — monetary ecosystem asset account (Table 10.1) from a ledger with two
  or more years; :func:`asset_value` — the NPV of a flow, with explicit timing.

Change analysis: :func:`esv_change` (ESV change by land-use transition and price effect),
:func:`eqi`, :func:`cs_index`, :func:`value_shares`, :func:`per_area`.

References
----------
United Nations et al. (2021). System of Environmental-Economic Accounting — Ecosystem
Accounting. White cover version. https://seea.un.org/ecosystem-accounting
"""

from __future__ import annotations

from .account import Account, AssetAccount, ExtentAccount, read_cube
from .assets import asset_account
from .change import esv_change
from .condition import condition_account
from .discount import annuity_factor, asset_value, discount_factors
from .excel import read_account
from .extent import extent_account, transitions_from_matrix
from .indices import cs_index, eqi, per_area, value_shares
from .supply_use import supply_use

__all__ = [
    "Account",
    "AssetAccount",
    "ExtentAccount",
    "annuity_factor",
    "asset_account",
    "asset_value",
    "condition_account",
    "cs_index",
    "discount_factors",
    "eqi",
    "esv_change",
    "extent_account",
    "per_area",
    "read_account",
    "read_cube",
    "supply_use",
    "transitions_from_matrix",
    "value_shares",
]
