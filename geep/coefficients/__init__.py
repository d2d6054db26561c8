"""The coefficient catalogue: versioned, validated, immutable coefficient tables.

>>> from geep import coefficients
>>> t = coefficients.load("xie2015-factors")          # newest released edition
>>> t.value(("forest.broadleaf", "climate_regulation"), "factor")
6.5
"""

from .catalog import (
    ProvisionalWarning,
    catalog,
    clear_cache,
    folder_hash,
    hashes_for,
    index,
    load,
    resolve,
    roots,
    shipped_root,
)
from .diff import TableDiff, diff
from .lock import read_lock, write_lock
from .model import EVIDENCE_LEVELS, Profile, TableMeta
from .override import override, save
from .profiles import load_profile, profile_table, profiles
from .table import CoefficientTable, parse_ref

__all__ = [
    "EVIDENCE_LEVELS",
    "CoefficientTable",
    "Profile",
    "ProvisionalWarning",
    "TableDiff",
    "TableMeta",
    "catalog",
    "clear_cache",
    "diff",
    "folder_hash",
    "hashes_for",
    "index",
    "load",
    "load_profile",
    "override",
    "parse_ref",
    "profile_table",
    "profiles",
    "read_lock",
    "resolve",
    "roots",
    "save",
    "shipped_root",
    "write_lock",
]
