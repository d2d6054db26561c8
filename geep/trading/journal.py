"""The append-only journal of rights transactions: validation, double-entry postings, replay.

:meth:`Journal.post` validates a transaction against the rules and the current balances and
either appends it with its postings or raises a :class:`~geep.errors.TradingError` subclass and
changes nothing. There is no edit or delete: a mistake is undone by a ``reversal`` entry.
Replaying the transactions into a fresh journal gives identical postings and positions.

References
----------
compensation.md §4.5 items 1-5 (allocation, paid use, trades with floor check and fees, annual
leases without year-crossing or sub-lease, balances) [P] S44, S46, S47, S89, S91; TC-8.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

import pandas as pd

from ..errors import TradingError
from ..messages import msg, text
from .model import Holder, MoneyPosting, QuantityPosting, Transaction, make_holder, transaction
from .rights import right_id
from .rules import Rules
from .validation import FLOWS, Account, Validator, _Lease, fmt

__all__ = ["FLOWS", "Account", "Journal", "fmt", "transaction"]


class Journal(Validator):
    """An append-only journal of rights transactions for registered holders.

    Parameters
    ----------
    holders
        :class:`~geep.trading.model.Holder` objects, dicts or a DataFrame with columns
        ``holder_id, name, kind, region_code``.
    rules
        Pinned rule editions (default :meth:`Rules.load`: the newest released editions).

    Examples
    --------
    >>> j = Journal([{"holder_id": "A", "kind": "enterprise"},
    ...              {"holder_id": "B", "kind": "enterprise"}])          # doctest: +SKIP
    >>> j.post(dict(id="1", date="2023-01-05", type="allocation", right="emission.nh3n",
    ...             vintage=2023, to_holder="A", quantity=20))           # doctest: +SKIP
    """

    def __init__(
        self,
        holders: Iterable[Holder | Mapping[str, Any]] | pd.DataFrame = (),
        rules: Rules | None = None,
    ) -> None:
        self.rules = rules if rules is not None else Rules.load()
        self._holders: dict[str, Holder] = {}
        self._txns: list[Transaction] = []
        self._by_id: dict[str, Transaction] = {}
        self._qpost: list[QuantityPosting] = []
        self._mpost: list[MoneyPosting] = []
        self._owned: dict[Account, Decimal] = {}
        self._leases: dict[str, _Lease] = {}
        self._lease_index: dict[tuple[str, str, str, int], frozenset[str]] = {}
        self._postings_of: dict[str, tuple[tuple, tuple]] = {}
        self._reversed: set[str] = set()
        if isinstance(holders, pd.DataFrame):
            holders = holders.to_dict(orient="records")
        for h in holders:
            self.register(h)

    # --- read-only views ----------------------------------------------------------------
    @property
    def holders(self) -> dict[str, Holder]:
        """Registered holders by id (a copy)."""
        return dict(self._holders)

    @property
    def transactions(self) -> tuple[Transaction, ...]:
        """Every transaction, in posting order."""
        return tuple(self._txns)

    @property
    def quantity_postings(self) -> tuple[QuantityPosting, ...]:
        return tuple(self._qpost)

    @property
    def money_postings(self) -> tuple[MoneyPosting, ...]:
        return tuple(self._mpost)

    def __len__(self) -> int:
        return len(self._txns)

    def __repr__(self) -> str:
        return (
            f"<Journal {len(self._txns)} transactions, {len(self._holders)} holders, "
            f"rules {', '.join(self.rules.tables)}>"
        )

    def balance(self, holder: str, right: str, vintage: int) -> Decimal:
        """Owned quantity of an account [canonical unit] (leases not counted)."""
        return self._owned.get((holder, right_id(right), int(vintage)), Decimal(0))

    def available(self, holder: str, right: str, vintage: int, on: dt.date | str) -> Decimal:
        """Owned quantity free of leases not yet ended on ``on`` (what may be sold or leased)."""
        return self._available((holder, right_id(right), int(vintage)), _date(on))

    # --- writing ------------------------------------------------------------------------
    def register(self, holder: Holder | Mapping[str, Any]) -> Holder:
        """Register a holder (append-only: an existing id must come with identical data)."""
        h = holder if isinstance(holder, Holder) else make_holder(holder)
        old = self._holders.get(h.holder_id)
        if old is not None and old != h:
            raise TradingError(
                text("trading.err.holder_changed", holder=h.holder_id),
                hint=text("hint.trading.err.holder_changed"),
            )
        self._holders[h.holder_id] = h
        return h

    def post(self, txn: Transaction | Mapping[str, Any]) -> Transaction:
        """Validate ``txn`` and append it with its postings.

        Raises
        ------
        TradingError
            (and its subclasses :class:`~geep.errors.UnknownHolderError`,
            :class:`~geep.errors.UnknownRightError`, :class:`~geep.errors.BelowFloorPriceError`,
            :class:`~geep.errors.InsufficientBalanceError`, :class:`~geep.errors.LeaseRuleError`,
            :class:`~geep.errors.SubLeaseError`) naming the transaction; the journal is unchanged.
        """
        t = txn if isinstance(txn, Transaction) else transaction(**dict(txn))
        try:
            qp, mp = self._prepare(t)
        except TradingError as exc:
            if "transaction" in exc.extra:
                raise
            raise self._err(TradingError, t, msg("trading.invalid", txn=t.label,
                            problem=exc.message), exc.hint or "", "date") from exc  # fmt: skip
        self._apply(t, qp, mp)
        return t

    def extend(self, txns: Iterable[Transaction | Mapping[str, Any]]) -> int:
        """Post several transactions atomically: all are appended, or (on the first refusal,
        which is raised) none. Returns the number posted."""
        trial = self.copy()
        n = 0
        for t in txns:
            trial.post(t)
            n += 1
        self.__dict__.update(trial.__dict__)
        return n

    def reverse(
        self, txn_id: str, id: str, date: dt.date | str, note: str | None = None
    ) -> Transaction:
        """Post a reversal of ``txn_id`` (a new entry that exactly undoes it)."""
        return self.post({"id": id, "date": date, "type": "reversal", "reverses": txn_id,
                          "note": note})  # fmt: skip

    def copy(self) -> Journal:
        """An independent copy (same rules; transactions are immutable and shared)."""
        new = Journal.__new__(Journal)
        new.rules = self.rules
        new._holders = dict(self._holders)
        new._txns = list(self._txns)
        new._by_id = dict(self._by_id)
        new._qpost = list(self._qpost)
        new._mpost = list(self._mpost)
        new._owned = dict(self._owned)
        new._leases = dict(self._leases)
        new._lease_index = dict(self._lease_index)  # values are frozensets
        new._postings_of = dict(self._postings_of)
        new._reversed = set(self._reversed)
        return new

    @classmethod
    def replay(
        cls,
        transactions: Iterable[Transaction | Mapping[str, Any]],
        holders: Iterable[Holder | Mapping[str, Any]] | pd.DataFrame,
        rules: Rules | None = None,
    ) -> Journal:
        """Rebuild a journal from scratch by posting ``transactions`` in order."""
        j = cls(holders, rules)
        for t in transactions:
            j.post(t)
        return j

    # --- validation ---------------------------------------------------------------------
    def _apply(self, t: Transaction, qp: list[QuantityPosting], mp: list[MoneyPosting]) -> None:
        for p in qp:
            if p.component == "owned":
                acct = (p.holder, p.right, p.vintage)
                self._owned[acct] = self._owned.get(acct, Decimal(0)) + p.quantity
        if t.type == "lease":
            assert t.start and t.end and t.quantity is not None and t.right and t.vintage
            ls = _Lease(t.from_holder or "", t.to_holder or "", t.right, t.vintage, t.quantity,
                        t.start, t.end)  # fmt: skip
            self._leases[t.id] = ls
            self._index_lease(t.id, ls, add=True)
        if t.type == "reversal" and t.reverses:
            self._reversed.add(t.reverses)
            ls = self._leases.pop(t.reverses, None)
            if ls is not None:
                self._index_lease(t.reverses, ls, add=False)
        self._txns.append(t)
        self._by_id[t.id] = t
        self._postings_of[t.id] = (tuple(qp), tuple(mp))
        self._qpost.extend(qp)
        self._mpost.extend(mp)

    def _index_lease(self, lid: str, ls: _Lease, add: bool) -> None:
        for key in (
            ("out", ls.lessor, ls.right, ls.vintage),
            ("in", ls.lessee, ls.right, ls.vintage),
        ):
            ids = self._lease_index.get(key, frozenset())
            self._lease_index[key] = ids | {lid} if add else ids - {lid}

    # --- views --------------------------------------------------------------------------
    def positions(self, as_of: dt.date | str | None = None) -> pd.DataFrame:
        """Positions per holder × right × vintage; see :func:`geep.trading.positions.positions`."""
        from .positions import positions

        return positions(self, as_of=as_of)


def _date(v: dt.date | str) -> dt.date:
    return v if isinstance(v, dt.date) else dt.date.fromisoformat(str(v))
