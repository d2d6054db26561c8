"""geep — ecosystem-value accounting for China.

ESV (equivalent factors), GEP (function values), benefit transfer, GEEP, and the
eco-compensation and rights-trading ledgers built on them; every number traceable to its
input cell and its coefficient (``table@edition#row``).
"""

from . import coefficients, compensation, trading
from ._version import __version__
from .compare import Comparison, compare
from .compensation import compensate
from .errors import GeepError
from .inputs import Inputs, Report
from .io.read import read_inputs, validate
from .ledger import Ledger
from .messages import set_language
from .methods.benefit_transfer import benefit_transfer
from .methods.esv import esv
from .methods.geep_account import aggregate, geep
from .methods.gep import gep
from .plan import plan_indicators
from .units import parse_unit, ureg


def __getattr__(name: str):
    """``geep.grid`` and ``geep.uncertainty`` without importing them (and rasterio, dask,
    scipy, SALib, pyarrow) with ``import geep``."""
    if name in ("grid", "uncertainty"):
        import importlib

        return importlib.import_module(f".{name}", __name__)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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
    "geep",
    "gep",
    "parse_unit",
    "plan_indicators",
    "read_inputs",
    "set_language",
    "trading",
    "ureg",
    "validate",
]
