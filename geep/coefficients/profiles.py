"""Profiles: named bundles of coefficient tables (by role) and method options.

A profile is ``profiles/<name>.yaml`` in any catalogue root, found, read (UTF-8, bounded YAML)
and set aside when broken by the one catalogue (:mod:`geep.coefficients.catalog`). Like tables,
a user folder may add profiles, never shadow one.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping

from ..errors import GeepError, TableNotFoundError
from ..messages import text
from .catalog import load, mark_shown, roots, scan_roots
from .kinds import KINDS, PROFILE_DIR
from .model import Profile
from .resolution import choose
from .table import CoefficientTable

__all__ = ["PROFILE_DIR", "load_profile", "profile_table", "profiles"]


def profiles(paths: Iterable[str | os.PathLike] | None = None) -> list[str]:
    """Names of all usable profiles (broken user profiles are set aside: see
    :func:`geep.coefficients.invalid_editions` with ``"profile"``)."""
    return sorted(scan_roots("profile", roots(paths)).usable())


def load_profile(name: str | Profile, paths: Iterable[str | os.PathLike] | None = None) -> Profile:
    """Load and validate profile ``name`` (a :class:`Profile` is returned unchanged).

    Raises
    ------
    TableNotFoundError
        No such profile (the available ones listed).
    CoefficientTableError
        The profile file is invalid (file and field named), or defined in two roots.
    """
    if isinstance(name, Profile):
        return name
    try:
        entry = choose(KINDS["profile"], scan_roots("profile", roots(paths)), str(name), "")
    except GeepError as exc:
        mark_shown([exc])
        raise
    return entry.meta


def profile_table(
    profile: str | Profile,
    role: str,
    tables: Mapping[str, CoefficientTable | str] | None = None,
    paths: Iterable[str | os.PathLike] | None = None,
) -> CoefficientTable:
    """The table a profile uses for ``role``; ``tables`` may replace it (override or ref)."""
    if tables and role in tables:
        t = tables[role]
        return t if isinstance(t, CoefficientTable) else load(t, paths=paths)
    prof = load_profile(profile, paths)
    if role not in prof.tables:
        raise TableNotFoundError(
            text("coef.profile_role", profile=prof.name, role=role,
                 available=", ".join(sorted(prof.tables))),
            table=prof.name,
        )  # fmt: skip
    return load(prof.tables[role], paths=paths)
