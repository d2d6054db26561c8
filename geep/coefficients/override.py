"""User overrides: derived editions with provenance, never silent patches."""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Hashable, Mapping
from pathlib import Path
from typing import Any

import pandas as pd
import pydantic
import yaml

from ..errors import CoefficientTableError
from ..messages import text
from .kinds import field_hint, field_problems
from .model import EVIDENCE_LEVELS, TableMeta
from .reader import DATA_FILE, META_FILE, parse_rows
from .table import CoefficientTable


def _slug(text: str) -> str:
    s = re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower()
    return s[:24] or "override"


def override(
    table: CoefficientTable,
    changes: Mapping[Hashable, Any],
    *,
    by: str,
    reason: str,
    column: str = "value",
    edition: str | None = None,
    evidence: str = "unverified",
    source: str | None = None,
    add: bool = False,
) -> CoefficientTable:
    """Return a derived edition of ``table`` with some values replaced.

    Parameters
    ----------
    table
        The base edition.
    changes
        ``{row_key: new_value}`` (sets ``column``) or ``{row_key: {column: value, ...}}``.
        Row keys are values, or tuples for multi-column keys. Every key must exist.
    by, reason
        Who made the change and why; recorded as the provenance
        ``"override of TABLE@EDITION by <by>: <reason>"``.
    edition
        Name of the derived edition (default ``"<base>+<by>"``).
    evidence
        Evidence level of the changed rows (default ``unverified``).
    source
        Citation of the new values (default: the provenance text).
    add
        Allow keys that are not in the table: each becomes a new row, whose change must then
        give every non-key column the table requires (e.g. a study's own factor for
        ``built_up``, which the Xie tables do not value).

    Returns
    -------
    CoefficientTable
        Status ``draft``, ``derived_from`` the base, with changed rows' ``evidence`` and
        ``source`` updated. The base table is not modified.
    """
    if not by or not reason:
        raise CoefficientTableError(
            text("catalogue.override_who"), table=table.id, edition=table.edition,
            hint=text("hint.catalogue.override_who"),
        )  # fmt: skip
    if evidence not in EVIDENCE_LEVELS:
        raise CoefficientTableError(text("coef.evidence", value=evidence), table=table.id)
    provenance = f"override of {table.ref} by {by}: {reason}"
    new_edition = edition or f"{table.edition}+{_slug(by)}"
    # a fresh source key, so that an override of an override keeps the earlier citation
    src_key, n = "override", 1
    while src_key in table.meta.sources:
        n += 1
        src_key = f"override{n}"
    frame = table.frame.copy()
    added: list[tuple] = []
    for key, change in changes.items():
        if not table.has(key):
            if not add:
                table.row(key)  # raises with suggestions
            frame = _append_row(frame, table, key, change)
            added.append(table._key_tuple(key))
        kt = table._key_tuple(key)
        mask = pd.Series(True, index=frame.index)
        for col, val in zip(table.meta.key, kt, strict=True):
            mask &= frame[col] == val
        updates = change if isinstance(change, Mapping) else {column: change}
        for col, val in updates.items():
            if col not in frame.columns:
                raise CoefficientTableError(
                    text(
                        "coef.override_value",
                        key=key,
                        problem=text("catalogue.override_no_column", column=col),
                    ),
                    table=table.id,
                    edition=table.edition,
                    column=col,
                )
            if col in table.meta.key:
                raise CoefficientTableError(
                    text(
                        "coef.override_value",
                        key=key,
                        problem=text("catalogue.override_key_column"),
                    ),
                    table=table.id,
                    column=col,
                )
            try:
                frame.loc[mask, col] = val
            except (TypeError, ValueError) as exc:  # e.g. a text in a float column
                raise CoefficientTableError(
                    text(
                        "coef.override_value",
                        key=key,
                        problem=text("coef.dtype", value=val, dtype=table.meta.columns[col].dtype),
                    ),
                    table=table.id,
                    edition=table.edition,
                    column=col,
                ) from exc
        frame.loc[mask, "evidence"] = evidence
        frame.loc[mask, "source"] = src_key
    sources = {**table.meta.sources, src_key: source or provenance}
    columns = _widen_allowed(table, added)
    update = {
        "columns": columns,
        "edition": new_edition,
        "status": "draft",
        "derived_from": table.ref,
        "provenance": provenance,
        "sources": sources,
        "supersedes": None,
    }
    # validated (model_copy would not check e.g. the edition name that save() uses as a folder)
    try:
        meta = TableMeta.model_validate({**table.meta.model_dump(), **update})
    except pydantic.ValidationError as exc:
        raise CoefficientTableError(
            text("coef.meta", problem=field_problems(exc)), table=table.id, edition=new_edition,
            hint=field_hint(exc),
        ) from exc  # fmt: skip
    csv_bytes = _csv_bytes(frame)
    # re-validate the derived rows exactly as a table on disk would be
    checked = parse_rows(meta, csv_bytes, f"override of {table.ref}")
    digest = hashlib.sha256(_yaml_bytes(meta) + b"\0" + csv_bytes).hexdigest()
    return CoefficientTable(meta=meta, frame=checked, sha256=digest, origin="override")


