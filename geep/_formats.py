"""Where the readers and writers of model objects live (the I/O layer registers by name).

Model modules (the Ledger) never import :mod:`geep.io`; they look the function up here, like
pandas looks up its plotting backend. ``"module:function"`` entries are imported on first use.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

FORMATS: dict[str, str] = {
    "ledger.write_excel": "geep.io.ledger_excel:write_ledger_excel",
    "ledger.write_parquet": "geep.io.ledger_parquet:write_ledger_parquet",
    "ledger.read": "geep.io.ledger_read:read_ledger",
    "comparison.write_excel": "geep.io.compare_excel:write_comparison",
    "atomic.write_bytes": "geep.io.atomic:atomic_write_bytes",
    "safety.neutralise_frame": "geep.io.safety:neutralise_frame",
    "uncertainty.write_ledger": "geep.io.uncertainty_excel:write_quantile_ledger",
    "uncertainty.write_sensitivity": "geep.io.uncertainty_excel:write_sensitivity",
    "uncertainty.write_settlement": "geep.io.uncertainty_excel:write_settlement",
    "marker.stamp_html": "geep.io.marker:stamp_html",
    "settlement.write_excel": "geep.compensation.io:write_settlement_excel",
    "settlement.write_csv": "geep.compensation.io:write_settlement_csv",
    "classmap.read": "geep.io.classmap:read_class_map",
    "account.write_excel": "geep.seea.excel:write_account",
    "account.write_csv": "geep.seea.files:write_cube",
    "account.read_csv": "geep.seea.files:read_cube_file",
}


def get(name: str) -> Callable[..., Any]:
    """The function registered as ``name``."""
    module, _, attr = FORMATS[name].partition(":")
    return getattr(importlib.import_module(module), attr)


__all__ = ["FORMATS", "get"]
