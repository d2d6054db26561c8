"""The :class:`Scheme`: one validated compensation-scheme edition and its derived editions.

Derived editions never patch the shipped data silently: parameter overrides, user-supplied
sections and borrowed rule sets are recorded (``overrides``, ``derived``) and reported in
every settlement.

References
----------
DESIGN §3 (overrides with provenance) and §7.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

import pandas as pd
import pydantic

from ..errors import SchemeError
from ..messages import msg, text
from ..status import worst
from .model import USER, Parameter, SchemeDoc


@dataclass(frozen=True)
class Override:
    """One parameter replaced by the caller: ``name`` (``name[key]`` for one element)."""

    name: str
    old: Any
    new: Any
    unit: str
    by: str
    given: str = ""


@dataclass(frozen=True, eq=False)
class Scheme:
    """One edition of a compensation scheme (validated), with provenance.

    Attributes
    ----------
    doc
        The effective scheme content (after overrides / user sections / borrowed rules).
    origin
        Folder it was read from.
    sha256
        Folder hash of the edition as read.
    overrides
        Parameters replaced by the caller.
    derived
        Provenance notes of derived editions (user sections, rules of another scheme), as
        texts shown in the reader's language.
    """

    doc: SchemeDoc
    origin: str
    sha256: str
    overrides: tuple[Override, ...] = ()
    derived: tuple[Any, ...] = ()

    # --- identity ---------------------------------------------------------------------
    @property
    def id(self) -> str:
        return self.doc.id

    @property
    def edition(self) -> str:
        return self.doc.edition

    @property
    def ref(self) -> str:
        """``"scheme-id@edition"``."""
        return self.doc.ref

    @property
    def label(self) -> str:
        """The ref plus derivation notes (what a settlement names as its scheme)."""
        return self.ref + "".join(f" [{d}]" for d in self.derived)

    @property
    def status(self) -> str:
        return self.doc.status

    @property
    def parameters(self) -> dict[str, Parameter]:
        return dict(self.doc.parameters)

    def party_names(self) -> dict[str, str]:
        return {p.id: p.name_zh for p in self.doc.parties}

    def __repr__(self) -> str:
        d = self.doc
        flag = "" if d.status == "released" else f" [{d.status.upper()}]"
        return (
            f"Scheme {self.label}{flag}: {d.title.en} / {d.title.zh}; {len(d.parties)} parties, "
            f"{len(d.sections)} sections, components {[c.id for c in d.components]}, "
            f"settlement lag {d.settlement.lag_years} year(s)"
        )

    # --- tables -----------------------------------------------------------------------
    def parameters_frame(self) -> pd.DataFrame:
        """One row per parameter: name, value, unit, evidence, source, note (in the active
        language when the scheme gives it in Chinese too), overridden."""
        over = {o.name.split("[")[0] for o in self.overrides}
        rows = [
            {
                "parameter": name,
                "value": json.dumps(p.value, ensure_ascii=False),
                "unit": p.unit,
                "evidence": p.evidence
                if isinstance(p.evidence, str)
                else json.dumps(p.evidence, ensure_ascii=False),
                "source": p.source,
                "overridden": name in over,
                "note": str(p.note_text),
            }
            for name, p in sorted(self.doc.parameters.items())
        ]
        return pd.DataFrame(rows)

    def sections_frame(self) -> pd.DataFrame:
        """One row per section with its parties, control section and target classes."""
        rows = []
        for s in self.doc.sections:
            rows.append(
                {
                    "section_id": s.id,
                    "name_zh": s.name_zh,
                    "river": s.river,
                    "type": s.type,
                    "upstream": json.dumps(s.upstream, ensure_ascii=False),
                    "downstream": json.dumps(s.downstream, ensure_ascii=False),
                    "control_section": s.control_section or "",
                    "target_class": json.dumps(
                        [
                            {"from": t.from_, "to": t.to, "class": t.water_class}
                            for t in s.target_periods()
                        ]
                    ),
                    "evidence": s.evidence,
                    "source": s.source,
                    "note": str(s.note_text),
                }
            )
        return pd.DataFrame(rows)

    def parameter_definitions(self) -> pd.DataFrame:
        """What each parameter accepts (kind, unit, bounds, length) and which rule arguments
        use it; every override is checked against these definitions."""
        from .parameters import definitions_frame

        return definitions_frame(self)

    def parties_frame(self) -> pd.DataFrame:
        return pd.DataFrame([p.model_dump() for p in self.doc.parties])

    # --- derived editions -------------------------------------------------------------
    def with_parameters(self, changes: Mapping[str, Any], by: str = "user") -> Scheme:
        """A derived scheme with parameters replaced (recorded; evidence becomes ``user``).

        ``changes`` maps a parameter name (or ``name[i]`` / ``name[key]`` for one element of
        a list or mapping) to a value, to text with a unit (``"12m3/s"``), or to
        ``{"value": ..., "unit": ...}``. Every value is checked against the parameter's
        definition and converted to its declared unit
        (:func:`geep.compensation.parameters.check_changes`).

        Raises
        ------
        ParameterError
            Every value that does not fit (name, type, unit, bounds, length), each named.
        """
        from .parameters import _split, check_changes, check_scheme

        if not changes:
            return self
        checked = check_changes(self, changes)
        params = dict(self.doc.parameters)
        records = list(self.overrides)
        for key in sorted(checked):
            new, unit, given = checked[key]
            name, element = _split(key)
            p = params[name]
            value, evidence = _replace_value(p, element, new)
            said = text("comp.note.overridden", by=by)
            params[name] = p.model_copy(update={"value": value, "evidence": evidence,
                                                "note": said.render("en"),
                                                "note_zh": said.render("zh")})  # fmt: skip
            records.append(Override(str(key), p.value, new, unit, by, given))
        doc = self.doc.model_copy(update={"parameters": params})
        derived = replace(self, doc=doc, overrides=tuple(records))
        check_scheme(derived)
        return derived

    def with_sections(
        self, sections: pd.DataFrame | list[dict], by: str = "user", where: Any = None
    ) -> Scheme:
        """A derived scheme whose sections come from a table (columns ``section_id``,
        ``name_zh``, ``upstream`` (``"140100"`` or ``"140100:0.5;140200:0.5"``), optional
        ``downstream``, ``control_section``, ``target_class``, ``river``, ``type``,
        ``no_inflow``). Parties must be declared by the scheme. ``where`` locates the cells
        of a table read from a file (:func:`geep.compensation.io.read_inputs`).

        Raises
        ------
        InputValidationError
            Every problem of the table, each at its cell.
        """
        from .sections import sections_from_table

        items = sections_from_table(sections, by, where)
        return self._rebuild({"sections": items}, text("comp.derived.sections", by=by))

    def with_rules_of(self, other: Scheme) -> Scheme:
        """This scheme's parties and sections, assessed with ``other``'s rule components and
        parameters (rule comparison). The status is the weaker of the two."""
        status = worst([self.status, other.status])
        update = {
            "components": [c.model_dump(by_alias=True) for c in other.doc.components],
            "parameters": {k: p.model_dump() for k, p in other.doc.parameters.items()},
            "sources": {**self.doc.sources, **other.doc.sources},
            "indicator_map": dict(other.doc.indicator_map),
            "settlement": other.doc.settlement.model_dump(),
            "status": status,
        }
        return self._rebuild(update, text("comp.derived.rules_of", ref=other.label))

    def _rebuild(self, update: dict[str, Any], note: Any) -> Scheme:
        data = self.doc.model_dump(by_alias=True)
        data.update(update)
        try:
            doc = SchemeDoc.model_validate(data)
        except pydantic.ValidationError as exc:
            raise SchemeError(
                msg("comp.scheme_invalid", ref=self.ref + f" [{note}]", problem=_errors(exc)),
                table=self.ref,
                hint=text("hint.comp.rebuild"),
            ) from exc
        return replace(self, doc=doc, derived=(*self.derived, note))


def _replace_value(p: Parameter, element: str | None, new: Any) -> tuple[Any, Any]:
    """The parameter's value and evidence with ``new`` (already checked) put in place."""
    old = p.value
    if element is None:
        if isinstance(new, list):
            return list(new), [None if v is None else USER for v in new]
        if isinstance(new, dict):
            return dict(new), dict.fromkeys(new, USER)
        return new, USER
    if isinstance(old, list):
        i = int(element)
        vals = list(old)
        vals[i] = new
        ev = list(p.evidence) if isinstance(p.evidence, list) else [p.evidence] * len(old)
        ev[i] = USER
        return vals, ev
    ev_map = p.evidence if isinstance(p.evidence, dict) else dict.fromkeys(old, p.evidence)
    return {**old, element: new}, {**ev_map, element: USER}


def _errors(exc: pydantic.ValidationError) -> str:
    return "; ".join(f"{'.'.join(map(str, e['loc'])) or '(top)'}: {e['msg']}" for e in exc.errors())
