"""Definitions of the rule arguments that scheme parameters are bound to: kind, canonical
unit, bounds, list lengths.

Bounds (inclusive unless noted) are generous limits of plausibility, not policy: money per line
≤ 10¹⁵ CNY (about ten times China's annual GDP); flows 0 ≤ Q ≤ 10⁶ m³/s (the Amazon's mean
discharge is about 2 × 10⁵ m³/s; a floor of 0 asks for no flow); volumes ≤ 10¹⁴ m³; prices ≤ 10⁹ CNY/t and ≤ 10⁴ CNY/m³;
exceedance band edges ≥ 0 and strictly increasing; compliance thresholds and tolerances 0..1;
water-quality classes 1..6; runs 1..12 months.

References
----------
compensation.md §1.3–§2.6 (the rules and their published amounts), §5.1 (primitives).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

MONEY_MAX = 1e15  # CNY
FLOW_MAX = 1e6  # m3/s
VOLUME_MAX = 1e14  # m3


@dataclass(frozen=True)
class ArgSpec:
    """What a rule argument accepts.

    ``kind``: ``number``, ``integer``, ``list`` (of numbers), ``mapping`` (of numbers),
    ``keyed`` (a number or a mapping by ``keys``), ``choice``, ``flag`` or ``text``.
    ``unit``: the canonical unit the rule converts to (``None``: a pure number). ``low`` /
    ``high``: bounds in that unit (``open_low``: ``low`` itself excluded). ``per``: the argument
    of the same component whose list length this list must match. ``noun``: message noun.
    """

    kind: str
    unit: str | None = None
    low: float | None = None
    high: float | None = None
    open_low: bool = False
    choices: tuple[str, ...] = ()
    per: str | None = None
    increasing: bool = False
    noun: str = "value"
    keys: str = "section"


def _money(**kw: Any) -> ArgSpec:
    return ArgSpec(kw.pop("kind", "number"), "CNY", 0.0, MONEY_MAX, noun="amount", **kw)


_RATIO = ArgSpec("mapping", None, 0.0, 1e6, noun="ratio", keys="party")
#: rule → argument → definition
RULE_ARGS: dict[str, dict[str, ArgSpec]] = {
    "tier_by_exceedance": {
        "bands": ArgSpec("list", "dimensionless", 0.0, 1e6, increasing=True, noun="edge"),
        "amounts": _money(kind="list", per="bands"),
        "closed": ArgSpec("choice", choices=("right", "left")),
        "combine": ArgSpec("choice", choices=("sum", "max")),
    },
    "class_step": {
        "base_class": ArgSpec("integer", None, 1, 6),
        "per_class_worse": _money(),
        "per_class_better": _money(),
    },
    "index_change": {
        "per_point": _money(),
        "mode": ArgSpec("choice", choices=("relative", "absolute")),
        "whole_points": ArgSpec("flag"),
    },
    "load_based": {
        "unit_price": ArgSpec("mapping", "CNY/t", 0.0, 1e9, noun="price", keys="indicator")
    },
    "p_index": {
        "baseline": ArgSpec("mapping", "mg/L", 0.0, 1e5, open_low=True, keys="indicator"),
        "weights": ArgSpec("mapping", None, 0.0, 1e3, keys="indicator"),
        "k0": ArgSpec("number", None, 0.0, 1e3, open_low=True),
        "threshold": ArgSpec("number", None, 0.0, 1e6),
        "amount": _money(),
    },
    "maintenance_reward": {
        "run_months": ArgSpec("integer", None, 1, 12),
        "run_amount": _money(),
        "year_amount": _money(),
    },
    "improvement_reward": {"to_compliant": _money(), "cross_class": _money()},
    "compliance_rate": {
        "threshold": ArgSpec("keyed", "dimensionless", 0.0, 1.0, keys="year"),
        "reward": _money(),
        "penalty": _money(),
    },
    "eflow_floor": {
        "floor": ArgSpec("keyed", "m3/s", 0.0, FLOW_MAX),
        "amount": _money(),
    },
    "quantity_vs_baseline": {
        "baseline": ArgSpec("keyed", "m3", 0.0, VOLUME_MAX),
        "price_above": ArgSpec("number", "CNY/m3", 0.0, 1e4, noun="price"),
        "price_below": ArgSpec("number", "CNY/m3", 0.0, 1e4, noun="price"),
    },
    "pooled_fund": {"total": _money(), "contributions": _RATIO, "allocations": _RATIO},
    "value_apportion": {
        "total": _money(),
        "shares": _RATIO,
        "tolerance": ArgSpec("number", "dimensionless", 0.0, 1.0),
    },
}
RULE_ARGS["continuous_tier"] = RULE_ARGS["tier_by_exceedance"]
CAP = _money()
