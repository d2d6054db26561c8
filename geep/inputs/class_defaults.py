"""Defaults that change results, stated: crosswalk choices and close class names.

When a national class such as 草地 is read through a crosswalk, geep chooses one factor row
(``grassland.shrub_grass``) where studies choose differently (steppe, meadow, their mean); the
choice can change a county's ESV by a factor of two. :func:`default_choice_warnings` turns each
such choice into a warning that names the input class, the row chosen and the alternatives
with their value per hectare (Σ factors × D). :func:`suggest_classes` proposes the closest
class *names* for an unknown land class (by code prefix for codes, by shared characters for
Chinese names), so that 未利用地 is never answered with 建设用地.

Pure: mappings and frames in, texts out.

References
----------
.. [1] 谢高地 et al. 2015, 自然资源学报 30(8):1243-1254 (the factor rows compared).
.. [2] Precedents of the choices: ChinaXiv preprints 201809.00013 (草地 → steppe),
   202104.00050 (草地 → mean of steppe and meadow), 202004.00062 (草地 → shrub-grass).
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Mapping

import pandas as pd

from ..messages import msg, text

_CJK = re.compile(r"[\u3400-\u9fff]")
_CODE = re.compile(r"^[0-9A-Za-z]*\d[0-9A-Za-z]*$")
#: generic endings of Chinese land-class names (用地 "land use", 土地 "land", 地 "land")
_GENERIC = ("用地", "土地", "地")


def class_totals(factors: pd.DataFrame, d: float | None = None) -> pd.Series:
    """Σ factors per geep class [equivalents ha⁻¹], × D [CNY ha⁻¹] if ``d`` is given.

    ``factors`` is keyed by geep class (``ecosystem_type, service, factor``); classes of a
    coarse table share their type's total.
    """
    total = factors.groupby("ecosystem_type")["factor"].sum()
    return total * d if d is not None else total


def default_choice_warnings(
    choices: pd.DataFrame,
    totals: pd.Series,
    *,
    d: float | None = None,
) -> list[str]:
    """Warnings for land classes read through a crosswalk row that is a default choice.

    Parameters
    ----------
    choices
        One row per distinct input class read by a crosswalk: ``input_class, geep_class,
        ref`` (the crosswalk row, ``landclass-gbt21010@2017#04``) and ``alternatives``
        (the geep classes a study may choose instead, ``;``-separated; empty: no choice).
    totals
        Value per hectare of each geep class: Σ factors × D [CNY ha⁻¹] (or Σ factors [–] when
        ``d`` is None), e.g. from :func:`class_totals`.
    d
        The D used [CNY ha⁻¹ a⁻¹], shown in the text; None when D differs between regions.

    Returns
    -------
    list[str]
        One warning per input class whose alternatives would change the value per hectare;
        none where all alternatives share the chosen row's total (e.g. all grassland types of
        the coarse Xie 2003 table).
    """
    out = []
    for r in choices.itertuples(index=False):
        alts = [a for a in str(r.alternatives or "").split(";") if a.strip()]
        chosen = totals.get(r.geep_class, math.nan)
        vals = [(a.strip(), totals.get(a.strip(), math.nan)) for a in alts]
        if not vals or all(_same(v, chosen) for _, v in vals):
            continue
        shown = msg("or").join(
            msg("classmap.alternative", cls=a, total=_fmt(v, d)) for a, v in vals
        )
        code = "classmap.default_choice" if d is not None else "classmap.default_choice_eq"
        out.append(
            str(
                text(
                    code,
                    input=r.input_class,
                    chosen=r.geep_class,
                    ref=r.ref,
                    chosen_total=_fmt(chosen, d),
                    d=f"{d:,.2f}" if d is not None else "",
                    alternatives=shown,
                )
            )
        )
    return out


def _same(a: float, b: float) -> bool:
    if math.isnan(a) and math.isnan(b):
        return True
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def _fmt(v: float, d: float | None) -> str:
    if math.isnan(v):
        return "—"
    return f"{v:,.0f}" if d is not None else f"{v:.2f}"


def alternatives_note(alternatives: str | None) -> str:
    """`` (a default choice; alternatives: a, b)`` for a crosswalk note, or ``""``."""
    alts = [a.strip() for a in str(alternatives or "").split(";") if a.strip()]
    if not alts:
        return ""
    return msg("classmap.alternatives_note", alternatives=", ".join(alts))


def suggest_classes(label: str, names: Mapping[str, str | None], n: int = 3) -> str:
    """A ``"; did you mean ...?"`` suffix with the class names closest to ``label``.

    Parameters
    ----------
    label
        The unknown land class as written.
    names
        ``{name or code: geep class}`` of everything that resolves (geep ids, Chinese names,
        crosswalk names, aliases and codes).
    n
        At most this many suggestions.

    Codes are matched by their longest common prefix (``1201x`` → ``1201``), geep ids by
    spelling or prefix (``farmland`` → ``farmland.dryland``), Chinese names by the characters
    they share once the generic endings 用地 / 土地 / 地 are set aside — a suggestion must share
    at least one meaningful character (``未利用`` → ``未利用土地``, never ``建设用地``).
    """
    label = str(label).strip()
    if not label:
        return ""
    if _CJK.search(label):
        picks = _by_characters(label, [k for k in names if _CJK.search(k)], n)
    elif _CODE.match(label):
        picks = _by_prefix(label, [k for k in names if _CODE.match(k)], n)
    else:
        pool = [k for k in names if not _CJK.search(k) and not _CODE.match(k)]
        picks = _by_spelling(label, pool, n)
    if not picks:
        return ""
    shown = [f"{p!r} ({names[p]})" if names.get(p) and names[p] != p else repr(p) for p in picks]
    return msg("did_you_mean", options=msg("or").join(shown))


def _stem(name: str) -> str:
    for end in _GENERIC:
        if name.endswith(end) and len(name) > len(end):
            return name[: -len(end)]
    return name


def _by_characters(label: str, pool: list[str], n: int) -> list[str]:
    s = _stem(label)
    scored = []
    for name in pool:
        t = _stem(name)
        shared = len(set(s) & set(t))
        if shared == 0:
            continue
        ratio = difflib.SequenceMatcher(None, s, t).ratio()
        contains = s in t or t in s
        if ratio >= 0.5 or contains:
            scored.append((-ratio, len(name), name))
    return [name for *_, name in sorted(scored)[:n]]


def _by_prefix(label: str, pool: list[str], n: int) -> list[str]:
    def common(a: str, b: str) -> int:
        k = 0
        while k < min(len(a), len(b)) and a[k].upper() == b[k].upper():
            k += 1
        return k

    scored = [(-common(label, c), abs(len(c) - len(label)), c) for c in pool]
    best = [(s, d, c) for s, d, c in sorted(scored) if -s >= min(2, len(label))]
    return [c for *_, c in best[:n]]


def _by_spelling(label: str, pool: list[str], n: int) -> list[str]:
    low = label.lower()
    prefix = sorted(p for p in pool if p.lower().startswith(low) and p.lower() != low)
    close = difflib.get_close_matches(low, [p.lower() for p in pool], n=n, cutoff=0.6)
    lookup = {p.lower(): p for p in pool}
    out: list[str] = []
    for p in [*prefix, *(lookup[c] for c in close)]:
        if p not in out:
            out.append(p)
    return out[:n]


__all__ = [
    "alternatives_note",
    "class_totals",
    "default_choice_warnings",
    "suggest_classes",
]
