"""Vocabularies of coded input columns: how a typed label becomes a canonical id.

One record per vocabulary (land classes, GEP indicators, driver variables, …); a column of a
table spec names its vocabulary, and the one normaliser resolves every distinct label through
it — Chinese names, national classification codes, aliases and traditional forms are accepted
with a note; an unknown label is an error with the closest *names* as suggestions. A vocabulary
may also say each entry's canonical unit (a quantity whose unit depends on the row) and which
entries may be negative. Domains register their own (compensation statuses, trading rights …).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from ..errors import GeepError
from ..messages import did_you_mean, text
from ..vocab import BIOMES, DRIVERS, INDICATOR_BY_ZH, INDICATORS, LAND_CLASS_BY_ZH, LAND_CLASSES
from .class_defaults import alternatives_note, suggest_classes


@dataclass(frozen=True)
class Resolution:
    """A label resolved: the canonical id (``None``: unknown), and the note or error."""

    canonical: str | None
    note: Any = None
    error: Any = None
    hint: Any = None

    def __iter__(self):  # unpacks as (canonical, note, error, hint)
        return iter((self.canonical, self.note, self.error, self.hint))


@dataclass(frozen=True)
class Vocabulary:
    """A vocabulary of codes.

    Attributes
    ----------
    name
        Registry key (the ``vocabulary`` of a column).
    resolve
        ``resolve(label) -> Resolution`` for one distinct, already NFKC-cleaned label.
    unit
        ``unit(canonical) -> canonical unit`` for quantities whose unit depends on the row.
    signed
        ``signed(canonical) -> bool``: whether a quantity of that entry may be negative.
    entries
        ``entries() -> {canonical: Chinese name}`` (templates, documentation).
    factor
        ``factor(unit, target) -> (factor, note)``: how a unit typed in a row converts to the
        row's canonical unit, for vocabularies whose units the registry alone does not read
        (tonnes of coal equivalent, ``t`` meaning t CO₂e for a carbon right, with a note);
        default: the unit registry (:func:`geep.units.factor`).
    """

    name: str
    resolve: Callable[[str], Resolution]
    unit: Callable[[str], str | None] | None = None
    signed: Callable[[str], bool] | None = None
    entries: Callable[[], dict[str, str]] | None = None
    factor: Callable[[str, str], tuple[Any, Any]] | None = None


VOCABULARIES: dict[str, Vocabulary] = {}


_PAIR = re.compile(r"^(.+?)\s*[（(]\s*([^()（）]+?)\s*[)）]$")


def _with_pairs(resolve: Callable[[str], Resolution]) -> Callable[[str], Resolution]:
    """Also accept ``name (code)`` / ``code (name)`` — the entries of the template's
    drop-downs — when both halves name the same entry; halves that disagree are an error."""

    def inner(v: str) -> Resolution:
        res = resolve(v)
        m = _PAIR.match(v)
        if res.canonical is not None or m is None:
            return res
        a, b = resolve(m.group(1)), resolve(m.group(2))
        if a.canonical is not None and a.canonical == b.canonical:
            return Resolution(a.canonical, text("in.pair_read", value=v, canon=a.canonical))
        if a.canonical is not None and b.canonical is not None:
            return Resolution(
                None,
                error=text("in.pair_disagree", value=v, a=a.canonical, b=b.canonical),
                hint=text("hint.pair_disagree"),
            )
        return res

    return inner


def register(v: Vocabulary) -> Vocabulary:
    """Add (or replace) a vocabulary; its labels may also be written ``name (code)``."""
    v = replace(v, resolve=_with_pairs(v.resolve))  # every other field kept (factor …)
    VOCABULARIES[v.name] = v
    return v


def suggest(word: str, options, n: int = 3):
    """A lazy ``"; did you mean 'x' or 'y'?"`` (``""`` when nothing is close): the options
    :func:`geep.messages.did_you_mean` would name, rendered when displayed."""
    import difflib

    opts = [str(o) for o in options]
    close = difflib.get_close_matches(str(word), opts, n=n, cutoff=0.5)
    if not close:
        lowered = {o.lower(): o for o in opts}
        close = [lowered[m] for m in difflib.get_close_matches(str(word).lower(), lowered, n=n)]
    if not close:
        return ""
    joined: Any = repr(close[0])
    for c in close[1:]:
        joined = joined + text("or") + repr(c)
    return text("did_you_mean", options=joined)


def _split(cell: object) -> list[str]:
    return [p.strip() for p in cell.split(";") if p.strip()] if isinstance(cell, str) else []


@lru_cache(maxsize=1)
def land_class_crosswalk() -> dict[str, tuple[str | None, str]]:
    """Codes, Chinese names and aliases of national classifications → (geep class, row ref)."""
    from ..coefficients import load

    out: dict[str, tuple[str | None, str]] = {}
    for ref in ("landclass-gbt21010@2017", "landclass-cnlucc@2015"):
        try:
            t = load(ref)
        except GeepError:  # pragma: no cover - crosswalk table missing in a custom install
            continue
        for r in t.frame.itertuples(index=False):
            target = r.geep_class if isinstance(r.geep_class, str) else None
            row = t.coefficient_ref(r.source_code)
            names = [str(r.source_code), r.source_name_zh, *_split(getattr(r, "aliases", None))]
            for name in names:
                if isinstance(name, str) and name:
                    out.setdefault(name, (target, row))
    return out


@lru_cache(maxsize=1)
def land_class_alternatives() -> dict[str, str]:
    """``{crosswalk row ref: alternatives}`` for the rows whose class is a default choice."""
    from ..coefficients import load

    out: dict[str, str] = {}
    for ref in ("landclass-gbt21010@2017", "landclass-cnlucc@2015"):
        try:
            t = load(ref)
        except GeepError:  # pragma: no cover
            continue
        if "alternatives" in t.frame.columns:
            for code, alts in zip(t.frame["source_code"], t.frame["alternatives"], strict=True):
                if isinstance(alts, str) and alts.strip():
                    out[t.coefficient_ref(code)] = alts
    return out


def resolve_land_class(v: str) -> Resolution:
    """A geep class, a benefit-transfer biome, a Chinese class name or a national code."""
    if v in LAND_CLASSES or v in BIOMES:
        return Resolution(v)
    if v in LAND_CLASS_BY_ZH:
        c = LAND_CLASS_BY_ZH[v]
        return Resolution(c, text("in.zh_class", value=v, canon=c))
    cw = land_class_crosswalk()
    key = v.zfill(4) if v.isdigit() and len(v) == 3 else v
    if key in cw and cw[key][0]:
        target, row = cw[key]
        note = text("in.national_class", value=v, canon=target, ref=row) + alternatives_note(
            land_class_alternatives().get(row)
        )
        return Resolution(target, note)
    known = {
        **{c: c for c in LAND_CLASSES},
        **LAND_CLASS_BY_ZH,
        **{k: t for k, (t, _) in cw.items()},
    }
    return Resolution(None, error=text("in.unknown_class", value=v,
                                       suggestion=suggest_classes(v, known)),
                      hint=text("hint.class"))  # fmt: skip


def resolve_indicator(v: str) -> Resolution:
    c = v if v in INDICATORS else INDICATOR_BY_ZH.get(v)
    if c is None:
        names = list(INDICATORS) + list(INDICATOR_BY_ZH)
        return Resolution(None, error=text("in.unknown_indicator", value=v,
                                           suggestion=did_you_mean(v, names)),
                          hint=text("hint.indicator"))  # fmt: skip
    return Resolution(c, text("in.indicator_read", value=v, canon=c) if c != v else None)


def resolve_driver(v: str) -> Resolution:
    if v in DRIVERS:
        return Resolution(v)
    by_zh = {zh: k for k, (_, zh) in DRIVERS.items()}
    if v in by_zh:
        return Resolution(by_zh[v], text("in.indicator_read", value=v, canon=by_zh[v]))
    return Resolution(None, error=text("in.unknown_driver", value=v,
                                       suggestion=did_you_mean(v, list(DRIVERS))),
                      hint=text("hint.driver"))  # fmt: skip


#: yes / no answers (a flag column): the words accepted for each
YES_NO: dict[str, tuple[str, ...]] = {
    "true": ("true", "yes", "y", "1", "是", "有", "真"),
    "false": ("false", "no", "n", "0", "否", "无", "假"),
}
_YES_NO = {w: k for k, words in YES_NO.items() for w in words}


def resolve_yes_no(v: str) -> Resolution:
    """``"true"`` / ``"false"`` for a yes/no answer in English or Chinese (also 1 / 0)."""
    key = v.strip().lower()
    if key in _YES_NO:
        return Resolution(_YES_NO[key])
    return Resolution(None, error=text("in.unknown_yes_no", value=v),
                      hint=text("hint.yes_no"))  # fmt: skip


register(Vocabulary("land_class", resolve_land_class, entries=lambda: dict(LAND_CLASSES)))
register(Vocabulary("yes_no", resolve_yes_no, entries=lambda: {"true": "是", "false": "否"}))
register(
    Vocabulary(
        "indicator",
        resolve_indicator,
        unit=lambda c: INDICATORS[c].quantity_unit if c in INDICATORS else None,
        signed=lambda c: c in INDICATORS and INDICATORS[c].signed,
        entries=lambda: {k: d.zh for k, d in INDICATORS.items()},
    )
)
register(
    Vocabulary(
        "driver",
        resolve_driver,
        unit=lambda c: DRIVERS[c][0] if c in DRIVERS else None,
        entries=lambda: {k: v[1] for k, v in DRIVERS.items()},
    )
)

__all__ = [
    "VOCABULARIES",
    "YES_NO",
    "Resolution",
    "Vocabulary",
    "land_class_alternatives",
    "land_class_crosswalk",
    "register",
    "resolve_driver",
    "resolve_indicator",
    "resolve_land_class",
    "resolve_yes_no",
    "suggest",
]
