"""Data models of rights trading: holders, transactions and the postings they produce.

A :class:`Transaction` is what a user records (one journal row); posting it to a
:class:`~geep.trading.journal.Journal` produces double-entry :class:`QuantityPosting` and
:class:`MoneyPosting` records: every quantity posting has an equal and opposite one, and every
money leg has a payer and a payee, so quantities and money are conserved by construction.

Quantities are :class:`~decimal.Decimal` in the right's canonical unit (t, t CO₂e, m³, tce);
prices are Decimal CNY per canonical unit; money amounts are Decimal CNY rounded to 0.01.

References
----------
compensation.md §4.5 (allocation, paid use, trades, leases, balances; S44, S46, S47, S89, S91),
§5.1 "RightsAccount".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal

import pydantic
from pydantic import BaseModel, ConfigDict, field_validator, model_validator

from ..errors import TradingError, UnknownRightError
from ..ids import clean_id, id_problem
from ..messages import msg, text
from .decimals import DECIMAL_LIMIT, to_decimal  # noqa: F401  (re-exported)
from .rights import (
    EXCHANGE,
    HOLDER_KINDS,
    ISSUANCE,
    RETIRED,
    RIGHTS,
    SYSTEM_HOLDERS,
    right_id,
    unit_label,
)

TYPES = ("allocation", "trade", "lease", "surrender", "buyback", "paid_use_fee", "reversal")
TYPE_ALIASES = {
    "purchase": "trade",
    "sale": "trade",
    "transfer": "trade",
    "reserve": "buyback",
    "recovery": "buyback",
    "fee": "paid_use_fee",
    "分配": "allocation",
    "初始分配": "allocation",
    "交易": "trade",
    "买卖": "trade",
    "租赁": "lease",
    "清缴": "surrender",
    "注销": "surrender",
    "回购": "buyback",
    "收储": "buyback",
    "收回": "buyback",
    "有偿使用费": "paid_use_fee",
    "冲正": "reversal",
    "冲销": "reversal",
}
MODES = {"allocation": ("free", "paid"), "buyback": ("paid", "unpaid")}
VINTAGE_RANGE = (1990, 2100)
#: dates of transactions: within the vintage range, and from VINTAGE_AHEAD years before a
#: right's vintage to VINTAGE_AFTER years after it (allocated ahead; banked, traded or
#: surrendered later — compliance for vintage V is due in V + 1)
VINTAGE_AHEAD, VINTAGE_AFTER = 1, 10
#: plausibility bounds [canonical unit / CNY per unit / CNY]: a quantity from 1e-6 (a gram, a
#: millilitre) to 1e13 (more than China's yearly water use in m³ or CO₂ emissions in t); a
#: price up to 1e9 CNY per unit; a fee and a line value (quantity × price) up to 1e15 CNY
QUANTITY_MIN, QUANTITY_MAX = Decimal("1e-6"), Decimal("1e13")
PRICE_MAX, MONEY_MAX = Decimal("1e9"), Decimal("1e15")
CENT = Decimal("0.01")

TxnType = Literal[
    "allocation", "trade", "lease", "surrender", "buyback", "paid_use_fee", "reversal"
]


class Holder(BaseModel):
    """An account holder: an enterprise, a county, a city, the province or a reserve.

    ``region_code`` is a GB/T 2260 six-digit code (the county, city or province where the
    holder sits); it lets positions be aggregated next to GEEP ledgers.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    holder_id: str
    name: str = ""
    kind: Literal["enterprise", "county", "city", "province", "reserve"]
    region_code: str | None = None
    note: str | None = None

    @field_validator("holder_id", mode="before")
    @classmethod
    def _id(cls, v: Any) -> str:
        v = holder_id(v)
        if v.startswith("@"):
            raise ValueError(msg("trading.id_system"))
        return v

    @field_validator("region_code", mode="before")
    @classmethod
    def _code(cls, v: Any) -> Any:
        if v is None or (isinstance(v, float) and v != v) or str(v).strip() == "":
            return None
        s = clean_id(v)[0]
        s = s[:-2] if s.endswith(".0") else s
        if not (len(s) == 6 and s.isascii() and s.isdigit()):
            raise ValueError(msg("trading.region_code", value=v))
        return s


