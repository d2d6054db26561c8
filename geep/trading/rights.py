"""Vocabulary of tradable rights, holder kinds, and the units their quantities are given in.

Rights are identified by dotted ids (a contract): ``emission.<pollutant>`` for Shanxi emission
permits (排污权), ``carbon.cea`` (national carbon allowance, 碳排放配额), ``carbon.ccer``
(certified emission reduction), ``water`` (用水权) and ``energy`` (用能权). Each right has a
canonical quantity unit: tonnes for pollutants, t CO₂e for carbon, m³ for water, tce (tonne of
coal equivalent) for energy-use rights.

References
----------
compensation.md §4.1 (six Shanxi pollutants, S44, S45), §4.2 (water, S48), §4.3 (energy-use
rights in tce, S51), §4.4 (carbon, S95, S60).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from ..errors import GeepError
from ..messages import did_you_mean, msg, text
from ..units import factor


@dataclass(frozen=True)
class Right:
    """A kind of tradable right.

    Attributes
    ----------
    id
        Dotted id, e.g. ``"emission.nh3n"``.
    family
        ``emission`` | ``carbon`` | ``water`` | ``energy`` (rules are per family).
    unit
        Canonical quantity unit (``t``, ``t_CO2``, ``m**3``, ``tce``).
    zh, en
        Names.
    """

    id: str
    family: str
    unit: str
    zh: str
    en: str


RIGHTS: dict[str, Right] = {
    r.id: r
    for r in (
        Right("emission.so2", "emission", "t", "二氧化硫排污权", "SO2 emission permit"),
        Right("emission.nox", "emission", "t", "氮氧化物排污权", "NOx emission permit"),
        Right("emission.cod", "emission", "t", "化学需氧量排污权", "COD emission permit"),
        Right("emission.nh3n", "emission", "t", "氨氮排污权", "NH3-N emission permit"),
        Right(
            "emission.dust", "emission", "t", "工业粉尘排污权", "industrial dust emission permit"
        ),
        Right("emission.soot", "emission", "t", "烟尘排污权", "soot emission permit"),
        Right("emission.pm", "emission", "t", "颗粒物排污权", "particulate matter emission permit"),
        Right("carbon.cea", "carbon", "t_CO2", "碳排放配额", "national carbon allowance (CEA)"),
        Right("carbon.ccer", "carbon", "t_CO2", "国家核证自愿减排量", "CCER offset credit"),
        Right("water", "water", "m**3", "用水权", "water-use right"),
        Right("energy", "energy", "tce", "用能权", "energy-use right"),
    )
}

_RIGHT_ALIASES: dict[str, str] = {
    "so2": "emission.so2",
    "二氧化硫": "emission.so2",
    "nox": "emission.nox",
    "氮氧化物": "emission.nox",
    "cod": "emission.cod",
    "化学需氧量": "emission.cod",
    "nh3-n": "emission.nh3n",
    "nh3n": "emission.nh3n",
    "氨氮": "emission.nh3n",
    "dust": "emission.dust",
    "工业粉尘": "emission.dust",
    "粉尘": "emission.dust",
    "soot": "emission.soot",
    "烟尘": "emission.soot",
    "pm": "emission.pm",
    "颗粒物": "emission.pm",
    "cea": "carbon.cea",
    "carbon": "carbon.cea",
    "碳排放配额": "carbon.cea",
    "碳排放权": "carbon.cea",
    "配额": "carbon.cea",
    "ccer": "carbon.ccer",
    "国家核证自愿减排量": "carbon.ccer",
    "用水权": "water",
    "水权": "water",
    "用能权": "energy",
}
for _r in RIGHTS.values():
    _RIGHT_ALIASES[_r.id] = _r.id
    _RIGHT_ALIASES[_r.zh] = _r.id

#: kinds of holders users register; ``region_code`` ties them to GB/T 2260 jurisdictions
HOLDER_KINDS = ("enterprise", "county", "city", "province", "reserve")
#: system accounts: the issuing authority (may go negative), surrendered rights, the exchange
ISSUANCE, RETIRED, EXCHANGE = "@issuance", "@retired", "@exchange"
SYSTEM_HOLDERS = (ISSUANCE, RETIRED, EXCHANGE)

_TCE = {"tce": 1, "t标准煤": 1, "吨标准煤": 1, "tec": 1, "万tce": 10_000, "万吨标准煤": 10_000}
_CO2 = re.compile(r"^(t|吨)\s*co2(e|-?eq)?$")


def _fold(text: object) -> str:
    return unicodedata.normalize("NFKC", str(text)).strip().lower().replace("₂", "2")


def right_id(text: object) -> str:
    """Return the canonical right id for ``text`` (an id, an alias or a Chinese name).

    Raises
    ------
    UnknownRightError
        With close spellings.
    """
    from ..errors import UnknownRightError

    key = _fold(text)
    if key in _RIGHT_ALIASES:
        return _RIGHT_ALIASES[key]
    for alias, rid in _RIGHT_ALIASES.items():
        if _fold(alias) == key:
            return rid
    raise UnknownRightError(
        msg(
            "trading.unknown_right",
            right=str(text),
            suggestion=did_you_mean(str(text), list(RIGHTS)),
        ),
        hint=msg("hint.trading.rights", rights=", ".join(RIGHTS)),
    )


def to_decimal(x: float) -> Decimal:
    from .decimals import to_decimal as _td

    return _td(x)


def quantity_factor(unit: object, right: Right) -> tuple[Decimal, str | None]:
    """Factor that converts a quantity in ``unit`` into the right's canonical unit.

    Returns ``(factor, note)``: ``note`` explains an accepted reinterpretation (``t`` read as
    t CO₂e for carbon rights), else ``None``. Blank ``unit`` means the canonical unit.

    Raises
    ------
    GeepError
        (:class:`~geep.errors.UnitError` or :class:`~geep.errors.DimensionalityMismatchError`)
        if the unit does not fit the right.
    """
    from ..errors import DimensionalityMismatchError

    if unit is None or (isinstance(unit, float) and unit != unit) or str(unit).strip() == "":
        return Decimal(1), None
    u = _fold(unit)
    if right.unit == "tce":
        if u in {_fold(k) for k in _TCE}:
            return Decimal(next(v for k, v in _TCE.items() if _fold(k) == u)), None
        raise DimensionalityMismatchError(
            msg("trading.unit", unit=str(unit), right=right.id, expected="tce"),
            hint=text("hint.trading.unit_tce"),
        )
    if right.family == "carbon":
        if u in ("t", "吨"):
            return Decimal(1), text("trading.unit_t_co2e", unit=str(unit), factor="")
        if u in ("万t", "万吨"):
            return Decimal(10_000), text("trading.unit_t_co2e", unit=str(unit), factor="万")
        if _CO2.match(u):
            return Decimal(1), None
    try:
        f = factor(str(unit), right.unit)
    except GeepError as exc:
        raise DimensionalityMismatchError(
            msg("trading.unit", unit=str(unit), right=right.id, expected=right.unit),
            hint=text("hint.trading.unit", unit=right.unit),
        ) from exc
    return to_decimal(f), None


def price_factor(unit: object, right: Right) -> tuple[Decimal, str | None]:
    """Factor that converts a price in ``unit`` (money per quantity) into CNY per canonical unit.

    ``"元/t"`` → 1, ``"万元/t"`` → 10000, ``"元/kg"`` → 1000. Blank = CNY per canonical unit.
    """
    from ..errors import DimensionalityMismatchError

    if unit is None or (isinstance(unit, float) and unit != unit) or str(unit).strip() == "":
        return Decimal(1), None
    text = unicodedata.normalize("NFKC", str(unit)).strip()
    money, slash, per = text.partition("/")
    if not slash or not per.strip():
        raise DimensionalityMismatchError(
            msg("trading.price_unit", unit=str(unit), right=right.id, expected=f"CNY/{right.unit}"),
            hint=text("hint.trading.price_unit", unit=right.unit),
        )
    try:
        m = to_decimal(factor(money.strip(), "CNY"))
    except GeepError as exc:
        raise DimensionalityMismatchError(
            msg("trading.price_unit", unit=str(unit), right=right.id, expected=f"CNY/{right.unit}"),
            hint=text("hint.trading.price_money"),
        ) from exc
    q, note = quantity_factor(per.strip().strip("()"), right)
    return m / q, note


def right_name(rid: str) -> str:
    """A right as the reader names it: its id under ``en``, its Chinese name under ``zh``
    (an unknown id as it is)."""
    from ..messages import language

    r = RIGHTS.get(rid)
    return r.zh if r is not None and language() == "zh" else rid


def unit_label(right: Right) -> str:
    """Display unit of a right's quantities (``t``, ``tCO2e``, ``m3``, ``tce``)."""
    return {"t_CO2": "tCO2e", "m**3": "m3"}.get(right.unit, right.unit)
