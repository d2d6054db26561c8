"""The sheets of a journal workbook, as table specs of the one input layer.

A journal workbook holds ``holders`` (持有人), ``transactions`` (交易) and optionally
``emissions`` (实际排放). Each is a :class:`~geep.inputs.spec.TableDef` read by the same
pre-flight, cell reader and normaliser as every other input table
(:func:`geep.io.sheet.read_sheet`): a Chinese header row over the machine names, error cells
and formulas without a saved value, merged cells, numbers typed as text and look-alike
characters are handled there, at their cell. Rights, holder kinds, transaction types and
modes are resolved through the vocabularies registered here (Chinese names and the template's
drop-down entries accepted); holder ids through :func:`~geep.trading.model.holder_id`
(look-alikes refused, system accounts only where a transaction may name them). Quantities and
prices are exact decimals converted with the factor of the row's right
(:func:`~geep.trading.rights.quantity_factor`, :func:`~geep.trading.rights.price_factor`:
``万t``, ``t`` read as t CO₂e for carbon, ``万元/t``, tce); a blank unit is the right's unit,
as the template says. The rules that are not about cells — known holders, vintage and date
bounds, what each type needs, balances and floor prices — run afterwards, on the normalised
frames (:mod:`geep.trading.io`, :class:`~geep.trading.journal.Journal`).

References
----------
DESIGN §2 (validate everything, report everything); compensation.md §4.5.
"""

from __future__ import annotations

from decimal import Decimal

from ..errors import GeepError
from ..inputs.spec import ColumnDef, TableDef, register_tables
from ..inputs.vocabularies import Resolution, Vocabulary, register, suggest
from ..messages import text
from .integrity import CHAIN_COLUMNS
from .model import TYPE_ALIASES, TYPES, holder_id
from .rights import HOLDER_KINDS, RIGHTS, price_factor, quantity_factor, right_id

#: Chinese names of holder kinds (the template's drop-down under zh, and older spellings)
KIND_ALIASES = {"企业": "enterprise", "县": "county", "区县": "county", "市": "city",
                "省": "province", "储备": "reserve", "政府储备": "reserve"}  # fmt: skip
#: the Chinese name of each holder kind and mode (as the template's drop-downs offer them)
KIND_NAMES = {"enterprise": "企业", "county": "县", "city": "市", "province": "省",
              "reserve": "政府储备"}  # fmt: skip
MODE_NAMES = {"free": "无偿", "paid": "有偿", "unpaid": "无偿收回"}
#: modes of allocations (free, paid) and buy-backs (paid, unpaid = recovery)
MODES = ("free", "paid", "unpaid")
#: Chinese names of modes (the template's drop-down under zh)
MODE_ALIASES = {"无偿": "free", "免费": "free", "有偿": "paid", "无偿收回": "unpaid"}
#: prefix of the canonical unit of a price column: CNY per the right's quantity unit
PRICE = "CNY/"


def _unknown(code: str, v: str, options) -> Resolution:
    return Resolution(None, error=text(f"trading.{code}_unknown", value=v,
                                       suggestion=suggest(v, options)),
                      hint=text(f"hint.trading.{code}", options=", ".join(options)))  # fmt: skip


def resolve_right(v: str) -> Resolution:
    """A right id, alias or Chinese name (``NH3-N``, ``氨氮``, ``CCER``) → its id."""
    try:
        return Resolution(right_id(v))
    except GeepError as exc:
        return Resolution(None, error=exc._message, hint=exc._hint)


def resolve_kind(v: str) -> Resolution:
    """A holder kind (``enterprise`` … ``reserve``, or its Chinese name)."""
    key = v.strip().lower()
    if key in HOLDER_KINDS:
        return Resolution(key)
    if v.strip() in KIND_ALIASES:
        return Resolution(KIND_ALIASES[v.strip()])
    return _unknown("kind", v, HOLDER_KINDS)


def resolve_type(v: str) -> Resolution:
    """A transaction type (``trade``, ``lease`` …; aliases such as ``purchase``, ``租赁``)."""
    key = v.strip().lower()
    if key in TYPES:
        return Resolution(key)
    canon = TYPE_ALIASES.get(key) or TYPE_ALIASES.get(v.strip())
    return Resolution(canon) if canon else _unknown("type", v, TYPES)


def resolve_mode(v: str) -> Resolution:
    """A mode: ``free``, ``paid``, ``unpaid`` (or 无偿, 有偿, 无偿收回)."""
    key = v.strip().lower()
    if key in MODES:
        return Resolution(key)
    if v.strip() in MODE_ALIASES:
        return Resolution(MODE_ALIASES[v.strip()])
    return _unknown("mode", v, MODES)


def _holder(v: str, system: bool) -> Resolution:
    try:
        hid = holder_id(v, system=system)
    except ValueError as exc:
        return Resolution(None, error=str(exc), hint=text("hint.trading.id"))
    if not system and hid.startswith("@"):
        return Resolution(None, error=text("trading.id_system"))
    return Resolution(hid)


def resolve_holder(v: str) -> Resolution:
    """A holder a row names (``@issuance``, ``@retired``, ``@exchange`` admitted)."""
    return _holder(v, True)


def resolve_holder_id(v: str) -> Resolution:
    """The id of a holder being registered (no system account, no look-alike)."""
    return _holder(v, False)


def right_factor(unit: str, target: str) -> tuple[Decimal, object]:
    """Exact factor of ``unit`` into the row's canonical unit: ``target`` is the row's right
    (a quantity) or ``CNY/<right>`` (a price), see :data:`RIGHT_VOCABULARY`."""
    if target.startswith(PRICE):
        return price_factor(unit, RIGHTS[target[len(PRICE) :]])
    return quantity_factor(unit, RIGHTS[target])


