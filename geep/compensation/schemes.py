"""Compensation schemes as versioned data: discovery, loading, integrity, derived editions.

A scheme edition is a folder ``<root>/schemes/<scheme-id>/<edition>/`` holding
``scheme.yaml`` (and optional files; all are hashed). Roots are those of the coefficient
catalogue (shipped tables, ``GEEP_COEFFICIENTS_PATH``, ``paths=``). A ``released`` edition is
immutable: its folder hash is recorded in the root's ``LOCK`` under
``schemes/<id>@<edition>``; a mismatch is refused with :class:`TamperedEditionError`.

References
----------
DESIGN §3 (immutability, provenance) and §7 (compensation API).
"""

from __future__ import annotations

import datetime as dt
import os
import warnings
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd
import pydantic
import yaml

from ..coefficients.catalog import ProvisionalWarning, folder_hash, roots
from ..coefficients.lock import LOCK_FILE, read_lock
from ..errors import (
    EditionNotFoundError,
    GeepError,
    SchemeError,
    TableNotFoundError,
    TamperedEditionError,
)
from ..messages import did_you_mean, msg, text
from .model import EVIDENCE_RANK, USER, SchemeDoc, Section
from .scheme import Override, Scheme, _errors

SCHEMES_DIR = "schemes"
SCHEME_FILE = "scheme.yaml"


# --- discovery ------------------------------------------------------------------------
@dataclass(frozen=True)
class SchemeEntry:
    id: str
    edition: str
    status: str
    valid_from: dt.date | None
    valid_to: dt.date | None
    folder: Path
    root: Path


@lru_cache(maxsize=16)
def _scan(
    root_set: tuple[Path, ...],
) -> tuple[dict[str, dict[str, SchemeEntry]], tuple[SchemeError, ...]]:
    """Index of every readable edition, and the problems of the editions that are not (a bad
    user edition is reported and skipped; the other editions still load)."""
    out: dict[str, dict[str, SchemeEntry]] = {}
    broken: list[SchemeError] = []
    for root in root_set:
        base = root / SCHEMES_DIR
        if not base.is_dir():
            continue
        for sdir in sorted(p for p in base.iterdir() if p.is_dir() and not p.name.startswith(".")):
            for ed in sorted(p for p in sdir.iterdir() if (p / SCHEME_FILE).is_file()):
                try:
                    entry = _entry(sdir.name, ed, root)
                except SchemeError as exc:
                    broken.append(exc)
                    continue
                eds = out.setdefault(sdir.name, {})
                if ed.name in eds:
                    broken.append(
                        SchemeError(
                            text("comp.scheme_twice", scheme=sdir.name, edition=ed.name,
                                 first=eds[ed.name].folder, second=ed),
                            file=str(ed / SCHEME_FILE),
                            hint=text("hint.comp.scheme_twice"),
                        )
                    )  # fmt: skip
                    continue
                eds[ed.name] = entry
    return out, tuple(broken)


def _index(root_set: tuple[Path, ...]) -> dict[str, dict[str, SchemeEntry]]:
    return _scan(root_set)[0]


def _entry(scheme_id: str, ed: Path, root: Path) -> SchemeEntry:
    path = ed / SCHEME_FILE
    head = _read_yaml(path)
    dates = {}
    for name in ("valid_from", "valid_to"):
        try:
            dates[name] = _date(head.get(name))
        except (TypeError, ValueError):
            raise SchemeError(
                text("comp.field_date", field=name, value=head.get(name)),
                file=str(path),
                column=name,
                hint=text("hint.comp.field_date", field=name),
            ) from None
    return SchemeEntry(
        scheme_id,
        ed.name,
        str(head.get("status", "draft")),
        dates["valid_from"],
        dates["valid_to"],
        ed,
        root,
    )


def _date(v: Any) -> dt.date | None:
    if v is None or isinstance(v, dt.date):
        return v
    return dt.date.fromisoformat(str(v))


class _Loader(yaml.SafeLoader):
    """Safe YAML loader whose impossible dates (``2024-13-45``) are errors with their line."""


