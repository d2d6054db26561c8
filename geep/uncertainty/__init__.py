"""Uncertainty propagation and global sensitivity over coefficients and monitoring data.

>>> import geep.uncertainty as unc
>>> sim = unc.simulate("esv", land_cover, draws=1000, seed=42,
...                    distributions={"standard-equivalent#d_national":
...                                   {"dist": "uniform", "min": 0.8, "max": 1.2, "relative": True}})
>>> sim.quantiles(q=(0.05, 0.5, 0.95), by=("region_code", "year"))   # doctest: +SKIP
>>> unc.sensitivity("esv", land_cover, method="sobol", groups="service")  # doctest: +SKIP

A draw is one realisation of every coefficient table, shared by all regions, years and
scenarios; it runs through the same value terms as the deterministic ledger. Needs the
``uncertainty`` extra (scipy, SALib, pyarrow), imported only when used.

References
----------
DESIGN §11; docs/methods/uncertainty.md; reference/uncertainty-seea.md §3.
"""

from __future__ import annotations

from .compensation import SettlementSimulation, simulate_settlement
from .qledger import QuantileLedger
from .sampling import SAMPLINGS
from .sensitivity import TECHNIQUES, SensitivityResult, sensitivity
from .simulate import LEDGER_Q, Simulation, simulate
from .specs import DISTS, EVIDENCE_WIDTHS, DistributionError, read_distributions
from .tables import CallableSimulation

__all__ = [
    "DISTS",
    "EVIDENCE_WIDTHS",
    "LEDGER_Q",
    "SAMPLINGS",
    "TECHNIQUES",
    "CallableSimulation",
    "DistributionError",
    "QuantileLedger",
    "SensitivityResult",
    "SettlementSimulation",
    "Simulation",
    "read_distributions",
    "sensitivity",
    "simulate",
    "simulate_settlement",
]
