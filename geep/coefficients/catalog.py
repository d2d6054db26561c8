"""The edition catalogue: one discovery, one resolution rule, one LOCK for every kind.

Roots, in order: the tables shipped with geep, then every folder in the
``GEEP_COEFFICIENTS_PATH`` environment variable (``os.pathsep``-separated), then folders
passed as ``paths=``. A root holds coefficient tables ``<table-id>/<edition>/table.{yaml,csv}``,
``profiles/*.yaml``, compensation schemes ``schemes/<id>/<edition>/scheme.yaml`` and a
``LOCK`` (:mod:`geep.coefficients.kinds`). Every kind is discovered by the same scan and
resolved by the same rule (:mod:`geep.coefficients.resolution`); released editions of tables
and schemes are checked against the same LOCK (:func:`geep.coefficients.lock.verify`).

A problem in geep's own root is a defect of the installation and is raised wherever it is
met. A problem in a *user* folder — a file that is not UTF-8 or not YAML, a field that is not
valid (``valid_from: 2024-13-45``, a bad status, an unknown unit), a tampered edition — sets
that edition aside: the other editions still load, listings report it (``attrs["invalid"]``),
loading it raises its error, and a :class:`CatalogueWarning` (the command line: a notice at the
end of the command) says it was ignored. The same ``id@edition`` in two roots is an error for
that id (a user folder may add editions and tables, never shadow one).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import warnings
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

import pandas as pd

from ..errors import CoefficientTableError, GeepError
from ..messages import text
from .kinds import KINDS, RESERVED, EditionEntry, Kind
from .lock import LOCK_FILE, folder_hash, read_lock, verify
from .reader import read_edition
from .resolution import Problem, ProvisionalWarning, Scan, choose
from .table import CoefficientTable, parse_ref

ENV_VAR = "GEEP_COEFFICIENTS_PATH"
T = TypeVar("T")


class CatalogueWarning(UserWarning):
    """An edition in a user catalogue folder was set aside (its error says why)."""


def shipped_root() -> Path:
    """Folder of the tables shipped with geep (inside the wheel, or the source checkout)."""
    here = Path(__file__).resolve().parent.parent
    installed = here / "_coefficients"
    if installed.is_dir():
        return installed
    checkout = here.parent / "coefficients"
    if checkout.is_dir():
        return checkout
    raise CoefficientTableError(  # pragma: no cover - broken installation
        text("catalogue.no_shipped"), file=str(here), hint=text("hint.catalogue.no_shipped")
    )


def roots(paths: Iterable[str | os.PathLike] | None = None) -> tuple[Path, ...]:
    """All catalogue roots in resolution order (geep's own first)."""
    out = [shipped_root()]
    env = os.environ.get(ENV_VAR, "")
    out += [Path(p) for p in env.split(os.pathsep) if p.strip()]
    out += [Path(p) for p in (paths or [])]
    seen: list[Path] = []
    for p in out:
        if not p.is_dir():
            raise CoefficientTableError(text("catalogue.no_folder", path=str(p)), file=str(p),
                                        hint=text("hint.catalogue.no_folder", var=ENV_VAR))  # fmt: skip
        rp = p.resolve()
        if rp not in seen:
            seen.append(rp)
    return tuple(seen)


# --- one scan for every kind ------------------------------------------------------------
def _disk_state(kind_name: str, root_set: tuple[Path, ...]) -> tuple:
    """What the scan of the *user* roots depends on: each file the kind finds (and LOCK) with
    its size and modification time, so an edition added, removed or edited in the same
    process (a notebook) is seen by the next call. geep's own catalogue (the first root) is
    part of the installation and is not re-listed."""
    kind = KINDS[kind_name]
    state = []
    for root in root_set[1:]:
        for file in [*kind.find(root), root / LOCK_FILE]:
            try:
                st = file.stat()
            except OSError:
                continue
            state.append((str(file), st.st_size, st.st_mtime_ns))
    return tuple(state)


def _scan(kind_name: str, root_set: tuple[Path, ...]) -> Scan:
    return _scan_state(kind_name, root_set, _disk_state(kind_name, root_set))


@lru_cache(maxsize=64)
def _scan_state(kind_name: str, root_set: tuple[Path, ...], _state: tuple) -> Scan:
    kind = KINDS[kind_name]
    entries: dict[str, dict[str, EditionEntry]] = {}
    invalid: list[Problem] = []
    dups: dict[str, GeepError] = {}
    for i, root in enumerate(root_set):
        try:
            lock = read_lock(root) if kind.lock_prefix is not None else {}
        except GeepError as exc:
            if i == 0:
                raise
            invalid.append(Problem("", "", exc))
            lock = {}
        for file in kind.find(root):
            try:
                item_id, ed = kind.where(file)
                entry = kind.head(file, root, kind.lock_key(item_id, ed) in lock)
            except GeepError as exc:
                if i == 0:  # geep's own catalogue: a broken installation
                    raise
                invalid.append(Problem(*kind.where(file), exc))
                continue
            eds = entries.setdefault(entry.id, {})
            if entry.edition in eds:
                first, second = eds[entry.edition], entry
                where = (first.file, second.file) if kind.name == "profile" else (
                    first.folder, second.folder)  # fmt: skip
                dups[entry.id] = kind.error(
                    text("catalogue.twice", ref=kind.label(entry.id, entry.edition),
                         first=where[0], second=where[1]), file=str(entry.file),
                    hint=text("hint.catalogue.twice"))  # fmt: skip
                continue
            eds[entry.edition] = entry
    out = Scan(kind_name, root_set, entries, tuple(invalid), dups)
    for err in out.problems():
        warnings.warn(CatalogueWarning(text(f"catalogue.notice_{kind_name}", error=err)),
                      stacklevel=4)  # fmt: skip
    return out


#: scans used since the last :func:`take_notices` (the command line prints their problems)
_USED: dict[tuple[str, tuple[Path, ...]], None] = {}
_SHOWN: set[tuple[str, str]] = set()


def scan_roots(kind: str, root_set: tuple[Path, ...]) -> Scan:
    """The (cached) scan of ``kind`` over ``root_set``."""
    _USED[(kind, root_set)] = None
    return _scan(kind, root_set)


def scan(kind: str, paths: Iterable[str | os.PathLike] | None = None) -> Scan:
    """The scan of ``kind`` (``"table"``, ``"scheme"``, ``"profile"``) over all roots."""
    return scan_roots(kind, roots(paths))


def invalid_editions(
    kind: str = "table", paths: Iterable[str | os.PathLike] | None = None
) -> list[GeepError]:
    """The editions of ``kind`` in user folders that were set aside, each error naming its
    file, field and fix (and every id defined in two roots)."""
    return scan(kind, paths).problems()


def _key(err: GeepError) -> tuple[str, str]:
    return (str(err.file), repr(err._message))


def mark_shown(errors: Iterable[GeepError]) -> None:
    """Errors the command already printed (not repeated as notices)."""
    _SHOWN.update(_key(e) for e in errors)


def take_notices() -> list[Any]:
    """Notices (texts) of the set-aside editions of every scan used since the last call,
    except those already shown; the command line prints them at the end of a command."""
    out = []
    for kind, root_set in list(_USED):
        try:
            problems = _scan(kind, root_set).problems()
        except GeepError:  # already raised to the command
            continue
        for err in problems:
            if _key(err) not in _SHOWN:
                _SHOWN.add(_key(err))
                out.append(text(f"catalogue.notice_{kind}", error=err))
    _USED.clear()
    return out


def reset_notices() -> None:
    """Forget used scans and shown errors (the start of a command)."""
    _USED.clear()
    _SHOWN.clear()


def resolve_edition(
    kind: str,
    item_id: str,
    edition: str | None = None,
    as_of: dt.date | str | None = None,
    paths: Iterable[str | os.PathLike] | None = None,
) -> EditionEntry:
    """The entry of ``item_id`` (or ``"id@edition"``) by the one resolution rule."""
    if "@" in str(item_id):
        item_id, ed = parse_ref(str(item_id))
        edition = edition or ed
    try:
        return choose(KINDS[kind], scan(kind, paths), item_id, edition, as_of)
    except GeepError as exc:
        mark_shown([exc])
        raise


def collect(
    s: Scan, load: Callable[[EditionEntry], T]
) -> tuple[list[tuple[EditionEntry, T]], list[GeepError]]:
    """Load every usable edition of a scan: ``([(entry, loaded)], problems)``. A problem in
    geep's own root raises; one in a user folder is kept with the set-aside editions."""
    problems = s.problems()
    out = []
    for _, eds in sorted(s.usable().items()):
        for _, entry in sorted(eds.items()):
            try:
                out.append((entry, load(entry)))
            except GeepError as exc:
                if entry.root == s.roots[0]:
                    raise
                problems.append(exc)
    return out, problems


# --- coefficient tables -----------------------------------------------------------------
def index(paths: Iterable[str | os.PathLike] | None = None) -> dict[str, dict[str, EditionEntry]]:
    """``{table_id: {edition: EditionEntry}}`` over all roots (usable editions)."""
    return scan("table", paths).usable()


def clear_cache() -> None:
    """Forget cached indexes and tables (after editing tables on disk)."""
    _scan_state.cache_clear()
    _load_entry.cache_clear()


def resolve(
    table_id: str,
    edition: str | None = None,
    as_of: dt.date | str | None = None,
    paths: Iterable[str | os.PathLike] | None = None,
) -> EditionEntry:
    """Find the edition entry for ``table_id`` (exact edition, valid at ``as_of``, or newest).

    Without ``edition`` the newest *released* edition is chosen; if a table has no released
    edition, its newest provisional one is returned with a :class:`ProvisionalWarning`.
    """
    return resolve_edition("table", table_id, edition, as_of, paths)


@lru_cache(maxsize=256)
def _load_entry(folder: Path, root: Path, state: str) -> CoefficientTable:
    table = read_edition(folder, origin=str(folder))
    verify(table.ref, table.status, table.sha256, root, label=(table.id, table.edition),
           file=str(folder), shown=str(folder / "table.csv") + " or table.yaml")  # fmt: skip
    return table


def _state(folder: Path, root: Path) -> str:
    """Cache key of an edition: the hash of its files and of its root's LOCK, so that any
    change on disk (even one that keeps modification times) is seen on the next load."""
    h = hashlib.sha256(folder_hash(folder).encode())
    lock = root / LOCK_FILE
    if lock.exists():
        h.update(lock.read_bytes())
    return h.hexdigest()


def load_entry(entry: EditionEntry) -> CoefficientTable:
    """The table of an index entry, validated and checked against its root's LOCK."""
    return _load_entry(entry.folder, entry.root, _state(entry.folder, entry.root))


def load(
    table_id: str,
    edition: str | None = None,
    as_of: dt.date | str | None = None,
    paths: Iterable[str | os.PathLike] | None = None,
) -> CoefficientTable:
    """Load a coefficient table edition, validated and integrity-checked.

    Parameters
    ----------
    table_id
        Table id, or ``"id@edition"``.
    edition
        Exact edition; default: the newest released one.
    as_of
        A date (or ISO string): the edition valid on that day.
    paths
        Extra catalogue folders (in addition to the shipped ones and ``GEEP_COEFFICIENTS_PATH``).

    Raises
    ------
    TableNotFoundError, EditionNotFoundError
        With close names / the list of available editions.
    CoefficientTableError
        If the table is invalid (every problem with file, line and column).
    TamperedEditionError
        If an edition listed in ``LOCK`` no longer matches its hash (whatever its status
        field says now), or a released edition is not listed.
    """
    entry = resolve(table_id, edition, as_of, paths)
    try:
        return load_entry(entry)
    except GeepError as exc:
        mark_shown([exc])
        raise


def catalog(paths: Iterable[str | os.PathLike] | None = None) -> pd.DataFrame:
    """One row per table edition: id, edition, status, title, kind, price year, validity,
    row count and evidence counts, origin folder.

    Loading the whole catalogue validates every table and checks every released hash. An
    edition of a user folder that fails is left out and its error kept, with those of the
    editions that could not be indexed, in ``attrs["invalid"]``.
    """
    loaded, invalid = collect(scan("table", paths), load_entry)
    rows = []
    for entry, t in loaded:
        rows.append({"table": t.id, "edition": t.edition, "status": t.status,
                     "kind": t.meta.kind, "title": t.meta.title.en, "title_zh": t.meta.title.zh,
                     "price_year": t.meta.price_year, "valid_from": t.meta.valid_from,
                     "valid_to": t.meta.valid_to, "rows": len(t.frame), **t.evidence_counts,
                     "sha256": t.sha256[:12], "origin": str(entry.root)})  # fmt: skip
    out = pd.DataFrame(rows)
    if not out.empty:
        out["price_year"] = out["price_year"].astype("Int64")
    out.attrs["invalid"] = invalid
    return out


def __getattr__(name: str):  # names that moved to geep.coefficients.publish
    if name in ("hashes_for", "scheme_hashes", "update_lock"):
        from . import publish

        return getattr(publish, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "RESERVED",
    "CatalogueWarning",
    "EditionEntry",
    "Kind",
    "ProvisionalWarning",
    "catalog",
    "clear_cache",
    "collect",
    "folder_hash",
    "index",
    "invalid_editions",
    "load",
    "load_entry",
    "resolve",
    "resolve_edition",
    "roots",
    "scan",
    "shipped_root",
]