def _append_row(
    frame: pd.DataFrame, table: CoefficientTable, key: Hashable, change: Any
) -> pd.DataFrame:
    """``frame`` with a new row for ``key`` (key columns from the key, the rest from
    ``change``; unset cells empty, validated later like any row)."""
    kt = table._key_tuple(key)
    row: dict[str, Any] = dict(zip(table.meta.key, kt, strict=True))
    if not isinstance(change, Mapping):
        raise CoefficientTableError(
            text("coef.override_value", key=key, problem=text("catalogue.override_new_row")),
            table=table.id,
            edition=table.edition,
        )
    new = pd.DataFrame([row])
    return pd.concat([frame, new], ignore_index=True)


def _widen_allowed(table: CoefficientTable, added: list[tuple]) -> dict[str, Any]:
    """Column specs of the derived edition: key values of added rows join ``allowed``."""
    cols = {n: c.model_dump() for n, c in table.meta.columns.items()}
    for kt in added:
        for col, val in zip(table.meta.key, kt, strict=True):
            allowed = cols[col].get("allowed")
            if allowed is not None and val not in allowed:
                cols[col]["allowed"] = [*allowed, val]
    return cols


def _csv_bytes(frame: pd.DataFrame) -> bytes:
    out = frame.copy()
    for col in out.columns:
        if out[col].dtype.kind == "f":
            out[col] = out[col].map(lambda v: "" if pd.isna(v) else repr(float(v)))
    buf = io.StringIO()
    out.to_csv(buf, index=False, lineterminator="\n")
    return buf.getvalue().encode("utf-8")


def _yaml_bytes(meta: Any) -> bytes:
    doc = meta.model_dump(mode="json", exclude_none=True)
    return yaml.safe_dump(doc, allow_unicode=True, sort_keys=False).encode("utf-8")


def save(table: CoefficientTable, root: str | Path) -> Path:
    """Write ``table`` as ``root/<id>/<edition>/table.{yaml,csv}`` (atomically).

    The folder can then be used as a catalogue root (``paths=[root]`` or
    ``GEEP_COEFFICIENTS_PATH``).
    """
    folder = Path(root) / table.id / table.edition
    if (folder / META_FILE).exists():
        raise CoefficientTableError(
            text("catalogue.save_exists", ref=table.ref, root=root),
            file=str(folder),
            hint=text("hint.catalogue.save_exists"),
        )
    from ..io.atomic import atomic_write_bytes  # file output lives in geep.io

    atomic_write_bytes(folder / DATA_FILE, _csv_bytes(table.frame))
    atomic_write_bytes(folder / META_FILE, _yaml_bytes(table.meta))
    return folder
