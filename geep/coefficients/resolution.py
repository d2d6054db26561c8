"""The one resolution rule of the catalogue, for tables, schemes and profiles alike.

``edition=E``
    exactly that edition (an edition set aside as invalid raises its own error);
``as_of=D``
    among the editions valid on day ``D`` (``valid_from <= D <= valid_to``, open ends), as
    below; none valid: "has no edition valid at D; editions and validity: …";
neither
    the newest *released* edition (by ``valid_from``, then edition name); a table with no
    released edition resolves to its newest provisional one with a
    :class:`ProvisionalWarning`; drafts only by name.

An edition listed in its root's ``LOCK`` counts as released whatever its status field says
(loading it then refuses it as tampered), so flipping a released edition's status cannot make
the catalogue quietly choose another one. An id defined twice (the same ``id@edition`` in two
roots) resolves to nothing: the clash is the error.

References
----------
DESIGN §3 (resolution: newest released, exact edition, edition valid at a date).
"""

from __future__ import annotations

import datetime as dt
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import EditionNotFoundError, GeepError, TableNotFoundError
from ..messages import Text, text
from .kinds import EditionEntry, Kind


class ProvisionalWarning(UserWarning):
    """A provisional or draft edition was used; results must say so."""


@dataclass(frozen=True)
class Problem:
    """An edition of a user folder that was set aside, and why."""

    id: str
    edition: str
    error: GeepError


@dataclass(frozen=True)
class Scan:
    """The catalogue of one kind over one tuple of roots (the first is geep's own)."""

    kind: str
    roots: tuple[Path, ...]
    entries: dict[str, dict[str, EditionEntry]]
    invalid: tuple[Problem, ...] = ()
    duplicates: dict[str, GeepError] | None = None

    def problems(self) -> list[GeepError]:
        """Every edition set aside: invalid files, then ids defined twice."""
        return [p.error for p in self.invalid] + list((self.duplicates or {}).values())

    def usable(self) -> dict[str, dict[str, EditionEntry]]:
        """The entries whose id is not defined twice."""
        dups = self.duplicates or {}
        return {i: eds for i, eds in self.entries.items() if i not in dups}


def as_date(value: dt.date | str, kind: Kind) -> dt.date:
    """A day from a date, a datetime (its date) or ISO text; else the kind's error."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise kind.error(text("catalogue.as_of", value=value),
                         hint=text("hint.catalogue.as_of")) from None  # fmt: skip


def _listing(eds: dict[str, EditionEntry], bad: list[Problem]) -> Any:
    out: Any = ", ".join(f"{e} ({eds[e].status})" for e in sorted(eds))
    if bad:
        out = out + text("catalogue.set_aside", editions=", ".join(p.edition for p in bad))
    return out


def _validity(eds: dict[str, EditionEntry], bad: list[Problem]) -> Any:
    out: Any = ", ".join(
        f"{e} [{eds[e].valid_from or ''}..{eds[e].valid_to or ''}] ({eds[e].status})"
        for e in sorted(eds)
    )
    if bad:
        out = out + text("catalogue.set_aside", editions=", ".join(p.edition for p in bad))
    return out


def _not_found(kind: Kind, scan: Scan, item_id: str, edition: str | None) -> GeepError:
    """The error for an id with no usable entry: its own problems, or "no such id"."""
    bad = [p for p in scan.invalid if p.id == item_id]
    own = [p for p in bad if p.edition == edition] if edition is not None else []
    if own or len(bad) == 1:
        return (own or bad)[0].error
    if bad:
        errors = Text()
        for i, p in enumerate(bad):  # rendered when shown, in the language then
            errors = errors + ("; " if i else "") + p.error
        return kind.error(text("catalogue.unusable", what=text(kind.what), id=item_id,
                               errors=errors), file=bad[0].error.file, hint=bad[0].error._hint)  # fmt: skip
    return TableNotFoundError(kind.not_found(item_id, sorted(scan.usable())),
                              table=kind.table_field(item_id))  # fmt: skip


def choose(
    kind: Kind,
    scan: Scan,
    item_id: str,
    edition: str | None = None,
    as_of: dt.date | str | None = None,
) -> EditionEntry:
    """The edition of ``item_id`` that ``edition`` / ``as_of`` name (see the module text).

    Raises
    ------
    TableNotFoundError
        No such id (with close names).
    EditionNotFoundError
        No such edition, none valid at ``as_of``, or none released; ``available`` lists the
        editions.
    GeepError
        The kind's error: an id defined twice, or an edition set aside as invalid.
    """
    dups = scan.duplicates or {}
    if item_id in dups:
        raise dups[item_id]
    edition = None if edition is None else str(edition)
    eds = scan.entries.get(item_id)
    if not eds:
        raise _not_found(kind, scan, item_id, edition)
    bad = [p for p in scan.invalid if p.id == item_id]
    where = {"table": kind.table_field(item_id)}
    what = text(kind.what)
    if edition is not None:
        if edition in eds:
            return eds[edition]
        for p in bad:
            if p.edition == edition:
                raise p.error
        raise _with_available(EditionNotFoundError(
            text("catalogue.edition_not_found", what=what, id=item_id, edition=edition,
                 available=_listing(eds, bad)), edition=edition, **where), eds)  # fmt: skip
    ordered = sorted(eds.values(), key=lambda e: (e.valid_from or dt.date.min, e.edition))
    day = None if as_of is None else as_date(as_of, kind)
    if day is not None:
        ordered = [e for e in ordered if e.valid_at(day)]
        if not ordered:
            raise _with_available(EditionNotFoundError(
                text("catalogue.no_edition_at", what=what, id=item_id, as_of=day,
                     available=_validity(eds, bad)), **where), eds)  # fmt: skip
    released = [e for e in ordered if e.released]
    if released:
        return released[-1]
    usable = [e for e in ordered if e.status == "provisional"]
    if not usable:
        valid = {e.edition: e for e in ordered}
        code, kw = ("catalogue.no_released", {}) if day is None else (
            "catalogue.no_released_at", {"as_of": day})  # fmt: skip
        raise _with_available(EditionNotFoundError(
            text(code, what=what, id=item_id, available=_listing(valid, bad), **kw), **where),
            eds)  # fmt: skip
    chosen = usable[-1]
    label = kind.label(chosen.id, chosen.edition)
    warnings.warn(ProvisionalWarning(text("catalogue.provisional", ref=label, id=item_id)),
                  stacklevel=4)  # fmt: skip
    return chosen


def _with_available(err: EditionNotFoundError, eds: dict[str, EditionEntry]) -> GeepError:
    err.available = sorted(eds)
    return err


__all__ = ["Problem", "ProvisionalWarning", "Scan", "as_date", "choose"]