class Transaction(BaseModel):
    """One journal entry (immutable).

    Parameters
    ----------
    id
        Unique transaction id.
    date
        Date of the transaction (contract / certificate date).
    type
        ``allocation`` (free or paid, from ``@issuance`` or a holder), ``trade`` (purchase/sale),
        ``lease`` (annual, ``start``..``end`` within the vintage year), ``surrender`` (to
        ``@retired``), ``buyback`` (to a reserve, paid or unpaid = recovery), ``paid_use_fee``
        (money only: ``quantity`` × ``price`` paid to the issuer; no quantity moves),
        ``reversal`` (exactly undoes the transaction ``reverses``).
    right, vintage
        Right id (:data:`~geep.trading.rights.RIGHTS`) and vintage year.
    from_holder, to_holder
        Seller / lessor / allocating or surrendering holder, and buyer / lessee / recipient.
    quantity
        Quantity moved [canonical unit of the right], > 0.
    price
        [CNY per canonical unit]: trade price, paid allocation price, rent, buy-back price, or
        annual paid-use fee.
    fee_buyer, fee_seller
        Explicit fees [CNY] where no fee rule applies; checked against the rule where one does.
    ref
        Where the entry came from (``file!sheet!row``), for messages.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    date: dt.date
    type: TxnType
    right: str | None = None
    vintage: int | None = None
    from_holder: str | None = None
    to_holder: str | None = None
    quantity: Decimal | None = None
    price: Decimal | None = None
    mode: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    reverses: str | None = None
    fee_buyer: Decimal | None = None
    fee_seller: Decimal | None = None
    ref: str | None = None
    note: str | None = None

    @field_validator("quantity", "price", "fee_buyer", "fee_seller", mode="before")
    @classmethod
    def _decimal(cls, v: Any) -> Any:
        return None if v is None else to_decimal(v)

    @field_validator("from_holder", "to_holder", mode="before")
    @classmethod
    def _holder(cls, v: Any) -> Any:
        return None if v is None else holder_id(v, system=True)

    @field_validator("id", "reverses", mode="before")
    @classmethod
    def _txn_id(cls, v: Any) -> Any:
        return None if v is None else clean_id(v)[0]

    @field_validator("type", mode="before")
    @classmethod
    def _type(cls, v: Any) -> Any:
        s = str(v).strip().lower()
        return TYPE_ALIASES.get(s, TYPE_ALIASES.get(str(v).strip(), s))

    @model_validator(mode="before")
    @classmethod
    def _defaults(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        d = {k: v for k, v in data.items() if v is not None}
        t = TYPE_ALIASES.get(str(d.get("type", "")).strip().lower(), d.get("type"))
        if t == "allocation":
            d.setdefault("from_holder", ISSUANCE)
            d.setdefault("mode", "paid" if d.get("price") else "free")
        elif t == "surrender":
            d.setdefault("to_holder", RETIRED)
        elif t == "paid_use_fee":
            d.setdefault("to_holder", ISSUANCE)
        elif t == "buyback":
            d.setdefault("mode", "paid" if d.get("price") else "unpaid")
        return d

    @model_validator(mode="after")
    def _shape(self) -> Transaction:
        problems = shape_problems(self)
        if problems:
            raise ValueError("; ".join(f"{f}: {p}" for f, p in problems))
        return self

    @property
    def label(self) -> str:
        """``"T1"`` or ``"T1 (journal.xlsx!transactions!row 5)"`` for messages."""
        return f"{self.id} ({self.ref})" if self.ref else self.id


def shape_problems(t: Transaction) -> list[tuple[str, str]]:
    """Problems of a transaction that need no journal state, as ``(field, problem)`` pairs."""
    out: list[tuple[str, str]] = []
    if not str(t.id).strip():
        out.append(("id", msg("trading.f.empty")))
    out += _date_problems(t)
    if t.type == "reversal":
        if not t.reverses:
            out.append(("reverses", msg("trading.f.reversal_needs")))
        return out
    if t.right is None:
        out.append(("right", msg("trading.f.required")))
    elif t.right not in RIGHTS:
        out.append(("right", msg("trading.f.not_right", right=t.right)))
    if t.vintage is None:
        out.append(("vintage", msg("trading.f.required")))
    elif not VINTAGE_RANGE[0] <= t.vintage <= VINTAGE_RANGE[1]:
        out.append(("vintage", msg("trading.f.vintage_range", vintage=t.vintage,
                                   lo=VINTAGE_RANGE[0], hi=VINTAGE_RANGE[1])))  # fmt: skip
    out += _number_problems(t) + _party_problems(t)
    if t.type == "lease":
        if t.start is None or t.end is None:
            out.append(("start", msg("trading.f.lease_dates")))
        elif t.end < t.start:
            out.append(("end", msg("trading.f.lease_order")))
    elif t.start is not None or t.end is not None:
        out.append(("start", msg("trading.f.only_leases")))
    if t.reverses:
        out.append(("reverses", msg("trading.f.only_reversals")))
    return out


def _date_problems(t: Transaction) -> list[tuple[str, str]]:
    lo, hi = dt.date(VINTAGE_RANGE[0], 1, 1), dt.date(VINTAGE_RANGE[1], 12, 31)
    if not lo <= t.date <= hi:
        return [("date", msg("trading.f.date_range", date=t.date, lo=lo, hi=hi))]
    v = t.vintage
    if v is not None and VINTAGE_RANGE[0] <= v <= VINTAGE_RANGE[1]:
        first, last = v - VINTAGE_AHEAD, v + VINTAGE_AFTER
        if not first <= t.date.year <= last:
            return [("date", msg("trading.f.date_vintage", date=t.date, vintage=v, lo=first,
                                 hi=last, ahead=VINTAGE_AHEAD, after=VINTAGE_AFTER))]  # fmt: skip
    return []


def _number_problems(t: Transaction) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    unit = unit_label(RIGHTS[t.right]) if t.right in RIGHTS else ""
    if t.quantity is None:
        out.append(("quantity", msg("trading.f.required")))
    elif not (t.quantity.is_finite() and QUANTITY_MIN <= t.quantity <= QUANTITY_MAX):
        out.append(("quantity", msg("trading.f.quantity", lo=float(QUANTITY_MIN),
                                    hi=float(QUANTITY_MAX), unit=unit)))  # fmt: skip
    limits = {"price": (PRICE_MAX, f"CNY/{unit}" if unit else "CNY"), "fee_buyer": (MONEY_MAX, "CNY"),
              "fee_seller": (MONEY_MAX, "CNY")}  # fmt: skip
    for name, (hi, u) in limits.items():
        v = getattr(t, name)
        if v is not None and (not v.is_finite() or v < 0 or v > hi):
            out.append((name, msg("trading.f.non_negative", hi=float(hi), unit=u)))
    if not out and t.quantity is not None and t.price is not None:
        value = t.quantity * t.price
        if value > MONEY_MAX:
            out.append(
                (
                    "price",
                    msg("trading.f.value_max", value=f"{float(value):g}", hi=float(MONEY_MAX)),
                )
            )
    if t.type in ("trade", "paid_use_fee") and (t.price is None or t.price <= 0):
        out.append(("price", msg("trading.f.needs_price", type=t.type)))
    if t.mode == "paid" and (t.price is None or t.price <= 0):
        out.append(("price", msg("trading.f.paid_price", type=t.type)))
    if t.mode in ("free", "unpaid") and t.price:
        out.append(("price", msg("trading.f.no_price", mode=t.mode, type=t.type)))
    if t.type == "surrender" and t.price:
        out.append(("price", msg("trading.f.surrender_price")))
    if (t.fee_buyer is not None or t.fee_seller is not None) and t.type != "trade":
        out.append(("fee_buyer", msg("trading.f.fees_trades")))
    return out


def _party_problems(t: Transaction) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    needs_from = t.type in ("trade", "lease", "surrender", "buyback", "paid_use_fee")
    needs_to = t.type in ("allocation", "trade", "lease", "buyback")
    if needs_from and not t.from_holder:
        out.append(("from_holder", msg("trading.f.needs_from", type=t.type)))
    if needs_to and not t.to_holder:
        out.append(("to_holder", msg("trading.f.needs_to", type=t.type)))
    if t.from_holder and t.to_holder and t.from_holder == t.to_holder:
        out.append(("to_holder", msg("trading.f.same_holder")))
    for name in ("from_holder", "to_holder"):
        h = getattr(t, name)
        if h in (EXCHANGE,) or (h in SYSTEM_HOLDERS and not _system_ok(t.type, name, h)):
            out.append((name, msg("trading.f.system", holder=h, type=t.type)))
    if t.type in MODES and t.mode not in MODES[t.type]:
        out.append(
            ("mode", msg("trading.f.mode_choice", mode=t.mode, modes=", ".join(MODES[t.type])))
        )
    if t.type not in MODES and t.mode is not None:
        out.append(("mode", msg("trading.f.no_mode", type=t.type)))
    return out


def _system_ok(ttype: str, field: str, holder: str) -> bool:
    if holder == ISSUANCE:
        return (ttype == "allocation" and field == "from_holder") or (
            ttype == "paid_use_fee" and field == "to_holder"
        )
    if holder == RETIRED:
        return ttype == "surrender" and field == "to_holder"
    return False


def make_transaction(**fields: Any) -> Transaction:
    """Build a :class:`Transaction`, raising :class:`~geep.errors.TradingError` (not a pydantic
    error) that names the transaction and every problem."""
    try:
        return Transaction(**fields)
    except pydantic.ValidationError as exc:
        problems = "; ".join(
            ("{}: ".format(".".join(map(str, e["loc"]))) if e["loc"] else "")
            + e["msg"].removeprefix("Value error, ")
            for e in exc.errors()
        )
        txn = fields.get("id", "?")
        raise TradingError(
            text("trading.invalid", txn=txn, problem=problems),
            hint=text("hint.trading.err.fields"),
            transaction=txn,
        ) from exc


@dataclass(frozen=True)
class QuantityPosting:
    """One side of a quantity movement.

    ``component`` is ``owned`` (ownership) or ``leased`` (use right under a lease);
    ``flow`` names the positions column it feeds (``allocated``, ``sold``, ``leased_in``, ...);
    ``quantity`` is signed (+ in, − out) in the right's canonical unit.
    """

    txn: str
    holder: str
    right: str
    vintage: int
    component: str
    flow: str
    quantity: Decimal


@dataclass(frozen=True)
class MoneyPosting:
    """One money leg: ``payer`` pays ``payee`` ``amount`` CNY (negative on reversals).

    ``leg`` is ``price``, ``fee``, ``allocation``, ``rent``, ``buyback`` or ``paid_use_fee``;
    ``rule`` names the coefficient row behind a computed amount (``table@edition#row``).
    """

    txn: str
    payer: str
    payee: str
    right: str
    vintage: int
    leg: str
    amount: Decimal
    rule: str = ""


def money(value: Decimal) -> Decimal:
    """Round ``value`` [CNY] half-up to 0.01 CNY (one fen)."""
    from decimal import ROUND_HALF_UP

    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def holder_id(value: Any, system: bool = False) -> str:
    """A holder id in its normal form (:func:`geep.ids.clean_id`): plain ASCII letters, digits,
    ``-``, ``_`` and ``.``; ``system=True`` also admits the system accounts (``@issuance`` …).

    Raises
    ------
    ValueError
        For an empty id or one that still holds another character (a Cyrillic look-alike).
    """
    v, _ = clean_id(value)
    if system and v in SYSTEM_HOLDERS:
        return v
    if not v:
        raise ValueError(msg("trading.id_empty", what=msg("trading.what.holder")))
    if v.startswith("@") and not system:
        return v  # refused by Holder as a system name
    bad = id_problem(v)
    if bad is not None:
        raise ValueError(msg("trading.id_not_ascii", what=msg("trading.what.holder"), value=v,
                             char=bad[0], name=bad[1]))  # fmt: skip
    return v


def holder_kinds() -> tuple[str, ...]:
    """Kinds of registrable holders."""
    return HOLDER_KINDS


def make_holder(data: Mapping[str, Any]) -> Holder:
    try:
        return Holder(**{k: v for k, v in data.items() if v is not None and v == v})
    except pydantic.ValidationError as exc:
        problems = "; ".join(
            ("{}: ".format(".".join(map(str, e["loc"]))) if e["loc"] else "")
            + e["msg"].removeprefix("Value error, ")
            for e in exc.errors()
        )
        raise TradingError(
            text("trading.err.invalid_holder", holder=data.get("holder_id"), problems=problems),
            hint=text("hint.trading.err.invalid_holder"),
        ) from exc


def transaction(**fields: Any) -> Transaction:
    """Build a :class:`Transaction` from keyword fields, accepting right aliases (``"NH3-N"``,
    ``"氨氮"``) and type aliases (``"purchase"``, ``"租赁"``).

    Raises
    ------
    UnknownRightError
        If the right is not known (with close spellings).
    TradingError
        If fields are missing or inconsistent for the type (every problem named).
    """
    r = fields.get("right")
    if r is not None:
        try:
            fields["right"] = right_id(r)
        except UnknownRightError as exc:
            tid = fields.get("id", "?")
            ref = fields.get("ref")
            raise UnknownRightError(
                text(
                    "trading.err.in_transaction_at", transaction=tid, ref=ref, problem=exc._message
                )
                if ref
                else text("trading.err.in_transaction", transaction=tid, problem=exc._message),
                hint=exc._hint,
                transaction=tid,
                ref=ref,
            ) from exc
    return make_transaction(**fields)
