"""Exact decimal numbers of quantities and prices in the rights journal."""

from __future__ import annotations

import unicodedata
from decimal import Decimal, InvalidOperation

from ..messages import msg

#: the largest magnitude of a quantity or price (anything larger is surely a typing slip)
DECIMAL_LIMIT = Decimal("1e18")


def to_decimal(x: Decimal | float | int | str) -> Decimal:
    """Exact Decimal of a number: floats via their shortest repr (``0.1`` → ``Decimal("0.1")``),
    integral values without a trailing ``.0``.

    Raises
    ------
    ValueError
        (never a bare :class:`decimal.InvalidOperation`) for text that is not a number, a
        true/false value, a non-finite number (``"1e400"`` as a float, ``inf``, ``nan``) and any
        number beyond ±10¹⁸ (:data:`DECIMAL_LIMIT`).
    """
    if isinstance(x, bool):
        raise ValueError(msg("trading.bool_number"))
    try:
        if isinstance(x, Decimal):
            d = x
        elif isinstance(x, int):
            d = Decimal(x)
        elif isinstance(x, str):
            d = Decimal(unicodedata.normalize("NFKC", x).strip())
        else:
            d = Decimal(repr(float(x)))
    except (InvalidOperation, ValueError, TypeError, OverflowError):
        raise ValueError(msg("trading.not_number", value=x)) from None
    if not d.is_finite():
        raise ValueError(msg("trading.not_finite", value=x))
    if abs(d) > DECIMAL_LIMIT:
        raise ValueError(msg("trading.too_large", value=x, limit=float(DECIMAL_LIMIT)))
    if d == d.to_integral_value():
        return d.quantize(Decimal(1))
    return d
