"""Rights-trading accounts: emission permits, carbon allowances and CCER, water and energy-use
rights, kept as an append-only, double-entry journal with positions and compliance.

>>> from geep import trading
>>> j = trading.Journal([{"holder_id": "A", "kind": "enterprise", "region_code": "140105"},
...                      {"holder_id": "B", "kind": "enterprise", "region_code": "140106"}])
>>> j.post(dict(id="1", date="2023-01-05", type="allocation", right="NH3-N", vintage=2023,
...             to_holder="A", quantity=20))                      # doctest: +ELLIPSIS
Transaction(...)
>>> j.post(dict(id="2", date="2023-03-01", type="trade", right="NH3-N", vintage=2023,
...             from_holder="A", to_holder="B", quantity=10, price=32000))  # doctest: +ELLIPSIS
Transaction(...)
>>> trading.money_positions(j)                                     # doctest: +SKIP

Rules are versioned coefficient tables (:class:`Rules`): Shanxi floor prices
(``emission-floor-prices-shanxi``), fees and lease rules (``emission-trading-rules-shanxi``), the
national ETS CCER cap (``carbon-ets-rules-cn``) and reference carbon prices
(``carbon-allowance-prices-cn``).

References
----------
compensation.md §4 (S44-S55, S60, S87-S91, S95), TC-8, TC-9.
"""

from .compliance import CarbonResult, carbon_compliance, carbon_obligation, compliance, price_for
from .export import template_bytes, write_journal, write_template
from .io import JournalWorkbook, read_journal
from .journal import Journal, transaction
from .model import Holder, MoneyPosting, QuantityPosting, Transaction
from .positions import aggregate, money_positions, positions, positions_ledger
from .rights import RIGHTS, Right, right_id
from .rules import Rules

__all__ = [
    "RIGHTS",
    "CarbonResult",
    "Holder",
    "Journal",
    "JournalWorkbook",
    "MoneyPosting",
    "QuantityPosting",
    "Right",
    "Rules",
    "Transaction",
    "aggregate",
    "carbon_compliance",
    "carbon_obligation",
    "compliance",
    "money_positions",
    "positions",
    "positions_ledger",
    "price_for",
    "read_journal",
    "right_id",
    "template_bytes",
    "transaction",
    "write_journal",
    "write_template",
]
