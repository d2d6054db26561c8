"""The coefficient catalogue: versioned, validated, immutable coefficient tables, profiles and
compensation-scheme editions — one discovery, one resolution rule, one LOCK.

>>> from geep import coefficients
>>> t = coefficients.load("xie2015-factors")          # newest released edition
>>> t.value(("forest.broadleaf", "climate_regulation"), "factor")
6.5
"""

from .catalog import (
    CatalogueWarning,
    ProvisionalWarning,
    catalog,
    clear_cache,
    folder_hash,
    index,
    invalid_editions,
    load,
    resolve,
    resolve_edition,
    roots,
    shipped_root,
)
from .diff import TableDiff, diff
from .lock import read_lock, write_lock
from .model import EVIDENCE_LEVELS, Profile, TableMeta
from .override import override, save
from .profiles import load_profile, profile_table, profiles
from .publish import LockRefusedError, LockUpdate, hashes_for, is_root, update_lock
from .table import CoefficientTable, parse_ref

__all__ = [
    "EVIDENCE_LEVELS",
    "CatalogueWarning",
    "CoefficientTable",
    "LockRefusedError",
    "LockUpdate",
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
    "invalid_editions",
    "is_root",
    "load",
    "load_profile",
    "override",
    "parse_ref",
    "profile_table",
    "profiles",
    "read_lock",
    "resolve",
    "resolve_edition",
    "roots",
    "save",
    "shipped_root",
    "update_lock",
    "write_lock",
]
