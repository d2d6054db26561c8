"""Validation of transactions against the rules and the balances, and the postings they make.

:class:`Validator` is the part of :class:`~geep.trading.journal.Journal` that decides, without
changing anything, whether a transaction may be posted and which double-entry postings it
makes; a refusal raises a :class:`~geep.errors.TradingError` subclass naming the transaction,
the field at fault (``extra["field"]``) and how to fix it.

References
----------
compensation.md §4.5 items 3-4 (floor check; fee 0.75 % + 0.75 %; annual leases, no
year-crossing, no sub-lease) [P] S44, S46, S89; TC-8.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ..errors import (
    BelowFloorPriceError,
    InsufficientBalanceError,
    LeaseRuleError,
    SubLeaseError,
    TradingError,
    UnknownHolderError,
    UnknownRightError,
)
from ..messages import did_you_mean, msg
from .model import Holder, MoneyPosting, QuantityPosting, Transaction, money
from .rights import EXCHANGE, ISSUANCE, RETIRED, RIGHTS, SYSTEM_HOLDERS, unit_label
from .rules import Rules

Account = tuple[str, str, int]  # holder, right, vintage
#: (from flow, to flow, component) per transaction type that moves quantity
FLOWS = {
    "allocation": ("allocated_out", "allocated", "owned"),
    "trade": ("sold", "purchased", "owned"),
    "lease": ("leased_out", "leased_in", "leased"),
    "surrender": ("surrendered", "retired", "owned"),
    "buyback": ("sold_back", "bought_back", "owned"),
}


def fmt(q: Decimal) -> str:
    """Plain text of a Decimal without exponent (``10``, ``0.5``)."""
    s = f"{q.normalize():f}"
    return s


@dataclass(frozen=True)
class _Lease:
    lessor: str
    lessee: str
    right: str
    vintage: int
    quantity: Decimal
    start: dt.date
    end: dt.date


class Validator:
    """Checks and postings of transactions (mixed into :class:`~geep.trading.journal.Journal`)."""

    rules: Rules
    _holders: dict[str, Holder]
    _txns: list[Transaction]
    _by_id: dict[str, Transaction]
    _qpost: list[QuantityPosting]
    _mpost: list[MoneyPosting]
    _owned: dict[Account, Decimal]
    _leases: dict[str, _Lease]
    _lease_index: dict[tuple[str, str, str, int], frozenset[str]]
    _postings_of: dict[str, tuple[tuple[QuantityPosting, ...], tuple[MoneyPosting, ...]]]
    _reversed: set[str]

    def _err(
        self, cls: type[TradingError], t: Transaction, text: str, hint: str, field: str
    ) -> TradingError:
        """A refusal of ``t``; ``field`` names the transaction field at fault (for sheet!cell)."""
        return cls(text, hint=hint, transaction=t.id, ref=t.ref, field=field)

    def _check_holder(self, t: Transaction, h: str | None) -> None:
        if h is None or h in SYSTEM_HOLDERS or h in self._holders:
            return
        raise self._err(
            UnknownHolderError,
            t,
            msg("trading.unknown_holder", txn=t.label, holder=h,
                suggestion=did_you_mean(h, list(self._holders))),
            msg("hint.trading.holder"),
            "from_holder" if h == t.from_holder else "to_holder",
        )  # fmt: skip

    def _available(self, acct: Account, on: dt.date) -> Decimal:
        if acct[0] == ISSUANCE:
            return Decimal("Infinity")
        return self._owned.get(acct, Decimal(0)) - self._leased_out(acct, on)

    def _leased_out(self, acct: Account, on: dt.date) -> Decimal:
        """Quantity of ``acct`` leased out by leases not ended on ``on``."""
        leases = (self._leases[i] for i in self._lease_index.get(("out", *acct), ()))
        return sum((ls.quantity for ls in leases if ls.end >= on), Decimal(0))

    def _leased_in(self, acct: Account, on: dt.date) -> Decimal:
        """Quantity leased in to ``acct`` by leases not ended on ``on``."""
        leases = (self._leases[i] for i in self._lease_index.get(("in", *acct), ()))
        return sum((ls.quantity for ls in leases if ls.end >= on), Decimal(0))

    def _need(self, t: Transaction, acct: Account, q: Decimal) -> None:
        avail = self._available(acct, t.date)
        if q <= avail:
            return
        out = self._leased_out(acct, t.date)
        detail = (
            f" (owned {fmt(self._owned.get(acct, Decimal(0)))}, leased out {fmt(out)})"
            if out
            else ""
        )
        unit = unit_label(RIGHTS[acct[1]])
        raise self._err(
            InsufficientBalanceError,
            t,
            msg("trading.insufficient", txn=t.label, holder=acct[0], available=fmt(avail),
                unit=unit, right=acct[1], vintage=acct[2], detail=detail, quantity=fmt(q)),
            msg("hint.trading.insufficient"),
            "reverses" if t.type == "reversal" else "quantity",
        )  # fmt: skip

    def _prepare(self, t: Transaction) -> tuple[list[QuantityPosting], list[MoneyPosting]]:
        if t.id in self._by_id:
            raise self._err(TradingError, t, msg("trading.invalid", txn=t.label,
                            problem=msg("trading.p.id_twice", id=repr(t.id))),
                            msg("hint.trading.id_twice"),
                            "id")  # fmt: skip
        if self._txns and t.date < self._txns[-1].date:
            raise self._err(TradingError, t, msg("trading.invalid", txn=t.label,
                            problem=msg("trading.p.before_last", date=t.date,
                                        last=self._txns[-1].id, last_date=self._txns[-1].date)),
                            "the journal is chronological: append entries in date order", "date")  # fmt: skip
        if t.type == "reversal":
            return self._prepare_reversal(t)
        if t.right not in RIGHTS:  # only reachable with Transaction.model_construct
            raise self._err(UnknownRightError, t, msg("trading.unknown_right", right=t.right,
                            suggestion=""), msg("hint.trading.rights", rights=", ".join(RIGHTS)),
                            "right")  # fmt: skip
        for h in (t.from_holder, t.to_holder):
            self._check_holder(t, h)
        assert t.right is not None and t.vintage is not None and t.quantity is not None
        right, q = RIGHTS[t.right], t.quantity
        src: Account = (t.from_holder or ISSUANCE, right.id, t.vintage)
        dst: Account = (t.to_holder or RETIRED, right.id, t.vintage)
        mp: list[MoneyPosting] = []

        def leg(payer: str, payee: str, kind: str, amount: Decimal, rule: str = "") -> None:
            mp.append(MoneyPosting(t.id, payer, payee, right.id, t.vintage, kind, amount, rule))

        if t.type == "trade":
            self._check_floor(t)
            value = money(q * t.price)
            leg(dst[0], src[0], "price", value)
            fees = self.rules.fees(right)
            fb, fs, rule = self._fees(t, value, fees)
            if fb:
                leg(dst[0], EXCHANGE, "fee", fb, rule)
            if fs:
                leg(src[0], EXCHANGE, "fee", fs, rule)
        elif t.type == "allocation" and t.mode == "paid":
            leg(dst[0], src[0], "allocation", money(q * t.price))
        elif t.type == "lease":
            self._check_lease(t, src)
            if t.price:
                leg(dst[0], src[0], "rent", money(q * t.price))
        elif t.type == "buyback":
            h = self._holders.get(dst[0])
            if h is None or h.kind != "reserve":
                raise self._err(TradingError, t, msg("trading.invalid", txn=t.label,
                                problem=msg("trading.p.buyback_reserve", holder=repr(dst[0]))),
                                msg("hint.trading.buyback_reserve"),
                                "to_holder")  # fmt: skip
            if t.mode == "paid":
                leg(dst[0], src[0], "buyback", money(q * t.price))
        elif t.type == "paid_use_fee":
            leg(src[0], dst[0], "paid_use_fee", money(q * t.price))
            return [], mp
        if t.type != "lease":
            self._need(t, src, q)
        out_flow, in_flow, comp = FLOWS[t.type]
        qp = [
            QuantityPosting(t.id, src[0], right.id, t.vintage, comp, out_flow, -q),
            QuantityPosting(t.id, dst[0], right.id, t.vintage, comp, in_flow, q),
        ]
        return qp, mp

    def _check_floor(self, t: Transaction) -> None:
        floor = self.rules.floor(t.right) if self.rules.floor_applies(t.right) else None
        if floor is not None and t.price < floor.value:
            raise self._err(
                BelowFloorPriceError,
                t,
                msg("trading.below_floor", txn=t.label, price=fmt(t.price), right=t.right,
                    floor=fmt(floor.value), ref=floor.ref),
                msg("hint.trading.below_floor", floor=fmt(floor.value)),
                "price",
            )  # fmt: skip

    def _fees(self, t: Transaction, value: Decimal, fees: Any) -> tuple[Decimal, Decimal, str]:
        if fees is None:
            return (t.fee_buyer or Decimal(0), t.fee_seller or Decimal(0),
                    "journal" if (t.fee_buyer or t.fee_seller) else "")  # fmt: skip
        fb, fs = money(value * fees.buyer), money(value * fees.seller)
        for given, computed, side in ((t.fee_buyer, fb, "buyer"), (t.fee_seller, fs, "seller")):
            if given is not None and abs(given - computed) > Decimal("0.005"):
                raise self._err(TradingError, t, msg("trading.invalid", txn=t.label,
                                problem=msg("trading.p.fee_differs", side=side, given=fmt(given),
                                            computed=fmt(computed), ref=fees.ref)),
                                msg("hint.trading.fee_differs"),
                                f"fee_{side}")  # fmt: skip
        return fb, fs, fees.ref

    def _check_lease(self, t: Transaction, src: Account) -> None:
        assert t.start is not None and t.end is not None and t.quantity is not None
        rule = self.rules.lease(t.right)
        if not (t.start.year == t.end.year == t.vintage):
            raise self._err(LeaseRuleError, t, msg("trading.lease_cross_year", txn=t.label,
                            start=t.start, end=t.end, vintage=t.vintage, ref=rule.cross_year_ref),
                            msg("hint.trading.lease_cross_year"), "end")  # fmt: skip
        avail = self._available(src, t.date)
        if t.quantity <= avail:
            return
        if avail + self._leased_in(src, t.date) >= t.quantity and not rule.sublease_allowed:
            raise self._err(SubLeaseError, t, msg("trading.sublease", txn=t.label, holder=src[0],
                            quantity=fmt(t.quantity), unit=unit_label(RIGHTS[src[1]]),
                            right=src[1], vintage=src[2], owned=fmt(avail), ref=rule.sublease_ref),
                            msg("hint.trading.sublease"), "quantity")  # fmt: skip
        self._need(t, src, t.quantity)

    def _prepare_reversal(self, t: Transaction) -> tuple[list[QuantityPosting], list[MoneyPosting]]:
        orig = self._by_id.get(t.reverses or "")
        problem = None
        if orig is None:
            problem = msg("trading.p.reverses_unknown", id=repr(t.reverses)) + did_you_mean(
                str(t.reverses), list(self._by_id)
            )
        elif orig.type == "reversal":
            problem = msg("trading.p.reverses_reversal", id=orig.id)
        elif orig.id in self._reversed:
            problem = msg("trading.p.reversed_twice", id=orig.id)
        if problem or orig is None:
            raise self._err(TradingError, t, msg("trading.invalid", txn=t.label, problem=problem),
                            msg("hint.trading.reverses"),
                            "reverses")  # fmt: skip
        oq, om = self._postings_of[orig.id]
        qp = [QuantityPosting(t.id, p.holder, p.right, p.vintage, p.component, p.flow, -p.quantity)
              for p in oq]  # fmt: skip
        mp = [MoneyPosting(t.id, p.payer, p.payee, p.right, p.vintage, p.leg, -p.amount, p.rule)
              for p in om]  # fmt: skip
        for p in qp:
            if p.component == "owned" and p.quantity < 0:
                self._need(t, (p.holder, p.right, p.vintage), -p.quantity)
        return qp, mp
