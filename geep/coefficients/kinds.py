"""What the catalogue holds: the kinds of edition and how each is found and introduced.

Every catalogue root holds three kinds of versioned data, found the same way in every root:

========  ==============================================  ===========================
kind      where in a root                                 LOCK key of a released one
========  ==============================================  ===========================
table     ``<table-id>/<edition>/table.yaml`` (+ ``.csv``)  ``<table-id>@<edition>``
scheme    ``schemes/<scheme-id>/<edition>/scheme.yaml``   ``schemes/<id>@<edition>``
profile   ``profiles/<name>.yaml`` (not versioned)        (not locked)
========  ==============================================  ===========================

Trading rules are coefficient tables (kind ``trading_rules``). A kind's *head* reader turns a
metadata file into an :class:`EditionEntry` — identity, status, validity — without reading the
rows; it raises the kind's error (with file and field) for a file it cannot accept.

References
----------
DESIGN §3 (coefficient tables, profiles) and §7 (scheme editions).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import CoefficientTableError, GeepError, SchemeError
from ..messages import Text, did_you_mean, msg, text
from ..status import STATUSES

#: folder names of a root that are not table ids
RESERVED = {"profiles", "schemes"}
SCHEMES_DIR, SCHEME_FILE, PROFILE_DIR = "schemes", "scheme.yaml", "profiles"


@dataclass(frozen=True)
class EditionEntry:
    """One edition in the catalogue index (metadata only; rows not read).

    ``locked`` says the root's ``LOCK`` lists the edition: it is then released whatever its
    ``status`` field says now (a changed status is a changed edition, refused on loading).
    ``meta`` is the validated metadata where the head reader has it (``TableMeta``,
    ``Profile``).
    """

    kind: str
    id: str
    edition: str
    status: str
    valid_from: dt.date | None
    valid_to: dt.date | None
    folder: Path
    root: Path
    file: Path
    locked: bool = False
    meta: Any = field(default=None, compare=False, repr=False)

    @property
    def ref(self) -> str:
        """``"id@edition"`` (a profile: its name)."""
        return f"{self.id}@{self.edition}" if self.edition else self.id

    @property
    def released(self) -> bool:
        """Released by its status field or by its ``LOCK`` entry."""
        return self.locked or self.status == "released"

    def valid_at(self, day: dt.date) -> bool:
        """True if ``day`` is within ``valid_from .. valid_to`` (both inclusive, open ends)."""
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )


@dataclass(frozen=True)
class Kind:
    """How one kind of edition is found, introduced, named and locked."""

    name: str
    error: type[GeepError]
    find: Callable[[Path], list[Path]]
    head: Callable[[Path, Path, bool], EditionEntry]
    lock_prefix: str | None
    what: str  # message code naming the kind ("table", "scheme", "profile")
    not_found: Callable[[str, list[str]], Text]
    table_field: Callable[[str], str] = lambda i: i

    def where(self, file: Path) -> tuple[str, str]:
        """``(id, edition)`` a metadata file stands for, from its path."""
        if self.name == "profile":
            return file.stem, ""
        return file.parent.parent.name, file.parent.name

    def lock_key(self, item_id: str, edition: str) -> str | None:
        """The key of an edition in ``LOCK`` (``None``: this kind is not locked)."""
        return None if self.lock_prefix is None else f"{self.lock_prefix}{item_id}@{edition}"

    def label(self, item_id: str, edition: str = "") -> str:
        """How messages name an edition: ``t@e``, ``schemes/s@e``, ``profile 'p'``."""
        if self.name == "profile":
            return msg("catalogue.profile_label", name=item_id)
        return f"{self.lock_prefix or ''}{item_id}@{edition}" if edition else item_id


# --- finding ------------------------------------------------------------------------------
def _dirs(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith((".", "_")))


def find_tables(root: Path) -> list[Path]:
    """``table.yaml`` of every table edition folder of ``root``."""
    out = []
    for table_dir in _dirs(root):
        if table_dir.name in RESERVED:
            continue
        out += [ed / "table.yaml" for ed in _dirs(table_dir) if (ed / "table.yaml").is_file()]
    return out


def find_schemes(root: Path) -> list[Path]:
    """``scheme.yaml`` of every scheme edition folder under ``root/schemes``."""
    base = root / SCHEMES_DIR
    if not base.is_dir():
        return []
    return [ed / SCHEME_FILE for sdir in _dirs(base) for ed in _dirs(sdir)
            if (ed / SCHEME_FILE).is_file()]  # fmt: skip


def find_profiles(root: Path) -> list[Path]:
    """Every ``root/profiles/*.yaml``."""
    base = root / PROFILE_DIR
    return sorted(p for p in base.glob("*.yaml") if p.is_file()) if base.is_dir() else []


# --- heads ----------------------------------------------------------------------------------
def table_head(file: Path, root: Path, locked: bool) -> EditionEntry:
    from .reader import read_meta

    meta = read_meta(file.parent)
    return EditionEntry("table", meta.id, meta.edition, meta.status, meta.valid_from,
                        meta.valid_to, file.parent, root, file, locked, meta)  # fmt: skip


def _date(head: dict[str, Any], name: str, file: Path) -> dt.date | None:
    v = head.get(name)
    if v is None or (isinstance(v, dt.date) and not isinstance(v, dt.datetime)):
        return v
    try:
        return dt.date.fromisoformat(str(v))
    except ValueError:
        raise SchemeError(text("catalogue.field_date", field=name, value=v), file=str(file),
                          column=name, hint=text("hint.catalogue.field_date", field=name)) from None  # fmt: skip


def scheme_head(file: Path, root: Path, locked: bool) -> EditionEntry:
    from .yamlsafe import read_yaml

    head = read_yaml(file, SchemeError)
    folder = file.parent
    status = head.get("status")
    if status not in STATUSES:
        raise SchemeError(text("catalogue.field_status", value=status), file=str(file),
                          column="status", hint=text("hint.catalogue.field_status"))  # fmt: skip
    ident = (str(head.get("id")), str(head.get("edition")))
    if ident != (folder.parent.name, folder.name):
        raise SchemeError(text("catalogue.folder_mismatch", ref="@".join(ident),
                               folder=f"{folder.parent.name}/{folder.name}"), file=str(file),
                          hint=text("hint.catalogue.folder_mismatch", file=SCHEME_FILE))  # fmt: skip
    return EditionEntry("scheme", ident[0], ident[1], status, _date(head, "valid_from", file),
                        _date(head, "valid_to", file), folder, root, file, locked)  # fmt: skip


def profile_head(file: Path, root: Path, locked: bool) -> EditionEntry:
    import pydantic

    from .model import Profile
    from .yamlsafe import read_yaml

    doc = read_yaml(file, CoefficientTableError)
    try:
        prof = Profile.model_validate(doc)
    except pydantic.ValidationError as exc:
        raise CoefficientTableError(text("coef.meta", problem=field_problems(exc)),
                                    file=str(file), hint=field_hint(exc)) from None  # fmt: skip
    if prof.name != file.stem:
        raise CoefficientTableError(text("catalogue.profile_name", name=prof.name,
                                         stem=file.stem), file=str(file), column="name",
                                    hint=text("hint.catalogue.profile_name"))  # fmt: skip
    return EditionEntry("profile", prof.name, "", prof.status, None, None, file.parent, root,
                        file, False, prof)  # fmt: skip


def field_problems(exc: Any) -> str:
    """``"field: problem (value given); ..."`` of a pydantic ``ValidationError`` (the value
    when it is a short scalar: the field named is not enough to find a typo)."""
    out = []
    for e in exc.errors():
        where = ".".join(map(str, e["loc"])) or "(top)"
        given = e.get("input")
        shown = ""
        if isinstance(given, str | int | float | bool | dt.date) and len(repr(given)) <= 60:
            shown = " " + msg("catalogue.given", value=given)
        out.append(f"{where}: {e['msg']}{shown}")
    return "; ".join(out)


def field_hint(exc: Any) -> Text:
    """How to fix the first field of a pydantic ``ValidationError`` geep has advice for."""
    for e in exc.errors():
        name = str(e["loc"][0]) if e["loc"] else ""
        if name in ("valid_from", "valid_to"):
            return text("hint.catalogue.field_date", field=name)
        if name == "status":
            return text("hint.catalogue.field_status")
    return text("hint.catalogue.meta")


# --- the kinds ------------------------------------------------------------------------------
def _table_not_found(item_id: str, ids: list[str]) -> Text:
    return text("coef.table_not_found", table=item_id, suggestion=did_you_mean(item_id, ids))


def _scheme_not_found(item_id: str, ids: list[str]) -> Text:
    return text("comp.scheme_not_found", scheme=item_id, suggestion=did_you_mean(item_id, ids),
                available=", ".join(ids))  # fmt: skip


def _profile_not_found(item_id: str, ids: list[str]) -> Text:
    return text("coef.profile_not_found", profile=item_id, available=", ".join(ids))


KINDS: dict[str, Kind] = {
    "table": Kind("table", CoefficientTableError, find_tables, table_head, "",
                  "catalogue.kind_table", _table_not_found),
    "scheme": Kind("scheme", SchemeError, find_schemes, scheme_head, f"{SCHEMES_DIR}/",
                   "catalogue.kind_scheme", _scheme_not_found, lambda i: f"{SCHEMES_DIR}/{i}"),
    "profile": Kind("profile", CoefficientTableError, find_profiles, profile_head, None,
                    "catalogue.kind_profile", _profile_not_found),
}  # fmt: skip

__all__ = ["KINDS", "RESERVED", "EditionEntry", "Kind", "find_profiles", "find_schemes",
           "find_tables"]  # fmt: skip
