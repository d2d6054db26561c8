"""The report page: one self-contained HTML file per run.

:func:`report_html` builds the page from ledgers (no file access apart from an optional zone
layer); :func:`write_report` writes it atomically, marked as a geep output (see
:mod:`geep.io.marker`). The page has no external resource — inline CSS, inline SVG charts, a few
lines of script to sort tables — opens in any browser and prints on A4. The same ledgers give
the same bytes (no timestamps).
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from pathlib import Path

import pandas as pd

from .. import _formats
from .._version import __version__
from ..ledger import Ledger
from ..messages import language_scope, msg
from .assets import CSS, SCRIPT
from .context import Context, Source, build_context
from .labels import label
from .map_section import map_section
from .provenance import provenance_section, warnings_section
from .region_tables import regions_section, rollup_section
from .regions import Hierarchy, extend, hierarchy
from .sections import composition_section, headline_section, waterfall_section

#: (anchor, catalogue code of the heading) of the sections, in page order
TOC = (
    ("headline", "report.sec_headline"),
    ("waterfall", "report.sec_waterfall"),
    ("composition", "report.sec_composition"),
    ("regions", "report.sec_regions"),
    ("rollup", "report.toc_rollup"),
    ("maps", "report.sec_maps"),
    ("provenance", "report.sec_provenance"),
    ("warnings", "report.toc_warnings"),
)


def _banner(ctx: Context) -> str:
    status = ctx.ledger.status
    if status == "released":
        return ""
    from .provenance import installed

    refs = sorted(ctx.ledger.meta.get("tables") or {})
    flagged = [(r, t.status) for r in refs
               if (t := installed(r)) is not None and t.status != "released"]  # fmt: skip
    items = "".join(
        f"<li>{escape(msg('report.banner_edition', ref=r, status=label('status', st)))}</li>"
        for r, st in flagged
    )
    ev = ctx.ledger.meta.get("evidence") or {}
    weak = sum(int(ev.get(k, 0)) for k in ("secondary", "unverified"))
    if weak:
        total = sum(int(v) for v in ev.values())
        items += f"<li>{escape(msg('report.banner_evidence', n=weak, total=total))}</li>"
    reasons = f"<ul>{items}</ul>" if items else ""
    return (f'<div class="banner {escape(status)}" role="alert" id="status-banner">'
            f"{escape(msg(f'report.banner_{status}'))}{reasons}</div>")  # fmt: skip


def _header(ctx: Context) -> str:
    f = ctx.ledger._lines
    n = f["region_code"].nunique()
    years = ", ".join(map(str, ctx.years))
    accounts = ", ".join(label("account_short", a) for a in ctx.accounts)
    sub = msg("report.subtitle", n=n, years=years, accounts=accounts)
    files = ", ".join(s.label for s in ctx.sources)
    return (f"<header><h1>{escape(msg('report.title'))}</h1>"
            f'<p class="subtitle">{escape(sub)}</p>'
            f'<p class="subtitle">{escape(msg("report.files", files=files))}</p></header>')  # fmt: skip


def _toc(present: set[str]) -> str:
    items = "".join(f'<li><a href="#{a}">{escape(msg(code))}</a></li>'
                    for a, code in TOC if a in present)  # fmt: skip
    return f'<nav class="toc"><strong>{escape(msg("report.toc"))}</strong><ol>{items}</ol></nav>'


def _body(ctx: Context, zones: object, zone_field: str, extra: list) -> str:
    parts = [headline_section(ctx), waterfall_section(ctx), composition_section(ctx),
             regions_section(ctx)]  # fmt: skip
    parts.append(rollup_section(ctx))
    maps, zone_src = map_section(ctx, zones, zone_field)
    parts.append(maps)
    parts.append(provenance_section(ctx, [*extra, *zone_src]))
    parts.append(warnings_section(ctx))
    return "".join(p for p in parts if p)


def report_html(
    ledgers: Ledger | Sequence[Ledger],
    lang: str = "en",
    *,
    files: Sequence[tuple[str, str | None]] | None = None,
    regions: pd.DataFrame | None = None,
    zones: object = None,
    zone_field: str = "region_code",
    hierarchy_table: pd.DataFrame | Hierarchy | None = None,
    inputs: Sequence[tuple[str, str | None]] = (),
    notes: Sequence[str] = (),
    top: int = 20,
) -> str:
    """The report of ``ledgers`` as an HTML document (text).

    Parameters
    ----------
    ledgers
        One ledger or several (e.g. one per county, or ESV and GEEP ledgers of one run); two
        ledgers with lines for the same region, year and account are refused.
    lang
        ``"en"`` or ``"zh"``: every label of the page (Chinese first under ``zh``).
    files
        ``(name, sha256)`` of each ledger's file, for the provenance (default ``ledger 1`` …).
    regions
        An input regions table (``region_code``, ``area`` [ha], ``population`` [persons],
        ``parent_code``): per-capita and per-km² values, map areas, hierarchy additions.
    zones
        Zone polygons (a file geopandas reads, or a GeoDataFrame; ``geep[grid]``) for maps of
        values per km²; without them the page says there is no map and why.
    zone_field
        Field of ``zones`` holding the region codes.
    hierarchy_table
        Region hierarchy for names and the roll-up table (default ``regions-shanxi``).
    inputs
        Further input files ``(name, sha256)`` to list (the regions file …).
    notes
        Statements to add to the warnings (e.g. "the regions file is not this run's input").
    top
        Regions named in the ranking charts (the others are one bar).
    """
    ledgers = [ledgers] if isinstance(ledgers, Ledger) else list(ledgers)
    labels = list(files) if files is not None else []
    with language_scope(lang):
        if len(labels) != len(ledgers):
            labels = [(msg("report.ledger_n", n=i + 1), None) for i in range(len(ledgers))]
        sources = [Source(lg, name, sha) for lg, (name, sha) in zip(ledgers, labels, strict=True)]
        h = extend(hierarchy(hierarchy_table), regions)
        ctx = build_context(sources, lang, h, regions, top)
        ctx.notes.extend(str(n) for n in notes)
        body = _body(ctx, zones, zone_field, list(inputs))
        present = {a for a, _ in TOC if f'<section id="{a}"' in body}
        title = msg("report.title")
        foot = msg("report.footer", version=__version__)
        html_lang = "zh-CN" if lang == "zh" else "en"
        return (
            f'<!DOCTYPE html>\n<html lang="{html_lang}"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<meta name="generator" content="geep {escape(__version__)}">'
            f"<title>{escape(title)}</title><style>{CSS}</style></head><body>"
            f"{_header(ctx)}{_banner(ctx)}{_toc(present)}<main>{body}</main>"
            f"<footer>{escape(foot)}</footer><script>{SCRIPT}</script></body></html>\n"
        )


def write_report(
    ledgers: Ledger | Sequence[Ledger], path: str | Path, lang: str = "en", **kw: object
) -> Path:
    """Write the report of ``ledgers`` to ``path`` (``.html``), atomically; see
    :func:`report_html` for the options. Returns the path."""
    from ..errors import InputError
    from ..messages import text

    path = Path(path)
    if path.suffix.lower() not in (".html", ".htm"):
        raise InputError(text("report.bad_suffix", name=path.name), hint=text("report.hint_suffix"),
                         file=str(path))  # fmt: skip
    data = report_html(ledgers, lang, **kw).encode("utf-8")  # type: ignore[arg-type]
    data = _formats.get("marker.stamp_html")(data)
    _formats.get("atomic.write_bytes")(path, data)
    return path


__all__ = ["TOC", "report_html", "write_report"]
