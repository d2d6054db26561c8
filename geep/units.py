"""The one pint registry of geep, and parsing of the unit strings users type.

``ureg`` knows 亩 (``mu``), hectare, km², the 万/亿/万亿 multipliers, money as
currency dimensions (``CNY``, ``USD``), and tonnes of carbon vs CO₂ (``t_C``,
``t_CO2``). :func:`parse_unit` accepts the spellings of DESIGN §4: ``ha``, ``hm2``,
``hm²``, ``km2``, ``mu``, ``亩``, ``公顷``, ``平方公里``, ``万m3``, ``亿m3``, ``万t``,
``亿kWh``, ``元``, ``万元``, ``亿元``, ``毫米`` and compounds such as ``元/m3`` or
``万元/(hm2·a)``. :func:`split_header` splits ``面积（公顷）`` into name and unit.

Kernels never see pint objects: the boundary converts every column to a canonical unit
(area ha, money CNY, water m³, mass t, energy kWh) with :func:`factor`.
"""

from __future__ import annotations

import functools
import os
import re
import unicodedata
from pathlib import Path

import pint

from .errors import DimensionalityMismatchError, UnitError
from .messages import did_you_mean, msg


def _build_registry() -> pint.UnitRegistry:
    """The registry, with pint's on-disk cache of parsed definitions when the user cache
    folder is writable (10× faster start-up); ``GEEP_UNIT_CACHE=0`` turns the cache off."""
    definitions = str(Path(__file__).with_name("units.txt"))
    if os.environ.get("GEEP_UNIT_CACHE", "1") != "0":
        try:
            reg = pint.UnitRegistry(
                autoconvert_offset_to_baseunit=True, on_redefinition="raise", cache_folder=":auto:"
            )
            reg.load_definitions(definitions)
            return reg
        except Exception:  # unwritable or corrupt cache: build without it
            pass
    reg = pint.UnitRegistry(
        autoconvert_offset_to_baseunit=True, on_redefinition="raise", cache_folder=None
    )
    reg.load_definitions(definitions)
    return reg


ureg = _build_registry()
Q_ = ureg.Quantity

#: canonical unit per kind of quantity used inside kernels
CANONICAL = {
    "area": "ha",
    "money": "CNY",
    "volume": "m**3",
    "mass": "t",
    "energy": "kWh",
    "length": "mm",
}

# Chinese and loose spellings → pint names. Longest first at substitution time.
_WORDS = {
    "万亿": " wanyi ",
    "萬億": " wanyi ",
    "亿": " yi ",
    "億": " yi ",
    "万": " wan ",
    "萬": " wan ",
    "千": " qian ",
    "人民币元": "CNY",
    "元": "CNY",
    "美元": "USD",
    "平方公里": "km**2",
    "平方千米": "km**2",
    "平方米": "m**2",
    "立方米": "m**3",
    "公顷": "ha",
    "公頃": "ha",
    "亩": "mu",
    "畝": "mu",
    "公里": "km",
    "千米": "km",
    "毫米": "mm",
    "厘米": "cm",
    "米": "m",
    "千克": "kg",
    "公斤": "kg",
    "吨": "t",
    "噸": "t",
    "千瓦时": "kWh",
    "千瓦時": "kWh",
    "度电": "kWh",
    "年": "a",
    "人次": "visit",
    "人": "person",
    "个": "count",
    "毫克/升": "mg/L",
}
_WORD_RE = re.compile("|".join(sorted(map(re.escape, _WORDS), key=len, reverse=True)))
# m2, km2, hm2, m3, cm3 (also after NFKC turned ² into 2)
_POWER_RE = re.compile(r"(?<![A-Za-z_])((?:k|h|c|d)?m)([23])(?![0-9])")
_ALIASES = {
    "hm**2": "ha",
    "hectare": "ha",
    "yuan": "CNY",
    "rmb": "CNY",
    "cny": "CNY",
    "usd": "USD",
    "kwh": "kWh",
    "percent": "percent",
    "%": "percent",
    "": "dimensionless",
    "-": "dimensionless",
    "1": "dimensionless",
}


