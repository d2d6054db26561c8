"""Profiles: named bundles of coefficient tables (by role) and method options."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path

import pydantic
import yaml

from ..errors import CoefficientTableError, TableNotFoundError
from ..messages import msg
from .catalog import load, roots
from .model import Profile
from .table import CoefficientTable

PROFILE_DIR = "profiles"


def _profile_files(paths: Iterable[str | os.PathLike] | None) -> dict[str, Path]:
    out: dict[str, Path] = {}
    for root in roots(paths):
        d = root / PROFILE_DIR
        if d.is_dir():
            for f in sorted(d.glob("*.yaml")):
                if f.stem in out:  # like tables: a user folder may add profiles, never shadow one
                    raise CoefficientTableError(
                        f"profile {f.stem!r} is defined twice: {out[f.stem]} and {f}",
                        file=str(f),
                        hint="give the user profile a new name",
                    )
                out[f.stem] = f
    return out


def profiles(paths: Iterable[str | os.PathLike] | None = None) -> list[str]:
    """Names of all available profiles."""
    return sorted(_profile_files(paths))


def load_profile(name: str | Profile, paths: Iterable[str | os.PathLike] | None = None) -> Profile:
    """Load and validate profile ``name`` (a :class:`Profile` is returned unchanged)."""
    if isinstance(name, Profile):
        return name
    files = _profile_files(paths)
    if name not in files:
        raise TableNotFoundError(
            msg("coef.profile_not_found", profile=name, available=", ".join(sorted(files))),
            table=name,
        )
    path = files[name]
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        prof = Profile.model_validate(doc)
    except (yaml.YAMLError, pydantic.ValidationError) as exc:
        raise CoefficientTableError(msg("coef.meta", problem=str(exc)), file=str(path)) from exc
    if prof.name != name:
        raise CoefficientTableError(
            msg("coef.meta", problem=f"profile name {prof.name!r} differs from file name"),
            file=str(path),
        )
    return prof


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
            msg(
                "coef.profile_role",
                profile=prof.name,
                role=role,
                available=", ".join(sorted(prof.tables)),
            ),
            table=prof.name,
        )
    return load(prof.tables[role], paths=paths)
