"""The structure of the function-value GEP: built-in quantity models and valuation options.

Which driver variables each built-in model needs, which model constants it reads from the
parameter table (and in which unit), and the provisioning bases a ledger may be labelled with.
Coefficient values are never here: they come from the profile's ``parameters`` table.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from . import gep_models as gm

PROVISIONING_BASES = ("gross_output", "value_added", "resource_rent")


@dataclass(frozen=True)
class QuantityModel:
    """A built-in model computing an indicator's quantity from drivers.

    ``constants`` are parameter ids with the canonical unit they are read in; ``output`` is a
    unit factor applied to the result (exact by definition, e.g. t C → t CO₂ = 44/12).
    """

    indicator: str
    variables: tuple[str, ...]
    function: Callable[..., object]
    constants: tuple[tuple[str, str], ...]
    label: str
    output: float = 1.0


MODELS: dict[str, QuantityModel] = {
    m.indicator: m
    for m in (
        QuantityModel(
            "water_conservation",
            ("precipitation", "storm_runoff", "evapotranspiration", "ecosystem_area"),
            gm.water_conservation, (), "water_balance",
        ),
        QuantityModel(
            "soil_retention",
            ("usle.r", "usle.k", "usle.ls", "usle.c", "usle.p", "ecosystem_area"),
            gm.soil_retention, (), "usle",
        ),
        QuantityModel(
            "sand_fixation", ("rweq.potential", "rweq.actual", "ecosystem_area"),
            gm.sand_fixation, (), "rweq_moduli",
        ),
        QuantityModel(
            "flood_regulation.reservoir", ("reservoir_capacity",), gm.reservoir_flood_storage,
            (("const.flood_regulation.reservoir_share", "dimensionless"),), "reservoir_share",
        ),
        QuantityModel(
            "carbon_sequestration", ("npp", "soil_respiration"), gm.carbon_sequestration, (),
            "nep", output=44.0 / 12.0,
        ),
        QuantityModel(
            "climate_regulation.transpiration", ("transpiration_heat", "vegetation_area", "ac_days"),
            gm.transpiration_energy, (("const.climate_regulation.ac_eer", "dimensionless"),),
            "transpiration",
        ),
        QuantityModel(
            "climate_regulation.evaporation", ("water_evaporation",), gm.evaporation_energy,
            (("const.climate_regulation.latent_heat", "J/g"),
             ("const.climate_regulation.humidifier", "kWh/m**3")),
            "evaporation",
        ),
    )
}  # fmt: skip

#: soil retention given as one mass is valued as three lines (siltation, N, P)
SOIL_PARTS = (
    ("siltation", (("const.soil_retention.siltation_ratio", "dimensionless", 1),
                   ("const.soil_retention.bulk_density", "t/m**3", -1))),
    ("nitrogen", (("const.soil_retention.n_content", "dimensionless", 1),)),
    ("phosphorus", (("const.soil_retention.p_content", "dimensionless", 1),)),
)  # fmt: skip

#: sand fixation: price per area → per t of sand via bulk density and thickness
SAND_CONSTANTS = (("const.sand_fixation.bulk_density", "t/m**3"),
                  ("const.sand_fixation.thickness", "m"))  # fmt: skip

__all__ = ["MODELS", "PROVISIONING_BASES", "SAND_CONSTANTS", "SOIL_PARTS", "QuantityModel"]
