"""Recording released editions in a root's ``LOCK`` (``geep coefficients lock``).

:func:`update_lock` is the only way geep writes a LOCK on a maintainer's behalf. It

* refuses a folder that is not a catalogue root (saying what a root holds, and naming the
  root when the folder is an edition or a table folder inside one);
* validates every edition of the root first (a table that does not load is not locked);
* adds the hash of every released edition that LOCK does not list yet;
* refuses to re-hash an edition that LOCK lists and whose files changed — whatever its status
  field says now — and to drop an edition LOCK lists that is gone: a change is a new edition
  (a new folder, a new ``edition``, ``supersedes: <old>``), never a new hash for an old one.

References
----------
DESIGN §3 (released editions are immutable; changing values means a new edition).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..errors import CoefficientTableError, GeepError, SchemeError
from ..messages import Text, text
from .kinds import KINDS, EditionEntry, find_profiles, find_schemes, find_tables
from .lock import LOCK_FILE, folder_hash, read_lock, write_lock
from .reader import read_edition


class LockRefusedError(CoefficientTableError):
    """``geep coefficients lock`` would change what a released edition is; nothing written."""


@dataclass(frozen=True)
class LockUpdate:
    """What :func:`update_lock` did: the LOCK written, every released edition it lists, and
    the ones it added."""

    path: Path
    released: tuple[str, ...]
    added: tuple[str, ...]


def is_root(folder: str | os.PathLike) -> bool:
    """True if ``folder`` holds catalogue editions, profiles or a LOCK."""
    p = Path(folder)
    if not p.is_dir():
        return False
    return bool((p / LOCK_FILE).is_file() or find_tables(p) or find_schemes(p)
                or find_profiles(p))  # fmt: skip


def _not_a_root(folder: Path) -> GeepError:
    """The error for a folder that is not a root, naming the root when it is inside one."""
    inside = None
    subdirs = [d for d in folder.iterdir() if d.is_dir()] if folder.is_dir() else []
    if (folder / "table.yaml").is_file():  # an edition folder
        inside = folder.parent.parent
    elif (folder / "scheme.yaml").is_file():  # a scheme edition folder
        inside = folder.parent.parent.parent
    elif any((d / "table.yaml").is_file() for d in subdirs):  # a table folder
        inside = folder.parent
    elif any((d / "scheme.yaml").is_file() for d in subdirs):  # a scheme folder
        inside = folder.parent.parent
    elif folder.name in ("schemes", "profiles") and is_root(folder.parent):
        inside = folder.parent
    hint: Text = text("hint.catalogue.root_shape")
    if inside is not None:
        hint = text("hint.catalogue.root_inside", root=inside) + " " + hint
    return CoefficientTableError(text("catalogue.not_root", folder=folder), file=str(folder),
                                 hint=hint)  # fmt: skip


def _table_hash(file: Path) -> tuple[str, str, str]:
    t = read_edition(file.parent)  # full validation before locking
    return t.ref, t.status, t.sha256


def _scheme_hash(file: Path) -> tuple[str, str, str]:
    entry: EditionEntry = KINDS["scheme"].head(file, file.parents[3], False)
    return f"schemes/{entry.ref}", entry.status, folder_hash(file.parent)


def _hashes(root: Path, check: Callable[[Path], object] | None) -> tuple[dict, list]:
    """``{key: (status, digest)}`` of every edition of ``root``, and every problem."""
    out: dict[str, tuple[str, str]] = {}
    problems: list[GeepError] = []
    jobs = [(f, _table_hash) for f in find_tables(root)]
    jobs += [(f, _scheme_hash) for f in find_schemes(root)]
    for file, digest_of in jobs:
        try:
            key, status, digest = digest_of(file)
            if check is not None and file.name == "scheme.yaml":
                check(file.parent)
        except GeepError as exc:
            problems.append(exc)
            continue
        out[key] = (status, digest)
    return out, problems


def hashes_for(root: Path) -> dict[str, str]:
    """Content hashes of every released edition under ``root`` (for writing ``LOCK``):
    coefficient tables (``id@edition``) and compensation schemes (``schemes/id@edition``).

    Raises
    ------
    CoefficientTableError, SchemeError
        The first edition that does not validate.
    """
    found, problems = _hashes(Path(root), None)
    if problems:
        raise problems[0]
    return {k: d for k, (status, d) in found.items() if status == "released"}


def scheme_hashes(root: Path) -> dict[str, str]:
    """Hashes of released compensation-scheme editions under ``root/schemes`` (LOCK keys
    ``schemes/<id>@<edition>``)."""
    return {k: v for k, v in hashes_for(root).items() if k.startswith("schemes/")}


def update_lock(
    root: str | os.PathLike, check: Callable[[Path], object] | None = None
) -> LockUpdate:
    """Record the hash of every newly released edition of ``root`` in ``root/LOCK``.

    Parameters
    ----------
    root
        A catalogue root (see :func:`is_root`).
    check
        Called with every scheme edition folder before locking (the compensation package's
        full validation; tables are validated here).

    Raises
    ------
    CoefficientTableError
        ``root`` is not a catalogue root, or an edition does not validate (every one listed).
    LockRefusedError
        An edition listed in LOCK changed or is gone (every one listed; nothing written).
    """
    folder = Path(root)
    if not is_root(folder):
        raise _not_a_root(folder)
    current = read_lock(folder)
    found, problems = _hashes(folder, check)
    if problems:
        raise _all(problems, folder)
    refused: list[Text] = []
    for key, recorded in sorted(current.items()):
        if key not in found:
            refused.append(text("catalogue.lock_gone", ref=key))
        elif found[key][1] != recorded:
            refused.append(text("catalogue.lock_changed", ref=key, status=found[key][0]))
    if refused:
        joined = Text()
        for i, t in enumerate(refused):
            joined = joined + ("\n  " if i else "  ") + t
        raise LockRefusedError(text("catalogue.lock_refused", lock=folder / LOCK_FILE,
                                    n=len(refused), problems=joined), file=str(folder / LOCK_FILE),
                               hint=text("hint.catalogue.lock_refused"))  # fmt: skip
    added = sorted(k for k, (s, _) in found.items() if s == "released" and k not in current)
    merged = {**current, **{k: found[k][1] for k in added}}
    path = write_lock(folder, merged)
    return LockUpdate(path, tuple(sorted(merged)), tuple(added))


def _all(problems: list[GeepError], root: Path) -> GeepError:
    if len(problems) == 1:
        return problems[0]
    joined = Text()
    for i, p in enumerate(problems):
        joined = joined + ("\n  " if i else "  ") + p
    cls = SchemeError if all(isinstance(p, SchemeError) for p in problems) else (
        CoefficientTableError)  # fmt: skip
    return cls(text("catalogue.lock_invalid", n=len(problems), problems=joined),
               file=str(root), hint=text("hint.catalogue.lock_invalid"))  # fmt: skip


__all__ = ["LockRefusedError", "LockUpdate", "hashes_for", "is_root", "scheme_hashes",
           "update_lock"]  # fmt: skip
