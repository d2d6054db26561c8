"""Accounting methods: one registry, each method resolve → pure kernel → shared assembly.

``REGISTRY`` maps a method name to its :class:`~geep.methods.registry.Method` record; the
families shipped with geep register themselves when this package is imported.
"""

from __future__ import annotations

from . import benefit_transfer, esv, forest, geep_account, gep  # noqa: F401  (register the families)
from .registry import REGISTRY, Method, Option, get, names, register, unregister
from .resolved import KernelResult, Resolved, Terms, ThetaBuilder
from .run import resolve, run

__all__ = [
    "REGISTRY",
    "KernelResult",
    "Method",
    "Option",
    "Resolved",
    "Terms",
    "ThetaBuilder",
    "get",
    "names",
    "register",
    "resolve",
    "run",
    "unregister",
]
