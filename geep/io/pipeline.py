"""``geep run`` / ``geep batch``: run the methods an input file supports and write the ledger.

The orchestration lives in :mod:`geep.methods.pipeline` (names re-exported here); this module
adds the file side: writing the ledger as a workbook or CSV.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import MethodError
from ..ledger import Ledger
from ..messages import text
from ..methods.pipeline import available_methods, methods, required_tables, run_methods

#: registered method names (derived from the registry when this module is imported)
METHODS = methods()


def write_ledger(ledger: Ledger, out: Path, lang: str = "en", unit: str | None = None) -> Path:
    """Write ``ledger`` as ``.xlsx`` (formatted workbook; money in summaries shown in
    ``unit``) or ``.csv`` (+ ``.meta.json``, exact values)."""
    out = Path(out)
    if out.suffix.lower() == ".csv":
        return ledger.to_csv(out)
    if out.suffix.lower() == ".parquet":
        return ledger.to_parquet(out)
    if out.suffix.lower() in (".xlsx", ".xlsm"):
        target = out.with_suffix(".xlsx") if out.suffix.lower() == ".xlsm" else out
        return ledger.to_excel(target, lang=lang, unit=unit)
    raise MethodError(text("pipeline.bad_output", name=out.name), hint=text("pipeline.hint_output"))


__all__ = ["METHODS", "available_methods", "required_tables", "run_methods", "write_ledger"]
