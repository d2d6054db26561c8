"""Constants and the :class:`Flow` result type shared by the forest formulas.

Constants here are physics or unit facts, each with its derivation; nothing here is a price.

References
----------
.. [P1] 张春华 et al. 2018, 生态学报 38(5):1739-1749, §1.3.2 (1.63, R碳 = 27.27 %, 1.19).
.. [J1] debug-LiXiwen/lyzy @ 32a0d93b, ``stxtCalculate.java`` (the 5.256×10¹⁵ factor).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

# --- constants: physics and unit facts -------------------------------------------------------
#: m³ of water per (mm × ha): 1 mm · 1 ha = 10⁻³ m · 10⁴ m² = 10 m³
MM_HA_TO_M3 = 10.0
#: R碳, the mass fraction of carbon in CO₂: 12/44 (molar masses C 12, CO₂ 44; P1 prints 27.27 %)
C_PER_CO2 = 12.0 / 44.0
#: t CO₂ fixed per t of dry biomass produced (photosynthesis 6CO₂+6H₂O → C₆H₁₂O₆+6O₂ and
#: polysaccharide formation: 264 g CO₂ per 162 g dry matter = 1.63; J1, P1)
CO2_PER_BIOMASS = 1.63
#: t O₂ released per t of dry biomass produced (192 g O₂ per 162 g dry matter = 1.19; P1, P3)
O2_PER_BIOMASS = 1.19
#: 1 % as a fraction
PERCENT = 0.01
#: density of water [t m⁻³] (1 m³ of water = 1 t; the purification cost K水 is per t)
WATER_DENSITY = 1.0
#: minutes in a year of 365 days (the year of the 5.256×10¹⁵ factor)
MINUTES_PER_YEAR = 365 * 24 * 60
#: m² per ha, and cm³ per m³
M2_PER_HA = 1.0e4
CM3_PER_M3 = 1.0e6
#: 5.256×10¹⁵ = 525 600 min a⁻¹ × 10⁴ m² ha⁻¹ × 10⁶ cm³ m⁻³: turns Q [个 cm⁻³] · A [ha] ·
#: H [m] / L [min] into ions per year
ANION_FACTOR = MINUTES_PER_YEAR * M2_PER_HA * CM3_PER_M3

Array = NDArray[np.float64]


@dataclass(frozen=True)
class Flow:
    """One valued line per stand: ``value = quantity × price``.

    Attributes
    ----------
    quantity
        Physical quantity per stand [the component's ``quantity_unit``, per year].
    price
        Unit price applied to the quantity [CNY per ``quantity_unit``].
    value
        Value per stand [CNY a⁻¹].
    """

    quantity: Array
    price: Array
    value: Array


def flow(quantity: ArrayLike, price: ArrayLike) -> Flow:
    """A :class:`Flow` of ``quantity`` × ``price``, both broadcast to one shape.

    ``quantity`` is kept as is when it already has that shape (the formulas pass freshly
    computed arrays); anything broadcast is materialised, so every array of a flow is its own.
    """
    q, p = np.asarray(quantity, dtype=float), np.asarray(price, dtype=float)
    shape = np.broadcast_shapes(q.shape, p.shape)
    if q.shape != shape:
        q = np.broadcast_to(q, shape).copy()
    p = p.copy() if p.shape == shape else np.broadcast_to(p, shape).copy()
    return Flow(q, p, q * p)


def as_array(x: ArrayLike) -> Array:
    """``x`` as a float array (no copy when it already is one)."""
    return np.asarray(x, dtype=float)