def _timestamp(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except ValueError as exc:
        raise yaml.constructor.ConstructorError(
            None, None, str(text("comp.yaml_date", value=node.value, reason=exc)), node.start_mark
        ) from None


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


def _read_yaml(path: Path) -> dict[str, Any]:
    raw = ""
    try:
        raw = path.read_text(encoding="utf-8")
        doc = yaml.load(raw, Loader=_Loader)  # a SafeLoader subclass
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise SchemeError(
            text("comp.yaml_invalid", problem=_yaml_problem(exc, raw)),
            file=str(path),
            hint=text("hint.comp.yaml"),
        ) from exc
    if not isinstance(doc, dict):
        raise SchemeError(text("comp.yaml_not_mapping"), file=str(path))
    return doc


def _yaml_problem(exc: Exception, raw: str) -> Any:
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or str(exc)
    if mark is None:
        return problem
    lines = raw.splitlines()
    source = lines[mark.line].strip() if 0 <= mark.line < len(lines) else ""
    return text("comp.yaml_line", line=mark.line + 1, source=source[:80], problem=problem)


def index(paths: Iterable[str | os.PathLike] | None = None) -> dict[str, dict[str, SchemeEntry]]:
    """``{scheme_id: {edition: SchemeEntry}}`` over all catalogue roots (readable editions)."""
    return _index(roots(paths))


def invalid_editions(paths: Iterable[str | os.PathLike] | None = None) -> list[SchemeError]:
    """The scheme editions that could not be indexed (each error names its file, field and
    fix); they are skipped, so the other editions still load."""
    return list(_scan(roots(paths))[1])


def clear_cache() -> None:
    """Forget cached indexes and schemes (after editing scheme files)."""
    _scan.cache_clear()
    _read_cached.cache_clear()


def resolve(
    scheme_id: str,
    edition: str | None = None,
    as_of: dt.date | str | None = None,
    paths: Iterable[str | os.PathLike] | None = None,
) -> SchemeEntry:
    """Find a scheme edition: exact ``edition``, the one valid at ``as_of``, or the newest
    released (else newest provisional, with a :class:`ProvisionalWarning`)."""
    if "@" in scheme_id:
        scheme_id, _, ed = scheme_id.partition("@")
        edition = edition or ed
    idx = index(paths)
    if scheme_id not in idx:
        own = [e for e in invalid_editions(paths) if _names_scheme(e, scheme_id)]
        if own:
            raise SchemeError(
                text(
                    "comp.scheme_unusable",
                    scheme=scheme_id,
                    errors="; ".join(f"{e.where}: {e.message}" for e in own),
                ),
                file=own[0].file,
                hint=own[0]._hint,
            )
        raise TableNotFoundError(
            msg(
                "comp.scheme_not_found",
                scheme=scheme_id,
                suggestion=did_you_mean(scheme_id, list(idx)),
                available=", ".join(sorted(idx)),
            ),
            table=f"schemes/{scheme_id}",
        )
    eds = idx[scheme_id]
    listing = ", ".join(f"{e} ({eds[e].status})" for e in sorted(eds))
    if edition is not None:
        if str(edition) not in eds:
            err = EditionNotFoundError(
                msg("coef.edition_not_found", table=scheme_id, edition=edition, available=listing),
                table=f"schemes/{scheme_id}",
                edition=str(edition),
            )
            err.available = sorted(eds)
            raise err
        return eds[str(edition)]
    cands = sorted(eds.values(), key=lambda e: (e.valid_from or dt.date.min, e.edition))
    if as_of is not None:
        day = as_of if isinstance(as_of, dt.date) else dt.date.fromisoformat(str(as_of))
        cands = [
            e
            for e in cands
            if (e.valid_from is None or e.valid_from <= day)
            and (e.valid_to is None or day <= e.valid_to)
        ]
    released = [e for e in cands if e.status == "released"]
    if released:
        return released[-1]
    usable = [e for e in cands if e.status == "provisional"]
    if not usable:
        raise EditionNotFoundError(
            msg("coef.no_released", table=scheme_id, available=listing),
            table=f"schemes/{scheme_id}",
        )
    chosen = usable[-1]
    warnings.warn(
        f"schemes/{chosen.id}@{chosen.edition} is provisional; every result says so",
        ProvisionalWarning,
        stacklevel=3,
    )
    return chosen


def _names_scheme(err: SchemeError, scheme_id: str) -> bool:
    return bool(err.file) and Path(err.file).parent.parent.name == scheme_id


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
        A released edition whose files no longer match ``LOCK``.
    """
    entry = resolve(scheme_id, edition, as_of, paths)
    return read_scheme(entry.folder, entry.root)


def read_scheme(folder: str | os.PathLike, root: str | os.PathLike | None = None) -> Scheme:
    """Read and validate the scheme edition in ``folder`` (lock-checked if released; the
    lock is ``<root>/LOCK``, root defaulting to three levels above the folder)."""
    folder = Path(folder).resolve()
    root = Path(root) if root is not None else folder.parent.parent.parent
    mtime = sum(p.stat().st_mtime_ns for p in folder.iterdir() if p.is_file())
    return _read_cached(folder, root, mtime)


@lru_cache(maxsize=64)
def _read_cached(folder: Path, root: Path, mtime: int) -> Scheme:
    path = folder / SCHEME_FILE
    data = _read_yaml(path)
    ref = f"{data.get('id')}@{data.get('edition')}"
    try:
        doc = SchemeDoc.model_validate(data)
    except pydantic.ValidationError as exc:
        raise SchemeError(
            msg("comp.scheme_invalid", ref=ref, problem=_errors(exc)),
            file=str(path),
            hint="see geep.compensation.model.SchemeDoc (and a shipped scheme.yaml) for the fields",
        ) from exc
    problems = []
    if folder.name != doc.edition or folder.parent.name != doc.id:
        problems.append(
            f"id/edition {doc.ref!r} do not match the folder {folder.parent.name}/{folder.name}"
        )
    problems += _user_evidence(doc)
    if problems:
        raise SchemeError(
            msg("comp.scheme_invalid", ref=doc.ref, problem="; ".join(problems)), file=str(path)
        )
    digest = folder_hash(folder)
    if doc.status == "released":
        key = f"{SCHEMES_DIR}/{doc.ref}"
        recorded = read_lock(root).get(key)
        files = ", ".join(sorted(p.name for p in folder.iterdir() if p.is_file()))
        if recorded is None:
            raise TamperedEditionError(
                msg(
                    "coef.not_locked",
                    table=f"{SCHEMES_DIR}/{doc.id}",
                    edition=doc.edition,
                    lock=root / LOCK_FILE,
                ),
                file=str(path),
                table=key,
                edition=doc.edition,
                hint=msg("hint.not_locked"),
            )
        if recorded != digest:
            raise TamperedEditionError(
                msg(
                    "coef.tampered",
                    table=f"{SCHEMES_DIR}/{doc.id}",
                    edition=doc.edition,
                    file=f"{path} (folder files: {files})",
                    lock=root / LOCK_FILE,
                ),
                file=str(path),
                table=key,
                edition=doc.edition,
                hint=msg("hint.tampered", table=f"schemes/{doc.id}", edition=doc.edition),
            )
    return Scheme(doc=doc, origin=str(folder), sha256=digest)


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

    Listing validates every edition and checks released hashes. An edition that fails is
    left out and its error kept in ``attrs["invalid"]`` (with those of editions that could not
    be indexed), so one bad user edition does not hide the others.
    """
    rows = []
    invalid: list[GeepError] = list(invalid_editions(paths))
    for sid, eds in sorted(index(paths).items()):
        for ed, entry in sorted(eds.items()):
            try:
                s = read_scheme(entry.folder, entry.root)
            except (SchemeError, TamperedEditionError) as exc:
                invalid.append(exc)
                continue
            levels: dict[str, int] = dict.fromkeys(EVIDENCE_RANK, 0)
            for p in s.doc.parameters.values():
                for lv in p.evidence_levels():
                    levels[lv] += 1
            rows.append(
                {
                    "scheme": sid,
                    "edition": ed,
                    "status": s.status,
                    "title": s.doc.title.en,
                    "title_zh": s.doc.title.zh,
                    "valid_from": s.doc.valid_from,
                    "valid_to": s.doc.valid_to,
                    "parties": len(s.doc.parties),
                    "sections": len(s.doc.sections),
                    "components": ", ".join(c.id for c in s.doc.components),
                    "settlement_lag": s.doc.settlement.lag_years,
                    **{f"params_{k}": v for k, v in levels.items() if k != USER},
                    "sha256": s.sha256[:12],
                    "origin": str(entry.root),
                }
            )
    out = pd.DataFrame(rows)
    out.attrs["invalid"] = invalid
    return out


def coerce(scheme: Scheme | str, paths: Iterable[str | os.PathLike] | None = None) -> Scheme:
    """A :class:`Scheme` from a scheme object, ``"id"``/``"id@edition"`` or a folder path."""
    if isinstance(scheme, Scheme):
        return scheme
    text = str(scheme)
    p = Path(text)
    if p.is_dir() and (p / SCHEME_FILE).is_file():
        return read_scheme(p)
    if p.name == SCHEME_FILE and p.is_file():
        return read_scheme(p.parent)
    return load(text, paths=paths)


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