def _normalise(text: str) -> str:
    s = unicodedata.normalize("NFKC", str(text)).strip()
    s = (
        s.replace("\u2212", "-")
        .replace("·", "*")
        .replace("•", "*")
        .replace("×", "*")
        .replace("^", "**")
    )
    s = re.sub(r"\s+", " ", s)
    s = _WORD_RE.sub(lambda m: _WORDS[m.group(0)], s)
    s = _POWER_RE.sub(r"\1**\2", s)
    s = re.sub(r"(?<=[A-Za-z])-([0-9])(?![0-9])", r"**-\1", s)
    s = re.sub(r"(\*\*)\s*-\s*(\d)", r"\1-\2", s)
    s = re.sub(r"\bhm\*\*2\b", "ha", s)
    s = re.sub(r"\bhm²", "ha", s)
    s = s.strip()
    key = s.lower() if s.lower() in _ALIASES else s
    if key in _ALIASES:
        return _ALIASES[key]
    # "wan m**3" → "(wan * m**3)": the multiplier binds to its unit, so that "元/万m3"
    # is CNY per 10^4 m³ and not (CNY / 10^4) * m³
    s = re.sub(
        r"\b(wanyi|wan|yi|qian)\s+([A-Za-z_][A-Za-z0-9_]*(?:\*\*-?[0-9]+)?)", r"(\1 * \2)", s
    )
    s = re.sub(r"\b(wanyi|wan|yi|qian)\s+(?=\()", r"\1 * ", s)
    s = re.sub(r"\s*([*/])\s*", r"\1", s)
    s = s.replace("**", "^^").replace("*", " * ").replace("^^", "**")
    s = re.sub(r"\s+", " ", s).strip()
    return s


#: longest unit expression accepted, and the largest exponent of a unit in it
MAX_UNIT_LENGTH = 64
MAX_EXPONENT = 6
_EXPONENT = re.compile(r"\*\*(-?[0-9]+)")


def _guard(expr: str, text: str) -> None:
    """Refuse what is not a unit before pint evaluates it: over-long expressions, numbers
    other than small exponents of units (``10^10^8 ha`` would make pint compute a huge power),
    exponents of exponents."""
    bad = len(expr) > MAX_UNIT_LENGTH or "**(" in expr or re.search(r"\*\*-?[0-9]+\*\*", expr)
    exps = [int(e) for e in _EXPONENT.findall(expr)]
    rest = _EXPONENT.sub("", expr)
    if bad or any(abs(e) > MAX_EXPONENT for e in exps) or re.search(r"[0-9]", rest.replace(
            "t_CO2", "").replace("t_C", "").replace("CO2", "")):  # fmt: skip
        raise UnitError(msg("unit.not_unit", unit=text[:80]), hint=msg("hint.unit_multiplier"))


@functools.lru_cache(maxsize=4096)
def parse_unit(text: str) -> pint.Unit:
    """Parse a unit string as typed by users into a pint unit of :data:`ureg`.

    Parameters
    ----------
    text
        E.g. ``"ha"``, ``"亩"``, ``"hm²"``, ``"万m3"``, ``"亿元"``, ``"元/(hm2·a)"``.

    Returns
    -------
    pint.Unit

    Raises
    ------
    UnitError
        If the string is empty or not a unit; the message suggests close spellings.
    """
    if text is None or (isinstance(text, float) and text != text) or str(text).strip() == "":
        raise UnitError(msg("unit.empty"), hint=msg("hint.unit"))
    expr = _normalise(text)
    _guard(expr, str(text))
    try:
        parsed = ureg.parse_expression(expr)
    except (pint.errors.UndefinedUnitError, pint.errors.DefinitionSyntaxError, Exception) as exc:
        suggestion = did_you_mean(str(text), KNOWN_SPELLINGS)
        raise UnitError(
            msg("unit.unknown", unit=str(text), suggestion=suggestion), hint=msg("hint.unit")
        ) from exc
    if isinstance(parsed, (int, float)):
        if parsed == 1:
            return ureg.dimensionless
        # a bare multiplier such as "万" — a count in units of 1e4
        return ureg.Unit(expr.replace(" ", ""))
    if parsed.magnitude != 1:
        # a numeric factor such as "1000 t": keep it as a scaled unit via a definition
        raise UnitError(msg("unit.unknown", unit=str(text), suggestion=""),
                        hint=msg("hint.unit_multiplier"))  # fmt: skip
    return parsed.units


def dimension_of(unit: str | pint.Unit) -> str:
    """Return the dimensionality of ``unit`` as a string, e.g. ``"[length] ** 2"``."""
    u = parse_unit(unit) if isinstance(unit, str) else unit
    return str(u.dimensionality)


