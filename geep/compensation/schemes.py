"""Compensation schemes as versioned data: loading, validation, integrity, derived editions.

A scheme edition is a folder ``<root>/schemes/<scheme-id>/<edition>/`` holding
``scheme.yaml`` (and optional files; all are hashed). Scheme editions live in the one edition
catalogue (:mod:`geep.coefficients.catalog`, kind ``scheme``): the same roots, discovery,
resolution rule (``edition=`` / ``as_of=``), handling of bad user editions and ``LOCK`` as
coefficient tables. A ``released`` edition is immutable: its folder hash is recorded in the
root's ``LOCK`` under ``schemes/<id>@<edition>``; an edition LOCK lists whose files no longer
match — whatever its status says now — is refused with :class:`TamperedEditionError`. This
module adds what is particular to schemes: the full validation of ``scheme.yaml``
(:class:`~geep.compensation.model.SchemeDoc`) and the listing.

References
----------
DESIGN §3 (immutability, provenance) and §7 (compensation API).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import pandas as pd
import pydantic

from ..coefficients.catalog import (
    ProvisionalWarning,  # noqa: F401 (re-exported)
    collect,
    mark_shown,
    resolve_edition,
    scan,
)
from ..coefficients.catalog import clear_cache as _clear_catalogue
from ..coefficients.kinds import SCHEME_FILE, SCHEMES_DIR, EditionEntry
from ..coefficients.lock import LOCK_FILE, folder_hash, verify
from ..coefficients.yamlsafe import read_yaml
from ..errors import GeepError, SchemeError
from ..messages import text
from .model import EVIDENCE_RANK, USER, SchemeDoc, Section
from .notes_zh import notes_file, with_notes_zh
from .scheme import Override, Scheme, _errors

#: an index entry of one scheme edition (the catalogue's entry of kind ``scheme``)
SchemeEntry = EditionEntry


# --- the one catalogue, kind "scheme" ----------------------------------------------------
def index(paths: Iterable[str | os.PathLike] | None = None) -> dict[str, dict[str, SchemeEntry]]:
    """``{scheme_id: {edition: SchemeEntry}}`` over all catalogue roots (readable editions)."""
    return scan("scheme", paths).usable()


def invalid_editions(paths: Iterable[str | os.PathLike] | None = None) -> list[GeepError]:
    """The scheme editions of user folders that were set aside (each error names its file,
    field and fix); the other editions still load."""
    return scan("scheme", paths).problems()


def clear_cache() -> None:
    """Forget cached indexes and schemes (after editing scheme files)."""
    _clear_catalogue()
    _read_cached.cache_clear()


def resolve(
    scheme_id: str,
    edition: str | None = None,
    as_of: dt.date | str | None = None,
    paths: Iterable[str | os.PathLike] | None = None,
) -> SchemeEntry:
    """Find a scheme edition by the catalogue's one rule: exact ``edition``, the one valid at
    ``as_of``, or the newest released (else newest provisional, with a
    :class:`~geep.coefficients.ProvisionalWarning`)."""
    return resolve_edition("scheme", scheme_id, edition, as_of, paths)


def load(
    scheme_id: str,
    edition: str | None = None,
    as_of: dt.date | str | None = None,
    paths: Iterable[str | os.PathLike] | None = None,
) -> Scheme:
    """Load a compensation scheme edition, validated and integrity-checked.

    Parameters
    ----------
    scheme_id
        Scheme id (e.g. ``"fen-river"``) or ``"id@edition"``.
    edition, as_of, paths
        As for :func:`geep.coefficients.load`.

    Raises
    ------
    TableNotFoundError, EditionNotFoundError
        Unknown scheme or edition (with the available ones).
    SchemeError
        Invalid ``scheme.yaml`` (every problem listed).
    TamperedEditionError
        An edition listed in ``LOCK`` whose files no longer match (whatever its status says
        now), or a released edition that LOCK does not list.
    """
    entry = resolve(scheme_id, edition, as_of, paths)
    try:
        return read_scheme(entry.folder, entry.root)
    except GeepError as exc:
        mark_shown([exc])
        raise


def read_scheme(folder: str | os.PathLike, root: str | os.PathLike | None = None) -> Scheme:
    """Read and validate the scheme edition in ``folder``, checked against the root's LOCK
    (root defaulting to three levels above the folder)."""
    folder = Path(folder).resolve()
    root = Path(root) if root is not None else folder.parent.parent.parent
    digest = folder_hash(folder)
    lock = root / LOCK_FILE
    notes = notes_file(folder)  # Chinese notes beside the folder (outside its hash)
    state = digest + (lock.read_bytes().hex() if lock.is_file() else "")
    state += notes.read_bytes().hex() if notes.is_file() else ""
    return _read_cached(folder, root, state)


def validate_folder(folder: str | os.PathLike) -> SchemeDoc:
    """The validated content of the scheme edition in ``folder`` (no LOCK check): what
    ``geep coefficients lock`` checks before recording a released scheme."""
    path = Path(folder) / SCHEME_FILE
    data = read_yaml(path, SchemeError)
    ref = f"{data.get('id')}@{data.get('edition')}"
    try:
        doc = SchemeDoc.model_validate(data)
    except pydantic.ValidationError as exc:
        raise SchemeError(text("comp.scheme_invalid", ref=ref, problem=_errors(exc)),
                          file=str(path), hint=text("hint.catalogue.scheme_fields")) from None  # fmt: skip
    folder = Path(folder)
    problems = []
    if folder.name != doc.edition or folder.parent.name != doc.id:
        problems.append(text("catalogue.folder_mismatch", ref=doc.ref,
                             folder=f"{folder.parent.name}/{folder.name}"))  # fmt: skip
    problems += _user_evidence(doc)
    if problems:
        joined = problems[0]
        for p in problems[1:]:
            joined = joined + "; " + p
        raise SchemeError(text("comp.scheme_invalid", ref=doc.ref, problem=joined), file=str(path))
    return doc


@lru_cache(maxsize=64)
def _read_cached(folder: Path, root: Path, state: str) -> Scheme:
    doc = validate_folder(folder)
    path = folder / SCHEME_FILE
    digest = folder_hash(folder)
    files = ", ".join(sorted(p.name for p in folder.iterdir() if p.is_file()))
    verify(f"{SCHEMES_DIR}/{doc.ref}", doc.status, digest, root,
           label=(f"{SCHEMES_DIR}/{doc.id}", doc.edition), file=str(path),
           shown=f"{path} (folder files: {files})")  # fmt: skip
    return Scheme(doc=with_notes_zh(doc, notes_file(folder)), origin=str(folder), sha256=digest)


def _user_evidence(doc: SchemeDoc) -> list[str]:
    out = []
    for name, p in doc.parameters.items():
        if USER in p.evidence_levels():
            out.append(f"parameter {name}: evidence 'user' is only for caller overrides")
    for s in doc.sections:
        if s.evidence == USER:
            out.append(f"section {s.id}: evidence 'user' is only for caller-supplied sections")
    return out


def schemes(paths: Iterable[str | os.PathLike] | None = None) -> pd.DataFrame:
    """One row per scheme edition: id, edition, status, titles, validity, counts of parties,
    sections, components and parameters by evidence level, settlement lag, origin.

    Listing validates every edition and checks released hashes. An edition of a user folder
    that fails is left out and its error kept in ``attrs["invalid"]`` (with those of editions
    that could not be indexed), so one bad user edition does not hide the others; a problem in
    geep's own schemes is raised.
    """
    loaded, invalid = collect(scan("scheme", paths), lambda e: read_scheme(e.folder, e.root))
    rows = []
    for entry, s in loaded:
        levels: dict[str, int] = dict.fromkeys(EVIDENCE_RANK, 0)
        for p in s.doc.parameters.values():
            for lv in p.evidence_levels():
                levels[lv] += 1
        rows.append({"scheme": entry.id, "edition": entry.edition, "status": s.status,
                     "title": s.doc.title.en, "title_zh": s.doc.title.zh,
                     "valid_from": s.doc.valid_from, "valid_to": s.doc.valid_to,
                     "parties": len(s.doc.parties), "sections": len(s.doc.sections),
                     "components": ", ".join(c.id for c in s.doc.components),
                     "settlement_lag": s.doc.settlement.lag_years,
                     **{f"params_{k}": v for k, v in levels.items() if k != USER},
                     "sha256": s.sha256[:12], "origin": str(entry.root)})  # fmt: skip
    out = pd.DataFrame(rows)
    out.attrs["invalid"] = invalid
    return out


def coerce(scheme: Scheme | str, paths: Iterable[str | os.PathLike] | None = None) -> Scheme:
    """A :class:`Scheme` from a scheme object, ``"id"``/``"id@edition"`` or a folder path."""
    if isinstance(scheme, Scheme):
        return scheme
    name = str(scheme)
    p = Path(name)
    if p.is_dir() and (p / SCHEME_FILE).is_file():
        return read_scheme(p)
    if p.name == SCHEME_FILE and p.is_file():
        return read_scheme(p.parent)
    return load(name, paths=paths)


__all__ = [
    "Override",
    "Scheme",
    "SchemeEntry",
    "Section",
    "clear_cache",
    "coerce",
    "index",
    "invalid_editions",
    "load",
    "read_scheme",
    "resolve",
    "schemes",
]
