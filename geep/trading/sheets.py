"""Sheet and column specifications of journal workbooks (read, written and templated), and
the parsers of their cells."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from ..inputs.normalise import parse_number
from ..io.safety import FORMULA_PREFIXES
from ..messages import text
from .integrity import CHAIN_COLUMNS
from .model import holder_id, to_decimal

_DATE_RE = re.compile(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$")


@dataclass(frozen=True)
class SheetSpec:
    """A sheet: canonical ``name``, accepted sheet names, fields with Chinese headers and help."""

    name: str
    sheet_zh: str
    fields: tuple[str, ...]
    required: tuple[str, ...]
    zh: dict[str, str]
    help: dict[str, str]
    aliases: tuple[str, ...] = ()
    header_aliases: dict[str, str] = field(default_factory=dict)
    ignored: tuple[str, ...] = ()
    required_sheet: bool = True

    def lookup(self) -> dict[str, str]:
        """Folded header text → field."""
        out: dict[str, str] = {}
        for f in self.fields:
            for label in (f, self.zh.get(f, ""), f.replace("_", " ")):
                if label:
                    out[_fold(label)] = f
        for label, f in self.header_aliases.items():
            out[_fold(label)] = f
        return out


def _fold(text: object) -> str:
    return unicodedata.normalize("NFKC", str(text)).strip().lower().replace(" ", "_")


HOLDERS = SheetSpec(
    name="holders",
    sheet_zh="持有人",
    aliases=("holders", "持有人", "账户"),
    fields=("holder_id", "name", "kind", "region_code", "note"),
    required=("holder_id", "kind"),
    zh={"holder_id": "持有人编号", "name": "名称", "kind": "类型", "region_code": "行政区划代码",
        "note": "备注"},
    help={
        "holder_id": "unique id of the holder (no leading @: @issuance, @retired, @exchange are "
        "system accounts)",
        "name": "name of the enterprise or jurisdiction",
        "kind": "enterprise | county | city | province | reserve (government reserve)",
        "region_code": "GB/T 2260 six-digit code of the county, city or province (e.g. 140105)",
        "note": "free text",
    },
    header_aliases={"holder": "holder_id", "id": "holder_id", "code": "region_code"},
    ignored=CHAIN_COLUMNS,
)  # fmt: skip

TRANSACTIONS = SheetSpec(
    name="transactions",
    sheet_zh="交易",
    aliases=("transactions", "journal", "交易", "交易记录", "台账"),
    fields=("id", "date", "type", "mode", "right", "vintage", "from_holder", "to_holder",
            "quantity", "unit", "price", "price_unit", "start", "end", "reverses", "fee_buyer",
            "fee_seller", "note"),
    required=("id", "date", "type"),
    zh={"id": "编号", "date": "日期", "type": "交易类型", "mode": "方式", "right": "权利",
        "vintage": "年度", "from_holder": "转出方", "to_holder": "转入方", "quantity": "数量",
        "unit": "单位", "price": "价格", "price_unit": "价格单位", "start": "租赁起始",
        "end": "租赁截止", "reverses": "冲正编号", "fee_buyer": "买方手续费",
        "fee_seller": "卖方手续费", "note": "备注"},
    help={
        "id": "unique transaction id",
        "date": "YYYY-MM-DD; rows are posted in date order",
        "type": "allocation | trade | lease | surrender | buyback | paid_use_fee | reversal",
        "mode": "allocation: free | paid; buyback: paid | unpaid (recovery); else blank",
        "right": "emission.so2, emission.nox, emission.cod, emission.nh3n, emission.dust, "
        "emission.soot, emission.pm, carbon.cea, carbon.ccer, water, energy (or SO2, 氨氮, CCER, ...)",
        "vintage": "vintage year of the right",
        "from_holder": "seller / lessor / surrendering holder (allocation: blank = @issuance)",
        "to_holder": "buyer / lessee / recipient / reserve (surrender: blank = @retired)",
        "quantity": "quantity moved (> 0)",
        "unit": "t, 万t, tCO2e, m3, 万m3, tce (blank = the right's unit)",
        "price": "trade price, paid allocation price, rent, buy-back price or annual paid-use fee "
        "per unit",
        "price_unit": "元/t, 万元/t, 元/tCO2e, 元/m3, 元/tce (blank = CNY per the right's unit)",
        "start": "lease start (leases only; within the vintage year)",
        "end": "lease end (leases only; within the vintage year)",
        "reverses": "id of the transaction a reversal undoes (reversals only)",
        "fee_buyer": "CNY; leave blank where the rules set the fee (computed)",
        "fee_seller": "CNY; leave blank where the rules set the fee (computed)",
        "note": "free text",
    },
    header_aliases={"from": "from_holder", "to": "to_holder", "seller": "from_holder",
                    "buyer": "to_holder", "卖方": "from_holder", "买方": "to_holder",
                    "txn": "id", "transaction": "id"},
    ignored=("value", "金额", "reversed_by", "被冲正", *CHAIN_COLUMNS),
)  # fmt: skip

EMISSIONS = SheetSpec(
    name="emissions",
    sheet_zh="实际排放",
    aliases=("emissions", "actual", "实际排放", "排放量"),
    fields=("holder_id", "right", "year", "quantity", "unit"),
    required=("holder_id", "right", "year", "quantity"),
    zh={"holder_id": "持有人编号", "right": "权利", "year": "年度", "quantity": "数量",
        "unit": "单位"},
    help={
        "holder_id": "holder",
        "right": "right (carbon.cea rows are verified CO2 emissions for carbon compliance)",
        "year": "year of the emissions (compared with rights of that vintage)",
        "quantity": "actual emissions or use",
        "unit": "unit (blank = the right's unit)",
    },
    header_aliases={"holder": "holder_id", "vintage": "year"},
    ignored=CHAIN_COLUMNS,
    required_sheet=False,
)  # fmt: skip

SHEETS: dict[str, SheetSpec] = {s.name: s for s in (HOLDERS, TRANSACTIONS, EMISSIONS)}


# --- cell parsers ------------------------------------------------------------------
def _text(v: Any) -> str | None:
    """Cell text; a leading ``'`` that geep added to neutralise a formula-like text (``'@issuance``
    in an exported workbook) is removed again."""
    if v is None:
        return None
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    s = str(v).strip()
    if s.startswith("'") and s[1:2] in FORMULA_PREFIXES:
        s = s[1:]
    return s or None


def _date(v: Any) -> dt.date:
    if isinstance(v, dt.datetime):
        return v.date()
    if isinstance(v, dt.date):
        return v
    m = _DATE_RE.match(unicodedata.normalize("NFKC", str(v)).strip())
    if not m:
        raise ValueError(text("trading.err.not_date", value=v))
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError as exc:
        raise ValueError(text("trading.err.bad_date", value=v, problem=str(exc))) from exc


def _number(v: Any) -> tuple[Any, str | None]:
    val, note, err = parse_number(v)
    if err:
        raise ValueError(err)
    return (None if val is None else to_decimal(val)), note


#: Chinese names of modes (the template's drop-down under zh)
MODE_ALIASES = {"无偿": "free", "免费": "free", "有偿": "paid", "无偿收回": "unpaid"}


def _mode(v: Any) -> str | None:
    """A mode cell as its code (``free``, ``paid``, ``unpaid``; Chinese names accepted)."""
    t = _text(v)
    return None if t is None else MODE_ALIASES.get(t, t.lower())


def _holder(v: Any) -> str | None:
    """A holder id cell in its normal form (see :func:`~geep.trading.model.holder_id`)."""
    t = _text(v)
    return None if t is None else holder_id(t, system=True)


def _int(v: Any) -> int:
    d, _ = _number(v)
    if d is None or d != d.to_integral_value():
        raise ValueError(text("trading.err.not_whole", value=v))
    return int(d)


def _year(v: Any) -> int:
    """A year of emissions within the vintage range of rights."""
    from ..messages import msg
    from .model import VINTAGE_RANGE

    y = _int(v)
    if not VINTAGE_RANGE[0] <= y <= VINTAGE_RANGE[1]:
        raise ValueError(
            msg("trading.emission_year", year=y, lo=VINTAGE_RANGE[0], hi=VINTAGE_RANGE[1])
        )
    return y