def check_dimension(unit: str | pint.Unit, expected: str | pint.Unit, what: str = "") -> pint.Unit:
    """Parse ``unit`` and check that it has the dimension of ``expected``.

    Raises
    ------
    DimensionalityMismatchError
        With both dimensions in the message, e.g. m³ where an area is needed.
    """
    u = parse_unit(unit) if isinstance(unit, str) else unit
    e = parse_unit(expected) if isinstance(expected, str) else expected
    if u.dimensionality != e.dimensionality:
        raise DimensionalityMismatchError(
            msg(
                "unit.dimension",
                unit=str(unit),
                found=_dim_name(u),
                expected=_dim_name(e),
                what=f" ({what})" if what else "",
            ),
            hint=f"give the value in a unit like {e:~P}",
        )
    return u


def factor(unit: str | pint.Unit, to: str | pint.Unit) -> float:
    """Return the multiplier that converts a magnitude in ``unit`` into ``to``.

    ``factor("亩", "ha") == 1/15``. Raises :class:`DimensionalityMismatchError` if the
    two are not of the same dimension.
    """
    u = check_dimension(unit, to)
    t = parse_unit(to) if isinstance(to, str) else to
    return _factor(u, t)


@functools.lru_cache(maxsize=4096)
def _factor(u: pint.Unit, t: pint.Unit) -> float:
    return float(Q_(1.0, u).to(t).magnitude)


def is_money(unit: str | pint.Unit) -> bool:
    """True if ``unit`` is an amount of money in some currency (CNY, USD, EUR)."""
    u = parse_unit(unit) if isinstance(unit, str) else unit
    dims = dict(u.dimensionality)
    return (
        len(dims) == 1
        and next(iter(dims)).startswith("[currency")
        and next(iter(dims.values())) == 1
    )


def currency_of(unit: str | pint.Unit) -> str | None:
    """Return ``"CNY"``, ``"USD"`` or ``"EUR"`` if the unit contains money, else ``None``."""
    u = parse_unit(unit) if isinstance(unit, str) else unit
    for dim in u.dimensionality:
        if dim == "[currency]":
            return "CNY"
        if dim == "[currency_usd]":
            return "USD"
        if dim == "[currency_eur]":
            return "EUR"
    return None


_DIM_NAMES = {
    "[length] ** 2": "area",
    "[length] ** 3": "volume",
    "[mass]": "mass",
    "[length]": "length",
    "[currency]": "money (CNY)",
    "[currency_usd]": "money (USD)",
    "[carbon]": "carbon (t C / t CO2)",
    "[mass] * [length] ** 2 / [time] ** 2": "energy",
    "dimensionless": "a pure number",
}


def _dim_name(u: pint.Unit) -> str:
    d = str(u.dimensionality)
    return f"{_DIM_NAMES[d]} {d}" if d in _DIM_NAMES else d


def format_unit(unit: str | pint.Unit) -> str:
    """Short, stable text for a unit, e.g. ``CNY/ha/a`` → ``CNY / a / ha``."""
    u = parse_unit(unit) if isinstance(unit, str) else unit
    return f"{u:~C}" if u != ureg.dimensionless else "1"


# Header splitting: "面积（公顷）", "area (ha)", "area [km2]", "单价(万元/(hm2·a))"
_CLOSERS = {")": "(", "]": "["}


def split_header(header: str) -> tuple[str, str | None]:
    """Split a column header into ``(name, unit)``; ``unit`` is ``None`` if absent.

    The unit is the trailing bracketed group, which may itself contain parentheses
    (``"单价(万元/(hm2·a))" → ("单价", "万元/(hm2·a)")``). Fullwidth parentheses are
    accepted: ``"面积（公顷）" → ("面积", "公顷")``.
    """
    s = unicodedata.normalize("NFKC", str(header)).strip()
    if not s or s[-1] not in _CLOSERS:
        return s, None
    depth = 0
    for i in range(len(s) - 1, -1, -1):
        ch = s[i]
        if ch in _CLOSERS:
            depth += 1
        elif ch in _CLOSERS.values():
            depth -= 1
            if depth == 0:
                if _CLOSERS[s[-1]] != ch:
                    return s, None
                unit = s[i + 1 : -1].strip()
                return (s[:i].strip(), unit) if unit else (s, None)
    return s, None  # unbalanced brackets: no unit


#: spellings accepted by :func:`parse_unit` (used for suggestions and template drop-downs)
KNOWN_SPELLINGS: tuple[str, ...] = (
    "ha", "hm2", "hm²", "km2", "km²", "m2", "mu", "亩", "万亩", "公顷", "万公顷", "平方公里",
    "m3", "万m3", "亿m3", "t", "万t", "kg", "kWh", "万kWh", "亿kWh", "元", "万元", "亿元",
    "CNY", "USD", "mm", "毫米", "t_C", "t_CO2", "visit", "万人次", "person", "mg/L",
)  # fmt: skip
