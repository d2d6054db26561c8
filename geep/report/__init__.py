"""Outputs people read: the browser report, the wide GEEP table, roll-ups.

* :func:`write_report` / :func:`report_html` — one self-contained HTML page per run (headline
  figures per year, GDP → GEEP, composition, sortable region table, maps, provenance, warnings);
* :func:`geep_table` — region × GDP, PDC, EDC, ERS, GEEP, GEEP/GDP, GEP, ESV, per person, per km²;
* :func:`rollup` / :func:`rollups` — county ledgers summed to cities and the province along the
  region hierarchy (``regions-shanxi``), every total checked against its lines.
"""

from __future__ import annotations

from .page import report_html, write_report
from .regions import LEVELS, Hierarchy
from .rollup import check_sums, rollup, rollup_regions, rollups
from .tables import composition, geep_table, headline, money_groups

__all__ = [
    "LEVELS",
    "Hierarchy",
    "check_sums",
    "composition",
    "geep_table",
    "headline",
    "money_groups",
    "report_html",
    "rollup",
    "rollup_regions",
    "rollups",
    "write_report",
]