#: rights; the unit of a row's quantity is keyed by its right (``unit(right) = right``), so
#: that its conversion is the right's own (:func:`right_factor`)
RIGHT_VOCABULARY = register(Vocabulary(
    "trading_right", resolve_right, unit=lambda c: c if c in RIGHTS else None,
    entries=lambda: {r.id: r.zh for r in RIGHTS.values()}, factor=right_factor,
))  # fmt: skip
register(Vocabulary("holder_kind", resolve_kind, entries=lambda: dict(KIND_NAMES)))
register(Vocabulary("transaction_type", resolve_type))
register(Vocabulary("trading_mode", resolve_mode, entries=lambda: dict(MODE_NAMES)))
register(Vocabulary("trading_holder", resolve_holder))
register(Vocabulary("trading_holder_id", resolve_holder_id))


def _holder_col(name: str, zh: str, aliases=(), required: bool = False, registers=False):
    return ColumnDef(name, zh, "code", required=required, aliases=aliases,
                     vocabulary="trading_holder_id" if registers else "trading_holder")  # fmt: skip


def _amount(
    name: str,
    zh: str,
    aliases=(),
    unit_column: str | None = "unit",
    canonical: str | None = None,
    required: bool = False,
) -> ColumnDef:
    """An exact decimal in the unit of the row's right (``canonical`` ``CNY/{}``: a price),
    or in CNY (no ``unit_by``); a blank unit is the canonical one (the template says so)."""
    by = None if canonical == "CNY" else "right"
    return ColumnDef(name, zh, "decimal", canonical=canonical, required=required,
                     aliases=aliases, unit_by=by, signed=True, unit_column=unit_column,
                     assume_unit=True, assume_note=False)  # fmt: skip


_RIGHT = ColumnDef("right", "权利", "code", required=False, vocabulary="trading_right",
                   aliases=("权利类型",))  # fmt: skip

HOLDERS = TableDef(
    "holders",
    "持有人",
    (),  # a holder registered twice is the domain's to report (the first row is kept)
    (
        _holder_col("holder_id", "持有人编号", ("holder", "id", "holder id"), True, True),
        ColumnDef("name", "名称", "text", required=False),
        ColumnDef("kind", "类型", "code", vocabulary="holder_kind"),
        ColumnDef(
            "region_code",
            "行政区划代码",
            "code",
            required=False,
            aliases=("code", "region code", "区划代码"),
        ),
        ColumnDef("note", "备注", "text", required=False),
    ),
    description="account holders of a rights journal",
    description_zh="交易台账的持有人",
    sheets=("账户",),
    ignored=CHAIN_COLUMNS,
    positions=True,
)

TRANSACTIONS = TableDef(
    "transactions",
    "交易",
    (),  # a repeated id is refused when the journal posts it
    (
        ColumnDef("id", "编号", "code", aliases=("txn", "transaction")),
        ColumnDef("date", "日期", "date"),
        ColumnDef("type", "交易类型", "code", vocabulary="transaction_type"),
        ColumnDef("mode", "方式", "code", required=False, vocabulary="trading_mode"),
        _RIGHT,
        ColumnDef("vintage", "年度", "int", required=False),
        _holder_col("from_holder", "转出方", ("from", "seller", "卖方", "from holder")),
        _holder_col("to_holder", "转入方", ("to", "buyer", "买方", "to holder")),
        _amount("quantity", "数量"),
        _amount("price", "价格", unit_column="price_unit", canonical=PRICE + "{}"),
        ColumnDef("price_unit", "价格单位", "text", required=False, aliases=("price unit",)),
        ColumnDef("start", "租赁起始", "date", required=False),
        ColumnDef("end", "租赁截止", "date", required=False),
        ColumnDef("reverses", "冲正编号", "code", required=False),
        _amount("fee_buyer", "买方手续费", ("fee buyer",), None, "CNY"),
        _amount("fee_seller", "卖方手续费", ("fee seller",), None, "CNY"),
        ColumnDef("note", "备注", "text", required=False),
    ),
    description="transactions of a rights journal, posted in date order",
    description_zh="交易台账的交易记录（按日期顺序记账）",
    sheets=("journal", "交易记录", "台账"),
    ignored=("value", "金额", "reversed_by", "被冲正", *CHAIN_COLUMNS),
    positions=True,
)

EMISSIONS = TableDef(
    "emissions",
    "实际排放",
    (),  # a holder, right and year given twice is the domain's to report
    (
        _holder_col("holder_id", "持有人编号", ("holder", "holder id"), True),
        ColumnDef("right", "权利", "code", vocabulary="trading_right", aliases=("权利类型",)),
        ColumnDef("year", "年度", "int", aliases=("vintage",)),
        _amount("quantity", "数量", required=True),
    ),
    description="actual emissions or use per holder, right and year (compliance)",
    description_zh="各持有人按权利和年度的实际排放或使用量（履约）",
    sheets=("actual", "排放量"),
    ignored=CHAIN_COLUMNS,
    positions=True,
)

#: the sheets of a journal workbook; ``required``: whether a journal must have it
TABLES = register_tables("trading", HOLDERS, TRANSACTIONS, EMISSIONS)
REQUIRED_SHEETS = ("holders", "transactions")

__all__ = ["EMISSIONS", "HOLDERS", "KIND_ALIASES", "MODES", "MODE_ALIASES", "REQUIRED_SHEETS",
           "RIGHT_VOCABULARY", "TABLES", "TRANSACTIONS", "resolve_holder", "resolve_holder_id",
           "resolve_kind", "resolve_mode", "resolve_right", "resolve_type", "right_factor"]  # fmt: skip
