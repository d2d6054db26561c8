"""File input and output (Excel, CSV): readers, writers, templates. Kernels never do I/O.

Entry points (imported on first use): :func:`read_inputs`, :func:`validate`,
:func:`write_template`, :func:`write_ledger_excel`, :func:`read_ledger`, :func:`run_methods`,
:func:`run_batch`, :class:`Limits`, :class:`UnreadableFileError`.
"""

from __future__ import annotations

import importlib

_EXPORTS = {
    "read_inputs": "read",
    "validate": "read",
    "Limits": "preflight",
    "UnreadableFileError": "preflight",
    "write_template": "template",
    "template_bytes": "template",
    "write_ledger_excel": "ledger_excel",
    "read_ledger": "ledger_read",
    "run_methods": "pipeline",
    "available_methods": "pipeline",
    "run_batch": "batch",
}


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(importlib.import_module(f".{_EXPORTS[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = sorted(_EXPORTS)
