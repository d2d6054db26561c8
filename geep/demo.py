"""``geep demo``: the bundled Shanxi example end to end.

Reads the illustrative Shanxi workbook (11 prefecture-level cities, 2015 and 2020), validates
it, runs ESV, GEP and GEEP at 2020 prices, compares the cities and the two years, sets the
plan indicators against the targets of 《美丽山西建设规划纲要(2023-2035年)》, runs the Fen
River compensation example when that capability is installed, and writes every ledger and a
comparison workbook (plus PNG figures when matplotlib is available).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .comparison import compare
from .examples import example_path
from .io.read import read_inputs
from .ledger import Ledger
from .messages import msg
from .methods.esv import esv
from .methods.geep_account import geep
from .methods.gep import gep
from .plan import plan_indicators

PRICE_YEAR = 2020


@dataclass
class DemoResult:
    """What the demo produced: ledgers, comparison, plan indicators and written files."""

    esv: Ledger
    gep: Ledger
    geep: Ledger
    summary: pd.DataFrame
    plan: pd.DataFrame
    files: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def run_demo(
    out: str | Path,
    lang: str = "en",
    progress: Callable[[str], None] | None = None,
    figures: bool = True,
) -> DemoResult:
    """Run the Shanxi example into folder ``out`` (created if needed) and return the results."""
    say = progress or (lambda _m: None)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    src = example_path("shanxi", "shanxi-example.xlsx")
    files: list[Path] = []
    copy = out / "shanxi-example-inputs.xlsx"
    files.append(_copy_example(src, copy, lang))

    say("reading and validating the example workbook")
    inputs = read_inputs(src)
    regions = inputs.get("regions")
    say("ESV (Xie 2015 equivalent factors)")
    e = esv(inputs, price_year=PRICE_YEAR)
    say("GEP (function-value method, cn-gep-2020 profile)")
    g = gep(inputs, price_year=PRICE_YEAR)
    say("GEEP = GDP − PDC − EDC + ERS")
    gg = geep(g, inputs, price_year=PRICE_YEAR)
    for name, ledger in (("esv", e), ("gep", g), ("geep", gg)):
        files.append(ledger.to_excel(out / f"shanxi-{name}.xlsx", lang=lang))
        files.append(ledger.to_csv(out / f"shanxi-{name}.csv"))

    say("comparing cities and years")
    cities_2020 = compare(_year(gg, 2020), across="region", level="service", regions=regions)
    files.append(cities_2020.to_excel(out / "shanxi-compare-cities-geep-2020.xlsx", lang=lang))
    years = compare(Ledger.concat([g, gg]), across="year", level="service", regions=regions)
    files.append(years.to_excel(out / "shanxi-compare-2015-2020.xlsx", lang=lang))

    say("plan indicators against the 2025/2035 targets")
    from .io.atomic import atomic_write_bytes
    from .messages import language_scope

    with language_scope(lang):  # its notes in the reader's language
        plan = plan_indicators(inputs)
    plan_path = out / "shanxi-plan-indicators.csv"
    # UTF-8 with BOM: opens with its Chinese notes intact in a spreadsheet
    atomic_write_bytes(plan_path, plan.to_csv(index=False, lineterminator="\n").encode("utf-8-sig"))
    files.append(plan_path)

    notes = [msg("demo.note_illustrative")]
    if g.status != "released" or gg.status != "released":
        notes.append(msg("demo.note_provisional"))
    files += _compensation(out, lang, say, notes)
    if figures:
        files += _figures(out, g, gg, say, notes)
    summary = _summary(gg, e, regions)
    return DemoResult(e, g, gg, summary, plan, files, notes)


def _copy_example(src: Path, dest: Path, lang: str) -> Path:
    """Copy the example workbook to ``dest``; in another language than English its 'about'
    sheet and the banner over each data sheet (row 1) are written in that language, through
    the one workbook writer and atomically. The tables are unchanged."""
    if lang == "en":
        shutil.copyfile(src, dest)
        return dest
    from openpyxl import load_workbook
    from openpyxl.styles import Alignment

    from .io.atomic import atomic_write_bytes
    from .io.writer import print_ready_bytes
    from .messages import language_scope

    with language_scope(lang):
        wb = load_workbook(src)
        about = wb["about"]
        about.delete_rows(1, about.max_row)
        about.title = msg("example.about")
        about.append([msg("example.about_title")])
        about.append([])
        about.append([msg("example.about_text")])
        about["A3"].alignment = Alignment(wrap_text=True, vertical="top")
        about.row_dimensions[3].height = 15 * 6
        banner = msg("example.banner", about=about.title)
        for ws in wb.worksheets[1:]:
            ws["A1"].value = banner
        atomic_write_bytes(dest, print_ready_bytes(wb))
    return dest


def _year(ledger: Ledger, year: int) -> Ledger:
    lines = ledger.lines
    return Ledger(lines[lines["year"] == year], ledger.meta)


def _summary(gg: Ledger, e: Ledger, regions: pd.DataFrame | None) -> pd.DataFrame:
    by = gg.lines.pivot_table(
        index=["region_code", "region_name", "year"],
        columns="service",
        values="value",
        aggfunc="sum",
        observed=True,
    ).reset_index()
    by["geep"] = by[["gdp", "pdc", "edc", "ers"]].sum(axis=1)
    esv_tot = e.lines.groupby(["region_code", "year"], observed=True)["value"].sum()
    by["esv"] = [
        esv_tot.get((r, y), float("nan"))
        for r, y in zip(by["region_code"], by["year"], strict=True)
    ]
    for c in ("gdp", "ers", "geep", "esv"):
        by[c] = by[c] / 1e8
    by["geep/gdp"] = by["geep"] / by["gdp"]
    cols = ["region_code", "region_name", "year", "gdp", "ers", "geep", "geep/gdp", "esv"]
    return by[cols].rename(
        columns={
            "gdp": "GDP (亿元)",
            "ers": "ERS (亿元)",
            "geep": "GEEP (亿元)",
            "esv": "ESV (亿元)",
        }
    )


def _compensation(out: Path, lang: str, say, notes: list[str]) -> list[Path]:
    """The Fen River example (synthetic observations, provisional scheme) into ``out``."""
    try:
        from .compensation import compensate
    except ImportError:  # pragma: no cover - capability not installed
        return []
    say(msg("demo.step_fen"))
    obs = pd.read_csv(example_path("compensation", "fen_observations.csv"), dtype=str)
    flows = pd.read_csv(example_path("compensation", "fen_flows.csv"), dtype=str)
    settlement = compensate("fen-river", obs, flows=flows)
    path = settlement.to_excel(out / "fen-river-settlement.xlsx", lang=lang)
    years = sorted(int(y) for y in settlement.net["settlement_year"].unique())
    for y in years:
        net = settlement.net[settlement.net["settlement_year"] == y]
        payers = ", ".join(
            f"{r.party_name or r.party} {r.net:,.1f} {r.amount_unit}"
            for r in net.itertuples()
            if r.net < 0
        )
        status = msg(f"status.{settlement.status.upper()}")
        notes.append(msg("demo.note_fen", year=y, status=status, payers=payers))
    return [Path(path)]


def _figures(out: Path, g: Ledger, gg: Ledger, say, notes: list[str]) -> list[Path]:
    try:
        from . import plot
    except ImportError:
        notes.append(msg("demo.note_no_figures"))
        return []
    say(msg("demo.step_figures"))
    return [
        plot.gep_composition(g, out / "shanxi-gep-composition.png", year=PRICE_YEAR),
        plot.geep_waterfall(gg, out / "shanxi-geep-waterfall.png", year=PRICE_YEAR),
    ]
