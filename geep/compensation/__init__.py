"""Eco-compensation: rule primitives, schemes as versioned data, settlement ledgers.

>>> from geep import compensation
>>> compensation.schemes()[["scheme", "edition", "status"]]       # doctest: +SKIP
>>> s = geep.compensate("fen-river", observations, flows=flows)   # doctest: +SKIP
>>> s.status, s.net, s.matrix(2022)                               # doctest: +SKIP

Schemes live in ``coefficients/schemes/<id>/<edition>/scheme.yaml`` with an evidence level
and a source for every parameter; released editions are hash-checked. A provisional edition
(the 2021 Fen River pilot, whose official amounts are not public) says so in every output;
official values are supplied with ``parameters=``.

References
----------
DESIGN §7; geep ``compensation.md`` (sources S1–S98).
"""

from . import rules
from .engine import Prepared, compensate, prepare, run
from .io import read_inputs
from .parameters import ParameterError
from .schemes import Scheme, clear_cache, invalid_editions, load, read_scheme, schemes
from .sensitivity import compare_rules, scenarios, sensitivity
from .settlement import NET_COLUMNS, OBLIGATION_COLUMNS, Settlement

__all__ = [
    "NET_COLUMNS",
    "OBLIGATION_COLUMNS",
    "ParameterError",
    "Prepared",
    "Scheme",
    "Settlement",
    "clear_cache",
    "compare_rules",
    "compensate",
    "invalid_editions",
    "load",
    "prepare",
    "read_inputs",
    "read_scheme",
    "rules",
    "run",
    "scenarios",
    "schemes",
    "sensitivity",
]
