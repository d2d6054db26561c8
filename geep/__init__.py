"""geep — ecosystem-value accounting for China.

ESV (equivalent factors), GEP (function values), benefit transfer, GEEP, and the
eco-compensation and rights-trading ledgers built on them; every number traceable to its
input cell and its coefficient (``table@edition#row``).

The public names are imported on first use (``geep.esv`` imports the methods, ``geep.grid``
rasterio and Dask, ``geep.ureg`` pint …), so that ``import geep`` costs only what it uses.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._version import __version__
from .errors import GeepError
from .messages import set_language

#: public name → (module, attribute); attribute ``None`` means the module itself
_LAZY: dict[str, tuple[str, str | None]] = {
    "coefficients": ("geep.coefficients", None),
    "compensation": ("geep.compensation", None),
    "trading": ("geep.trading", None),
    "seea": ("geep.seea", None),
    "grid": ("geep.grid", None),
    "methods": ("geep.methods", None),
    "uncertainty": ("geep.uncertainty", None),
    "report": ("geep.report", None),
    "Comparison": ("geep.comparison", "Comparison"),
    "compare": ("geep.comparison", "compare"),
    "compensate": ("geep.compensation", "compensate"),
    "Inputs": ("geep.inputs", "Inputs"),
    "Report": ("geep.inputs", "Report"),
    "read_inputs": ("geep.io.read", "read_inputs"),
    "validate": ("geep.io.read", "validate"),
    "Ledger": ("geep.ledger", "Ledger"),
    "benefit_transfer": ("geep.methods.benefit_transfer", "benefit_transfer"),
    "esv": ("geep.methods.esv", "esv"),
    "forest": ("geep.methods.forest", "forest"),
    "gep": ("geep.methods.gep", "gep"),
    "geep": ("geep.methods.geep_account", "geep"),
    "aggregate": ("geep.methods.geep_account", "aggregate"),
    "plan_indicators": ("geep.plan", "plan_indicators"),
    "parse_unit": ("geep.units", "parse_unit"),
    "ureg": ("geep.units", "ureg"),
}


def __getattr__(name: str) -> Any:
    try:
        module, attr = _LAZY[name]
    except KeyError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    mod = importlib.import_module(module)
    value = mod if attr is None else getattr(mod, attr)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


if TYPE_CHECKING:  # names for type checkers and editors
    from . import coefficients, compensation, seea, trading
    from .comparison import Comparison, compare
    from .compensation import compensate
    from .inputs import Inputs, Report
    from .io.read import read_inputs, validate
    from .ledger import Ledger
    from .methods.benefit_transfer import benefit_transfer
    from .methods.esv import esv
    from .methods.forest import forest
    from .methods.geep_account import aggregate, geep
    from .methods.gep import gep
    from .plan import plan_indicators
    from .units import parse_unit, ureg

__all__ = [
    "Comparison",
    "GeepError",
    "Inputs",
    "Ledger",
    "Report",
    "__version__",
    "aggregate",
    "benefit_transfer",
    "coefficients",
    "compare",
    "compensate",
    "compensation",
    "esv",
    "forest",
    "geep",
    "gep",
    "parse_unit",
    "plan_indicators",
    "read_inputs",
    "seea",
    "set_language",
    "trading",
    "ureg",
    "validate",
]
