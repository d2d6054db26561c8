"""The zh allow-list check of issue 17: text shown to a Chinese reader holds no English outside
codes, units, file names and the explicit allow-list below.

:func:`english_words` cuts a text into runs of ASCII word characters; a run that holds a digit,
``_ . @ = / \\ :`` or starts with ``-`` is a code, a number, a file name, a path or an option and
passes; every other run is split into its letter runs, each of which must be in :data:`ALLOW`
(or in the extra words a caller passes: a parser's metavars and choices, a workbook's machine
header row).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

#: words a Chinese reader sees on purpose (each group says why)
_GROUPS = (
    # names of methods, frameworks and standards (no Chinese abbreviation in use)
    "ESV GEP GEEP GDP SEEA EA SNA CCER CPI PPP IPCC UN InVEST USLE RUSLE CASA Sobol Morris ",
    "BT PDC EDC ERS ",
    "CEA ",  # China Emission Allowance of the national carbon market (as CCER, no Chinese abbreviation)
    "Saltelli Monte Carlo LHS Costanza Xie Ouyang ",
    # file formats and software the reader must recognise
    "CSV HTML PNG PDF Excel UTF BOM JSON YAML XLSX GeoTIFF TIFF COG Parquet GeoPackage GeoJSON ",
    "Shapefile Dask SALib exactextract CPU geep Python pandas ",
    # unit symbols and chemical formulas (the Chinese documents write them so)
    "ha hm km kg t m s d h a yr mm mu kWh MWh GJ kW MW CO SO NOx NO COD NH N P TP TN BOD PM Pa ",
    "kPa ",
    # the MJ of the USLE erosivity unit, USLE's LS factor symbol, and the count units geep
    # accepts in unit columns (population in person, recreation visits in visit)
    "MJ LS person visit ",
    "tce ",  # tonne of coal equivalent (标准煤当量吨), the unit of energy-use rights
    "yuan RMB ",
    # standard abbreviations of statistical output
    "NaN NA nan inf p q min max sd CV CS ID id ",
    # date patterns and currency codes
    "YYYY MM DD CNY USD ",
    # the ledger's machine sheet "lines" (read back by geep; its rows have Chinese headers)
    "lines ",
    # ids a user types: catalogue tables of raster classes, Dask scheduler names, the LOCK file
    "clcd cnlucc threads processes synchronous LOCK ",
    # national standards (GB = 国家标准, the code prefix) and the land-cover datasets' own
    # abbreviations, written so in Chinese titles (CLCD, CNLUCC)
    "GB CLCD CNLUCC ",
    # the language codes of --lang
    "en zh",
)
ALLOW = frozenset(w for group in _GROUPS for w in group.split())

_TOKEN = re.compile(r"[!-~]+")  # maximal runs of printable ASCII without spaces
_EDGE = "()[]{}<>\"'`,;:!?.*|…"
_CODE = re.compile(r"[0-9_.@=/\\:,\-+$%#&~]|^[A-Z]$")
_LETTERS = re.compile(r"[A-Za-z]+")


def english_words(text: str, extra: Iterable[str] = ()) -> list[str]:
    """The English words of ``text`` that are neither codes nor allowed (in order).

    A token (printable ASCII between spaces or Chinese characters) stripped of brackets and
    punctuation at its edges is a code when it starts with ``-`` (an option) or holds a digit
    or one of ``_ . @ = / \\ : , - + $ % # & ~`` inside (``forest.broadleaf``, ``fen-river``,
    ``xie2015-factors@2015``, ``a,b,c``, ``inputs.xlsx``, ``sheet!A1``), or is one capital
    letter (a cell column, a metavar), or is quoted (``'about'``: a sheet's name); the letter
    runs of any other token must be allowed.
    """
    allowed = ALLOW | set(extra)
    found = []
    for token in _TOKEN.findall(str(text)):
        if token.startswith(("-", ".")):  # an option, or a file suffix (.xlsx)
            continue
        if len(token) > 2 and token[0] == token[-1] and token[0] in "'`\"":
            continue  # a quoted name: 'about' (a sheet), `geep validate` (a command)
        token = token.strip(_EDGE)
        if not token or token.startswith("-") or _CODE.search(token):
            continue
        found.extend(w for w in _LETTERS.findall(token) if w not in allowed)
    return found


def machine_row(values: Iterable[object]) -> bool:
    """Whether a header row is geep's machine-name row: no Chinese, and at least two cells
    are snake_case names (the others may be side names such as ``2015`` or ``pct:2020``)."""
    cells = [str(v) for v in values if v not in (None, "")]
    if any(re.search(r"[\u4e00-\u9fff]", c) for c in cells):
        return False
    return sum(bool(re.fullmatch(r"[a-z][a-z0-9_]*", c)) for c in cells) >= 2


#: columns whose cells are codes (a label column stands beside them under zh)
CODE_COLUMNS = frozenset(
    [
        # the ledger's provenance columns of its machine sheet "lines" (read back by geep)
        "input_ref",
        "flags",
        "coefficient",
        "account",
        "category",
        "service",
        "indicator",
        "method",
        "status",
        "evidence",
        "ref",
        "key",
        "kind",
        "edition",
        "profile",
        "table",
        "column",
        "land_class",
        "ecosystem_type",
        "pollutant",
        "right",
        "holder_kind",
        "currency",
        "scheme",
        # the code columns of the drivers and forest_prices input tables (driver and price ids)
        "variable",
        "price",
        # the component id and rule of a compensation scheme (as written in the scheme file)
        "component",
        "rule",
        # the code columns of the trading positions workbook: flows of postings, legs of money
        # postings, families of rights, levels of regions (their Chinese names stand beside
        # them in flow_label, leg_label, family_label, region_level_label)
        "flow",
        "leg",
        "family",
        "region_level",
        # the citation keys of a scheme's parameters and sections (keys of its sources: S4, REFU)
        "source",
        # the codes of sensitivity results: the grouped codes (services, coefficient refs …)
        # and distribution names (their Chinese names stand beside them in group_label and
        # dist_label)
        "group",
        "dist",
    ]
)


def _is_code_column(name: str) -> bool:
    return name in CODE_COLUMNS or name.endswith(("_code", "_unit", "unit", "_id", "_class"))


def workbook_findings(path, extra: Iterable[str] = ()) -> list[str]:
    """``file!sheet!cell: text [words]`` for every text cell of a workbook with English.

    Sheets whose name starts with ``_`` (geep's hidden metadata), formulas and JSON cells are
    machine text; a machine header row (every cell a snake_case name) is allowed and makes
    the cells below it in code columns (:data:`CODE_COLUMNS`) codes, until a blank row.
    """
    import openpyxl

    wb = openpyxl.load_workbook(path, read_only=True)
    out = []
    for ws in wb.worksheets:
        words = english_words(ws.title, extra)
        if words:
            out.append(f"{path.name}!{ws.title}: sheet name {words}")
        if ws.title.startswith("_"):
            continue
        out += [f"{path.name}!{f}" for f in _sheet_findings(ws, set(extra))]
    return out


def _sheet_findings(ws, extra: set[str]) -> list[str]:
    out = []
    codes: set[int] = set()
    in_table = False  # a machine row only counts right under a title/header row, not in data
    for row in ws.iter_rows():
        values = [c.value for c in row]
        if all(v in (None, "") for v in values):
            codes, in_table = set(), False
            continue
        if not in_table and machine_row(values):
            codes = {i for i, v in enumerate(values) if v and _is_code_column(str(v))}
            in_table = True
            continue
        for i, cell in enumerate(row):
            value = cell.value
            if not isinstance(value, str) or i in codes or value.startswith(("=", "{", "[")):
                continue
            words = english_words(value, extra)
            if words:
                out.append(f"{ws.title}!{cell.coordinate}: {value[:120]!r} {words}")
    return out


def text_findings(where: str, text: str, extra: Iterable[str] = ()) -> list[str]:
    """``where:line: text [words]`` for every line of ``text`` with English."""
    out = []
    for i, line in enumerate(str(text).splitlines(), start=1):
        words = english_words(line, extra)
        if words:
            out.append(f"{where}:{i}: {line.strip()[:160]!r} {words}")
    return out


def machine_names() -> set[str]:
    """geep's machine names a reader types or sees as codes: input tables and their columns,
    ledger columns, the sheets of trading journals and compensation workbooks."""
    from geep.cli import VERBS
    from geep.inputs.spec import TABLES
    from geep.ledger import COLUMNS

    names = set(TABLES) | set(COLUMNS) | set(VERBS)  # verbs: `geep batch` on a progress bar
    for table in TABLES.values():
        names.update(str(c.name) if hasattr(c, "name") else str(c) for c in table.columns)
    # sheet names of the trading journal and the compensation workbook (typed by users)
    names.update(
        ["holders", "transactions", "emissions", "observations", "flows", "sections", "parameters"]
    )
    # their column names not in the input spec, and the SEEA workbook's cube sheet
    names.update(["name", "managed", "cube"])
    # method ids (the values of --method, shown in the provenance sheet)
    names.update(["esv", "gep", "bt", "geep", "forest"])
    # the sub-command of `geep trading` a journal's instructions tell the reader to type
    names.add("positions")
    # the sub-commands of `geep grid`, shown on its progress bar (`geep grid areas`)
    names.update(["areas", "transitions"])
    return names


def parser_words(parser) -> set[str]:
    """Words of a parser that are codes: option names, metavars, choices, sub-command names."""
    import argparse

    out: set[str] = set()
    for action in parser._actions:
        for opt in action.option_strings:
            out.update(_LETTERS.findall(opt))
        if action.metavar:
            out.update(_LETTERS.findall(str(action.metavar)))
        if action.dest and not action.option_strings:
            out.add(action.dest)
        elif action.dest:  # argparse's default metavar
            out.update(_LETTERS.findall(action.dest.upper()))
        if action.choices:
            for choice in action.choices:
                out.update(_LETTERS.findall(str(choice)))
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                out |= parser_words(sub)
    return out


def help_findings(where: str, text: str, extra: Iterable[str] = ()) -> list[str]:
    """:func:`text_findings` of a help text; example command lines (``geep …``) are code."""
    lines = [ln for ln in str(text).splitlines() if not ln.strip().startswith(("geep ", "> "))]
    return text_findings(where, "\n".join(lines), extra)
