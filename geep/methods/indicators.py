"""The GEP indicator vocabulary (moved to :mod:`geep.indicators`; kept importable here)."""

from ..indicators import INDICATORS, OVERLAPS, IndicatorDef

__all__ = ["INDICATORS", "OVERLAPS", "IndicatorDef"]
