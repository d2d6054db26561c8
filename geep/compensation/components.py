"""Registry of rule components: scheme ``rule:`` name → handler.

A handler takes the run :class:`~geep.compensation.context.Context` and a scheme
:class:`~geep.compensation.model.Component` and returns section lines (one row per assessed
section, period and indicator, signed amount in CNY; see :mod:`geep.compensation.lines`).
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from .context import Context
from .model import Component
from .rules_funds import eflow_floor, pooled_fund, quantity_vs_baseline, value_apportion
from .rules_quality import class_step, index_change, load_based, p_index, tier
from .rules_rewards import compliance_rate, improvement_reward, maintenance_reward

Handler = Callable[[Context, Component], pd.DataFrame]
HANDLERS: dict[str, Handler] = {
    "tier_by_exceedance": tier,
    "continuous_tier": tier,
    "class_step": class_step,
    "index_change": index_change,
    "load_based": load_based,
    "maintenance_reward": maintenance_reward,
    "improvement_reward": improvement_reward,
    "compliance_rate": compliance_rate,
    "eflow_floor": eflow_floor,
    "quantity_vs_baseline": quantity_vs_baseline,
    "p_index": p_index,
    "pooled_fund": pooled_fund,
    "value_apportion": value_apportion,
}
