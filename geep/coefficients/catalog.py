"""Discovery and resolution of coefficient tables across catalogue roots.

Roots, in order: the tables shipped with geep, then every folder in the
``GEEP_COEFFICIENTS_PATH`` environment variable (``os.pathsep``-separated), then folders
passed as ``paths=``. A root holds ``<table-id>/<edition>/table.{yaml,csv}``, optionally
``profiles/*.yaml`` and a ``LOCK`` file. The same ``id@edition`` in two roots is an error
(a user folder may add editions and tables, never shadow one).
"""

from __future__ import annotations

import datetime as dt
import os
import warnings
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from ..errors import (
    CoefficientTableError,
    EditionNotFoundError,
    TableNotFoundError,
    TamperedEditionError,
)
from ..messages import did_you_mean, msg
from .lock import LOCK_FILE, read_lock
from .model import TableMeta
from .reader import META_FILE, content_hash, read_edition, read_meta
from .table import CoefficientTable, parse_ref

RESERVED = {"profiles", "schemes"}
ENV_VAR = "GEEP_COEFFICIENTS_PATH"


class ProvisionalWarning(UserWarning):
    """A provisional or draft edition was used; results must say so."""


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
        "the shipped coefficient tables were not found next to the geep package",
        file=str(here),
        hint="reinstall geep; the wheel must contain geep/_coefficients",
    )


def roots(paths: Iterable[str | os.PathLike] | None = None) -> tuple[Path, ...]:
    """All catalogue roots in resolution order."""
    out = [shipped_root()]
    env = os.environ.get(ENV_VAR, "")
    out += [Path(p) for p in env.split(os.pathsep) if p.strip()]
    out += [Path(p) for p in (paths or [])]
    seen: list[Path] = []
    for p in out:
        if not p.is_dir():
            raise CoefficientTableError(
                f"coefficient folder {str(p)!r} does not exist",
                file=str(p),
                hint=f"check {ENV_VAR} or the paths= argument",
            )
        rp = p.resolve()
        if rp not in seen:
            seen.append(rp)
    return tuple(seen)


@dataclass(frozen=True)
class EditionEntry:
    """Catalogue index entry of one edition (metadata only; rows not read)."""

    meta: TableMeta
    folder: Path
    root: Path

    @property
    def ref(self) -> str:
        return self.meta.ref


@lru_cache(maxsize=32)
def _index(root_set: tuple[Path, ...]) -> dict[str, dict[str, EditionEntry]]:
    index: dict[str, dict[str, EditionEntry]] = {}
    for root in root_set:
        for table_dir in sorted(p for p in root.iterdir() if p.is_dir()):
            if table_dir.name in RESERVED or table_dir.name.startswith((".", "_")):
                continue
            for ed_dir in sorted(p for p in table_dir.iterdir() if p.is_dir()):
                if not (ed_dir / META_FILE).exists():
                    continue
                meta = read_meta(ed_dir)
                eds = index.setdefault(meta.id, {})
                if meta.edition in eds:
                    raise CoefficientTableError(
                        f"{meta.ref} is defined twice: in {eds[meta.edition].folder} and {ed_dir}",
                        file=str(ed_dir / META_FILE),
                        hint="give the user edition a new edition name",
                    )
                eds[meta.edition] = EditionEntry(meta, ed_dir, root)
    return index


def index(paths: Iterable[str | os.PathLike] | None = None) -> dict[str, dict[str, EditionEntry]]:
    """``{table_id: {edition: EditionEntry}}`` over all roots."""
    return _index(roots(paths))


def clear_cache() -> None:
    """Forget cached indexes and tables (after editing tables on disk)."""
    _index.cache_clear()
    _load_entry.cache_clear()


def _sort_key(e: EditionEntry) -> tuple:
    return (e.meta.valid_from or dt.date.min, e.meta.edition)


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
    if "@" in table_id:
        table_id, ed = parse_ref(table_id)
        edition = edition or ed
    idx = index(paths)
    if table_id not in idx:
        raise TableNotFoundError(
            msg(
                "coef.table_not_found", table=table_id, suggestion=did_you_mean(table_id, list(idx))
            ),
            table=table_id,
        )
    eds = idx[table_id]
    listing = ", ".join(f"{e} ({eds[e].meta.status})" for e in sorted(eds))
    if edition is not None:
        if edition not in eds:
            err = EditionNotFoundError(
                msg("coef.edition_not_found", table=table_id, edition=edition, available=listing),
                table=table_id,
                edition=edition,
            )
            err.available = sorted(eds)
            raise err
        return eds[edition]
    candidates = sorted(eds.values(), key=_sort_key)
    if as_of is not None:
        day = dt.date.fromisoformat(str(as_of)) if not isinstance(as_of, dt.date) else as_of
        candidates = [
            e
            for e in candidates
            if (e.meta.valid_from is None or e.meta.valid_from <= day)
            and (e.meta.valid_to is None or day <= e.meta.valid_to)
        ]
        if not candidates:
            validity = ", ".join(
                f"{e} [{eds[e].meta.valid_from}..{eds[e].meta.valid_to or ''}]" for e in sorted(eds)
            )
            err = EditionNotFoundError(
                msg("coef.no_edition_at", table=table_id, as_of=day, available=validity),
                table=table_id,
            )
            err.available = sorted(eds)
            raise err
    released = [e for e in candidates if e.meta.status == "released"]
    if released:
        return released[-1]
    usable = [e for e in candidates if e.meta.status == "provisional"]
    if not usable:
        raise EditionNotFoundError(
            msg("coef.no_released", table=table_id, available=listing), table=table_id
        )
    chosen = usable[-1]
    warnings.warn(
        f"{chosen.ref} is provisional (no released edition of {table_id!r}); "
        "results that use it are provisional too",
        ProvisionalWarning,
        stacklevel=3,
    )
    return chosen


