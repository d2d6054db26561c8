"""Built-in physical-quantity models of the function-value method (功能量 from drivers).

Each function is pure: arrays in canonical units in, quantities out. Formulas follow the
Garze 2010 case (Ouyang group), as documented in geep's methods reference §2.3.

References
----------
.. [1] 白玛卓嘎, 肖燚, 欧阳志云, 王莉雁. 甘孜藏族自治州生态系统生产总值核算研究. 生态学报 2017,
   37(19):6302-6312.
.. [2] 博文静 et al. 中国森林生态资产价值评估. 生态学报 2017, 37(12):4182-4190.
.. [3] 张春华 et al. 2004—2013年山东省森林碳储量及其碳汇经济价值. 生态学报 2018, 38(5):1739-1749
   (ChinaXiv preprint 201803.01069), §1.3.2 (CO₂ = 1.63 × NPP, O₂ = 1.19 × NPP with the
   LY/T 1721-2008 prices).
"""

from __future__ import annotations

import numpy as np

MM_HA_TO_M3 = 10.0  # 1 mm of water over 1 ha = 10 m³ (definitional)
KJ_PER_KWH = 3600.0  # definitional
J_PER_KWH = 3.6e6  # definitional
WATER_DENSITY_G_PER_M3 = 1.0e6  # definitional (1 t/m³)
#: CO₂ fixed per unit of dry matter produced [t t⁻¹]: 1.63 as printed in ChinaXiv 201803.01069
#: and 201711.00109 [P]; 6 CO₂ (264) per C₆H₁₀O₅ (162) = 1.630 by the photosynthesis equation [D]
CO2_PER_DRY_MATTER = 1.63
#: O₂ released per unit of dry matter produced [t t⁻¹]: 1.19 as printed in the same studies [P];
#: 6 O₂ (192) per C₆H₁₀O₅ (162) = 1.185 with integer molar masses [D] (1.184 with IUPAC masses)
O2_PER_DRY_MATTER = 1.19


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


def co2_fixation(npp_dry_matter, factor=CO2_PER_DRY_MATTER):
    """CO₂ fixed by photosynthesis [t CO₂ a⁻¹] = 1.63 × NPP [t dry matter a⁻¹].

    The photosynthesis equation 6 CO₂ + 6 H₂O → C₆H₁₂O₆ + 6 O₂ (→ C₆H₁₀O₅ polysaccharide)
    fixes 264 g CO₂ per 162 g dry matter. NPP must be dry matter: NPP given as carbon
    (``t_C``) would first need a carbon fraction of dry matter, which this model does not
    assume. Carbon in CO₂ is 12/44 (27.27 %), so the fixed carbon is 0.4445 × NPP.

    References
    ----------
    ChinaXiv 201803.01069 §1.3.2; ChinaXiv 201711.00109 Table 1 eq. (3); LY/T 1721-2008.
    """
    return np.asarray(npp_dry_matter, dtype=float) * factor


def o2_release(npp_dry_matter, factor=O2_PER_DRY_MATTER):
    """O₂ released by photosynthesis [t O₂ a⁻¹] = 1.19 × NPP [t dry matter a⁻¹].

    192 g O₂ per 162 g dry matter (see :func:`co2_fixation`); dry-matter NPP only.

    References
    ----------
    ChinaXiv 201803.01069 §1.3.2; ChinaXiv 201711.00109 Table 1 eq. (4); LY/T 1721-2008.
    """
    return np.asarray(npp_dry_matter, dtype=float) * factor
