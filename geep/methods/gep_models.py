"""Built-in physical-quantity models of the function-value method (功能量 from drivers).

Each function is pure: arrays in canonical units in, quantities out. Formulas follow the
Garze 2010 case (Ouyang group), as documented in geep's methods reference §2.3.

References
----------
.. [1] 白玛卓嘎, 肖燚, 欧阳志云, 王莉雁. 甘孜藏族自治州生态系统生产总值核算研究. 生态学报 2017,
   37(19):6302-6312.
.. [2] 博文静 et al. 中国森林生态资产价值评估. 生态学报 2017, 37(12):4182-4190.
"""

from __future__ import annotations

import numpy as np

MM_HA_TO_M3 = 10.0  # 1 mm of water over 1 ha = 10 m³ (definitional)
KJ_PER_KWH = 3600.0  # definitional
J_PER_KWH = 3.6e6  # definitional
WATER_DENSITY_G_PER_M3 = 1.0e6  # definitional (1 t/m³)


def water_conservation(precipitation, storm_runoff, evapotranspiration, area):
    """Water balance ``Q = (P − R − ET) · A`` [m³ a⁻¹] with P, R, ET [mm a⁻¹] and A [ha].

    Negative results (ET above precipitation) are returned as computed, not clipped.
    """
    p, r, et, a = map(np.asarray, (precipitation, storm_runoff, evapotranspiration, area))
    return (p - r - et) * a * MM_HA_TO_M3


def soil_retention(r, k, ls, c, p, area):
    """USLE potential minus actual erosion [t a⁻¹]: ``R·K·LS·(1 − C·P) · A``.

    R [MJ mm ha⁻¹ h⁻¹ a⁻¹], K [t ha h ha⁻¹ MJ⁻¹ mm⁻¹], LS, C, P [–], A [ha].
    """
    r, k, ls, c, p, a = map(np.asarray, (r, k, ls, c, p, area))
    return r * k * ls * (1.0 - c * p) * a


def sand_fixation(potential, actual, area):
    """Wind erosion avoided [t a⁻¹] = (potential − actual) [t ha⁻¹ a⁻¹] × A [ha] (RWEQ moduli)."""
    pot, act, a = map(np.asarray, (potential, actual, area))
    return (pot - act) * a


def reservoir_flood_storage(capacity, share):
    """Reservoir flood-regulation volume [m³] = share (0.35 in Garze) × total capacity [m³]."""
    return np.asarray(share) * np.asarray(capacity)


def carbon_sequestration(npp, soil_respiration):
    """Net ecosystem production NEP = NPP − Rs [t C a⁻¹] (ForestNPV); convert to CO₂ by units."""
    return np.asarray(npp) - np.asarray(soil_respiration)


def transpiration_energy(heat, area, days, eer):
    """Vegetation transpiration cooling [kWh] = GPP_heat · S · d / (3600 · r).

    heat [kJ m⁻² d⁻¹], area [ha], days [d], eer (air-conditioner energy-efficiency ratio) [–].
    """
    h, a, d, r = map(np.asarray, (heat, area, days, eer))
    return h * (a * 1.0e4) * d / (KJ_PER_KWH * r)


def evaporation_energy(evaporation, latent_heat, humidifier):
    """Water-surface evaporation cooling and humidifying [kWh].

    ``E·ρ·q / 3.6e6 + E·γ`` with E [m³], ρ = 10⁶ g m⁻³, q latent heat [J g⁻¹],
    γ humidifier energy [kWh m⁻³].
    """
    e, q, g = map(np.asarray, (evaporation, latent_heat, humidifier))
    return e * WATER_DENSITY_G_PER_M3 * q / J_PER_KWH + e * g