@lru_cache(maxsize=256)
def _load_entry(folder: Path, root: Path, state: str) -> CoefficientTable:
    table = read_edition(folder, origin=str(folder))
    if table.meta.status == "released":
        lock = read_lock(root)
        recorded = lock.get(table.ref)
        if recorded is None:
            raise TamperedEditionError(
                msg(
                    "coef.not_locked", table=table.id, edition=table.edition, lock=root / LOCK_FILE
                ),
                file=str(folder),
                table=table.id,
                edition=table.edition,
                hint=msg("hint.not_locked"),
            )
        if recorded != table.sha256:
            raise TamperedEditionError(
                msg(
                    "coef.tampered",
                    table=table.id,
                    edition=table.edition,
                    file=str(folder / "table.csv") + " or table.yaml",
                    lock=root / LOCK_FILE,
                ),
                file=str(folder),
                table=table.id,
                edition=table.edition,
                hint=msg("hint.tampered", table=table.id, edition=table.edition),
            )
    return table


def _state(folder: Path, root: Path) -> str:
    """Cache key of an edition: the hash of its files and of its root's LOCK, so that any
    change on disk (even one that keeps modification times) is seen on the next load."""
    import hashlib

    h = hashlib.sha256(folder_hash(folder).encode())
    lock = root / LOCK_FILE
    if lock.exists():
        h.update(lock.read_bytes())
    return h.hexdigest()


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
        If a released edition's files no longer match the hash in ``LOCK``.
    """
    entry = resolve(table_id, edition, as_of, paths)
    return _load_entry(entry.folder, entry.root, _state(entry.folder, entry.root))


def catalog(paths: Iterable[str | os.PathLike] | None = None) -> pd.DataFrame:
    """One row per table edition: id, edition, status, title, kind, price year, validity,
    row count and evidence counts, origin folder.

    Loading the whole catalogue validates every table and checks every released hash.
    """
    rows = []
    for tid, eds in sorted(index(paths).items()):
        for ed, entry in sorted(eds.items()):
            t = _load_entry(entry.folder, entry.root, _state(entry.folder, entry.root))
            ev = t.evidence_counts
            rows.append(
                {
                    "table": tid,
                    "edition": ed,
                    "status": t.status,
                    "kind": t.meta.kind,
                    "title": t.meta.title.en,
                    "title_zh": t.meta.title.zh,
                    "price_year": t.meta.price_year,
                    "valid_from": t.meta.valid_from,
                    "valid_to": t.meta.valid_to,
                    "rows": len(t.frame),
                    **ev,
                    "sha256": t.sha256[:12],
                    "origin": str(entry.root),
                }
            )
    out = pd.DataFrame(rows)
    if not out.empty:
        out["price_year"] = out["price_year"].astype("Int64")
    return out


def folder_hash(folder: Path) -> str:
    """SHA-256 over every file of ``folder`` (names and bytes, sorted by name)."""
    import hashlib

    h = hashlib.sha256()
    for f in sorted(p for p in Path(folder).iterdir() if p.is_file()):
        data = f.read_bytes()
        h.update(f.name.encode() + b"\0" + str(len(data)).encode() + b"\0" + data)
    return h.hexdigest()


def scheme_hashes(root: Path) -> dict[str, str]:
    """Hashes of released compensation-scheme editions under ``root/schemes`` (LOCK keys
    ``schemes/<id>@<edition>``). A scheme edition is a folder with ``scheme.yaml``."""
    import yaml

    out: dict[str, str] = {}
    base = Path(root) / "schemes"
    if not base.is_dir():
        return out
    for sdir in sorted(p for p in base.iterdir() if p.is_dir()):
        for ed in sorted(p for p in sdir.iterdir() if (p / "scheme.yaml").exists()):
            doc = yaml.safe_load((ed / "scheme.yaml").read_text(encoding="utf-8")) or {}
            if doc.get("status") == "released":
                out[f"schemes/{sdir.name}@{ed.name}"] = folder_hash(ed)
    return out


def hashes_for(root: Path) -> dict[str, str]:
    """Content hashes of every released edition under ``root`` (for writing ``LOCK``):
    coefficient tables (``id@edition``) and compensation schemes (``schemes/id@edition``)."""
    out = scheme_hashes(root)
    for table_dir in sorted(p for p in Path(root).iterdir() if p.is_dir()):
        if table_dir.name in RESERVED or table_dir.name.startswith((".", "_")):
            continue
        for ed_dir in sorted(p for p in table_dir.iterdir() if (p / META_FILE).exists()):
            meta = read_meta(ed_dir)
            # full validation before locking
            read_edition(ed_dir)
            if meta.status == "released":
                out[meta.ref] = content_hash(
                    (ed_dir / META_FILE).read_bytes(), (ed_dir / "table.csv").read_bytes()
                )
    return out
