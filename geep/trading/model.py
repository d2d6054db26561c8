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
from ..messages import msg
from .rights import EXCHANGE, HOLDER_KINDS, ISSUANCE, RETIRED, RIGHTS, SYSTEM_HOLDERS, right_id

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

    @field_validator("holder_id")
    @classmethod
    def _id(cls, v: str) -> str:
        v = str(v).strip()
        if not v or v.startswith("@"):
            raise ValueError("holder_id must be non-empty and not start with '@' (system accounts)")
        return v

    @field_validator("region_code", mode="before")
    @classmethod
    def _code(cls, v: Any) -> Any:
        if v is None or (isinstance(v, float) and v != v) or str(v).strip() == "":
            return None
        s = str(v).strip()
        s = s[:-2] if s.endswith(".0") else s
        if not (len(s) == 6 and s.isdigit()):
            raise ValueError(f"region_code {v!r} is not a six-digit GB/T 2260 code")
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
        out.append(("id", "is empty"))
    if t.type == "reversal":
        if not t.reverses:
            out.append(("reverses", "a reversal names the transaction it reverses"))
        return out
    if t.right is None:
        out.append(("right", "is required"))
    elif t.right not in RIGHTS:
        out.append(("right", f"{t.right!r} is not a right id"))
    if t.vintage is None:
        out.append(("vintage", "is required"))
    elif not VINTAGE_RANGE[0] <= t.vintage <= VINTAGE_RANGE[1]:
        out.append(("vintage", f"{t.vintage} is outside {VINTAGE_RANGE[0]}..{VINTAGE_RANGE[1]}"))
    if t.quantity is None:
        out.append(("quantity", "is required"))
    elif not t.quantity.is_finite() or t.quantity <= 0:
        out.append(("quantity", "must be a positive number"))
    for name in ("price", "fee_buyer", "fee_seller"):
        v = getattr(t, name)
        if v is not None and (not v.is_finite() or v < 0):
            out.append((name, "must be a non-negative number"))
    needs_from = t.type in ("trade", "lease", "surrender", "buyback", "paid_use_fee")
    needs_to = t.type in ("allocation", "trade", "lease", "buyback")
    if needs_from and not t.from_holder:
        out.append(("from_holder", f"a {t.type} needs the holder it comes from"))
    if needs_to and not t.to_holder:
        out.append(("to_holder", f"a {t.type} needs the holder it goes to"))
    if t.from_holder and t.to_holder and t.from_holder == t.to_holder:
        out.append(("to_holder", "from and to are the same holder"))
    for name in ("from_holder", "to_holder"):
        h = getattr(t, name)
        if h in (EXCHANGE,) or (h in SYSTEM_HOLDERS and not _system_ok(t.type, name, h)):
            out.append((name, f"{h} cannot take part in a {t.type}"))
    if t.type in MODES and t.mode not in MODES[t.type]:
        out.append(("mode", f"{t.mode!r} is not one of {', '.join(MODES[t.type])}"))
    if t.type not in MODES and t.mode is not None:
        out.append(("mode", f"a {t.type} has no mode"))
    if t.type in ("trade", "paid_use_fee") and (t.price is None or t.price <= 0):
        out.append(("price", f"a {t.type} needs a positive price"))
    if t.mode == "paid" and (t.price is None or t.price <= 0):
        out.append(("price", f"a paid {t.type} needs a positive price"))
    if t.mode in ("free", "unpaid") and t.price:
        out.append(("price", f"a {t.mode} {t.type} has no price"))
    if t.type == "surrender" and t.price:
        out.append(("price", "a surrender has no price"))
    if (t.fee_buyer is not None or t.fee_seller is not None) and t.type != "trade":
        out.append(("fee_buyer", "fees are recorded on trades only"))
    if t.type == "lease":
        if t.start is None or t.end is None:
            out.append(("start", "a lease needs start and end dates"))
        elif t.end < t.start:
            out.append(("end", "lease end is before its start"))
    elif t.start is not None or t.end is not None:
        out.append(("start", "only leases have start and end dates"))
    if t.reverses:
        out.append(("reverses", "only a reversal names a transaction to reverse"))
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
            msg("trading.invalid", txn=txn, problem=problems),
            hint="fix the named fields; see geep.trading.Transaction for what each type needs",
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


def to_decimal(x: Decimal | float | int | str) -> Decimal:
    """Exact Decimal of a number: floats via their shortest repr (``0.1`` → ``Decimal("0.1")``),
    integral values without a trailing ``.0``."""
    if isinstance(x, Decimal):
        d = x
    elif isinstance(x, int):
        d = Decimal(x)
    else:
        d = Decimal(repr(float(x))) if not isinstance(x, str) else Decimal(x)
    if d.is_finite() and d == d.to_integral_value():
        return d.quantize(Decimal(1))
    return d


def money(value: Decimal) -> Decimal:
    """Round ``value`` [CNY] half-up to 0.01 CNY (one fen)."""
    from decimal import ROUND_HALF_UP

    return value.quantize(CENT, rounding=ROUND_HALF_UP)


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
            f"invalid holder {data.get('holder_id')!r}: {problems}",
            hint="a holder needs holder_id, kind (enterprise, county, city, province, reserve) "
            "and a six-digit region_code",
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
                f"transaction {tid}{f' ({ref})' if ref else ''}: {exc.message}",
                hint=exc.hint,
                transaction=tid,
                ref=ref,
            ) from exc
    return make_transaction(**fields)
